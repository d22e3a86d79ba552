#!/usr/bin/env node
// Form engine benchmark: <azx-form> beside a minimal baseline (bench/form/baseline.ts, a plain Lit
// element with one compiled Ajv validator) on generated definitions of 200 and 1,000 fields, in
// headless Chromium: bundle size (min, gzip), time to render, time per keystroke, JS heap.
// Figures read as ratios azx/baseline; targets from issues 3 and 15 are marked MET or MISSED.
// Usage: node scripts/bench-form.mjs [--runs 5] [--keys 50] [--no-profile]
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { root } from './paths.mjs';
import { machine } from './bench-env.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './ensure.mjs';
import { definition, countLeaves } from '../bench/form/definition.mjs';
import { validatorModule } from './validators.mjs';

// Not strict: `npm run bench` passes its arguments to every benchmark, most of them not ours.
const { values: opts } = parseArgs({
  strict: false,
  options: {
    runs: { type: 'string', default: '5' },
    keys: { type: 'string', default: '50' },
    'no-profile': { type: 'boolean', default: false },
  },
});
const RUNS = Number(opts.runs);
const KEYS = Number(opts.keys);
const SIZES = [200, 1000];
const TARGET_GZIP_KB = 55;
/** issue 15: the form entry alone (azx/form), other libraries' adapters and Ajv apart. */
const TARGET_FORM_GZIP_KB = 45;
const TARGET_KEYSTROKE_MS = 5;

/** Timed work that did not do what it should (fields not drawn, keystrokes lost): the run exits non-zero. */
const refused = [];

const out = join(root, '.tmp', 'bench', 'form');
const resultsFile = join(root, '.tmp', 'bench', 'results-form.json');

// `azx` is the default (and strict-CSP) path: schemas without a generated validator run on the
// interpreter. `azx-pre` adds validators Ajv generated ahead of time for the bench definitions
// (what built-in definitions get); `azx-ajv` installs Ajv's run-time compiler (pages allowing eval).
const ELEMENTS = [
  { name: 'azx', tag: 'azx-form', entry: 'components/core/index.ts', label: '<azx-form>' },
  { name: 'baseline', tag: 'bench-baseline', entry: 'bench/form/baseline.ts', label: 'baseline' },
  { name: 'azx-pre', tag: 'azx-form', entry: '.tmp/bench/form-precompiled/entry.ts', label: '<azx-form> + generated validators' },
  { name: 'azx-ajv', tag: 'azx-form', entry: 'bench/form/with-ajv.ts', label: '<azx-form> + azx/ajv' },
];

// ---- bundles -------------------------------------------------------------------------------

/** The package's runtime libraries (peer dependencies): a portal that has them does not load them again. */
const PEERS = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).peerDependencies ?? {}).flatMap((p) => [p, `${p}/*`]);

