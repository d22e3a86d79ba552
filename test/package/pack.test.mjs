// `npm pack` as published: a fresh app outside the repository installs the tarball (Lit and the
// other runtime libraries come as its peer dependencies, once), bundles a page that embeds
// <azx-hazard-ledger> the way README's "Embedding" section says, and a plain page loads the one
// classic script under a strict Content-Security-Policy. Both run against a real PocketBase.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from '../../scripts/paths.mjs';
import { DEMO_PASSWORD, PACKAGE, demoBackend, npm, openBrowser, packTarball, serveStatic, sh } from './harness.mjs';

let pack;
let app;
let backend;
let chromium;

before(async () => {
  pack = packTarball();
  app = mkdtempSync(join(tmpdir(), 'azx-portal-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }, null, 2));
  const { seconds } = npm(['install', pack.tarball], app);
  console.log(`npm install of the tarball into a fresh app: ${seconds.toFixed(1)} s`);
  backend = await demoBackend();
  chromium = await openBrowser();
});

after(async () => {
  await chromium?.close();
  await backend?.stop();
  if (app) rmSync(app, { recursive: true, force: true });
  if (pack) rmSync(pack.dir, { recursive: true, force: true });
});

test('the tarball holds the built package, its licence and changelog, and nothing of the repository', () => {
  const v = PACKAGE.version;
  for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/esm/index.js', 'dist/esm/hazard-ledger/index.js', `dist/cdn/azx-${v}.js`, `dist/cdn/azx-${v}.esm.js`, 'dist/themes/light.css', 'dist/themes/dark.css', 'dist/types/index.d.ts', 'dist/custom-elements.json', 'dist/frameworks/react.d.ts', 'dist/frameworks/vue.d.ts', 'dist/frameworks/angular.md']) {
    assert.ok(pack.files.includes(file), `${file} is in the tarball`);
  }
  assert.deepEqual(pack.files.filter((f) => /^(components|test|backend|scripts|examples|stories|schemas\/definitions)\//.test(f)), []);
  const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'azx', 'package.json'), 'utf8'));
  assert.equal(installed.license, 'MIT');
  assert.equal(installed.private, undefined);
});

test('Lit and the other runtime libraries are installed once, beside azx, as its peers', () => {
  for (const peer of ['lit', '@lit/context', 'pocketbase', 'json-logic-js']) {
    assert.ok(existsSync(join(app, 'node_modules', peer, 'package.json')), `${peer} is installed for the app`);
    assert.ok(!existsSync(join(app, 'node_modules', 'azx', 'node_modules', peer)), `azx brings no copy of its own of ${peer}`);
  }
});

