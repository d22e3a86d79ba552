// An insurer enters a policy in the demo portal (index.html under the strict CSP): finds an
// enterprise in the registry, sees the premium rated by the rule packs of its region, stores a
// valid policy, and has a problem of the Suzhou bulletin refused with a message naming its rule
// and source; nothing violates the CSP.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseEnterprise, openPortal, openTab } from './harness.mjs';


describe('policy entry in the demo portal', () => {
  /** @type {Awaited<ReturnType<typeof openPortal>>} */
  let portal;
  before(async () => {
    portal = await openPortal();
  });
  after(async () => {
    await portal?.close();
  });

  it('insurer-1 finds an enterprise, enters a valid policy, and has a bulletin problem refused', async () => {
    const page = await portal.signIn('insurer-1@azx.demo');
    await openTab(page, 'policy-entry');
    // find: part of a name lists the registry's matches; choose the first
    await chooseEnterprise(page, '有限公司');
    const chosen = await page.evaluate(() => {
      const root = document.querySelector('azx-policy-entry').shadowRoot;
      return {
        packs: root.querySelector('[data-packs]')?.getAttribute('data-packs'),
        breakdown: root.querySelector('[part="breakdown"]')?.textContent ?? '',
        headcount: root.querySelector('azx-form').value.headcount,
      };
    });
    assert.match(chosen.packs ?? '', /^cn-common cn-2025 zj\b/, 'a Zhejiang enterprise is under the national packs and Zhejiang’s');
    assert.match(chosen.breakdown, /保险费：.*=\s*[\d.]+ 元/);
    assert.ok(chosen.headcount > 0, 'the headcount fills in from the registry');

    // a valid policy: only its number is left to type
    const field = async (pointer) =>
      (await page.evaluateHandle((p) => document.querySelector('azx-policy-entry').shadowRoot.querySelector('azx-form').shadowRoot
        .querySelector(`[data-pointer="${p}"] input`), pointer)).asElement();
    await (await field('/policy_no')).type('E2E-PE-2026-0001');
    const submit = () => page.evaluate(() =>
      document.querySelector('azx-policy-entry').shadowRoot.querySelector('azx-form button[slot="actions"]').click());
    await submit();
    await page.waitForFunction(() => document.querySelector('azx-policy-entry').shadowRoot.querySelector('.saved'), { timeout: 15000 }).catch(async (err) => {
      const state = await page.evaluate(() => {
        const root = document.querySelector('azx-policy-entry').shadowRoot;
        return `${root.querySelector('[part="problems"]')?.textContent ?? ''} | ${root.querySelector('azx-form').shadowRoot.querySelector('[part="summary"]')?.textContent ?? ''} | ${root.querySelector('[part="status"]')?.textContent ?? ''}`;
      });
      throw new Error(`not saved: ${state.replace(/\s+/g, ' ')}`, { cause: err });
    });
    const saved = await page.evaluate(() => document.querySelector('azx-policy-entry').shadowRoot.querySelector('.saved').textContent);
    assert.match(saved, /E2E-PE-2026-0001/);

    // a problem the Suzhou bulletin names: insured persons not matching the headcount
    // replace a field's text as an edit does: new value, input and change events
    const retype = (pointer, text) =>
      page.evaluate((p, t) => {
        const input = document.querySelector('azx-policy-entry').shadowRoot.querySelector('azx-form').shadowRoot
          .querySelector(`[data-pointer="${p}"] input`);
        input.value = t;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      }, pointer, text);
    await retype('/insured_persons', String(chosen.headcount + 1));
    await retype('/policy_no', 'E2E-PE-2026-0002');
    await submit();
    await page.waitForFunction(
      () => document.querySelector('azx-policy-entry').shadowRoot.querySelector('[part="problems"] li[data-code="cover_headcount_mismatch"]'),
      { timeout: 15000 },
    ).catch(async (err) => {
      const state = await page.evaluate(() => {
        const root = document.querySelector('azx-policy-entry').shadowRoot;
        return `${JSON.stringify(root.querySelector('azx-form').value)} | ${root.querySelector('[part="problems"]')?.innerHTML ?? ''} | ${root.querySelector('azx-form').shadowRoot.querySelector('[part="summary"]')?.textContent ?? ''} | ${root.querySelector('[part="status"]')?.textContent ?? ''}`;
      });
      throw new Error(`not refused: ${state.replace(/\s+/g, ' ')}`, { cause: err });
    });
    const message = await page.evaluate(() =>
      document.querySelector('azx-policy-entry').shadowRoot.querySelector('[part="problems"] li[data-code="cover_headcount_mismatch"]').textContent);
    assert.match(message, /保额与投保企业人数不匹配/);
    // the source of the rule in force for a Zhejiang enterprise: the national measures of 2025
    assert.match(message, /依据：应急〔2025〕27号/);
    await page.close();
  });

  it('records no CSP violation and no uncaught error', () => {
    assert.deepEqual(portal.violations, []);
    assert.deepEqual(portal.errors, []);
  });
});
