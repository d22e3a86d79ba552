/**
 * <azx-service-report> against the real AZX backend of this run: a provider records a delivered
 * service with a hazard found, the server makes the hazard record and the ledger moves by the
 * cost; a refusal comes back to the field it concerns and stores nothing.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { PocketBaseStore, RISK_GRADE, termLabel } from '../../../components/data/index.js';
import { world } from '../setup/world.js';
import { $, deliveredService, form, hazardItem, mount, submitValue, text } from './helpers.js';

async function signedIn(key: 'providerP' | 'insurerA' | 'enterpriseE1') {
  const w = await world();
  const store = new PocketBaseStore({ url: w.url });
  await store.signIn(w.users[key].email, w.users[key].password);
  return { w, store };
}

describe('<azx-service-report> on the server', () => {
  it('records a service with a hazard found: the hazard is in the ledger and the cost in the fee ledger', async () => {
    const { w, store } = await signedIn('providerP');
    const before = await store.serviceLedger(w.ids.policies.A);
    const el = await mount(store, w.ids.policies.A);
    expect(text(el, '#provider')).to.equal(w.organizations['providerP']!.name);

    let saved: CustomEvent | undefined;
    el.addEventListener('azx-saved', (e) => (saved = e as CustomEvent));
    await submitValue(el, { ...deliveredService, cost: 432.1, hazards: [hazardItem], hazards_found: 1 });
    await waitUntil(() => saved, 'the server stored the report', { timeout: 10000 });
    expect(saved!.detail.hazards).to.equal(1);

    const hazards = await store.list('hazards', { where: [{ field: 'service_report', op: '=', value: saved!.detail.record.id }] });
    expect(hazards.items.length).to.equal(1);
    expect(hazards.items[0]!.columns['status']).to.equal('found');
    expect(hazards.items[0]!.data['description']).to.equal(hazardItem.description);

    const expected = Math.round((before.spent + 432.1) * 100) / 100;
    await waitUntil(() => $(el, '[data-figure="spent"]')?.textContent === expected.toLocaleString('zh-CN', { minimumFractionDigits: 2 }),
      'the fee ledger moved by the cost', { timeout: 10000 });
    expect(text(el, '[part="notice"][role="status"]')).to.contain('生成隐患 1 条');
  });

  it("shows the server's refusal by the field and stores nothing: a policy number that is not the policy's", async () => {
    const { w, store } = await signedIn('insurerA');
    const before = await store.list('service_reports', { where: [{ field: 'policy', op: '=', value: w.ids.policies.A }], perPage: 1 });
    const el = await mount(store, w.ids.policies.A);
    await submitValue(el, { ...deliveredService, policy_no: w.policyNo.B });
    await waitUntil(() => $(el, '[part="errors"]'), 'the refusal shows', { timeout: 10000 });
    await form(el).updateComplete;
    expect(form(el).shadowRoot!.textContent).to.contain('保单号与所选保单不一致');
    const after = await store.list('service_reports', { where: [{ field: 'policy', op: '=', value: w.ids.policies.A }], perPage: 1 });
    expect(after.totalItems).to.equal(before.totalItems);
  });

  it("shows the server's measure of the visits against the grade's service plan, and a missing 帮扶 visit", async () => {
    const { w, store } = await signedIn('insurerA');
    const { delivery } = await store.serviceLedger(w.ids.policies.A);
    // the grade is the server's, from the enterprise's hazards and accidents, which other tests of
    // this run add to: the plan is read for whatever grade it is now, from the packs in force
    const policy = await store.get('policies', w.ids.policies.A);
    const pack = await store.effectivePack(String(policy.columns['region_code']), String(policy.columns['period_start']).slice(0, 10));
    const plans = pack.tables['service_plan_by_grade']!.value as Record<string, { visits: number }>;
    expect(delivery!.visitsPlanned).to.equal(plans[delivery!.riskGrade]!.visits, `a ${delivery!.riskGrade} grade's plan`);
    const el = await mount(store, w.ids.policies.A);
    const line = text(el, '[part="delivery"]');
    expect(line).to.contain(`服务方案（${termLabel(RISK_GRADE, delivery!.riskGrade, 'zh-CN')}）：本期计划 ${delivery!.visitsPlanned} 次`);
    expect(line).to.contain(`截至今日应完成 ${delivery!.visitsDue} 次，已完成 ${delivery!.visitsDelivered} 次`);
    expect(line).to.contain(`帮扶 ${delivery!.assistanceDelivered}/1 次`);
    expect($(el, '[part="behind-plan"]') !== null).to.equal(delivery!.behindPlan);
    expect($(el, '[part="no-assistance"]') !== null).to.equal(delivery!.noAssistance);
  });

  it('shows the enterprise its fee ledger and no form', async () => {
    const { w, store } = await signedIn('enterpriseE1');
    const el = await mount(store, w.ids.policies.A);
    expect(text(el, '[data-figure="budget"]')).to.equal('4,000.00');
    expect($(el, 'azx-form')).to.equal(null);
  });
});
