#!/usr/bin/env node
// npm run build: the published package in dist/.
//   dist/esm/             one ES module per source module, for bundlers (package exports azx,
//                         azx/<element>, azx/form, azx/data...); Lit, @lit/context, the PocketBase
//                         SDK, Ajv and json-logic-js stay imports (peer dependencies), so a portal
//                         that has them loads one copy
//   dist/cdn/azx-<version>.js       one classic <script> that defines every element (global AZX)
//   dist/cdn/azx-<version>.esm.js   the same as one ES module (<script type="module">)
//   dist/themes/light.css, dark.css the design tokens (components/core/tokens.ts) of each theme
//   dist/types/           .d.ts from tsc
//   dist/custom-elements.json       the custom elements manifest
//   dist/frameworks/      typings generated from the manifest: react.d.ts (JSX), vue.d.ts
//                         (GlobalComponents, Vue 3 and 2.7), angular.md (inputs and outputs)
// Ends with the size of each entry point, gzip, and fails when a domain element's entry with
// the engine and its runtime is over budget.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { root } from './paths.mjs';
import { importTs } from './load-ts.mjs';
import { frameworkTypings } from './framework-typings.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** One row per package export that is code: its name (azx/<name>) and its source entry. Add a line per element. */
export const ENTRIES = [
  { name: 'form', entry: 'components/core/index.ts' },
  // Not an element: the Store contract and its implementations, for portals that provide one.
  { name: 'data', entry: 'components/data/index.ts' },
  // Not elements: Ajv's validators of the built-in definitions generated ahead of time, and Ajv's
  // run-time compiler for pages that allow eval (see components/core/validator.ts).
  { name: 'validators', entry: 'components/validators/index.ts' },
  { name: 'ajv', entry: 'components/core/ajv.ts' },
  // Not elements: other form libraries' schemas and hints for <azx-form> (apart, so the form stays small).
  { name: 'rjsf', entry: 'components/core/adapters/rjsf.ts' },
  { name: 'formily', entry: 'components/core/adapters/formily.ts' },
  // Not an element: the JSON Logic evaluator of x-rules/x-compute/x-visible, which <azx-form> otherwise
  // fetches the first time a schema has logic (a chunk of its own in a bundle).
  { name: 'logic', entry: 'components/core/logic-install.ts' },
  // Not an element: rule packs judged with JSON Logic (judge, evaluateLogic), apart from azx/form.
  { name: 'rules', entry: 'components/data/rules.ts' },
  { name: 'policy-entry', entry: 'components/policy-entry/index.ts', element: true },
  { name: 'coverage-map', entry: 'components/coverage-map/index.ts', element: true },
  { name: 'compliance-report', entry: 'components/compliance-report/index.ts', element: true },
  { name: 'schema-editor', entry: 'components/schema-editor/index.ts', element: true },
  { name: 'pack-editor', entry: 'components/pack-editor/index.ts', element: true },
  { name: 'service-report', entry: 'components/service-report/index.ts', element: true },
  { name: 'hazard-ledger', entry: 'components/hazard-ledger/index.ts', element: true },
  { name: 'record-list', entry: 'components/record-list/index.ts', element: true },
  { name: 'bulk-upload', entry: 'components/bulk-upload/index.ts', element: true },
  { name: 'claim', entry: 'components/claim/index.ts', element: true },
  { name: 'index', entry: 'components/index.ts' },
];

/** A domain element's entry, with the engine and its runtime libraries, must stay under this (gzip). */
const ELEMENT_BUDGET = 80 * 1024;

const dist = join(root, 'dist');
const bin = (name) => join(root, 'node_modules', '.bin', name);
/** Imports a bundler resolves from the portal's own node_modules: the peer dependencies. */
const PEERS = Object.keys(pkg.peerDependencies ?? {});
const external = PEERS.flatMap((p) => [p, `${p}/*`]);

function run(label, cmd, args) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status ?? r.signal})`);
  console.log(`build: ${label} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Every published source module (no tests, stories, declarations or generator scripts). */
function sources(dir = join(root, 'components')) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts') && !name.endsWith('.stories.ts')) out.push(path);
  }
  return out;
}