test("a bundled page embeds <azx-hazard-ledger> as README's Embedding section says, with one copy of Lit", async () => {
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(
    join(app, 'src', 'portal.js'),
    `import 'azx/hazard-ledger';
import 'azx/themes/light.css';
import { PocketBaseStore, provideStore } from 'azx/data';

const params = new URLSearchParams(location.search);
const store = new PocketBaseStore({ url: params.get('pb') });
provideStore(document.body, store);
document.querySelector('#sign-in').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  await store.signIn(form.get('email'), form.get('password'));
});
`,
  );
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="dist/portal.css"><script type="module" src="dist/portal.js"></script></head>
<body><form id="sign-in"><input name="email"><input name="password" type="password"><button>登录</button></form>
<azx-hazard-ledger></azx-hazard-ledger></body></html>`,
  );
  // the app's bundler resolves azx and Lit from the app's own node_modules
  await build({ absWorkingDir: app, entryPoints: ['src/portal.js'], bundle: true, format: 'esm', outdir: 'dist', minify: true, logLevel: 'error' });
  const server = await serveStatic(app);
  try {
    const { page, problems } = await chromium.newPage();
    await page.goto(`${server.url}/?pb=${encodeURIComponent(backend.url)}`);
    await page.waitForFunction(() => document.querySelector('azx-hazard-ledger')?.shadowRoot?.textContent?.includes('请先登录'));
    await page.type('input[name="email"]', 'regulator-zj@azx.demo');
    await page.type('input[name="password"]', DEMO_PASSWORD);
    await page.click('#sign-in button');
    await page.waitForFunction(() => (document.querySelector('azx-hazard-ledger')?.total ?? 0) > 0, { timeout: 15_000 });
    const rows = await page.evaluate(() => document.querySelector('azx-hazard-ledger').shadowRoot.querySelectorAll('[part~="row"]').length);
    assert.ok(rows > 0, 'hazard rows are shown');
    assert.equal(await page.evaluate(() => window.litHtmlVersions?.length), 1, 'one copy of Lit');
    // the theme sheet reached the element
    const accent = await page.evaluate(() => getComputedStyle(document.querySelector('azx-hazard-ledger')).getPropertyValue('--azx-color-accent').trim());
    assert.equal(accent, '#1664ff');
    assert.deepEqual(problems, []);
  } finally {
    await server.stop();
  }
});

test('one classic <script> defines every element on a page without a bundler, under a strict CSP', async () => {
  const v = PACKAGE.version;
  writeFileSync(
    join(app, 'classic.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="node_modules/azx/dist/themes/dark.css">
<script src="node_modules/azx/dist/cdn/azx-${v}.js"></script><script src="classic.js" defer></script></head>
<body><form id="outer"><azx-form name="enterprise" required></azx-form></form></body></html>`,
  );
  writeFileSync(
    join(app, 'classic.js'),
    `const store = new AZX.PocketBaseStore({ url: new URLSearchParams(location.search).get('pb') });
AZX.provideStore(document.body, store);
store.signIn('regulator-zj@azx.demo', '${DEMO_PASSWORD}').then(() => store.latestDefinition('enterprise')).then((d) => {
  document.querySelector('azx-form').schema = d.schema;
  document.body.dataset.ready = 'yes';
});
`,
  );
  const server = await serveStatic(app, {
    csp: `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ${backend.url}`,
  });
  try {
    const { page, problems } = await chromium.newPage();
    await page.goto(`${server.url}/classic.html?pb=${encodeURIComponent(backend.url)}`);
    await page.waitForSelector('body[data-ready="yes"]', { timeout: 15_000 });
    const tags = ['azx-form', 'azx-policy-entry', 'azx-service-report', 'azx-hazard-ledger', 'azx-coverage-map', 'azx-compliance-report', 'azx-schema-editor', 'azx-record-list', 'azx-pack-editor', 'azx-bulk-upload'];
    assert.deepEqual(await page.evaluate((t) => t.filter((tag) => !customElements.get(tag)), tags), []);
    await page.waitForFunction(() => document.querySelector('azx-form').shadowRoot.querySelector('[data-pointer="/uscc"]'));
    // English from <html lang="en">, the dark theme's colours, and the form's validity in the page's <form>
    const seen = await page.evaluate(() => {
      const form = document.querySelector('azx-form');
      return {
        submit: form.shadowRoot.querySelector('[part="submit"]').textContent.trim(),
        text: getComputedStyle(form).color,
        valid: document.querySelector('#outer').checkValidity(),
      };
    });
    assert.deepEqual(seen, { submit: 'Submit', text: 'rgb(230, 232, 235)', valid: false });
    assert.deepEqual(problems, []);
  } finally {
    await server.stop();
  }
});

test("the package's types resolve for a TypeScript app (exports, element classes, tag names)", () => {
  writeFileSync(
    join(app, 'check.ts'),
    `import type { AzxHazardLedger } from 'azx/hazard-ledger';
import { registerTranslations, type AzxForm } from 'azx/form';
import type { Store } from 'azx/data';
const ledger: AzxHazardLedger = document.createElement('azx-hazard-ledger');
const form: AzxForm | null = document.querySelector('azx-form');
const store: Store | undefined = ledger.store;
registerTranslations('zh-CN', { 'hazard-ledger.signIn': '请先登录门户' });
export { form, store };
`,
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom', 'dom.iterable'], types: [], skipLibCheck: true },
      files: ['check.ts'],
    }),
  );
  sh(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: app });
});
