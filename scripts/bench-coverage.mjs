// Coverage benchmark (issue 5): the regulators' aggregation over 100,000 enterprises and
// 200,000 policies — GET /api/azx/coverage/figures for the province (by city) and for a city (by
// county), the compliance report, and one page of a drill-down list. Target: figures and reports
// under 200 ms, also "cold": the first read after a write (an enterprise re-saved through the API
// before each run, so the answer cache is dropped and the server's fact index re-reads the row).
// It also reports how long the fact index took to load at start and the heap it holds.
//
// The data folder is made once with the seed command (100,000 enterprises with their policies,
// services and hazards, then synthetic policies up to 200,000) and kept in .tmp/bench-coverage-data
// (15-18 minutes on 2 cores shared with other work, peak 1.1 GB: seed 13-17 min, benchmark
// policies about 2 min; see backend/internal/seed/README.md); later runs reuse it. A seed that
// stopped part way leaves a folder the seed refuses as incomplete: rerun with --fresh.
// Usage: node scripts/bench-coverage.mjs [--enterprises 100000] [--policies 200000] [--runs 30] [--dir DIR] [--fresh]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from './paths.mjs';
import { machine, serverCpuSeconds } from './bench-env.mjs';
import { backendCommand, prepareData, startServer } from './pocketbase.mjs';

const { values: opts } = parseArgs({
  strict: false, // `npm run bench` passes its arguments to every benchmark
  options: {
    enterprises: { type: 'string', default: '100000' },
    policies: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '30' },
    dir: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const ENTERPRISES = Number(opts.enterprises);
const POLICIES = Number(opts.policies);
const RUNS = Number(opts.runs);
const TARGET_MS = 200;
const PASSWORD = 'azx-demo-2026';
const dir = opts.dir ?? join(root, '.tmp', 'bench-coverage-data');
const marker = join(dir, 'azx-bench-coverage.json');
const resultsFile = join(root, '.tmp', 'bench', 'results-coverage.json');

const round = (x) => Math.round(x * 10) / 10;

const percentile = (sorted, p) => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))];

/** Makes (or reuses) the data folder with the enterprises and policies asked for. */
async function ensureData() {
  // the marker is written only once the data is complete: the bench's own folder without it is
  // what an interrupted run left (the seed refuses an incomplete folder), so it starts over
  if (opts.fresh || (!opts.dir && existsSync(dir) && !existsSync(marker))) rmSync(dir, { recursive: true, force: true });
  if (existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8'));
    if (m.enterprises === ENTERPRISES && m.policies >= POLICIES) {
      console.log(`› reusing ${dir} (${m.enterprises} enterprises, ${m.policies} policies)`);
      return m;
    }
  }
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  await prepareData(dir);
  const counts = await countRows();
  if (counts.enterprises === 0) {
    console.log(`› seeding ${ENTERPRISES} enterprises (once; this takes a while)`);
    await backendCommand(dir, ['seed', '--seed', '42', '--enterprises', String(ENTERPRISES)], { timeout: 4 * 3600_000 });
  }
  const now = await countRows();
  if (now.policies < POLICIES) {
    console.log(`› adding ${POLICIES - now.policies} benchmark policies`);
    await backendCommand(dir, ['seed', '--bench-policies', String(POLICIES - now.policies)], { timeout: 4 * 3600_000 });
  }
  const done = { ...(await countRows()), seconds: round((performance.now() - t0) / 1000) };
  writeFileSync(marker, JSON.stringify(done));
  return done;
}

/** Row counts through a short-lived server (the superuser reads totals). */
async function countRows() {
  const server = await startServer({ dir, rateLimits: false });
  try {
    const su = await post(server.url, '/api/collections/_superusers/auth-with-password', { identity: 'superuser@azx.demo', password: PASSWORD });
    const total = async (c) => (await get(server.url, `/api/collections/${c}/records?perPage=1`, su.token)).json.totalItems ?? 0;
    return { enterprises: await total('enterprises'), policies: await total('policies') };
  } finally {
    await server.stop();
  }
}

async function get(url, path, token) {
  const res = await fetch(url + path, { headers: token ? { authorization: token } : {} });
  return { status: res.status, json: await res.json() };
}

