// An insurer enters a policy in the demo portal (index.html under the strict CSP), by keyboard and
// mouse as a person does: finds an enterprise in the registry (the focus lands on the enterprise
// chosen), sees the premium rated by the rule packs of its region, stores a valid policy (the
// outcome beside the button, in view), has a problem of the Suzhou bulletin refused with a
// message naming its rule and source, types elsewhere without the form pulling the focus back
// (the focus theft of issues 19 and 21), corrects it and stores it. The focus is asserted after
// every step; each screen passes axe, the reflow and the language checks; nothing violates the CSP.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPortal, openTab } from './harness.mjs';
import { click, expectFocus, fill, find, press, tabTo, textOf, type, until } from './user.mjs';
import { checkScreen, inViewport } from './checks.mjs';

const PE = 'azx-policy-entry >>> ';
const F = `${PE}azx-form >>> `;
const SUBMIT = `${PE}.form-actions button[type="submit"]`;

describe('policy entry in the demo portal', () => {
  /** @type {Awaited<ReturnType<typeof openPortal>>} */
  let portal;
  before(async () => {
    portal = await openPortal();
  });
  after(async () => {
    await portal?.close();
  });

  it('insurer-1 finds an enterprise, enters a valid policy, has a bulletin problem refused, types elsewhere and corrects it', async () => {
    const page = await portal.signIn('insurer-1@azx.demo');
    await openTab(page, 'policy-entry');
    await checkScreen(page, { where: 'insurer: policy entry' });

    // find: part of a name lists the registry's matches; choose the first with the keyboard
    await tabTo(page, `${PE}#q`, { max: 20 });
    await type(page, '有限公司');
    await press(page, 'Enter');
    await find(page, `${PE}[part="results"] button`);
    await tabTo(page, `${PE}[part="results"] button`, { max: 5 });
    await press(page, 'Enter');
    await find(page, `${F}[data-pointer="/policy_no"] input`);
    await expectFocus(page, `${PE}#enterprise-title`, { step: 'the enterprise chosen' });
    const chosen = await page.$eval('azx-policy-entry', (el) => {
      const root = el.shadowRoot;
      return {
        packs: root.querySelector('[data-packs]')?.getAttribute('data-packs'),
        breakdown: root.querySelector('[part="breakdown"]')?.textContent ?? '',
        headcount: root.querySelector('azx-form').value.headcount,
      };
    });
    assert.match(chosen.packs ?? '', /^cn-common cn-2025 zj\b/, 'a Zhejiang enterprise is under the national packs and Zhejiang’s');
    assert.match(chosen.breakdown, /保险费：.*=\s*[\d.]+ 元/);
    assert.ok(chosen.headcount > 0, 'the headcount fills in from the registry');
    await checkScreen(page, { where: 'insurer: enterprise chosen' });

    // a valid policy: only its number is left to type; the mouse presses 提交
    await fill(page, `${F}[data-pointer="/policy_no"] input`, 'E2E-PE-2026-0001');
    await click(page, SUBMIT);
    await find(page, `${PE}.saved`);
    assert.match(await textOf(page, `${PE}.saved`), /E2E-PE-2026-0001/);
    await expectFocus(page, SUBMIT, { step: 'saved: the focus stays on the button' });
    await inViewport(page, `${PE}.saved`, 'the policy saved');
    await checkScreen(page, { where: 'insurer: policy saved' });

    // a problem the Suzhou bulletin names: insured persons not matching the headcount
    await fill(page, `${F}[data-pointer="/insured_persons"] input`, String(chosen.headcount + 1));
    await fill(page, `${F}[data-pointer="/policy_no"] input`, 'E2E-PE-2026-0002', { leave: false });
    await press(page, 'Enter');
    const problem = `${PE}[part="problems"] li[data-code="cover_headcount_mismatch"]`;
    await find(page, problem);
    const message = await textOf(page, problem);
    assert.match(message, /保额与投保企业人数不匹配/);
    // the source of the rule in force for a Zhejiang enterprise: the national measures of 2025
    assert.match(message, /依据：应急〔2025〕27号/);
    // the focus is on the refused field, its message beside it and the count in the action bar, in view
    const at = await until(page, () => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.getAttribute('aria-invalid') === 'true' && a.closest('[data-pointer]')?.dataset.pointer;
    });
    await inViewport(page, `${F}[data-pointer="${at}"] [part="error"]`, 'the refusal at its field');
    await inViewport(page, `${F}[part="issue-count"]`, 'the count of problems');
    await checkScreen(page, { where: 'insurer: policy refused by the packs' });

    // the user types in the enterprise search box: every key lands there, none in the form
    await click(page, `${PE}#q`);
    await press(page, 'Control+A');
    await type(page, '99');
    await expectFocus(page, `${PE}#q`, { step: 'typing elsewhere after a refusal' });
    assert.equal(await page.$eval('azx-policy-entry', (el) => el.shadowRoot.querySelector('#q').value), '99');
    assert.equal(
      await page.$eval('azx-policy-entry', (el) => el.shadowRoot.querySelector('azx-form').value.insured_persons),
      chosen.headcount + 1,
      'nothing typed went into 参保人数',
    );

    // corrected, it is stored
    await fill(page, `${F}[data-pointer="/insured_persons"] input`, String(chosen.headcount));
    await click(page, SUBMIT);
    await until(page, () => /E2E-PE-2026-0002/.test(document.querySelector('azx-policy-entry').shadowRoot.querySelector('.saved')?.textContent ?? ''));
    await expectFocus(page, SUBMIT, { step: 'corrected and saved' });
    await inViewport(page, `${PE}.saved`, 'the corrected policy saved');
    await page.close();
  });

  it('records no CSP violation and no uncaught error', () => {
    assert.deepEqual(portal.violations, []);
    assert.deepEqual(portal.errors, []);
  });
});