/** gzip of an entry bundled with its peers left out: the AZX code alone, as scripts/build.mjs reports it. */
async function ownGzip(entry) {
  const r = await build({ absWorkingDir: root, entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning', tsconfig: join(root, 'tsconfig.json'), external: PEERS });
  return gzipSync(r.outputFiles[0].contents, { level: 9 }).length;
}

/** Minified like scripts/build.mjs; the size is the entry plus every chunk it imports. */
async function bundle(el, dev = false) {
  const dir = join(out, dev ? `${el.name}-dev` : el.name);
  const result = await build({
    absWorkingDir: root,
    entryPoints: [{ in: el.entry, out: 'index' }],
    outdir: dir,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: !dev,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of result.metafile.outputs[file]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(relative(root, join(dir, 'index.js')));
  // What the minified bytes are made of, by package (the engine's own code as its folder).
  const parts = {};
  for (const file of seen) {
    for (const [input, { bytesInOutput }] of Object.entries(result.metafile.outputs[file].inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 2).join('/');
      parts[pkg] = (parts[pkg] ?? 0) + bytesInOutput;
    }
  }
  let min = 0;
  let gzip = 0;
  for (const file of seen) {
    const bytes = readFileSync(join(root, file));
    min += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { min, gzip, files: seen.size, parts: Object.fromEntries(Object.entries(parts).sort((a, b) => b[1] - a[1])) };
}

async function harness() {
  await build({
    absWorkingDir: root,
    entryPoints: [{ in: 'bench/form/page.ts', out: 'page' }],
    outdir: out,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
  });
  writeFileSync(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><title>form bench</title><link rel="icon" href="data:,"><body><script type="module" src="/page.js"></script>\n');
  for (const n of SIZES) writeFileSync(join(out, `definition-${n}.json`), JSON.stringify(definition(n)));
}

// ---- a static server on 127.0.0.1 ------------------------------------------------------------

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json' };

function serve() {
  const server = createServer((req, res) => {
    const path = join(out, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!path.startsWith(out) || !existsSync(path) || !extname(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

// ---- measuring ---------------------------------------------------------------------------------

async function freshPage(browser, url, el) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`bench-form: page error (${el.name}): ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') console.error(`bench-form: console ${m.type()} (${el.name}): ${m.text()}`);
  });
  await page.goto(`${url}/index.html`);
  await page.waitForFunction(() => 'bench' in window);
  await page.evaluate((u, tag) => window.bench.load(u, tag), `/${el.name}/index.js`, el.tag);
  return page;
}

async function heapMiB(page) {
  const cdp = await page.createCDPSession();
  await page.evaluate(() => {
    window.gc();
    window.gc();
  });
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** CPU time of the page's main thread so far (ms): unlike wall time, not stretched by other processes. */
async function threadMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
}

async function measureOnce(browser, url, el, n) {
  const page = await freshPage(browser, url, el);
  try {
    const before = await heapMiB(page);
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const t0 = await threadMs(cdp);
    const render = await page.evaluate((d) => window.bench.render(d), `/definition-${n}.json`);
    const t1 = await threadMs(cdp);
    const after = await heapMiB(page);
    const t2 = await threadMs(cdp);
    const keys = await page.evaluate((k) => window.bench.type(k), KEYS);
    const t3 = await threadMs(cdp);
    await cdp.detach();
    // main-thread CPU of the render (to its next frame) and per keystroke (its frame included)
    render.cpu = t1 - t0;
    keys.cpu = (t3 - t2) / KEYS;
    // every timed answer is checked: all fields drawn, every keystroke in the value
    const expected = 'P' + 'A'.repeat(KEYS - 1);
    if (render.inputs !== n || keys.typed !== expected) {
      refused.push(`${el.name} ${n}: ${render.inputs} controls for ${n} fields; typed ${JSON.stringify(keys.typed)}, expected ${JSON.stringify(expected)}`);
    }
    return { render, heap: { before, after }, keys };
  } finally {
    await page.close();
  }
}

/**
 * CPU profiles at the largest size, from unminified bundles so functions keep their names:
 * rendering each element, and typing into <azx-form>. Where the time goes, by function and module.
 */
async function profiles(browser, url, n) {
  const result = {};
  const jobs = [
    ...ELEMENTS.slice(0, 2).map((el) => ({ el, what: 'render' })),
    { el: ELEMENTS[0], what: 'keystrokes' },
  ];
  for (const { el, what } of jobs) {
    const page = await freshPage(browser, url, { ...el, name: `${el.name}-dev` });
    try {
      const cdp = await page.createCDPSession();
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      if (what === 'keystrokes') await page.evaluate((d) => window.bench.render(d), `/definition-${n}.json`);
      await cdp.send('Profiler.start');
      if (what === 'render') await page.evaluate((d) => window.bench.render(d), `/definition-${n}.json`);
      else await page.evaluate((k) => window.bench.type(k), KEYS);
      const { profile } = await cdp.send('Profiler.stop');
      const file = join(root, '.tmp', 'bench', `form-${el.name}-${n}-${what}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      const modules = moduleMap(join(out, `${el.name}-dev`, 'index.js'));
      result[`${el.name} ${what}`] = { file: relative(root, file), ...selfTimes(profile, modules, 12) };
    } finally {
      await page.close();
    }
  }
  return result;
}

/** For an unminified esbuild bundle: the source module of each line (esbuild marks each with a `// path` comment). */
function moduleMap(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const map = [];
  let current = '';
  for (const line of lines) {
    const m = /^\/\/ ((?:node_modules|components|bench)\/\S+)$/.exec(line);
    if (m) current = m[1].replace(/^node_modules\//, '');
    map.push(current);
  }
  return map;
}

/** Self time per function and per module from a CPU profile, largest first, idle excluded. */
function selfTimes(profile, modules, count) {
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byFn = new Map();
  const byModule = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const f = node.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    const us = dt.get(node.id) ?? 0;
    total += us;
    const mod = f.url.endsWith('-dev/index.js') ? modules[f.lineNumber] || 'bundle' : f.url ? f.url.replace(/^.*\//, '') : f.functionName;
    const key = `${f.functionName || '(anonymous)'} ${mod}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
  }
  // Inclusive time of the engine's own functions (each sample counted once per function on its stack).
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node);
  const inclusive = new Map();
  for (const node of profile.nodes) {
    const us = dt.get(node.id) ?? 0;
    if (!us || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') continue;
    const seen = new Set();
    for (let n = node; n; n = parent.get(n.id)) {
      const f = n.callFrame;
      const mod = f.url.endsWith('-dev/index.js') ? modules[f.lineNumber] || '' : '';
      if (!mod.startsWith('components/') && !mod.startsWith('bench/')) continue;
      const key = `${f.functionName || '(anonymous)'} ${mod}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const top = (m, n = count) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: round(us / 1000), share: round((100 * us) / total, 1) }));
  return { totalMs: round(total / 1000), functions: top(byFn), modules: top(byModule), inclusive: top(inclusive, 16) };
}

// ---- figures -----------------------------------------------------------------------------------

const round = (x, d = 2) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}

function versionOf(pkg) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function environment(browserVersion) {
  return {
    machine: machine(),
    versions: {
      node: process.version,
      chromium: browserVersion,
      lit: versionOf('lit'),
      ajv: versionOf('ajv'),
      'ajv-formats': versionOf('ajv-formats'),
      'json-logic-js': versionOf('json-logic-js'),
      esbuild: versionOf('esbuild'),
      'puppeteer-core': versionOf('puppeteer-core'),
    },
  };
}

function pad(s, n) {
  s = String(s);
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((v, c) => pad(v, widths[c])).join('  ')).join('\n');
}

// ---- main ----------------------------------------------------------------------------------------

const started = Date.now();
if (!existsSync(CHROMIUM)) {
  console.error(`bench-form: ${CHROMIUM} is missing (apt-get install chromium)`);
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const n of SIZES) {
  const leaves = countLeaves(definition(n));
  if (leaves !== n) throw new Error(`definition of ${n} fields has ${leaves}`);
}
// Validators Ajv generates ahead of time for the bench definitions, as `npm run types` does for
// the built-in ones.
const preDir = join(root, '.tmp', 'bench', 'form-precompiled');
rmSync(preDir, { recursive: true, force: true });
mkdirSync(preDir, { recursive: true });
const runtimeImport = relative(preDir, join(root, 'components', 'core', 'precompiled', 'runtime.js'));
for (const n of SIZES) {
  writeFileSync(join(preDir, `definition-${n}.ts`), await validatorModule(definition(n), { source: `bench definition ${n}`, runtime: runtimeImport }));
}
writeFileSync(
  join(preDir, 'entry.ts'),
  `import '${relative(preDir, join(root, 'components', 'core', 'index.js'))}';\n${SIZES.map((n) => `import './definition-${n}.js';`).join('\n')}\n`,
);
const sizes = {};
// Size only: the engine with the generated validator of a real definition (policy), as a portal
// embedding policy entry ships it.
sizes['azx-policy'] = await bundle({ name: 'azx-policy', entry: 'bench/form/with-policy-validator.ts' });
// Size only: the adapters of other libraries' schemas, their own entry points beside azx/form.
sizes['azx-rjsf'] = await bundle({ name: 'azx-rjsf', entry: 'components/core/adapters/rjsf.ts' });
sizes['azx-formily'] = await bundle({ name: 'azx-formily', entry: 'components/core/adapters/formily.ts' });
sizes['azx-own'] = await ownGzip('components/core/index.ts');
for (const el of ELEMENTS) {
  sizes[el.name] = await bundle(el);
  if (!opts['no-profile']) await bundle(el, true);
}
await harness();
const { server, url } = await serve();
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
});
const env = environment(await browser.version());
const samples = {};
let profile = null;
try {
  // Runs interleave elements and sizes, so drift on a busy machine hits both alike.
  for (let r = 0; r < RUNS; r++) {
    for (const n of SIZES) {
      for (const el of ELEMENTS) {
        const m = await measureOnce(browser, url, el, n);
        ((samples[el.name] ??= {})[n] ??= []).push(m);
      }
    }
    process.stderr.write(`bench-form: run ${r + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  if (!opts['no-profile']) profile = await profiles(browser, url, SIZES[SIZES.length - 1]);
} finally {
  await browser.close();
  server.close();
}

const figures = {};
for (const el of ELEMENTS) {
  figures[el.name] = { bundle: sizes[el.name] };
  for (const n of SIZES) {
    const runs = samples[el.name][n];
    const keyScript = runs.flatMap((m) => m.keys.script);
    const keyFrame = runs.flatMap((m) => m.keys.frame);
    figures[el.name][n] = {
      inputs: runs[0].render.inputs,
      renderScriptMs: round(median(runs.map((m) => m.render.script))),
      renderFrameMs: round(median(runs.map((m) => m.render.frame))),
      renderCpuMs: round(median(runs.map((m) => m.render.cpu))),
      keystrokeCpuMs: round(median(runs.map((m) => m.keys.cpu))),
      keystrokeScriptMs: { median: round(median(keyScript)), p95: round(quantile(keyScript, 0.95)) },
      keystrokeFrameMs: { median: round(median(keyFrame)), p95: round(quantile(keyFrame, 0.95)) },
      heapBeforeMiB: round(median(runs.map((m) => m.heap.before))),
      heapAfterMiB: round(median(runs.map((m) => m.heap.after))),
      heapRenderMiB: round(median(runs.map((m) => m.heap.after - m.heap.before))),
      typedField: runs[0].keys.field,
    };
  }
}

const A = figures.azx;
const B = figures.baseline;
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : '—');
const kb = (n) => (n / 1024).toFixed(1);
const rows = [['figure', 'fields', '<azx-form>', 'baseline', 'azx/baseline']];
rows.push(['bundle min (KiB)', '', kb(A.bundle.min), kb(B.bundle.min), ratio(A.bundle.min, B.bundle.min)]);
rows.push(['bundle gzip (KiB)', '', kb(A.bundle.gzip), kb(B.bundle.gzip), ratio(A.bundle.gzip, B.bundle.gzip)]);
for (const n of SIZES) {
  const a = A[n];
  const b = B[n];
  rows.push(['render to update done (ms, median)', n, a.renderScriptMs, b.renderScriptMs, ratio(a.renderScriptMs, b.renderScriptMs)]);
  rows.push(['render to next frame (ms, median)', n, a.renderFrameMs, b.renderFrameMs, ratio(a.renderFrameMs, b.renderFrameMs)]);
  rows.push(['render, main-thread CPU (ms, median)', n, a.renderCpuMs, b.renderCpuMs, ratio(a.renderCpuMs, b.renderCpuMs)]);
  rows.push(['keystroke script (ms, median)', n, a.keystrokeScriptMs.median, b.keystrokeScriptMs.median, ratio(a.keystrokeScriptMs.median, b.keystrokeScriptMs.median)]);
  rows.push(['keystroke script (ms, p95)', n, a.keystrokeScriptMs.p95, b.keystrokeScriptMs.p95, ratio(a.keystrokeScriptMs.p95, b.keystrokeScriptMs.p95)]);
  rows.push(['keystroke to next frame (ms, median)', n, a.keystrokeFrameMs.median, b.keystrokeFrameMs.median, ratio(a.keystrokeFrameMs.median, b.keystrokeFrameMs.median)]);
  rows.push(['keystroke with its frame, main-thread CPU (ms, median)', n, a.keystrokeCpuMs, b.keystrokeCpuMs, ratio(a.keystrokeCpuMs, b.keystrokeCpuMs)]);
  rows.push(['keystroke to next frame (ms, p95)', n, a.keystrokeFrameMs.p95, b.keystrokeFrameMs.p95, ratio(a.keystrokeFrameMs.p95, b.keystrokeFrameMs.p95)]);
  rows.push(['JS heap after render (MiB, after gc)', n, a.heapAfterMiB, b.heapAfterMiB, ratio(a.heapAfterMiB, b.heapAfterMiB)]);
  rows.push(['JS heap the render added (MiB)', n, a.heapRenderMiB, b.heapRenderMiB, ratio(a.heapRenderMiB, b.heapRenderMiB)]);
  rows.push(['controls rendered', n, a.inputs, b.inputs, '']);
}

// The cost of each validation path, beside the default (interpreter, works under a strict CSP).
const P = figures['azx-pre'];
const J = figures['azx-ajv'];
const pathRows = [['figure', 'fields', 'interpreter (default, strict CSP)', 'generated ahead of time (strict CSP)', 'Ajv at run time (needs eval)']];
pathRows.push(['bundle gzip (KiB)', '', kb(A.bundle.gzip), kb(P.bundle.gzip), kb(J.bundle.gzip)]);
for (const n of SIZES) {
  pathRows.push(['render to next frame (ms, median)', n, A[n].renderFrameMs, P[n].renderFrameMs, J[n].renderFrameMs]);
  pathRows.push(['keystroke script (ms, median)', n, A[n].keystrokeScriptMs.median, P[n].keystrokeScriptMs.median, J[n].keystrokeScriptMs.median]);
  pathRows.push(['keystroke script (ms, p95)', n, A[n].keystrokeScriptMs.p95, P[n].keystrokeScriptMs.p95, J[n].keystrokeScriptMs.p95]);
}

const big = SIZES[SIZES.length - 1];
const targets = [
  {
    target: `the form entry (azx/form: the engine, its renderers, the interpreter of drafts 7, 2019-09 and 2020-12) ≤ ${TARGET_FORM_GZIP_KB} KB gzip`,
    measured: `${(A.bundle.gzip / 1000).toFixed(1)} KB with Lit and the runtime libraries (the AZX code alone, those as peers: ${(sizes['azx-own'] / 1000).toFixed(1)} KB); its own entry points: azx/rjsf ${(sizes['azx-rjsf'].gzip / 1000).toFixed(1)} KB, azx/formily ${(sizes['azx-formily'].gzip / 1000).toFixed(1)} KB`,
    met: A.bundle.gzip / 1000 <= TARGET_FORM_GZIP_KB,
  },
  {
    // The form validating the built-in policy definition with Ajv's generated code, JSON Logic included.
    target: `<azx-form> with ajv (its code generated for the policy definition) and JSON Logic ≤ ${TARGET_GZIP_KB} KB gzip`,
    measured: `${(sizes['azx-policy'].gzip / 1000).toFixed(1)} KB (engine alone ${(A.bundle.gzip / 1000).toFixed(1)} KB; with Ajv's run-time compiler ${(J.bundle.gzip / 1000).toFixed(1)} KB; the bench's 200- and 1,000-field validators ${(P.bundle.gzip / 1000).toFixed(1)} KB)`,
    met: sizes['azx-policy'].gzip / 1000 <= TARGET_GZIP_KB,
  },
  {
    target: `render of ${big} fields no slower than the baseline (to next frame, median)`,
    measured: `${A[big].renderFrameMs} ms vs ${B[big].renderFrameMs} ms (${ratio(A[big].renderFrameMs, B[big].renderFrameMs)})`,
    met: A[big].renderFrameMs <= B[big].renderFrameMs,
  },
  {
    target: `≤ ${TARGET_KEYSTROKE_MS} ms of work per keystroke at ${big} fields (script, median)`,
    measured: `${A[big].keystrokeScriptMs.median} ms median, ${A[big].keystrokeScriptMs.p95} ms p95`,
    met: A[big].keystrokeScriptMs.median <= TARGET_KEYSTROKE_MS,
  },
];

console.log('\nForm engine benchmark (headless Chromium)');
console.log(`machine: ${env.machine.cpu}, ${env.machine.cores} cores, ${env.machine.memoryGiB} GiB, ${env.machine.os}, load ${env.machine.loadAverage1m}`);
console.log(`versions: ${Object.entries(env.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`runs: ${RUNS} fresh pages per element and size; ${KEYS} keystrokes per run into the first text field (${A[big].typedField} / ${B[big].typedField})\n`);
console.log(table(rows));
console.log('\nvalidation paths (issue 7: the strict-policy paths beside the one that needs eval):');
console.log(table(pathRows));
for (const el of ELEMENTS) {
  const parts = Object.entries(figures[el.name].bundle.parts).map(([k, v]) => `${k} ${kb(v)}`);
  console.log(`${el.label} minified bytes by package (KiB): ${parts.join(', ')}`);
}
console.log('\ntargets (issues 3 and 15):');
for (const t of targets) console.log(`  ${t.met ? 'MET   ' : 'MISSED'} ${t.target}: ${t.measured}`);
if (profile) {
  for (const [what, p] of Object.entries(profile)) {
    console.log(`\nprofile: ${what}, ${big} fields: ${p.totalMs} ms of CPU (${p.file})`);
    console.log(`  by module:   ${p.modules.slice(0, 6).map((m) => `${m.name} ${m.share}%`).join(', ')}`);
    console.log('  by function (self time):');
    for (const f of p.functions.slice(0, 8)) console.log(`    ${pad(f.ms.toFixed(1) + ' ms', 10)} ${pad(f.share.toFixed(1) + '%', 6)} ${f.name}`);
    console.log("  the element's own functions (inclusive time):");
    for (const f of p.inclusive.slice(0, 16)) console.log(`    ${pad(f.ms.toFixed(1) + ' ms', 10)} ${pad(f.share.toFixed(1) + '%', 6)} ${f.name}`);
  }
}
console.log(`\nbench-form: ${((Date.now() - started) / 1000).toFixed(0)} s`);

mkdirSync(join(root, '.tmp', 'bench'), { recursive: true });
writeFileSync(
  resultsFile,
  JSON.stringify({ when: new Date().toISOString(), ...env, runs: RUNS, keystrokes: KEYS, sizes: SIZES, figures, targets, profile }, null, 2) + '\n',
);
console.log(`bench-form: results in ${relative(root, resultsFile)}`);
// A missed target is a finding, not a failure of the benchmark: exit 0 so `npm run bench` runs on.
// Refused work is a failure: the figures would time something that did not happen.
if (refused.length) {
  console.error(`bench-form: refused work:\n  ${refused.join('\n  ')}`);
  process.exit(1);
}

