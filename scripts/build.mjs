#!/usr/bin/env node
// npm run build: the library in dist/.
//   dist/<element>.js   one ES module per element folder (package export azx/<element>)
//   dist/index.js       every element (package export azx)
//   dist/chunks/        code shared between entries (Lit, Ajv, the form engine)
//   dist/types/         .d.ts from tsc
//   dist/custom-elements.json  the custom elements manifest
// All minified, with source maps.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { root } from './paths.mjs';

/** One row per element folder: the file in dist/ (and export azx/<name>) and its entry module. Add a line per element. */
export const ELEMENTS = [
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
  { name: 'policy-entry', entry: 'components/policy-entry/index.ts' },
  { name: 'coverage-map', entry: 'components/coverage-map/index.ts' },
  { name: 'compliance-report', entry: 'components/compliance-report/index.ts' },
  { name: 'schema-editor', entry: 'components/schema-editor/index.ts' },
  { name: 'service-report', entry: 'components/service-report/index.ts' },
  { name: 'hazard-ledger', entry: 'components/hazard-ledger/index.ts' },
];

const dist = join(root, 'dist');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(label, cmd, args) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`build: ${label} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

async function bundle() {
  const t0 = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: [...ELEMENTS.map((e) => ({ in: e.entry, out: e.name })), { in: 'components/index.ts', out: 'index' }],
    outdir: dist,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    // Standard decorators and class fields are lowered; everything else stays modern.
    target: 'es2022',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  console.log(`build: bundles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result.metafile;
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

function report(meta) {
  for (const name of [...ELEMENTS.map((e) => e.name), 'index']) {
    // An entry's real cost is the entry file plus every chunk it imports, transitively.
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imp of meta.outputs[file]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
    };
    visit(relative(root, join(dist, `${name}.js`)));
    let min = 0;
    let gz = 0;
    for (const file of seen) {
      const bytes = readFileSync(join(root, file));
      min += bytes.length;
      gz += gzipSync(bytes, { level: 9 }).length;
    }
    const own = statSync(join(dist, `${name}.js`)).size;
    console.log(`build: dist/${name}.js ${kb(own)} own; with its chunks ${kb(min)} min, ${kb(gz)} gzip`);
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const meta = await bundle();
types();
manifest();
report(meta);
