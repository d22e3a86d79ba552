#!/usr/bin/env node
// Import benchmark (issue 14): one insurer's year of policies — a 50,000-row CSV — uploaded in
// import mode (POST /api/azx/bulk/policies?mode=import) to a real server over a small seeded
// registry. Every 50th row is under the 2025 minimum cover (stored and flagged), every 100th has
// a negative premium (refused); the answer must say exactly that, or the benchmark fails.
// Figures: rows per second (target ≥ 2,000) and the server's peak resident memory (VmHWM) before
// and after each upload, beside the file's size. A 10,000-row file goes first, then the
// 50,000-row one: memory stays bounded when the large file raises the peak no more than the
// small one did. The answer holds the first 100 refused and flagged rows; the benchmark fetches all of
// them from its results link and checks them. The data folder is made fresh each run (the seed
// of 2,000 enterprises).
// The rows carry no rating (a historic file seldom does), so the packs flag every row with
// rating_missing as well: each row is stored with its flags, the heavier case.
// Usage: node scripts/bench-imports.mjs [--rows 50000] [--small 10000] [--enterprises 2000]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from './paths.mjs';
import { machine, serverCpuSeconds } from './bench-env.mjs';
import { pocketbaseVersion } from './ensure.mjs';
import { backendCommand, prepareData, startServer, SUPERUSER } from './pocketbase.mjs';

const { values: opts } = parseArgs({
  strict: false, // `npm run bench` passes its arguments to every benchmark
  options: { rows: { type: 'string', default: '50000' }, small: { type: 'string', default: '10000' }, enterprises: { type: 'string', default: '2000' } },
});
const ROWS = Number(opts.rows);
const SMALL = Math.min(Number(opts.small), ROWS);
const ENTERPRISES = Number(opts.enterprises);
const TARGET_ROWS_PER_S = 2000;
const PASSWORD = 'azx-demo-2026';
const dir = join(root, '.tmp', 'bench-imports-data');
const resultsFile = join(root, '.tmp', 'bench', 'results-imports.json');

const json = async (res) => ({ status: res.status, body: await res.json().catch(() => ({})) });

