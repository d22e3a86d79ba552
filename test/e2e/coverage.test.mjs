// The regulator's views in the demo portal (index.html under the strict CSP): the Shaoxing
// regulator (regulator-330600) sees its counties on the coverage map, drills into a county with
// the keyboard down to the enterprises behind the figure; in the compliance report it draws a
// seeded sample, records a finding against a sampled policy and sees it counted. No CSP
// violation, no page error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inShadow, openPortal, openTab } from './harness.mjs';

const MAP = 'azx-coverage-map';
const REPORT = 'azx-compliance-report';

describe('regulator views in the portal', () => {
  let portal;
  let page;
  before(async () => {
    portal = await openPortal();
    page = await portal.signIn('regulator-330600@azx.demo');
  });
  after(async () => portal?.close());

  it('the coverage map shows Shaoxing by county and drills down to the records with the keyboard', async () => {
    await openTab(page, 'coverage-map');
    await page.waitForFunction((t) => document.querySelector(t)?.shadowRoot?.querySelectorAll('[part="tile"]').length > 0, { timeout: 20000 }, MAP);
    const codes = await inShadow(page, MAP, (root) => [...root.querySelectorAll('[part="tile"]')].map((b) => b.dataset.code));
    assert.ok(codes.length >= 1 && codes.every((c) => c.startsWith('3306')), codes.join());
    // focus the first tile and drill into its county with Enter
    await inShadow(page, MAP, (root) => root.querySelector('[part="tile"][tabindex="0"]').focus());
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => document.querySelector(t).figures?.region.level === 'county', { timeout: 20000 }, MAP);
    await inShadow(page, MAP, (root) => root.querySelector('[part="tile"]').focus());
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => document.querySelector(t).shadowRoot.querySelector('#records-title'), { timeout: 20000 }, MAP);
    const title = await inShadow(page, MAP, (root) => root.querySelector('#records-title').textContent);
    assert.match(title, /参保率：共 \d+ 条/);
    // the table view carries the same figures
    await inShadow(page, MAP, (root) => [...root.querySelectorAll('[part="toolbar"] button')].find((b) => b.textContent === '表格').click());
    await page.waitForFunction((t) => document.querySelector(t).shadowRoot.querySelector('[part="table"] tfoot'), { timeout: 20000 }, MAP);
  });

  it('the compliance report draws a sample, records a finding and counts it', async () => {
    await openTab(page, 'compliance-report');
    await page.waitForFunction((t) => document.querySelector(t)?.report, { timeout: 20000 }, REPORT);
    const title = await inShadow(page, REPORT, (root) => root.querySelector('h1').textContent);
    assert.equal(title, '关于绍兴市安全生产责任保险工作开展情况的通报');
    await inShadow(page, REPORT, (root) => {
      root.querySelector('details').open = true;
      const form = root.querySelector('form.draw');
      form.querySelector('[name="name"]').value = '端到端抽查';
      form.querySelector('[name="seed"]').value = '42';
      form.querySelector('[name="size"]').value = '4';
      form.requestSubmit();
    });
    await page.waitForFunction((t) => document.querySelector(t).report?.round?.name === '端到端抽查', { timeout: 20000 }, REPORT);
    await page.waitForFunction((t) => document.querySelector(t).shadowRoot.querySelectorAll('[part="sample"] tbody tr').length === 4, { timeout: 20000 }, REPORT);
    await inShadow(page, REPORT, (root) => root.querySelector('[part="sample"] tbody button').click());
    await page.waitForFunction((t) => document.querySelector(t).shadowRoot.querySelector('form.finding'), {}, REPORT);
    await inShadow(page, REPORT, (root) => {
      const form = root.querySelector('form.finding');
      form.querySelector('select').value = 'rate_misused';
      form.requestSubmit();
    });
    await page.waitForFunction((t) => document.querySelector(t).report?.round?.withProblems === 1, { timeout: 20000 }, REPORT);
    const status = await page.$eval('[role="status"]', (s) => s.textContent);
    assert.match(status, /检查发现已记录/);
  });

  it('raised no CSP violation and no page error', () => {
    assert.deepEqual(portal.violations, []);
    assert.deepEqual(portal.errors, []);
  });
});
