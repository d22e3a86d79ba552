// The framework example apps of examples/ as a portal developer would build them: each is copied
// outside the repository, installs the packed tarball, is built with its framework's usual tool
// (Vite for React 19, Vue 3 and Vue 2.7, the Angular CLI, a copy script for plain HTML/jQuery),
// served as static files, and driven in Chromium against a real PocketBase with the demo data:
// sign in, the ledger's `azx-loaded` reaches the framework's state, a property sets the form's
// schema, the framework's own <form> refuses to submit an invalid <azx-form> and submits a valid
// one, which the server stores.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeUscc } from '../fixtures/uscc.mjs';
import { enterpriseData } from '../fixtures/records.mjs';
import { DEMO_PASSWORD, demoBackend, openBrowser, packTarball, prepareExample, serveStatic } from './harness.mjs';

/** Each example, and whether its page runs under the strict CSP of government portals. */
const EXAMPLES = [
  { name: 'html', csp: true },
  { name: 'react', csp: false },
  { name: 'vue3', csp: false },
  { name: 'vue2', csp: false },
  // Angular's index.html inlines its critical CSS with an onload handler, which a strict CSP blocks
  { name: 'angular', csp: false },
];

let pack;
let backend;
let chromium;
const REGULATOR = 'regulator-zj@azx.demo';

before(async () => {
  pack = packTarball();
  backend = await demoBackend();
  chromium = await openBrowser();
});

after(async () => {
  await chromium?.close();
  await backend?.stop();
  if (pack) rmSync(pack.dir, { recursive: true, force: true });
});

/** The enterprises the regulator's token can see with this USCC. */
async function storedEnterprises(uscc) {
  const auth = await fetch(`${backend.url}/api/collections/users/auth-with-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity: REGULATOR, password: DEMO_PASSWORD }),
  }).then((r) => r.json());
  const filter = encodeURIComponent(`uscc = "${uscc}"`);
  const list = await fetch(`${backend.url}/api/collections/enterprises/records?filter=${filter}`, { headers: { authorization: auth.token } }).then((r) => r.json());
  return list.items ?? [];
}

EXAMPLES.forEach(({ name, csp }, i) => {
  test(`examples/${name}: built with its own tool, it signs in, follows the ledger, sets properties and submits in its own form`, async () => {
    const app = prepareExample(name, pack.tarball);
    console.log(`examples/${name}: npm install ${app.seconds.install.toFixed(1)} s (${app.cold ? 'cold' : 'framework packages kept'}), build ${app.seconds.build.toFixed(1)} s`);
    const server = await serveStatic(join(app.dir, 'dist'), {
      csp: csp ? `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ${backend.url}` : undefined,
    });
    try {
      const { page, problems } = await chromium.newPage();
      await page.goto(`${server.url}/?pb=${encodeURIComponent(backend.url)}`);
      await page.waitForSelector('#sign-in button');
      await page.$eval('#email', (input, v) => {
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, REGULATOR);
      await page.$eval('#password', (input, v) => {
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, DEMO_PASSWORD);
      await page.click('#sign-in button');
      await page.waitForFunction(() => document.querySelector('#who')?.textContent?.trim(), { timeout: 15_000 });

      // an event of the element reaches the framework's state
      await page.waitForFunction(() => Number(document.querySelector('#hazard-count')?.textContent) > 0, { timeout: 15_000 });
      // a property the framework set: the form draws the schema it was given
      await page.waitForSelector('azx-form >>> [data-pointer="/uscc"] input', { timeout: 15_000 });

      // an empty record: the browser refuses the framework's form, nothing reaches the handler
      await page.click('#enterprise-form button[type="submit"]');
      assert.equal(await page.$eval('#enterprise-form', (f) => f.checkValidity()), false);
      assert.equal(await page.$eval('#message', (m) => m.textContent.trim()), '');

      // a valid record, the name typed as a user would, submitted with the framework's button
      const uscc = makeUscc('330106', `MA2EX${String(i).padStart(4, '0')}`);
      const data = enterpriseData({ uscc, name: '', region_code: '330106', industry: 'construction', headcount: 80 });
      await page.$eval('#enterprise', async (el, value) => {
        el.value = value;
        await el.updateComplete;
      }, data);
      const nameInput = await page.waitForSelector('azx-form >>> [data-pointer="/name"] input');
      await nameInput.type(`${name} 示例建设工程有限公司`);
      await nameInput.press('Tab');
      await page.click('#enterprise-form button[type="submit"]');
      await page.waitForFunction((u) => document.querySelector('#message')?.textContent?.includes(`已登记 ${u}`), { timeout: 15_000 }, uscc);

      const stored = await storedEnterprises(uscc);
      assert.equal(stored.length, 1, 'the server stored the enterprise');
      assert.equal(stored[0].data.name, `${name} 示例建设工程有限公司`);
      assert.deepEqual(problems, []);
    } finally {
      await server.stop();
    }
  });
});
