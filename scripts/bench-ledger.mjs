#!/usr/bin/env node
// Hazard ledger benchmark: <azx-hazard-ledger> over 100,000 hazards in headless Chromium.
//  - server: a real PocketBase (our backend) whose hazards table holds 100,000 generated rows,
//    written straight into SQLite for speed (benchmark data only: not audited, never a demo
//    database), read by a province regulator through PocketBaseStore, as a portal would;
//  - memory: the same element over MemoryStore (stories, tests, offline demos) for comparison.
// Figures: first render (element attached → first rows painted), time to apply each filter
// (filter set → its rows painted) and a long scroll jump. Target of issue 4: a filter < 100 ms.
// Usage: node scripts/bench-ledger.mjs [--hazards 100000] [--runs 5] [--no-memory]
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { root } from './paths.mjs';
import { machine } from './bench-env.mjs';
import { pocketbaseVersion } from './ensure.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './ensure.mjs';
import { prepareData, startServer } from './pocketbase.mjs';

const { values: opts } = parseArgs({
  strict: false, // `npm run bench` passes its arguments to every benchmark
  options: { hazards: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' }, 'no-memory': { type: 'boolean', default: false } },
});
const N = Number(opts.hazards);
const RUNS = Number(opts.runs);
const TARGET_FILTER_MS = 100;
const ENTERPRISES = 100_000;
const PASSWORD = 'azx-bench-2026';
const out = join(root, '.tmp', 'bench', 'ledger');
const resultsFile = join(root, '.tmp', 'bench', 'results-ledger.json');

// ---- the data ----------------------------------------------------------------------------------

const INDUSTRIES = ['coal_mining', 'non_coal_mining', 'hazardous_chemicals', 'fireworks', 'transport', 'construction', 'civil_explosives',
  'metal_smelting', 'fishing', 'fuel_station', 'pharmaceutical', 'hazchem_user', 'combustible_dust', 'ship_building', 'confined_space',
  'ammonia_refrigeration', 'spray_painting', 'crowded_places', 'utilities', 'other'];

/** 100,000 hazards over Zhejiang's 11 cities, every status, 1 in 13 major, deadlines around today. */
function hazardSql(n) {
  const sqlList = (xs) => xs.map((x) => `'${x}'`).join(',');
  return `
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n}),
rows AS (
  SELECT i,
    printf('33%02d%02d', 1 + (i * 7) % 11, 2 + (i * 3) % 6) AS region,
    json_extract('[${sqlList(['found', 'notified', 'rectified', 'verified', 'reopened', 'escalated']).replace(/'/g, '"')}]', '$[' || ((i * 7919) % 6) || ']') AS status,
    json_extract('[${sqlList(INDUSTRIES).replace(/'/g, '"')}]', '$[' || (i % ${INDUSTRIES.length}) || ']') AS industry,
    (i % 13 = 0) AS major,
    date('now', '-' || ((i * 37) % 420) || ' days') AS found_day,
    json_extract('["储罐区","二号甲类仓库","配电室","喷涂车间","有限空间入口","脚手架","液氨制冷机房","除尘系统"]', '$[' || (i % 8) || ']') AS place,
    json_extract('["静电接地线断开","安全阀超期未检","消防通道堵塞","粉尘清扫制度未落实","作业人员未佩戴安全带","可燃气体报警仪失效"]', '$[' || ((i * 5) % 6) || ']') AS finding,
    printf('企业%d有限公司 9133%014d', i % 5000, i % 5000) AS ent
  FROM seq
)
INSERT INTO hazards (id, definition, version, revision, data, enterprise, insurer, region_code, city_code, province_code, industry,
  is_major, status, found_at, deadline, enterprise_name, search_text, created, updated)
SELECT printf('bh%013d', i), 'hazard', 1, 1,
  json_object('hazard_no', printf('HZ-B-%06d', i), 'source', 'insurer_service', 'found_at', found_day || 'T01:00:00Z',
    'location', place, 'description', place || finding, 'category', 'unsafe_condition', 'is_major', json(CASE WHEN major THEN 'true' ELSE 'false' END),
    'recommendation', '立即整改并建立定期检查制度', 'rectifier', json_object('name', '李安全'), 'deadline', date(found_day, '+' || (7 + i % 40) || ' days')),
  printf('be%013d', i % 5000), 'benchinsurer001', region, substr(region, 1, 4) || '00', '330000', industry,
  major, status, found_day || ' 01:00:00.000Z', date(found_day, '+' || (7 + i % 40) || ' days') || ' 00:00:00.000Z',
  ent, ent || ' ' || printf('HZ-B-%06d', i) || ' ' || place || ' ' || place || finding || ' 李安全',
  -- written now: the overdue sweep flags only hazards that were open at their deadline here
  strftime('%Y-%m-%d %H:%M:%S.000Z', 'now'), strftime('%Y-%m-%d %H:%M:%S.000Z', 'now')
FROM rows;`;
}

/**
 * The province's registry: 100,000 enterprises, the first 5,000 of them the ones the hazards
 * name (ids be…, 企业<i>有限公司), which the enterprise filter suggests and chooses from.
 */
function enterpriseSql(n) {
  return `
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n - 1}),
rows AS (SELECT i, printf('33%02d%02d', 1 + (i * 7) % 11, 2 + (i * 3) % 6) AS region, printf('企业%d有限公司', i) AS name, printf('9133%014d', i) AS uscc FROM seq)
INSERT INTO enterprises (id, definition, version, revision, data, name, uscc, region_code, city_code, province_code, industry, headcount, must_insure, created, updated)
SELECT printf('be%013d', i), 'enterprise', 1, 1, json_object('name', name, 'uscc', uscc, 'region_code', region, 'headcount', 20 + i % 300),
  name, uscc, region, substr(region, 1, 4) || '00', '330000', 'hazardous_chemicals', 20 + i % 300, 1,
  strftime('%Y-%m-%d %H:%M:%S.000Z', 'now'), strftime('%Y-%m-%d %H:%M:%S.000Z', 'now')
FROM rows;`;
}

// SQLite's statistics, as a running server has them (PocketBase runs PRAGMA optimize daily): the
// query plans measured are the ones users get, not those of a database never analyzed.
const ANALYZE = '\nANALYZE;\n';

async function api(url, path, { token, body, method } = {}) {
  const res = await fetch(url + path, {
    method: method ?? (body ? 'POST' : 'GET'),
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: token } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function backendWithHazards(n) {
  const dir = mkdtempSync(join(tmpdir(), 'azx-bench-ledger-'));
  await prepareData(dir);
  const t0 = Date.now();
  const r = spawnSync('sqlite3', [join(dir, 'data.db')], { input: hazardSql(n) + enterpriseSql(ENTERPRISES) + ANALYZE, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3: ${r.stderr}`);
  console.log(`bench-ledger: ${n.toLocaleString('en')} hazards and ${ENTERPRISES.toLocaleString('en')} enterprises written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const server = await startServer({ dir, rateLimits: false });
  const su = (await api(server.url, '/api/collections/_superusers/auth-with-password', { body: { identity: 'superuser@azx.demo', password: 'azx-demo-2026' } })).token;
  const org = await api(server.url, '/api/collections/organizations/records', { token: su, body: { name: '浙江省应急管理厅', kind: 'regulator', region_code: '330000' } });
  await api(server.url, '/api/collections/users/records', {
    token: su,
    body: { email: 'regulator-bench@azx.demo', password: PASSWORD, passwordConfirm: PASSWORD, name: '省厅 监管员', role: 'regulator', organization: org.id, scope_level: 'province', region_scope: '330000', verified: true },
  });
  return { url: server.url, async stop() { await server.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

// ---- the page ----------------------------------------------------------------------------------

const ENTRY = `
import { MemoryStore, PocketBaseStore, provideStore } from '../../../../components/data/index.js';
import '../../../../components/hazard-ledger/index.js';
import { ledgerStore, makeHazards } from '../../../../test/browser/hazard-ledger/ledger-world.js';

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
let store;
const host = document.getElementById('host');

window.bench = {
  async server(url, email, password) {
    store = new PocketBaseStore({ url });
    await store.signIn(email, password);
  },
  memory(n) {
    const t0 = performance.now();
    store = ledgerStore({ role: 'regulator', rows: makeHazards(n).map((r) => ({ ...r, city_code: '330600' })) });
    return performance.now() - t0;
  },
  /** Attaches a fresh ledger; ms until its first rows are painted. */
  async firstRender() {
    host.replaceChildren();
    const box = document.createElement('div');
    host.append(box);
    provideStore(box, store);
    const el = document.createElement('azx-hazard-ledger');
    const t0 = performance.now();
    const rows = new Promise((r) => el.addEventListener('azx-rows', r, { once: true }));
    const loaded = new Promise((r) => el.addEventListener('azx-loaded', r, { once: true }));
    box.append(el);
    await rows;
    await frame();
    const ms = performance.now() - t0;
    await loaded; // counted too, before the next measurement starts
    window.ledger = el;
    return { ms, total: el.total, rows: el.shadowRoot.querySelectorAll('.rows .row').length };
  },
  /** ms from setting a filter to its rows painted. */
  async filter(change) {
    const el = window.ledger;
    await el.setFilters({ status: '', grade: '', overdue: false, region: '', enterprise: '', enterpriseId: '', industry: '', from: '', to: '', search: '' });
    await frame();
    const t0 = performance.now();
    const rows = new Promise((r) => el.addEventListener('azx-rows', r, { once: true }));
    const counted = el.setFilters(change);
    await rows;
    await frame();
    const ms = performance.now() - t0;
    await counted;
    // ms: the filtered rows painted (the target); countedMs: their count shown too
    return { ms, countedMs: performance.now() - t0, total: el.total };
  },
  /** ms from typing into the enterprise filter until its suggestions show (includes the 200 ms typing pause). */
  async suggest(text) {
    const el = window.ledger;
    const input = el.shadowRoot.querySelector('input[name="enterprise"]');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    const t0 = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    while (input.getAttribute('aria-expanded') !== 'true') {
      await frame();
      if (performance.now() - t0 > 60000) return { ms: NaN, options: 0 };
    }
    const ms = performance.now() - t0;
    const options = el.shadowRoot.querySelectorAll('#enterprise-options [role="option"]:not([aria-disabled])').length;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await el.setFilters({ enterprise: '', enterpriseId: '' });
    return { ms, options };
  },
  /** ms from a scroll jump to the middle until real rows are painted there. */
  async jump(fraction) {
    const el = window.ledger;
    const viewport = el.shadowRoot.querySelector('.viewport');
    const t0 = performance.now();
    viewport.scrollTop = Math.floor(el.total * fraction) * 40;
    for (;;) {
      await frame();
      const rows = [...el.shadowRoot.querySelectorAll('.rows .row')];
      if (rows.length && !rows.some((r) => r.classList.contains('placeholder'))) break;
      if (performance.now() - t0 > 60000) return { ms: NaN };
    }
    return { ms: performance.now() - t0 };
  },
};
`;

async function bundle() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'src'), { recursive: true });
  writeFileSync(join(out, 'src', 'entry.ts'), ENTRY);
  await build({
    absWorkingDir: root, entryPoints: [join(out, 'src', 'entry.ts')], outfile: join(out, 'index.js'),
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, logLevel: 'warning',
  });
  writeFileSync(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>ledger bench</title><div id="host"></div><script type="module" src="/index.js"></script>');
}

function serve() {
  const server = createServer((req, res) => {
    const path = join(out, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!path.startsWith(out) || !existsSync(path) || !extname(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': extname(path) === '.html' ? 'text/html; charset=utf-8' : 'text/javascript', 'cache-control': 'no-store' });
    res.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

// ---- measuring ---------------------------------------------------------------------------------

const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const monthAgo = new Date(Date.now() + 8 * 3600e3 - 30 * 86400e3).toISOString().slice(0, 10);
const FILTERS = [
  ['status = notified', { status: 'notified' }],
  ['major only', { grade: 'major' }],
  ['overdue (from the deadline)', { overdue: true }],
  ['city 330600', { region: '330600' }],
  ['county 330602 + major', { region: '330602', grade: 'major' }],
  ['industry', { industry: 'hazardous_chemicals' }],
  ['found in the last 30 days', { from: monthAgo, to: today }],
  // the enterprise filter as users apply it: a suggestion chosen (filters by the enterprise's id)
  // (its id in the server's registry, or in the MemoryStore's generated rows)
  ['enterprise chosen', (server) => ({ enterprise: '企业4242有限公司', enterpriseId: server ? 'be0000000004242' : 'ent000000004241' })],
];
// text searches: substring matches over every visible hazard (reported, not the filter target)
const SEARCHES = [
  ['search text', { search: '配电室消防通道' }],
  ['enterprise name typed, none chosen', { enterprise: '企业4242有限公司' }],
];
// typing into the enterprise filter: a rare name (a handful of the 100,000) and a whole credit code
const SUGGESTIONS = [
  ['name 企业4242', '企业4242'],
  ['credit code', '913300000000004242'],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function measure(page, label, server) {
  const first = [];
  for (let i = 0; i < RUNS; i++) first.push(await page.evaluate(() => window.bench.firstRender()));
  const filters = [];
  for (const [name, change, search] of [...FILTERS, ...SEARCHES.map(([n, c]) => [n, c, true])]) {
    const times = [];
    const counted = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await page.evaluate((c) => window.bench.filter(c), typeof change === 'function' ? change(server) : change);
      times.push(r.ms);
      counted.push(r.countedMs);
      total = r.total;
    }
    filters.push({ name, ...(search ? { search: true } : {}), total, medianMs: round(median(times)), p95Ms: round(p95(times)), countedMedianMs: round(median(counted)) });
  }
  const suggestions = [];
  if (server) {
    for (const [name, text] of SUGGESTIONS) {
      const times = [];
      let options = 0;
      for (let i = 0; i < RUNS; i++) {
        const r = await page.evaluate((x) => window.bench.suggest(x), text);
        times.push(r.ms);
        options = r.options;
      }
      suggestions.push({ name, options, medianMs: round(median(times)), p95Ms: round(p95(times)) });
    }
  }
  await page.evaluate(() => window.bench.filter({}));
  const jumps = [];
  for (const f of [0.5, 0.9, 0.1, 0.73, 0.31]) {
    const ms = (await page.evaluate((x) => window.bench.jump(x), f)).ms;
    if (Number.isFinite(ms)) jumps.push(ms);
    else console.error(`bench-ledger: scroll jump to ${f * 100}% got no rows within 60 s`);
  }
  if (!jumps.length) jumps.push(NaN);
  const result = {
    label,
    total: first[0].total,
    renderedRows: first[0].rows,
    firstRender: { medianMs: round(median(first.map((f) => f.ms))), p95Ms: round(p95(first.map((f) => f.ms))) },
    filters,
    suggestions,
    scrollJump: { medianMs: round(median(jumps)), p95Ms: round(p95(jumps)) },
  };
  const worst = Math.max(...filters.filter((f) => !f.search).map((f) => f.medianMs));
  console.log(`\n${label}: ${result.total.toLocaleString('en')} hazards in view, ${result.renderedRows} rows in the DOM`);
  console.log(`  first render            median ${result.firstRender.medianMs} ms, p95 ${result.firstRender.p95Ms} ms`);
  for (const f of filters) console.log(`  ${f.search ? 'search' : 'filter'} ${f.name.padEnd(34)} median ${String(f.medianMs).padStart(6)} ms, p95 ${String(f.p95Ms).padStart(6)} ms to its rows; ${String(f.countedMedianMs).padStart(6)} ms to its count (${f.total.toLocaleString('en')} rows)`);
  for (const f of suggestions) console.log(`  enterprise suggestions, ${f.name.padEnd(14)} median ${String(f.medianMs).padStart(6)} ms, p95 ${String(f.p95Ms).padStart(6)} ms (${f.options} shown; includes the 200 ms typing pause)`);
  console.log(`  scroll jump             median ${result.scrollJump.medianMs} ms, p95 ${result.scrollJump.p95Ms} ms`);
  if (server) console.log(`  target: a filter under ${TARGET_FILTER_MS} ms → worst filter median ${worst} ms: ${worst < TARGET_FILTER_MS ? 'MET' : 'MISSED'}`);
  else console.log(`  (reference only: MemoryStore filters and sorts the whole array per query; it serves stories and tests)`);
  return result;
}

const versionOf = (pkg) => {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
};

await bundle();
const { server: web, url } = await serve();
const backend = await backendWithHazards(N);
const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const results = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (e) => console.error(`bench-ledger: page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`bench-ledger: console: ${m.text()}`));
  await page.goto(`${url}/index.html`);
  await page.waitForFunction(() => 'bench' in window);
  await page.evaluate((u, p) => window.bench.server(u, 'regulator-bench@azx.demo', p), backend.url, PASSWORD);
  results.push(await measure(page, 'PocketBase (province regulator, PocketBaseStore)', true));
  if (!opts['no-memory']) {
    const page2 = await browser.newPage();
    await page2.setViewport({ width: 1280, height: 900 });
    await page2.goto(`${url}/index.html`);
    await page2.waitForFunction(() => 'bench' in window);
    const ms = await page2.evaluate((n) => window.bench.memory(n), N);
    console.log(`\nbench-ledger: MemoryStore with ${N.toLocaleString('en')} rows built in ${round(ms)} ms`);
    results.push(await measure(page2, 'MemoryStore (in the page)', false));
  }
  const env = {
    machine: machine(),
    versions: { node: process.version, chromium: await browser.version(), lit: versionOf('lit'), pocketbase: pocketbaseVersion(), 'pocketbase-sdk': versionOf('pocketbase'), esbuild: versionOf('esbuild') },
  };
  console.log(`\nmachine: ${env.machine.cpu}, ${env.machine.cores} cores, ${env.machine.memoryGiB} GiB, ${env.machine.os}, load ${env.machine.loadAverage1m}`);
  console.log(`versions: ${Object.entries(env.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  mkdirSync(join(root, '.tmp', 'bench'), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify({ hazards: N, runs: RUNS, results, ...env }, null, 2));
} finally {
  await browser.close();
  await backend.stop();
  web.close();
}