async function signIn(url, collection, identity, password) {
  const r = await json(await fetch(`${url}/api/collections/${collection}/auth-with-password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identity, password }),
  }));
  if (r.status !== 200) throw new Error(`sign-in of ${identity}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

/**
 * POSTs a CSV as the multipart field `file` and reads the JSON answer, with no time limit: fetch
 * gives up on an answer's headers after 300 s, which a slow machine's 50,000 rows can exceed.
 */
function postCsv(url, token, csv) {
  const boundary = `azx${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="policies.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { Authorization: token, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': body.length } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        let parsed = {};
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          // not JSON: the checks report the status
        }
        resolve({ status: res.statusCode, body: parsed });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Peak and current resident memory of a process (MiB), from /proc. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peakMiB: Math.round(kb('VmHWM') / 1024), rssMiB: Math.round(kb('VmRSS') / 1024) };
}

/** The registry's enterprises (superuser read), a page of 500 at a time. */
async function enterprises(url, token) {
  const out = [];
  for (let page = 1; ; page++) {
    const r = await json(await fetch(`${url}/api/collections/enterprises/records?perPage=500&page=${page}&fields=uscc,name,headcount`, { headers: { Authorization: token } }));
    out.push(...r.body.items);
    if (page >= r.body.totalPages) return out;
  }
}

/** The CSV of `rows` policies numbered after `prefix`, and what its answer must say. */
function policyFile(list, prefix, rows) {
  const header = 'policy_no,enterprise_uscc,insured.uscc,insured.name,legal_basis,status,period.start,period.end,headcount,insured_persons,cover_per_person,premium,prevention_clause,prevention_budget,prevention_items';
  const lines = [header];
  let refused = 0;
  let low = 0;
  for (let i = 0; i < rows; i++) {
    const e = list[i % list.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    const bad = i % 100 === 99;
    const lowCover = !bad && i % 50 === 49;
    refused += bad ? 1 : 0;
    low += lowCover ? 1 : 0;
    const persons = Math.max(1, e.headcount);
    const premium = bad ? -5 : 400 * persons;
    lines.push(
      [`${prefix}-${String(i).padStart(6, '0')}`, e.uscc, e.uscc, `"${e.name}"`, '2025', 'active', `2025-04-${day}`, `2026-04-${day}`, persons, persons,
        lowCover ? 300000 : 500000, premium, '是', Math.round(premium * 0.2), '01;03'].join(','),
    );
  }
  return { csv: lines.join('\n') + '\n', refused, low };
}

/** Uploads one file in import mode and checks every refused and flagged row (fetched whole from the answer's results link). */
async function importFile(server, token, list, prefix, rows) {
  const { csv, refused, low } = policyFile(list, prefix, rows);
  const before = memory(server.child.pid);
  const cpu0 = serverCpuSeconds(server.dir);
  const start = performance.now();
  const r = await postCsv(`${server.url}/api/azx/bulk/policies?mode=import&upload=${prefix}`, token, csv);
  const seconds = (performance.now() - start) / 1000;
  const after = memory(server.child.pid);
  const cpu = serverCpuSeconds(server.dir);
  const res = r.body;
  let all = { failed: res.failed ?? [], flagged: res.flagged ?? [] };
  if (r.status === 200 && !res.complete) {
    const full = await json(await fetch(`${server.url}${res.results}`, { headers: { Authorization: token } }));
    all = { failed: full.body.failed ?? [], flagged: full.body.flagged ?? [] };
  }
  // the answer is checked whole: exactly the bad rows refused, every other row stored, the low covers among the flagged
  const lowFlagged = all.flagged.filter((f) => f.rules.some((x) => x.path === 'cover_per_person')).length;
  const checks = {
    status: r.status === 200,
    created: res.created === rows - refused,
    refused: res.failed_count === refused && all.failed.length === refused && all.failed.every((f) => f.errors.premium),
    flagged: lowFlagged === low && res.flagged_count === all.flagged.length,
    answerBounded: (res.failed ?? []).length <= 100 && (res.flagged ?? []).length <= 100,
  };
  return {
    ok: Object.values(checks).every(Boolean),
    status: r.status,
    body: r.status === 200 ? undefined : res,
    figures: {
      rows,
      fileMiB: Math.round((csv.length / 2 ** 20) * 10) / 10,
      seconds: Math.round(seconds * 10) / 10,
      rowsPerSecond: Math.round(rows / seconds),
      serverCpuSeconds: cpu !== null && cpu0 !== null ? Math.round((cpu - cpu0) * 10) / 10 : null,
      serverCpuMsPerRow: cpu !== null && cpu0 !== null ? Math.round(((cpu - cpu0) * 1000 * 100) / rows) / 100 : null,
      memoryBefore: before,
      memoryAfter: after,
      answer: { created: res.created, refused: res.failed_count, flagged: res.flagged_count, lowCoverFlagged: lowFlagged, inAnswer: (res.failed ?? []).length + (res.flagged ?? []).length },
      checks,
    },
  };
}

async function main() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await prepareData(dir);
  const t0 = performance.now();
  await backendCommand(dir, ['seed', '--seed', '42', '--enterprises', String(ENTERPRISES), '--years', '1'], { timeout: 1800_000 });
  const seedSeconds = (performance.now() - t0) / 1000;
  const server = await startServer({ dir, rateLimits: false });
  server.dir = dir;
  let failed = false;
  try {
    const su = await signIn(server.url, '_superusers', SUPERUSER.email, SUPERUSER.password);
    const list = await enterprises(server.url, su);
    const insurer = await signIn(server.url, 'users', 'insurer-1@azx.demo', PASSWORD);
    const small = await importFile(server, insurer, list, 'BENCH-SMALL', SMALL);
    const large = await importFile(server, insurer, list, 'BENCH-IMP', ROWS);
    failed = !small.ok || !large.ok;
    const figures = {
      benchmark: 'imports',
      machine: machine(),
      versions: { node: process.version, pocketbase: pocketbaseVersion() },
      rows: ROWS,
      rowsPerSecond: large.figures.rowsPerSecond,
      targetRowsPerSecond: TARGET_ROWS_PER_S,
      meetsTarget: large.figures.rowsPerSecond >= TARGET_ROWS_PER_S,
      // bounded: the large file raises the server's peak no more than the small one did (which
      // also warms the caches: SQLite's page cache, up to 32 MB a connection, and the coverage
      // fact index, which grows with the policies stored, not with an upload); memory held per
      // row of an upload would raise it five times as much
      peakMiB: { before: small.figures.memoryBefore.peakMiB, afterSmall: small.figures.memoryAfter.peakMiB, afterLarge: large.figures.memoryAfter.peakMiB },
      peakRiseMiB: { small: small.figures.memoryAfter.peakMiB - small.figures.memoryBefore.peakMiB, large: large.figures.memoryAfter.peakMiB - large.figures.memoryBefore.peakMiB },
      memoryFlat: large.figures.memoryAfter.peakMiB - large.figures.memoryBefore.peakMiB <= small.figures.memoryAfter.peakMiB - small.figures.memoryBefore.peakMiB,
      small: small.figures,
      large: large.figures,
      seedEnterprises: ENTERPRISES,
      seedSeconds: Math.round(seedSeconds),
    };
    mkdirSync(join(root, '.tmp', 'bench'), { recursive: true });
    writeFileSync(resultsFile, JSON.stringify(figures, null, 2));
    console.log(JSON.stringify(figures, null, 2));
    for (const u of [small, large]) {
      if (!u.ok) console.error(`✗ the import's answer is not what the file holds: ${JSON.stringify(u.figures.checks)} ${u.body ? JSON.stringify(u.body) : ''}`);
    }
  } finally {
    await server.stop();
  }
  process.exit(failed ? 1 : 0);
}

await main();
