// Browser tests: every test/browser/**/*.test.ts in Debian's Chromium (never a downloaded one),
// against ONE real AZX backend started for the run with the shared test world in it.
//
// The world reaches the tests as JSON at /__azx/world.json (see test/browser/setup/world.ts).
// If the backend or the world cannot be made, the run goes on: tests that need no backend still
// run, and those that do fail with the reason.
// AZX_TEST_PB_URL=http://… skips the start and uses that server; it must be freshly prepared
// (migrations, superuser, definitions) because the world is created in it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { prepareData, startServer } from './scripts/pocketbase.mjs';
import { root } from './scripts/paths.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './scripts/ensure.mjs';
import { COMMONJS_PACKAGES, commonjsDeps } from './test/browser/setup/commonjs-deps.mjs';
import { jsonSchemaSuite } from './test/browser/setup/json-schema-suite.mjs';
import { printCommands } from './test/browser/setup/print-commands.mjs';

const WORLD_PATH = '/__azx/world.json';
const FIXTURES_PATH = '/__azx/fixtures.json';

/**
 * What the tests know without a backend: world users' logins and valid payloads, from the
 * shared fixtures (test/fixtures/records.mjs), so they follow the built-in definitions.
 */
async function offlineFixtures(policyNo = { A: 'AZX-OFFLINE-A-0001', B: 'AZX-OFFLINE-B-0001' }) {
  const r = await import('./test/fixtures/records.mjs');
  return {
    uscc: r.USCC,
    policyNo,
    organizations: r.ORGANIZATIONS,
    users: Object.fromEntries(
      Object.entries(r.USERS).map(([key, u]) => [
        key,
        {
          email: r.emailOf(key),
          password: r.PASSWORD,
          name: u.name,
          role: u.role,
          org: u.org,
          ...(u.scope_level ? { scopeLevel: u.scope_level, regionScope: u.region_scope } : {}),
        },
      ]),
    ),
    payloads: {
      enterprises: r.ENTERPRISES,
      policy: { E1: r.policyData(r.ENTERPRISES.E1), E2: r.policyData(r.ENTERPRISES.E2) },
      serviceReport: { A: r.serviceReportData(policyNo.A), B: r.serviceReportData(policyNo.B) },
      hazard: r.hazardData('HZ-FIXTURE-0001'),
    },
  };
}

/** Starts the backend and the world when the dev server starts; stops it with the dev server. */
function azxBackend() {
  let server = null;
  let dir = null;
  let worldJson = JSON.stringify({ error: 'the backend is still starting' });
  let fixturesJson = '{}';
  return {
    name: 'azx-backend',
    async serverStart({ logger }) {
      const t0 = Date.now();
      fixturesJson = JSON.stringify(await offlineFixtures());
      let url = process.env.AZX_TEST_PB_URL;
      let world;
      try {
        if (!url) {
          dir = mkdtempSync(join(tmpdir(), 'azx-wtr-'));
          await prepareData(dir);
          server = await startServer({ dir, rateLimits: false });
          url = server.url;
        }
        const { createWorld } = await import('./test/fixtures/world.mjs');
        world = await createWorld(url);
      } catch (err) {
        // Tests that need no backend still run; those that do fail with this reason.
        logger.error(`AZX backend for browser tests could not start: ${err.stack ?? err}`);
        worldJson = JSON.stringify({ error: String(err.message ?? err) });
        await this.serverStop();
        return;
      }
      worldJson = JSON.stringify({
        ...(await offlineFixtures(world.policyNo)),
        url,
        versions: world.versions,
        ids: world.ids,
      });
      logger.log(`AZX backend for browser tests: ${url} (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    },
    async serverStop() {
      await server?.stop();
      server = null;
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
    serve(context) {
      if (context.path === WORLD_PATH) return { body: worldJson, type: 'application/json' };
      if (context.path === FIXTURES_PATH) return { body: fixturesJson, type: 'application/json' };
      return undefined;
    },
  };
}

/** Counts leaf tests of a session's result tree, and names the failed ones (file › suite › test). */
function countTests(suite, counts, path) {
  if (!suite) return;
  for (const t of suite.tests ?? []) {
    if (t.skipped) continue;
    counts[t.passed ? 'passed' : 'failed']++;
    if (!t.passed) counts.names.push([...path, t.name].join(' › '));
  }
  for (const s of suite.suites ?? []) countTests(s, counts, [...path, s.name].filter(Boolean));
}

/** Writes `{ passed, failed, names }` to .tmp/wtr-summary.json for `npm test`'s summary. */
function summaryReporter() {
  const write = (sessions) => {
    const counts = { passed: 0, failed: 0, names: [] };
    for (const session of sessions) {
      const before = counts.failed;
      const file = relative(root, session.testFile);
      countTests(session.testResults, counts, [file]);
      // A file that failed to load, or failed outside any test, is still a failure.
      if (counts.failed === before && (session.passed === false || session.errors?.length)) {
        counts.failed++;
        counts.names.push(`${file}: ${session.errors?.[0]?.message ?? 'failed outside any test'}`);
      }
    }
    mkdirSync(join(root, '.tmp'), { recursive: true });
    writeFileSync(join(root, '.tmp', 'wtr-summary.json'), `${JSON.stringify(counts)}\n`);
  };
  return {
    onTestRunFinished({ sessions }) {
      write(sessions);
    },
  };
}

export default {
  rootDir: root,
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  // Each file is small; the budget covers a cold 2-core machine and the backend start.
  testsFinishTimeout: 600_000,
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: 15_000 } },
  // Lit announces its dev build in every file; nothing to act on.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
      },
      // One window per test page: with two pages as tabs of one window, the background tab is
      // "hidden" and never gets requestAnimationFrame, so fixture() and updates hang there.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  plugins: [
    commonjsDeps({ packages: COMMONJS_PACKAGES, rootDir: root }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'tsconfig.json') }),
    azxBackend(),
    jsonSchemaSuite(),
    printCommands({ rootDir: root }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
