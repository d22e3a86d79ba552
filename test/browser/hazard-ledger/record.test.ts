// Recording a hazard: the insurer picks a policy and fills the published hazard definition; the
// new hazard starts found, is linked to the policy, and opens in the ledger.
import { expect } from '@open-wc/testing';
import type { AzxForm } from '../../../components/core/index.js';
import { hazardDefinition, ledgerStore, policyOfE1 } from './ledger-world.js';
import { mountLedger, shadow, text, until } from './helpers.js';

describe('<azx-hazard-ledger> recording', () => {
  it('only insurers and providers may record a hazard', async () => {
    const ent = await mountLedger(ledgerStore({ role: 'enterprise' }));
    expect(shadow(ent).querySelector('.record-button')).to.equal(null);
    const reg = await mountLedger(ledgerStore({ role: 'regulator' }));
    expect(shadow(reg).querySelector('.record-button')).to.equal(null);
  });

  it('the insurer records a hazard against a policy; it is stored linked to the policy and opens', async () => {
    const store = ledgerStore({ role: 'insurer', policies: [policyOfE1()], definitions: [await hazardDefinition()] });
    const el = await mountLedger(store);
    shadow(el).querySelector<HTMLButtonElement>('.record-button')!.click();
    await until(() => !!shadow(el).querySelector('[name="record-policy"] option[value="policye1xxxxxxx"]'), 3000, 'policies');
    const select = shadow(el).querySelector<HTMLSelectElement>('[name="record-policy"]')!;
    select.value = 'policye1xxxxxxx';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const form = shadow(el).querySelector<AzxForm>('azx-form')!;
    await form.updateComplete;
    // an empty submit is stopped in the browser
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('[part~="summary"]')).to.exist;
    expect((await store.list('hazards')).totalItems).to.equal(0);
    form.value = {
      hazard_no: 'HZ-REC-0001', source: 'insurer_service', found_at: '2026-11-20T02:00:00Z', location: '储罐区',
      description: '储罐区静电接地线断开', category: 'unsafe_condition', is_major: false,
      recommendation: '立即恢复静电接地并定期检测', rectifier: { name: '李安全', mobile: '13900000002' }, deadline: '2026-12-20',
    };
    await form.updateComplete;
    const selected = new Promise<CustomEvent>((r) => el.addEventListener('azx-select', (e) => r(e as CustomEvent), { once: true }));
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    const opened = (await selected).detail.hazard;
    expect(opened.columns.policy).to.equal('policye1xxxxxxx');
    expect(opened.columns.enterprise).to.equal('enterpriseE1xxx');
    await el.updateComplete;
    expect(text(el, '#detail-title')).to.equal('HZ-REC-0001');
    expect((opened.data as { hazard_no: string }).hazard_no).to.equal('HZ-REC-0001');
    expect(shadow(el).querySelector('azx-form'), 'the form is gone').to.equal(null);
  });
});
