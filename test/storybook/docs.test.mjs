// The Storybook built by `npm test` (.tmp/storybook-static): every docs page renders in Chromium
// without an error: one per element from the custom-elements manifest (autodocs), a getting-started
// page per framework, theming (every --azx-* token and ::part) and words (every key).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../scripts/paths.mjs';
import { importTs } from '../../scripts/load-ts.mjs';
import { openBrowser, serveStatic } from '../package/harness.mjs';

const STATIC = join(root, '.tmp', 'storybook-static');
const index = JSON.parse(readFileSync(join(STATIC, 'index.json'), 'utf8'));
const docs = Object.values(index.entries).filter((e) => e.type === 'docs');
const manifest = JSON.parse(readFileSync(join(root, 'dist', 'custom-elements.json'), 'utf8'));
// a base class (core/store-element.ts StoreElement) is an element class without a tag of its own
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName && d.tagName !== 'azx-logic-builder').map((d) => d.tagName);

let server;
let chromium;
before(async () => {
  server = await serveStatic(STATIC);
  chromium = await openBrowser();
});
after(async () => {
  await chromium?.close();
  await server?.stop();
});

/** Opens a docs page and returns its text once rendered (with `expect` in it), and the errors of the page. */
async function open(id, expect = '') {
  const { page, problems } = await chromium.newPage();
  await page.goto(`${server.url}/iframe.html?id=${id}&viewMode=docs`);
  await page.waitForSelector('#storybook-docs .sbdocs-content h1, #storybook-docs .sbdocs-title', { timeout: 30_000 });
  // code blocks are highlighted after the page, by a lazily loaded highlighter
  await page.waitForFunction((t) => document.querySelector('#storybook-docs')?.textContent?.includes(t), { timeout: 30_000 }, expect);
  const text = await page.$eval('#storybook-docs', (el) => el.textContent ?? '');
  const rows = await page.$$eval('#storybook-docs table tbody tr', (r) => r.length);
  await page.close();
  return { text, rows, problems };
}

test('every element has a docs page, and every framework a getting-started page', () => {
  const titles = docs.map((d) => d.title);
  for (const tag of tags) assert.ok(titles.some((t) => t.endsWith(`/${tag}`)), `a docs page for <${tag}>`);
  for (const fw of ['React 19', 'Vue 3', 'Vue 2.7', 'Angular', 'HTML and jQuery']) assert.ok(titles.includes(`Getting started/${fw}`), fw);
});

for (const entry of docs) {
  test(`docs page "${entry.title}" renders`, async () => {
    const { text, rows, problems } = await open(entry.id, entry.title.startsWith('Getting started/') ? 'npm install azx' : '');
    assert.deepEqual(problems, []);
    if (entry.title === 'Guides/Theming') {
      const { TOKENS } = await importTs('components/core/tokens.ts');
      for (const t of TOKENS) assert.ok(text.includes(`--azx-${t.name}`), `--azx-${t.name} is shown`);
      for (const d of manifest.modules.flatMap((m) => m.declarations ?? []).filter((x) => x.customElement)) {
        for (const part of d.cssParts ?? []) assert.ok(text.includes(`::part(${part.name})`), `::part(${part.name}) of <${d.tagName}> is shown`);
      }
    } else if (entry.title === 'Guides/Words and languages') {
      assert.ok(rows > 300, `every key is listed (${rows} rows)`);
    } else if (entry.title.startsWith('Getting started/')) {
      assert.match(text, /npm install azx/);
    } else {
      // an element's page: the manifest's properties, events and parts
      assert.ok(rows > 5, `the element's API table has rows (${rows})`);
    }
  });
}
