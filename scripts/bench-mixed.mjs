// Mixed-load benchmark (issue 20): a real server on a seeded folder (the demo data plus
// --policies benchmark policies, as bench-backend.mjs seeds it), driven by --workers closed-loop
// workers (no pauses: each sends its next request when the last is answered), each signed in as
// a different role (insurers, a city regulator, a provider, an enterprise). 70% of the requests
// read (the caller's filtered policy list, the hazard ledger list, the city's coverage figures, a
// policy view), 30% write: validated policy creates (bodies from the published definition and the
// packs in force: scripts/policy-bodies.mjs) and hazard events (a move of the closed loop of
// schemas/workflows/hazard.json that the worker's role may take, on hazards only that worker
// moves). Only insurers and the provider write; the others read, and the writers make up the
// share so that the whole run stays at 70/30.
// Every answer is checked, not only timed: 200; list rows all the caller's (and there are rows);
// a view of the caller's policy; figures of the caller's city; a create that returns an id and
// the number sent; an event that moved the hazard from the status the worker knew to the one
// asked, and, after the run, every hazard at the status its worker's moves left it in. One
// refused or wrong answer fails the run (exit 1), and so does memory that grows.
// Memory: the server's RSS every 10 s. "flat" when the median RSS of the last minute is at most
// 10% over the median of the minute from half-way (after the warm-up; medians, as the GC's
// saw-tooth moves single samples by tens of MiB); the slope over the second half is printed
// beside it. A run shorter than 2 minutes is too short to judge (reported, not failed).
// Usage: node scripts/bench-mixed.mjs [--minutes 10] [--seconds S (instead of minutes)]
//        [--workers 8] [--enterprises 5000] [--policies 100000] [--keep] [--reuse] [--mixed-dir DIR]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from './paths.mjs';
import { machine, serverCpuSeconds } from './bench-env.mjs';
import { pocketbaseVersion, versionOf } from './ensure.mjs';
import { backendCommand, freePort, prepareData, startServer } from './pocketbase.mjs';
import { api, percentile, round } from './bench-http.mjs';
import { memoryVerdict, nextRequest, prepareWorker, rssMiB } from './mixed-load.mjs';

