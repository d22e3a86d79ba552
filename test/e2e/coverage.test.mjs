// The regulator's views in the demo portal (index.html under the strict CSP), by keyboard and
// mouse as a person uses them: the Shaoxing regulator (regulator-330600) sees its counties on the
// coverage map and drills into a county down to the enterprises behind a figure; in the compliance
// report it draws a seeded sample (which claims no finding yet), records a finding against a
// sampled policy and sees it counted, and opens a figure's records in a drawer that gives the
// focus back on Escape. The focus is asserted after every step; each screen passes axe, the
// reflow and the language checks. No CSP violation, no page error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPortal, openTab } from './harness.mjs';
import { choose, click, expectFocus, find, press, tabTo, textOf, type, until } from './user.mjs';
import { checkScreen, inViewport } from './checks.mjs';

const MAP = 'azx-coverage-map';
const REPORT = 'azx-compliance-report';
const R = `${REPORT} >>> `;

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
    await find(page, `${MAP} >>> [part="tile"]`);
    const codes = await page.$$eval(`${MAP} >>> [part="tile"]`, (tiles) => tiles.map((b) => b.dataset.code));
    assert.ok(codes.length >= 1 && codes.every((c) => c.startsWith('3306')), codes.join());
    await checkScreen(page, { where: 'regulator: coverage map' });
    // Tab to the first tile and drill into its county with Enter
    await tabTo(page, `${MAP} >>> [part="tile"][tabindex="0"]`, { max: 40 });
    await press(page, 'Enter');
    await until(page, (t) => document.querySelector(t).figures?.region.level === 'county', MAP);
    await tabTo(page, `${MAP} >>> [part="tile"][tabindex="0"]`, { max: 40 });
    await press(page, 'Enter');
    await find(page, `${MAP} >>> #records-title`);
    await expectFocus(page, `${MAP} >>> #records-title`, { step: 'the records behind the tile' });
    assert.match(await textOf(page, `${MAP} >>> #records-title`), /：共 \d+ 条/);
    await checkScreen(page, { where: 'regulator: coverage records' });
    // the table view carries the same figures
    const toggles = await page.$$(`${MAP} >>> [part="toolbar"] button`);
    const names = await Promise.all(toggles.map((b) => b.evaluate((e) => e.textContent.trim())));
    await click(page, toggles[names.indexOf('表格')]);
    await find(page, `${MAP} >>> [part="table"] tfoot`);
    await checkScreen(page, { where: 'regulator: coverage table' });
  });

  it('the compliance report draws a sample, records a finding and counts it; a figure opens its records in a drawer', async () => {
    await openTab(page, 'compliance-report');
    await until(page, (t) => document.querySelector(t)?.report, REPORT);
    assert.equal(await textOf(page, `${R}h1`), '关于绍兴市安全生产责任保险工作开展情况的通报');
    await checkScreen(page, { where: 'regulator: compliance report' });

    // a new round, from the keyboard
    await tabTo(page, `${R}.toolbar summary`, { max: 20 });
    await press(page, 'Enter');
    await press(page, 'Tab');
    await expectFocus(page, `${R}form.draw [name="name"]`, { step: 'the round name' });
    await type(page, '端到端抽查');
    await press(page, 'Tab');
    await press(page, 'Control+A');
    await type(page, '42');
    await press(page, 'Tab');
    await press(page, 'Control+A');
    await type(page, '4');
    await press(page, 'Enter');
    await until(page, (t) => document.querySelector(t).report?.round?.name === '端到端抽查', REPORT);
    await until(page, (t) => document.querySelector(t).shadowRoot.querySelectorAll('[part="sample"] tbody tr').length === 4, REPORT);
    await expectFocus(page, `${R}#sample-title`, { step: 'the sample drawn' });
    // drawn, not inspected: the bulletin claims no finding yet
    const drawn = await textOf(page, `${R}p.summary`);
    assert.match(drawn, /检查结果尚未录入/);
    assert.doesNotMatch(drawn, /检查发现/);

    // a finding against the first sampled policy
    await click(page, `${R}[part="sample"] tbody button`);
    await expectFocus(page, `${R}[part="sample"] tbody button[aria-expanded="true"]`, { step: 'the finding form opened' });
    await press(page, 'Tab');
    await expectFocus(page, `${R}form.finding select`, { step: 'the category' });
    await choose(page, `${R}form.finding select`, '未规范使用保险方案及费率机制');
    await tabTo(page, `${R}form.finding button[type="submit"]`, { max: 4 });
    await press(page, 'Enter');
    await until(page, (t) => document.querySelector(t).report?.round?.withProblems === 1, REPORT);
    await expectFocus(page, `${R}[part="sample"] tbody button[aria-expanded="false"]`, { step: 'the finding saved: back on its policy' });
    await inViewport(page, `${R}[part="sample"] [role="status"]`, 'the finding recorded');
    assert.match(await textOf(page, `${R}[part="sample"] [role="status"]`), /已记录/);
    await checkScreen(page, { where: 'regulator: finding recorded' });

    // a figure's records open beside the report and close with Escape, the focus back on it
    const figure = `${R}p.summary [part="figure"]`;
    await click(page, figure);
    await find(page, `${R}dialog[part="records"][open]`);
    await expectFocus(page, `${R}#records-title`, { step: 'the drawer of records' });
    await checkScreen(page, { where: 'regulator: records drawer' });
    await press(page, 'Escape');
    await until(page, (t) => !document.querySelector(t).shadowRoot.querySelector('dialog[part="records"]'), REPORT);
    await expectFocus(page, figure, { step: 'the drawer closed: back on the figure' });
  });

  it('raised no CSP violation and no page error', () => {
    assert.deepEqual(portal.violations, []);
    assert.deepEqual(portal.errors, []);
  });
});
