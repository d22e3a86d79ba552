// Backend benchmark: a fresh data folder with the demo data plus 100,000 policies, then
// (a) validated policy creates per second through the HTTP API as an insurer (bodies built from
//     the published definition and the rule packs in force, rated as <azx-policy-entry> rates
//     them: scripts/policy-bodies.mjs; a refused create fails the benchmark),
// (b) list-with-filter latency over the policies as an insurer and as a city regulator, and
// (c) the server's rule evaluation of one policy (Go benchmark BenchmarkJudgePolicy, µs).
// Usage: node scripts/bench-backend.mjs [--policies 100000] [--creates 3000] [--concurrency 12]
//        [--lists 200] [--keep]
import { rmSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from './paths.mjs';
import { machine, serverCpuSeconds } from './bench-env.mjs';
import { prepareData, startServer, backendCommand, SUPERUSER } from './pocketbase.mjs';
import { benchCreatesWrk } from './bench-creates-wrk.mjs';
import { policyBodies } from './policy-bodies.mjs';

const { values: opts } = parseArgs({
  options: {
    policies: { type: 'string', default: '100000' },
    creates: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '12' },
    lists: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const BENCH_POLICIES = Number(opts.policies);
const CREATES = Number(opts.creates);
const CONCURRENCY = Number(opts.concurrency);
const LISTS = Number(opts.lists);
const PASSWORD = 'azx-demo-2026';
const TARGET_CREATES_PER_S = 600;
// the policies' start: a day the packs of every seeded region govern alike
const POLICY_START = '2026-06-01';
const TARGET_P95_MS = 50;

const dir = join(root, '.tmp', 'bench-backend-data');
const resultsFile = join(root, '.tmp', 'bench', 'results-backend.json');

function versionOf(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split('\n')[0] : null;
}

function environment() {
  const gomod = readFileSync(join(root, 'backend', 'go.mod'), 'utf8');
  const pb = /github\.com\/pocketbase\/pocketbase (v[\d.]+)/.exec(gomod)?.[1] ?? 'unknown';
  return {
    machine: machine(),
    versions: {
      node: process.version,
      go: versionOf('go', ['version']),
      pocketbase: pb,
      chromium: existsSync('/usr/bin/chromium') ? versionOf('/usr/bin/chromium', ['--version']) : null,
    },
  };
}


/** Runs fn and adds the server's CPU milliseconds per request to its result. */
async function withCpu(fn, requests) {
  const before = serverCpuSeconds(dir);
  const result = await fn();
  const after = serverCpuSeconds(dir);
  const n = requests(result);
  result.serverCpuMsPerRequest = before === null || after === null || !n ? null : round(((after - before) * 1000) / n);
  return result;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

async function api(url, path, { token, method = 'GET', body } = {}) {
  const res = await fetch(url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: res.status, json };
}

async function login(url, email) {
  const r = await api(url, '/api/collections/users/auth-with-password', {
    method: 'POST',
    body: { identity: email, password: PASSWORD },
  });
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.json)}`);
  return { token: r.json.token, user: r.json.record };
}

/**
 * What a create needs: the insurer's token and organization, and for each enterprise it sees a
 * valid body (rated by the packs, checked before any is timed) whose number is filled in later.
 */
async function createContext(url) {
  const { token, user } = await login(url, 'insurer-1@azx.demo');
  const ents = await api(url, '/api/collections/enterprises/records?perPage=200&skipTotal=1&fields=id,data', { token });
  const enterprises = ents.json.items ?? [];
  if (enterprises.length === 0) throw new Error('the insurer sees no enterprises');
  const builder = await policyBodies({ url, token, insurer: user.organization, start: POLICY_START });
  const bodies = [];
  for (const e of enterprises) bodies.push(await builder.body(e, '__N__'));
  const body = (i, policyNo) => JSON.parse(JSON.stringify(bodies[i % bodies.length]).replace('"__N__"', JSON.stringify(policyNo)));
  return { token, user, version: builder.version, bodies, body };
}

async function benchCreates(url, count, concurrency) {
  const { token, body: bodyOf } = await createContext(url);

  let next = 0;
  let ok = 0;
  const failures = {};
  const latencies = [];
  const runId = Date.now().toString(36).toUpperCase();
  async function worker() {
    for (;;) {
      const i = next++;
      if (i >= count) return;
      const body = bodyOf(i, `HTTP-${runId}-${String(i).padStart(6, '0')}`);
      const t0 = performance.now();
      const r = await api(url, '/api/collections/policies/records', { token, method: 'POST', body });
      latencies.push(performance.now() - t0);
      if (r.status === 200) ok++;
      else {
        const key = `${r.status} ${JSON.stringify(r.json).slice(0, 200)}`;
        failures[key] = (failures[key] ?? 0) + 1;
      }
    }
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: count,
    created: ok,
    failures,
    concurrency,
    seconds: round(seconds),
    perSecond: round(ok / seconds),
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)) },
  };
}

const INDUSTRIES = ['hazardous_chemicals', 'construction', 'transport', 'metal_smelting', 'fuel_station', 'hazchem_user'];
const PERIODS = [
  ['2024-01-01', '2024-12-31'],
  ['2025-01-01', '2025-06-30'],
  ['2025-07-01', '2025-12-31'],
  ['2026-01-01', '2026-10-31'],
];

/** (b) list latency: filter by industry and period start, newest first, 50 a page, no total. */
async function benchList(url, email) {
  const { token } = await login(url, email);
  const latencies = [];
  let rows = 0;
  const query = (i) => {
    const industry = INDUSTRIES[i % INDUSTRIES.length];
    const [from, to] = PERIODS[Math.floor(i / INDUSTRIES.length) % PERIODS.length];
    const filter = `industry = "${industry}" && period_start >= "${from} 00:00:00" && period_start <= "${to} 23:59:59"`;
    return `/api/collections/policies/records?filter=${encodeURIComponent(filter)}&sort=-period_start&perPage=50&skipTotal=1`;
  };
  for (let i = 0; i < 10; i++) await api(url, query(i), { token }); // warm-up
  for (let i = 0; i < LISTS; i++) {
    const t0 = performance.now();
    const r = await api(url, query(i), { token });
    latencies.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`list as ${email}: ${r.status} ${JSON.stringify(r.json)}`);
    rows += r.json.items.length;
  }
  latencies.sort((a, b) => a - b);
  return {
    user: email,
    requests: LISTS,
    avgRows: round(rows / LISTS),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      max: round(latencies.at(-1)),
    },
  };
}

function round(x) {
  return Math.round(x * 10) / 10;
}

async function main() {
  const env = environment();
  console.log(`backend benchmark on ${env.machine.cpu} × ${env.machine.cores}, ${env.machine.memoryGiB} GiB`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  let t0 = performance.now();
  await prepareData(dir);
  const prepareSeconds = (performance.now() - t0) / 1000;
  console.log(`› data folder prepared in ${round(prepareSeconds)} s; seeding 5,000 enterprises + ${BENCH_POLICIES} policies`);
  t0 = performance.now();
  const seedOut = await backendCommand(dir, ['seed', '--seed', '42', '--enterprises', '5000', '--bench-policies', String(BENCH_POLICIES)], {
    timeout: 3_600_000,
  });
  const seedSeconds = (performance.now() - t0) / 1000;
  const seededIn = /seeded in ([\dhmsµ.]+)/.exec(seedOut)?.[1];
  const benchLine = /added (\d+) benchmark policies in ([^ ]+) \((\d+)\/s\)/.exec(seedOut);
  console.log(`› seed: demo data in ${seededIn}; ${benchLine?.[1]} benchmark policies in ${benchLine?.[2]} (${benchLine?.[3]}/s through app.Save)`);

  const server = await startServer({ dir, rateLimits: false });
  let creates, createsWrk, createsSequential, lists;
  try {
    const su = await api(server.url, '/api/collections/_superusers/auth-with-password', {
      method: 'POST',
      body: { identity: SUPERUSER.email, password: SUPERUSER.password },
    });
    const policies = await api(server.url, '/api/collections/policies/records?perPage=1', { token: su.json.token });
    console.log(`› server up; ${policies.json.totalItems ?? '?'} policies stored`);
    creates = await withCpu(() => benchCreates(server.url, CREATES, CONCURRENCY), (r) => r.requests);
    const ctx = await createContext(server.url);
    const wrkBody = ctx.body(0, `WRK-${Date.now().toString(36).toUpperCase()}-__N__`);
    createsWrk = await withCpu(async () => benchCreatesWrk(server.url, { token: ctx.token, body: wrkBody, connections: CONCURRENCY }) ?? { requests: 0 }, (r) => r.requests);
    // one client at a time: the cost of one validated write without queueing behind others
    createsSequential = await withCpu(() => benchCreates(server.url, Math.max(50, Math.round(CREATES / 6)), 1), (r) => r.requests);
    lists = [];
    for (const user of ['insurer-1@azx.demo', 'regulator-330100@azx.demo']) {
      lists.push(await withCpu(() => benchList(server.url, user), (r) => r.requests + 10));
    }
  } finally {
    await server.stop();
  }

  const judge = judgeBench();
  const results = {
    at: new Date().toISOString(),
    ...env,
    seed: {
      seconds: round(seedSeconds),
      demoData: seededIn,
      benchPolicies: Number(benchLine?.[1] ?? 0),
      benchPoliciesPerSecond: Number(benchLine?.[3] ?? 0),
    },
    creates,
    createsWrk,
    createsSequential,
    lists,
    ruleEvaluation: judge,
    targets: {
      // The server's capacity: measured with wrk when it is installed (the Node client competes
      // with the server for the same two cores), else with the Node client.
      createsPerSecond: {
        target: TARGET_CREATES_PER_S,
        measuredWith: createsWrk?.client ?? 'node',
        met: (createsWrk?.perSecond ?? creates.perSecond) >= TARGET_CREATES_PER_S,
      },
      listP95Ms: { target: TARGET_P95_MS, met: lists.every((l) => l.latencyMs.p95 < TARGET_P95_MS) },
    },
  };
  mkdirSync(join(root, '.tmp', 'bench'), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');

  const rows = [
    ['machine', `${env.machine.cpu} × ${env.machine.cores}, ${env.machine.memoryGiB} GiB, ${env.machine.os}, load ${env.machine.loadAverage1m} at start, ${round(loadavg()[0])} at end`],
    ['versions', `node ${env.versions.node}, ${env.versions.go}, PocketBase ${env.versions.pocketbase}, ${env.versions.chromium ?? 'no chromium'}`],
    ['seed (5,000 enterprises)', `${seededIn}`],
    ['bench policies via app.Save', `${benchLine?.[1]} at ${benchLine?.[3]}/s`],
    [
      `creates, HTTP, ${CONCURRENCY} concurrent`,
      `${creates.perSecond}/s (Node client; ${creates.created}/${creates.requests} ok, p50 ${creates.latencyMs.p50} ms, p95 ${creates.latencyMs.p95} ms, server CPU ${creates.serverCpuMsPerRequest} ms each)`,
    ],
    [
      `creates, HTTP, ${CONCURRENCY} conns (wrk)`,
      createsWrk?.client
        ? `${createsWrk.perSecond}/s (${createsWrk.created}/${createsWrk.requests} ok in ${createsWrk.seconds} s, p50 ${createsWrk.latencyMs.p50} ms, p95 ${createsWrk.latencyMs.p95} ms, server CPU ${createsWrk.serverCpuMsPerRequest} ms each) target ≥ ${TARGET_CREATES_PER_S}/s ${results.targets.createsPerSecond.met ? 'MET' : 'MISSED'}`
        : 'wrk not installed (apt-get install wrk); the target is judged on the Node figure',
    ],
    [
      'creates, HTTP, 1 client',
      `${createsSequential.perSecond}/s (p50 ${createsSequential.latencyMs.p50} ms, p95 ${createsSequential.latencyMs.p95} ms, server CPU ${createsSequential.serverCpuMsPerRequest} ms each)`,
    ],
    ['rule evaluation per policy', `${judge.microsecondsPerPolicy} µs (server, Go: computations and every rule of the packs in force; ${judge.policies} policies, each verdict checked)`],
    ...lists.map((l) => [
      `list filter, ${l.user.split('@')[0]}`,
      `p50 ${l.latencyMs.p50} ms, p95 ${l.latencyMs.p95} ms, max ${l.latencyMs.max} ms (${l.avgRows} rows/page, server CPU ${l.serverCpuMsPerRequest} ms each) target p95 < ${TARGET_P95_MS} ms ${l.latencyMs.p95 < TARGET_P95_MS ? 'MET' : 'MISSED'}`,
    ]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('\nAZX backend benchmark');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  if (Object.keys(creates.failures).length) console.log('  create failures:', creates.failures);
  if (createsWrk?.failures && Object.keys(createsWrk.failures).length) console.log('  wrk create failures:', createsWrk.failures);
  console.log(`\nresults written to ${resultsFile}`);
  if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  // a benchmark that timed refused work measured nothing: say so and fail
  const refused = creates.requests - creates.created + (createsWrk?.requests ? createsWrk.requests - createsWrk.created : 0) + createsSequential.requests - createsSequential.created;
  if (refused > 0) {
    console.error(`${refused} timed creates were refused (see the failures above): the create figures are not valid`);
    process.exit(1);
  }
}

/** (c) BenchmarkJudgePolicy of backend/internal/packs: µs per policy; throws when it fails. */
function judgeBench() {
  const n = 3000;
  const r = spawnSync('go', ['test', '-run', '^$', '-bench', 'BenchmarkJudgePolicy', '-benchtime', `${n}x`, './internal/packs/'], {
    cwd: join(root, 'backend'),
    encoding: 'utf8',
  });
  const m = /BenchmarkJudgePolicy\S*\s+\d+\s+([\d.]+) ns\/op/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(`BenchmarkJudgePolicy failed: ${r.stdout}${r.stderr}`);
  return { policies: n, microsecondsPerPolicy: round(Number(m[1]) / 1000) };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