const { values: opts } = parseArgs({
  strict: false, // `npm run bench` passes its arguments to every benchmark
  options: {
    minutes: { type: 'string', default: '10' },
    seconds: { type: 'string' },
    workers: { type: 'string', default: '8' },
    enterprises: { type: 'string', default: '5000' },
    policies: { type: 'string', default: '100000' },
    'mixed-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const SECONDS = opts.seconds ? Number(opts.seconds) : Number(opts.minutes) * 60;
const WORKERS = Number(opts.workers);
const ENTERPRISES = Number(opts.enterprises);
const POLICIES = Number(opts.policies);
const WRITE_SHARE = 0.3;
// issue 20: 358 requests/s measured before (5 min, 8 workers, 70% reads); the target is half more
const BASELINE_PER_S = 358;
const TARGET_PER_S = 537;
const SAMPLE_MS = 10_000;
// its own option name: `npm run bench` passes --dir to bench-coverage.mjs too
const dir = opts['mixed-dir'] ?? join(root, '.tmp', 'bench-mixed-data');
const marker = join(dir, 'azx-bench-mixed.json');
const resultsFile = join(root, '.tmp', 'bench', 'results-mixed.json');

/** Makes (or with --reuse keeps) the data folder: prepared, seeded, the benchmark policies added. */
async function ensureData() {
  if (opts.reuse && existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8'));
    console.log(`› reusing ${dir} (${m.enterprises} enterprises, ${m.policies} benchmark policies; --reuse)`);
    return { ...m, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  await prepareData(dir);
  console.log(`› seeding ${ENTERPRISES} enterprises + ${POLICIES} benchmark policies in ${dir}`);
  await backendCommand(dir, ['seed', '--seed', '42', '--enterprises', String(ENTERPRISES), '--bench-policies', String(POLICIES)], { timeout: 3_600_000 });
  const m = { enterprises: ENTERPRISES, policies: POLICIES, seedSeconds: round((performance.now() - t0) / 1000) };
  writeFileSync(marker, JSON.stringify(m));
  return m;
}

/** What the Go runtime holds from the OS (MemStats.Sys, from the heap profile's header), in MiB; null when pprof does not answer. */
async function goMemoryMiB(pprof) {
  try {
    const text = await (await fetch(`http://${pprof}/debug/pprof/heap?debug=1`)).text();
    const sys = /^# Sys = (\d+)$/m.exec(text)?.[1];
    return sys ? round(Number(sys) / 2 ** 20) : null;
  } catch {
    return null;
  }
}

async function main() {
  const env = { machine: machine(), versions: { node: process.version, go: versionOf('go', ['version']), pocketbase: pocketbaseVersion() } };
  console.log(`mixed-load benchmark on ${env.machine.cpu} × ${env.machine.cores}, load ${env.machine.loadAverage1m}; ${WORKERS} workers for ${SECONDS} s`);
  const data = await ensureData();
  // rate limits off: one address for every worker (bench-backend's setting); pprof on loopback
  // tells how much of the RSS is the Go runtime's (the rest: SQLite's page caches, the binary)
  const pprof = `127.0.0.1:${await freePort()}`;
  const server = await startServer({ dir, rateLimits: false, env: { AZX_PPROF: pprof } });
  console.log(`› server ${server.url}, pprof on ${pprof}`);
  const stats = new Map(); // action → latencies (ms)
  const failures = {};
  const memory = [];
  let requests = 0;
  let writes = 0;
  let seconds = 0;
  let cpu = null;
  let workers;
  try {
    const claimed = new Set();
    workers = [];
    for (let n = 0; n < WORKERS; n++) workers.push(await prepareWorker(server.url, n, claimed));
    const stamp = Date.now().toString(36).toUpperCase();
    for (const w of workers) w.stamp = stamp;
    console.log(`› ${workers.map((w) => `${w.email.split('@')[0]} (${[...w.reads, ...w.writes].join(', ')})`).join('; ')}`);
    if (!workers.some((w) => w.writes.length)) throw new Error('no worker can write');

    const fail = (action, detail) => {
      const key = `${action}: ${detail}`.slice(0, 300);
      failures[key] = (failures[key] ?? 0) + 1;
    };
    const t0 = Date.now();
    const until = t0 + SECONDS * 1000;
    const pid = server.child.pid;
    const sample = async () => {
      const at = { s: Math.round((Date.now() - t0) / 1000), rssMiB: rssMiB(pid), requests };
      memory.push(at);
      at.goMiB = await goMemoryMiB(pprof);
      return at;
    };
    await sample();
    const sampler = setInterval(async () => {
      const last = await sample();
      if (last.s % 60 < 10) console.log(`  ${last.s} s: ${requests} requests, ${Object.values(failures).reduce((a, b) => a + b, 0)} wrong, RSS ${last.rssMiB} MiB (Go ${last.goMiB} MiB)`);
    }, SAMPLE_MS);
    const cpu0 = serverCpuSeconds(dir);
    await Promise.all(
      workers.map(async (w) => {
        let serial = 0;
        while (Date.now() < until) {
          // the run's write share stays at 30%: a writer writes while the share is under it
          const write = w.writes.length > 0 && writes < WRITE_SHARE * (requests + 1);
          if (write) writes++;
          requests++;
          const [action, method, path, body, check] = nextRequest(w, write, serial++);
          const t = performance.now();
          let r;
          try {
            r = await api(server.url, path, { token: w.token, method, body });
          } catch (err) {
            fail(action, `network ${err.message}`);
            continue;
          }
          if (!stats.has(action)) stats.set(action, []);
          stats.get(action).push(performance.now() - t);
          if (!check(r)) fail(action, `${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
        }
      }),
    );
    seconds = (Date.now() - t0) / 1000;
    const cpu1 = serverCpuSeconds(dir);
    clearInterval(sampler);
    await sample();
    cpu = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null;
    // every event moved its hazard: each one's status is where its worker's moves left it
    for (const w of workers) {
      for (const h of w.hazards ?? []) {
        const r = await api(server.url, `/api/collections/hazards/records/${h.id}?fields=status`, { token: w.token });
        if (r.status !== 200 || r.json.status !== h.status) fail('hazard event', `hazard ${h.id} is ${r.status} ${r.json.status}, its moves left it ${h.status}`);
      }
    }
  } finally {
    await server.stop();
  }

  const wrong = Object.values(failures).reduce((a, b) => a + b, 0);
  const ORDER = ['policy list', 'hazard ledger', 'coverage figures', 'policy view', 'policy create', 'hazard event'];
  const actions = Object.fromEntries(
    [...stats].sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b)).map(([k, xs]) => {
      const s = xs.sort((a, b) => a - b);
      return [k, { n: s.length, share: round((s.length / requests) * 100), p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)) }];
    }),
  );
  const perSecond = round(requests / seconds);
  const mem = memoryVerdict(memory, seconds);
  const results = {
    at: new Date().toISOString(),
    ...env,
    loadAverageAtEnd: round(loadavg()[0]),
    data,
    workers: workers?.map((w) => ({ user: w.email, role: w.role, reads: w.reads, writes: w.writes, hazards: w.hazards?.length ?? 0 })),
    seconds: round(seconds),
    requests,
    writes,
    perSecond,
    ratioToBaseline: Math.round((perSecond / BASELINE_PER_S) * 100) / 100,
    target: { perSecond: TARGET_PER_S, met: perSecond >= TARGET_PER_S },
    wrong,
    failures,
    serverCpuMsPerRequest: cpu === null ? null : round((cpu * 1000) / requests),
    actions,
    memory,
    memoryVerdict: mem,
  };
  mkdirSync(join(root, '.tmp', 'bench'), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');

  const rows = [
    ['machine', `${env.machine.cpu} × ${env.machine.cores}, ${env.machine.memoryGiB} GiB, ${env.machine.os}, load ${env.machine.loadAverage1m} at start, ${results.loadAverageAtEnd} at end`],
    ['versions', `node ${env.versions.node}, ${env.versions.go}, PocketBase ${env.versions.pocketbase}`],
    ['data', `${data.enterprises} enterprises (seed 42) + ${data.policies} benchmark policies${data.reused ? ' (reused)' : ''}`],
    ['load', `${WORKERS} closed-loop workers for ${round(seconds)} s, ${round((writes / requests) * 100)}% writes`],
    ['throughput', `${perSecond} requests/s (${requests} requests), ${results.ratioToBaseline}× issue 20's ${BASELINE_PER_S}/s; target ≥ ${TARGET_PER_S}/s ${results.target.met ? 'MET' : 'MISSED'}`],
    ['wrong or refused', `${wrong}`],
    ['server CPU', `${results.serverCpuMsPerRequest} ms per request`],
    ...Object.entries(actions).map(([k, a]) => [k, `p50 ${a.p50} ms, p95 ${a.p95} ms, p99 ${a.p99} ms (${a.n}, ${a.share}%)`]),
    ['server RSS (s: MiB)', memory.map((m) => `${m.s}:${m.rssMiB}`).join(' ')],
    ['of it Go (s: MiB)', memory.map((m) => `${m.s}:${m.goMiB ?? '?'}`).join(' ')],
    ['memory', `${mem.verdict} (${mem.why})`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('\nAZX mixed-load benchmark');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  console.log(`\nresults written to ${resultsFile}`);
  if (!opts.keep && !opts.reuse) rmSync(dir, { recursive: true, force: true });
  if (wrong > 0) console.error(`${wrong} answers were refused or wrong: the figures are not valid`, failures);
  if (mem.verdict === 'grows') console.error('the server\'s memory grew under steady load');
  if (wrong > 0 || mem.verdict === 'grows') process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