async function post(url, path, body) {
  const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function patch(url, path, body, token) {
  const res = await fetch(url + path, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify(body) });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * Latencies of one request after two warm-up calls: the first read after a write (`write()`
 * before each run, untimed; without one, `fresh=1`, which skips the answer cache) and as
 * answered again until the next write (cached).
 */
async function measure(url, token, path, write, check, runs = RUNS) {
  const fresh = path + (path.includes('?') ? '&' : '?') + 'fresh=1';
  const out = {};
  for (const [name, p] of [['cold', write ? path : fresh], ['warm', path]]) {
    for (let i = 0; i < 2; i++) await get(url, p, token);
    const ms = [];
    let last;
    for (let i = 0; i < runs; i++) {
      if (name === 'cold' && write) await write();
      const t0 = performance.now();
      last = await get(url, p, token);
      ms.push(performance.now() - t0);
      // a refused or wrong answer measured nothing: the benchmark stops with exit 1
      if (last.status !== 200 || !check(last.json)) throw new Error(`${p}: wrong answer ${last.status} ${JSON.stringify(last.json).slice(0, 300)}`);
    }
    ms.sort((a, b) => a - b);
    out[name] = { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(ms[ms.length - 1]), loadAverage1m: round(loadavg()[0]) };
    out.body = last.json;
  }
  return out;
}

/** A write the fact index must follow: one enterprise (with a login) re-saved unchanged. */
async function writer(url) {
  const su = (await post(url, '/api/collections/_superusers/auth-with-password', { identity: 'superuser@azx.demo', password: PASSWORD })).token;
  const list = await get(url, `/api/collections/enterprises/records?perPage=1&skipTotal=1&filter=${encodeURIComponent("organization != ''")}`, su);
  const id = list.json.items?.[0]?.id;
  if (!id) return null;
  return () => patch(url, `/api/collections/enterprises/records/${id}`, { correction_reason: 'benchmark: re-saved to measure the first read after a write' }, su);
}

const data = await ensureData();
const server = await startServer({ dir, rateLimits: false });
try {
  const province = (await post(server.url, '/api/collections/users/auth-with-password', { identity: 'regulator-zj@azx.demo', password: PASSWORD })).token;
  const city = (await post(server.url, '/api/collections/users/auth-with-password', { identity: 'regulator-330100@azx.demo', password: PASSWORD })).token;
  // the fact index loads in the background from start; this waits for it and says what it cost
  const t0 = performance.now();
  const index = (await get(server.url, '/api/azx/coverage/index', province)).json;
  console.log(
    `\nfact index: loaded in ${round(index.loadMs)} ms (waited ${round(performance.now() - t0)} ms after start), heap ${round(index.heapBytes / 2 ** 20)} MiB; ` +
      `${index.enterprises} enterprises, ${index.policies} policies, ${index.serviceReports} service reports, ${index.hazards} hazards (load average ${round(loadavg()[0])})`,
  );
  const write = await writer(server.url);
  // each answer is checked: figures of the caller's region counting its enterprises, or a page
  const of = (code) => (json) => json.region?.code === code && json.total?.enterprises > 0 && Array.isArray(json.rows);
  const page = (json) => Array.isArray(json.items);
  const cases = [
    ['figures, province by city', province, '/api/azx/coverage/figures', true, of('330000')],
    ['figures, province, one industry and a period', province, '/api/azx/coverage/figures?industry=construction&from=2025-01-01&to=2025-12-31', true, of('330000')],
    ['figures, city by county', city, '/api/azx/coverage/figures', true, of('330100')],
    ['compliance report, city', city, '/api/azx/compliance/report', true, of('330100')],
    ['compliance report, province', province, '/api/azx/compliance/report', true, of('330000')],
    ['records: must insure, not insured (page 1)', city, '/api/azx/coverage/records?metric=uninsured', false, page],
  ];
  const results = {};
  const coldIs = write ? 'cold = first read after a write' : 'cold = fresh=1, no enterprise to re-save';
  console.log(`\ncoverage aggregation over ${data.enterprises} enterprises and ${data.policies} policies (${RUNS} runs each; ${coldIs})`);
  for (const [name, token, path, targeted, check] of cases) {
    const cpu0 = serverCpuSeconds(dir);
    const r = await measure(server.url, token, path, write, check);
    const cpu = serverCpuSeconds(dir);
    const cpuMs = cpu0 === null || cpu === null ? null : round(((cpu - cpu0) * 1000) / (2 * (RUNS + 2)));
    for (const kind of ['cold', 'warm']) {
      const x = r[kind];
      const verdict = targeted ? (x.p95 < TARGET_MS ? `  ✓ under ${TARGET_MS} ms` : `  ✗ target ${TARGET_MS} ms`) : '';
      console.log(`  ${`${name} (${kind})`.padEnd(56)} p50 ${String(x.p50).padStart(7)} ms   p95 ${String(x.p95).padStart(7)} ms${verdict}   (load ${x.loadAverage1m})`);
    }
    console.log(`    server CPU per request, cold and warm averaged (the writes included): ${cpuMs ?? '?'} ms`);
    results[name] = { path, cold: r.cold, warm: r.warm, serverCpuMsPerRequest: cpuMs, ...(targeted ? { targetMs: TARGET_MS, coldMet: r.cold.p95 < TARGET_MS, warmMet: r.warm.p95 < TARGET_MS } : {}) };
    if (path === '/api/azx/coverage/figures' && token === province) {
      const t = r.body.total;
      console.log(`    (province: ${t.enterprises} enterprises, ${t.policies} policies, coverage ${(t.coverageRate * 100).toFixed(1)}%)`);
    }
  }
  mkdirSync(join(root, '.tmp', 'bench'), { recursive: true });
  writeFileSync(
    resultsFile,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: machine(),
        data,
        index,
        cold: coldIs,
        results,
      },
      null,
      2,
    ),
  );
  console.log(`  results: ${resultsFile}`);
} finally {
  await server.stop();
}