/** dist/esm: each module on its own, standard decorators lowered, imports kept. */
async function esm() {
  const t0 = Date.now();
  await build({
    absWorkingDir: root,
    entryPoints: sources(),
    outbase: join(root, 'components'),
    outdir: join(dist, 'esm'),
    bundle: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  console.log(`build: dist/esm in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** dist/cdn: everything, runtime included, in one file for a page without a bundler. */
async function cdn() {
  const t0 = Date.now();
  const common = {
    absWorkingDir: root,
    // the published modules, so the bundle is what a portal's bundler would make of them
    entryPoints: ['dist/esm/index.js'],
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    legalComments: 'eof',
    logLevel: 'warning',
  };
  const banner = { js: `/*! AZX ${pkg.version} | ${pkg.license} | every element in one file */` };
  await build({ ...common, format: 'iife', globalName: 'AZX', banner, outfile: join(dist, 'cdn', `azx-${pkg.version}.js`) });
  await build({ ...common, format: 'esm', banner, outfile: join(dist, 'cdn', `azx-${pkg.version}.esm.js`) });
  console.log(`build: dist/cdn in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Declarations only for the published code (no tests, no stories). */
function types() {
  const config = join(dist, 'tsconfig.types.json');
  writeFileSync(
    config,
    JSON.stringify({
      extends: '../tsconfig.json',
      compilerOptions: {
        noEmit: false,
        declaration: true,
        emitDeclarationOnly: true,
        declarationMap: false,
        rootDir: '../components',
        outDir: 'types',
        types: [],
      },
      include: ['../components/**/*.ts'],
      exclude: ['../components/**/*.test.ts', '../components/**/*.stories.ts'],
    }),
  );
  run('types', bin('tsc'), ['-p', config]);
  rmSync(config);
  // Generated record types are imported by dist/types/data/records.d.ts as ../../schemas/types.
  cpSync(join(root, 'schemas', 'types'), join(dist, 'schemas', 'types'), { recursive: true });
}

function manifest() {
  run('custom-elements.json', bin('cem'), ['analyze', '--litelement', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
}

async function themes() {
  const { themeCss } = await importTs('components/core/tokens.ts');
  mkdirSync(join(dist, 'themes'), { recursive: true });
  const head = (theme) =>
    `/* AZX ${pkg.version}: the ${theme} theme, generated from components/core/tokens.ts. Load one theme for the page, or both and\n   put class="azx-theme-light" or "azx-theme-dark" on a container to theme what is inside it. */\n`;
  writeFileSync(join(dist, 'themes', 'light.css'), head('light') + themeCss('light', ':root,\n.azx-theme-light'));
  writeFileSync(join(dist, 'themes', 'dark.css'), head('dark') + themeCss('dark', ':root,\n.azx-theme-dark'));
}

function frameworks() {
  const cem = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));
  mkdirSync(join(dist, 'frameworks'), { recursive: true });
  for (const [file, text] of Object.entries(frameworkTypings(cem))) writeFileSync(join(dist, 'frameworks', file), text);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/**
 * The bytes a page pays for one entry: bundled and minified as a portal's bundler would (what it
 * imports dynamically, e.g. zh-TW's words, becomes chunks fetched on use and is not counted), then
 * gzip per file, as scripts/bench-form.mjs measures it.
 */
async function entrySize(file, { withPeers }) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [{ in: file, out: 'entry' }],
    outdir: join(root, '.tmp', 'build-size'),
    bundle: true,
    splitting: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
    external: withPeers ? [] : external,
  });
  const byPath = new Map(result.outputFiles.map((f) => [relative(root, f.path), f.contents]));
  const seen = new Set();
  const visit = (out) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const imp of result.metafile.outputs[out]?.imports ?? []) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(Object.keys(result.metafile.outputs).find((o) => o.endsWith('/entry.js')));
  let min = 0;
  let gzip = 0;
  for (const out of seen) {
    const bytes = byPath.get(out);
    min += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { min, gzip };
}

async function report() {
  const rows = [];
  for (const e of ENTRIES) {
    const file = join(dist, 'esm', `${relative('components', e.entry).replace(/\.ts$/, '.js')}`);
    const own = await entrySize(file, { withPeers: false });
    const all = await entrySize(file, { withPeers: true });
    rows.push({ ...e, own, all });
  }
  console.log('build: entry points (minified, gzip level 9; "alone" = with Lit and the other runtime libraries a page without them loads)');
  console.log(`  ${'entry'.padEnd(26)} ${'AZX code gzip'.padStart(14)} ${'alone gzip'.padStart(12)} ${'alone min'.padStart(11)}`);
  for (const r of rows) {
    const name = r.name === 'index' ? 'azx' : `azx/${r.name}`;
    console.log(`  ${name.padEnd(26)} ${kb(r.own.gzip).padStart(14)} ${kb(r.all.gzip).padStart(12)} ${kb(r.all.min).padStart(11)}`);
  }
  for (const file of readdirSync(join(dist, 'cdn')).filter((f) => f.endsWith('.js'))) {
    const bytes = readFileSync(join(dist, 'cdn', file));
    console.log(`  ${`dist/cdn/${file}`.padEnd(26)} ${''.padStart(14)} ${kb(gzipSync(bytes, { level: 9 }).length).padStart(12)} ${kb(bytes.length).padStart(11)}`);
  }
  const over = rows.filter((r) => r.element && r.all.gzip > ELEMENT_BUDGET);
  if (over.length) {
    throw new Error(`over the budget of ${kb(ELEMENT_BUDGET)} gzip per element: ${over.map((r) => `azx/${r.name} ${kb(r.all.gzip)}`).join(', ')}`);
  }
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
try {
  await esm();
  await cdn();
  await themes();
  types();
  manifest();
  frameworks();
  await report();
} catch (err) {
  // no half-built dist/: npm start takes a dist/ with its entry for a finished build
  rmSync(dist, { recursive: true, force: true });
  console.error(`build: ${err.message}`);
  process.exit(1);
}
