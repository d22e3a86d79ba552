// The schema editor end to end, under the strict CSP: the administrator adds an industry (a
// policy form for ammonia refrigeration with two new fields and a rule) and publishes it; an
// insurer files a policy under it, while an older policy still opens under version 1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPortal, openTab } from './harness.mjs';

const ED = 'azx-schema-editor >>> ';

/** Types into a control and leaves it, so its `change` fires. */
async function fill(page, selector, text) {
  await page.click(selector, { clickCount: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, text);
  await page.keyboard.press('Tab');
}

describe('schema editor end to end', () => {
  /** @type {Awaited<ReturnType<typeof openPortal>>} */
  let portal;
  before(async () => {
    portal = await openPortal({ enterprises: 100 });
  });
  after(async () => {
    await portal?.close();
  });

  it('an administrator publishes an ammonia-refrigeration policy form with two new fields and a rule', async () => {
    const page = await portal.signIn('admin@azx.demo');
    await openTab(page, 'schema-editor');
    await page.waitForSelector(`${ED}tr[data-key="policy"]`);
    await page.select(`${ED}form.new-industry select[name="base"]`, 'policy');
    await fill(page, `${ED}form.new-industry input[name="key"]`, 'policy-ammonia');
    await fill(page, `${ED}form.new-industry input[name="industry"]`, '涉氨制冷');
    await fill(page, `${ED}form.new-industry input[name="zh"]`, '涉氨制冷企业安责险保单');
    await fill(page, `${ED}form.new-industry input[name="en"]`, 'Policy: ammonia refrigeration');
    await page.click(`${ED}form.new-industry button[type="submit"]`);
    await page.waitForSelector(`${ED}form.add-field`);

    const addField = async (key, kind, zh) => {
      await fill(page, `${ED}form.add-field input[name="key"]`, key);
      await page.select(`${ED}form.add-field select[name="kind"]`, kind);
      await fill(page, `${ED}form.add-field input[name="zh"]`, zh);
      await page.click(`${ED}form.add-field button[type="submit"]`);
      await page.waitForSelector(`${ED}.tree-item.selected[data-path="${key}"]`);
    };
    await addField('ammonia_charge_kg', 'number', '液氨储量（千克）');
    await page.click(`${ED}.inspector input[type="checkbox"]`); // required
    await addField('ammonia_alarm', 'boolean', '已安装氨气泄漏报警装置');

    await page.click(`${ED}#tab-rules`);
    await page.click(`${ED}button.add-rule`);
    await page.click(`${ED}.rule azx-logic-builder >>> button.add-condition`);
    await page.select(`${ED}.rule azx-logic-builder >>> select[aria-label="字段 1"]`, 'ammonia_alarm');
    await fill(page, `${ED}.rule azx-logic-builder >>> input[aria-label="值 1"]`, 'true');
    await fill(page, `${ED}#rule-0-zh`, '涉氨制冷企业须安装氨气泄漏报警装置');
    await fill(page, `${ED}#rule-0-en`, 'An ammonia leak alarm must be installed');
    await page.select(`${ED}#rule-0-path`, 'ammonia_alarm');

    await page.click(`${ED}#tab-publish`);
    const diff = await page.$eval(`${ED}table.diff`, (t) => t.textContent);
    assert.match(diff, /ammonia_charge_kg/);
    assert.match(diff, /ammonia_alarm/);
    await page.click(`${ED}button.publish`);
    await page.waitForSelector(`${ED}tr[data-key="policy-ammonia"] .version.published`);
    await page.close();
  });

  it('an insurer files a policy for that industry, and an older policy still opens under version 1', async () => {
    const page = await portal.signIn('insurer-1@azx.demo');
    await openTab(page, 'industry-policy');
    await page.waitForSelector('#industry-definition option[value="policy-ammonia"]');
    await page.select('#industry-definition', 'policy-ammonia');
    await page.waitForSelector('#industry-policy-list tr[data-id] .copy-policy');
    const F = '#industry-policy-form >>> ';
    const submit = () => page.click(`${F}button[part~="submit"]`);

    // The insurer starts from one of its policies (the seed plants a few with problems the
    // server refuses).
    const templates = (await page.$$('#industry-policy-list tr[data-id] .copy-policy')).length;
    let stored = '';
    let ruleSeen = false;
    const refusals = [];
    for (let i = 0; i < templates && !stored; i++) {
      const copies = await page.$$('#industry-policy-list tr[data-id] .copy-policy');
      await copies[i].click();
      await page.waitForSelector(`${F}[data-pointer="/ammonia_charge_kg"] input`);
      const persons = await page.$eval('#industry-policy-form', (f) => f.value.insured_persons);
      if (!(persons <= 300)) continue;
      const policyNo = `NH3-330600-2026-00000${i}`;
      await fill(page, `${F}[data-pointer="/policy_no"] input`, policyNo);
      await fill(page, `${F}[data-pointer="/ammonia_charge_kg"] input`, '8000');
      await fill(page, `${F}[data-pointer="/rating/coefficients/headcount_band"] input`, '1');
      if (!ruleSeen) {
        // the administrator's rule holds the policy back until the alarm is ticked
        await submit();
        await page.waitForFunction(() =>
          document.querySelector('#industry-policy-form')?.shadowRoot?.textContent?.includes('涉氨制冷企业须安装氨气泄漏报警装置'));
        ruleSeen = true;
      }
      await page.click(`${F}[data-pointer="/ammonia_alarm"] input`);
      await page.$eval('#industry-policy-errors', (ul) => ul.replaceChildren());
      await submit();
      const outcome = await page.waitForFunction(
        (no) => {
          if (document.querySelector('#industry-policy-list')?.textContent?.includes(no)) return 'stored';
          const errors = document.querySelector('#industry-policy-errors')?.textContent;
          return errors ? errors : false;
        },
        { timeout: 15000 },
        policyNo,
      );
      const result = await outcome.jsonValue();
      if (result === 'stored') stored = policyNo;
      else refusals.push(result);
    }
    assert.ok(stored, `no policy was stored; the server said: ${refusals.join(' | ')}`);
    const row = await page.$$eval('#industry-policy-list tr[data-id]', (rows, no) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)).find((cells) => cells[0] === no), stored);
    assert.deepEqual(row?.slice(1, 3), ['policy-ammonia', '1']);

    // an older policy, made under the built-in policy form version 1, opens with that version
    const older = await page.$$eval('#industry-policy-list tr[data-id]', (rows) =>
      rows.findIndex((r) => r.children[1]?.textContent === 'policy' && r.children[2]?.textContent === '1'));
    assert.ok(older >= 0, 'an older policy under policy version 1 is listed');
    const buttons = await page.$$('#industry-policy-list tr[data-id] .open-policy');
    await buttons[older].click();
    await page.waitForSelector('#policy-viewer[data-showing="policy@1"]:not([hidden])');
    await page.waitForFunction(() => (document.querySelector('#policy-viewer')?.shadowRoot?.querySelectorAll('[part~="value"]').length ?? 0) > 5);
    const shown = await page.$eval('#policy-viewer', (f) => f.shadowRoot?.textContent ?? '');
    assert.doesNotMatch(shown, /液氨储量/);
    await page.close();
  });

  it('records no CSP violation and no uncaught error', () => {
    assert.deepEqual(portal.violations, []);
    assert.deepEqual(portal.errors, []);
  });
});
