// `npm test`: the whole set-up of a fresh clone, then every test, then one line `N passed, N failed`.
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './paths.mjs';
import {
  ensureBackend,
  ensureChromium,
  ensureDebianPackage,
  ensureNodeModules,
  ensurePrintTools,
} from './ensure.mjs';

const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const totals = { passed: 0, failed: 0 };
const failures = [];
const started = Date.now();

function step(title, fn) {
  const t0 = Date.now();
  console.log(`\n━━ ${title}`);
  try {
    const counts = fn();
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    if (counts.failed) {
      failures.push(`${title}: ${counts.failed} failed`);
      // Named again at the end: CI shows only the tail of a long log.
      for (const name of counts.names ?? []) failures.push(`  ✗ ${name}`);
    }
    console.log(`━━ ${title}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (err) {
    totals.failed += 1;
    failures.push(`${title}: ${err.message}`);
    console.log(`━━ ${title}: could not run: ${err.message}`);
  }
}

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env }, ...opts });
}

/** A check that is one test: it passes when the command exits 0. */
function check(cmd, args, opts) {
  const r = run(cmd, args, opts);
  return r.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

function readSummary(file, exitStatus) {
  // A reporter's file stream can still be flushing when its process has exited: wait a little.
  let counts;
  for (let attempt = 0; counts === undefined && attempt < 50; attempt++) {
    try {
      counts = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  if (counts === undefined) throw new Error(`no test summary was written (exit ${exitStatus})`);
  // A runner that failed without failing a test (a crash, a timeout) still counts as a failure.
  if (exitStatus !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

step('set-up', () => {
  ensureNodeModules();
  ensureChromium();
  ensureDebianPackage('sqlite3', '/usr/bin/sqlite3', 'the audit tamper tests');
  ensureDebianPackage('fonts-wqy-zenhei', '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 'Chinese text in the end-to-end reflow measures and screenshots');
  ensureDebianPackage('systemd', '/usr/bin/systemd-analyze', 'the release test (it checks the systemd units)');
  ensureDebianPackage('curl', '/usr/bin/curl', 'the release test (the README block ends with curl)');
  ensurePrintTools();
  ensureBackend();
  return { passed: 0, failed: 0 };
});

step('generated record types are current (types.mjs --check)', () => check(process.execPath, ['scripts/types.mjs', '--check']));

step('types (tsc --noEmit)', () => check(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']));

// Built first: the package tests and the Storybook docs need dist/ (the manifest).
step('library build (npm run build)', () => check(process.execPath, ['scripts/build.mjs']));

// npm pack into a fresh app, and the framework example apps installed, built and driven end to end
const packageTests = background('package and framework examples (npm pack, React, Vue 3, Vue 2.7, Angular, HTML/jQuery)', 'package');

step('backend unit tests (go test)', () => {
  const r = spawnSync('go', ['test', '-json', '-count=1', './...'], {
    cwd: join(root, 'backend'),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const results = new Map();
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const ev = JSON.parse(line);
    if (ev.Action === 'output' && (ev.Output.includes('FAIL') || ev.Output.includes('panic'))) process.stdout.write(ev.Output);
    if (ev.Test && (ev.Action === 'pass' || ev.Action === 'fail')) results.set(`${ev.Package} ${ev.Test}`, ev.Action);
  }
  if (r.status !== 0 && r.stderr) process.stdout.write(r.stderr);
  // Count leaves only: a parent test passes or fails with its subtests.
  const names = [...results.keys()];
  const leaves = names.filter((n) => !names.some((m) => m.startsWith(`${n}/`)));
  const counts = { passed: 0, failed: 0, names: [] };
  for (const n of leaves) {
    const passed = results.get(n) === 'pass';
    counts[passed ? 'passed' : 'failed']++;
    if (!passed) counts.names.push(n);
  }
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
});

/** The node:test command for the files of one folder, one file at a time, counted by our summary reporter. */
function nodeTestArgs(folder) {
  const files = readdirSync(join(root, 'test', folder)).filter((f) => f.endsWith('.test.mjs'));
  if (files.length === 0) throw new Error(`no test files in test/${folder}`);
  const summary = join(tmp, `node-summary-${folder}.json`);
  rmSync(summary, { force: true });
  const args = [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-test-summary.mjs',
    `--test-reporter-destination=${summary}`,
    ...files.map((f) => join('test', folder, f)),
  ];
  return { args, summary };
}

function nodeTests(folder) {
  const { args, summary } = nodeTestArgs(folder);
  const r = run(process.execPath, args);
  return readSummary(summary, r.status);
}

/**
 * A node:test folder run in the background while the steps after it run in the foreground: its
 * work (npm installs, framework builds) waits on the network and the disk as much as on the
 * cores. Its output goes to .tmp/<folder>.log and is shown, with its counts, by finish().
 */
function background(title, folder) {
  let started;
  try {
    started = nodeTestArgs(folder);
  } catch (err) {
    return { finish: async () => step(title, () => { throw err; }) };
  }
  const log = join(tmp, `${folder}.log`);
  const out = openSync(log, 'w');
  const t0 = Date.now();
  const child = spawn(process.execPath, started.args, { cwd: root, stdio: ['ignore', out, out] });
  closeSync(out);
  const exited = new Promise((resolve) => {
    child.once('exit', (code) => resolve(code ?? 1));
    child.once('error', () => resolve(1));
  });
  console.log(`\n━━ ${title}: started in the background (output in .tmp/${folder}.log)`);
  return {
    async finish() {
      const status = await exited;
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      step(`${title} (background, ${seconds} s from its start)`, () => {
        process.stdout.write(readFileSync(log, 'utf8'));
        return readSummary(started.summary, status);
      });
    },
  };
}

step('backend API tests (node:test against a real PocketBase)', () => nodeTests('backend'));

step('browser tests (web-test-runner in Chromium)', () => {
  const summary = join(tmp, 'wtr-summary.json');
  rmSync(summary, { force: true });
  const r = run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs']);
  return readSummary(summary, r.status);
});

step('release (npm run release, then README "Deploy" followed on this machine)', () => nodeTests('release'));

step('end-to-end tests (index.html under a strict CSP, in Chromium)', () => {
  // The portal script is built from the current source, so the test sees this commit.
  if (run(process.execPath, ['scripts/build-demo.mjs']).status !== 0) throw new Error('demo build failed');
  return nodeTests('e2e');
});

step('storybook build', () =>
  check(process.execPath, ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '--quiet', '-o', join('.tmp', 'storybook-static')], {
    env: { STORYBOOK_DISABLE_TELEMETRY: '1' },
  }),
);

step('storybook docs pages (every element, getting started per framework, theming, words; in Chromium)', () => nodeTests('storybook'));

await packageTests.finish();

const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\n${failures.length ? `Failures:\n  ${failures.join('\n  ')}\n` : ''}(${minutes} min)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
