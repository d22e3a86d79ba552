/**
 * <azx-claim> against the real AZX backend of this run: the enterprise reports an accident
 * through the claim form; the insurer's advance payment on an accident that is not serious is
 * refused by its field; on a serious one an over-limit payment is refused by its field and
 * nothing moves, then the survey and the settlement move the claim along its timeline; a
 * regulator and the financial regulator read it and write nothing; another party's step shows
 * without a reload (realtime).
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ClaimRecord } from '../../../schemas/types/claim.js';
import { $, $$, accident, mount, signedIn, submitReport, submitStep, text } from './helpers.js';

async function reportAsEnterprise(persons: Parameters<typeof accident>[0], more: Record<string, unknown> = {}) {
  const { w, store } = await signedIn('enterpriseE1');
  const version = (await store.latestDefinition('claim')).version;
  const claim = await store.create<ClaimRecord>('claims', {
    definition: 'claim',
    version,
    data: accident(persons, more) as unknown as ClaimRecord,
    columns: { policy: w.ids.policies.A },
  });
  return { w, claim };
}

const events = async (el: HTMLElement, n: number) =>
  waitUntil(() => el.shadowRoot!.querySelectorAll('[part="timeline"] li').length === n + 1, `the timeline has ${n} steps`, { timeout: 10000 });

describe('<azx-claim> on the server', () => {
  it('the enterprise reports an accident through the form: the server numbers it, sets its status and deadline', async () => {
    const { w, store } = await signedIn('enterpriseE1');
    const el = await mount(store, w.ids.policies.A);
    let saved: CustomEvent | undefined;
    el.addEventListener('azx-saved', (e) => (saved = e as CustomEvent));
    await waitUntil(() => $(el, 'azx-form'), 'the report form shows', { timeout: 5000 });
    // the user is on the report's button: when the form gives way to the claim, its heading takes the focus
    $<HTMLButtonElement>(el, 'azx-form [part="submit"]')!.focus();
    await submitReport(el, accident([{ name: '李四', party: 'employee', outcome: 'injury' }], { rescue: 3000 }));
    await waitUntil(() => saved, 'the server stored the report', { timeout: 10000 });
    expect(String(saved!.detail.record.data.claim_no)).to.match(/^LP-330602-2026-\d{6}$/);
    await waitUntil(() => $(el, '[part="timeline"]'), 'the claim shows', { timeout: 10000 });
    expect($(el, '[data-figure="status"]')!.dataset['status']).to.equal('reported');
    expect(text(el, '[data-figure="status"]')).to.equal('已报案');
    expect(text(el, '[data-figure="casualties"]')).to.equal('死亡 0 人，受伤 1 人');
    expect(text(el, '[data-figure="stage-due"]')).to.match(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text(el, '[part="notice"][role="status"]')).to.contain(String(saved!.detail.record.data.claim_no));
    expect(el.claim).to.equal(saved!.detail.record.id);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'claim-title', 'the claim’s heading has the focus', { timeout: 5000 });
  });

  it('refuses an advance payment on an accident that is not serious, by its field, and stores nothing', async () => {
    const { w, claim } = await reportAsEnterprise([{ name: '赵六', party: 'employee', outcome: 'injury' }]);
    const { store } = await signedIn('insurerA');
    const el = await mount(store, w.ids.policies.A, claim.id);
    await submitStep(el, { action: 'advance_payment', payments: [{ target: 'person:0', amount: 1000 }] });
    await waitUntil(() => $(el, '[part="errors"]'), 'the refusal shows', { timeout: 10000 });
    const item = $(el, '[part="errors"] li[data-path="action"]')!;
    expect(item.dataset['code']).to.equal('claim_not_serious');
    expect(item.textContent).to.contain('只有较大伤亡的事故');
    const stored = await store.listEvents('claim_events', { where: [{ field: 'claim', op: '=', value: claim.id }] });
    expect(stored.totalItems).to.equal(0);
    expect($(el, '[data-figure="status"]')!.dataset['status']).to.equal('reported');
  });

  it('a serious accident: the survey, an over-limit advance payment refused by its field, an advance payment and the settlement', async () => {
    const { w, claim } = await reportAsEnterprise(
      [{ name: '张三', party: 'employee', outcome: 'death' }, { name: '王五', party: 'third_party', outcome: 'injury' }],
      { rescue: 20000 },
    );
    const { store } = await signedIn('insurerA', 'en');
    const el = await mount(store, w.ids.policies.A, claim.id, 'en');
    expect(text(el, '[data-figure="casualties"]')).to.equal('1 killed, 1 injured');

    await submitStep(el, { action: 'survey', document: true, note: '现场查勘完毕' });
    await events(el, 1);
    expect($(el, '[data-figure="status"]')!.dataset['status']).to.equal('surveyed');
    expect(text(el, '[part="timeline"] li[data-step="survey"]')).to.contain('1 documents');

    // the limit per person of policy A is 500,000 yuan
    await submitStep(el, { action: 'advance_payment', payments: [{ target: 'person:0', amount: 500000.01 }] });
    await waitUntil(() => $(el, '[data-error="payments.0.amount"]'), 'the refusal shows beside the amount', { timeout: 10000 });
    expect(text(el, '[data-error="payments.0.amount"]')).to.contain('over the limit per person of 500000.00 yuan');
    expect($(el, '[data-payment="0"] input.amount')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[part="errors"] li[data-path="payments.0.amount"]')!.dataset['code']).to.equal('claim_over_person_limit');
    expect($$(el, '[part="timeline"] li').length).to.equal(2, 'nothing refused moved the claim');

    // the form keeps the payment: correct the amount and send it again
    const amount = $<HTMLInputElement>(el, '[data-payment="0"] input.amount')!;
    amount.value = '100000';
    amount.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.step [part="submit"]')!.click();
    await events(el, 2);
    expect($(el, '[data-figure="status"]')!.dataset['status']).to.equal('advance_paid');
    expect(text(el, '[data-figure="paid"]')).to.contain('CNY 100,000.00');

    await submitStep(el, {
      action: 'settle',
      document: true,
      payments: [{ target: 'person:0', amount: 300000 }, { target: 'head:rescue', amount: 20000 }],
    });
    await events(el, 3);
    expect($(el, '[data-figure="status"]')!.dataset['status']).to.equal('settled');
    expect(text(el, '[data-figure="paid"]')).to.contain('CNY 420,000.00');
    expect($(el, '[data-figure="stage-due"]') === null, 'a settled claim has no deadline').to.equal(true);
    expect($(el, '.step') === null, 'nothing more to do on a settled claim').to.equal(true);
    const stored = await store.get('claims', claim.id);
    expect(stored.columns['paid']).to.equal(420000);
    expect(stored.columns['advance_paid']).to.equal(100000);
  });

  it('a refusal needs its reason: declining without a note is refused at the note, with one it closes the claim', async () => {
    const { w, claim } = await reportAsEnterprise([{ name: '钱七', party: 'employee', outcome: 'injury' }]);
    const { store } = await signedIn('insurerA');
    const el = await mount(store, w.ids.policies.A, claim.id);
    await submitStep(el, { action: 'decline' });
    await waitUntil(() => $(el, '[part="errors"] li[data-path="note"]'), 'the refusal shows at the note', { timeout: 10000 });
    expect(text(el, '[part="errors"] li[data-path="note"]')).to.contain('须写明理由');
    await submitStep(el, { action: 'decline', note: '事故不属于保险责任范围' });
    await events(el, 1);
    expect(text(el, '[data-figure="status"]')).to.equal('已拒赔');
    expect(text(el, '[part="timeline"] li[data-step="decline"]')).to.contain('事故不属于保险责任范围');
  });

  it("follows the insurer's steps as they are recorded: the enterprise's timeline moves without a reload", async () => {
    const { w, claim } = await reportAsEnterprise([{ name: '周九', party: 'employee', outcome: 'injury' }]);
    const { store } = await signedIn('enterpriseE1');
    const el = await mount(store, w.ids.policies.A, claim.id);
    const { store: insurer } = await signedIn('insurerA');
    await insurer.appendEvent('claim_events', {
      fields: { claim: claim.id, action: 'survey' },
      files: { documents: [new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], '查勘报告.pdf', { type: 'application/pdf' })] },
    });
    await events(el, 1);
    expect(text(el, '[data-figure="status"]')).to.equal('已查勘');
  });

  for (const who of ['regulatorShaoxing', 'financialZhejiang'] as const) {
    it(`${who} reads the claim and its timeline, and has nothing to write`, async () => {
      const { w, claim } = await reportAsEnterprise([{ name: '孙八', party: 'employee', outcome: 'injury' }]);
      const { store } = await signedIn(who);
      const el = await mount(store, w.ids.policies.A, claim.id);
      expect(text(el, '[data-figure="status"]')).to.equal('已报案');
      expect($(el, 'azx-form') === null).to.equal(true);
      expect($(el, '.step') === null).to.equal(true);
      expect($(el, '[data-read-only]') !== null).to.equal(true);
      const select = $<HTMLSelectElement>(el, '#claim')!;
      expect(select.options[0]!.textContent!.trim()).to.equal('请选择案件');
    });
  }
});
