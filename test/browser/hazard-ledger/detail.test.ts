// The detail view: full history, the actions each role may take in each status, the evidence a
// rectification needs, and the printable notice generated from the record.
import { expect } from '@open-wc/testing';
import { hazardActionsFor as actionsFor, HAZARD_STATUSES as STATUSES } from '../../../components/hazard-ledger/index.js';
import { hazardDefinition, hazardIn, ledgerStore, type LedgerRole } from './ledger-world.js';
import { actionButtons, mountLedger, openHazard, shadow, text, until } from './helpers.js';
import { followUpDue } from '../../../components/hazard-ledger/loop.js';
import { chinaToday } from '../../../components/core/document/index.js';
import { formatDate } from '../../../components/core/format.js';

async function open(role: LedgerRole, status: (typeof STATUSES)[number], options: { major?: boolean; overdue?: boolean; definition?: boolean } = {}, lang = 'zh-CN') {
  const { row, events } = hazardIn(status, options);
  const store = ledgerStore({ role, rows: [row], events, ...(options.definition ? { definitions: [await hazardDefinition()] } : {}) });
  const el = await mountLedger(store, lang);
  await openHazard(el, String((row['data'] as Record<string, unknown>)['hazard_no']));
  return { el, store, row };
}

describe('<azx-hazard-ledger> detail', () => {
  it('shows the full history, oldest first, with the moves and the system\'s escalation', async () => {
    const { el } = await open('regulator', 'escalated', { major: true, overdue: true });
    const entries = [...shadow(el).querySelectorAll('.history li')].map((li) => li.getAttribute('data-action'));
    expect(entries).to.deep.equal(['notify', 'overdue']);
    expect(text(el, '.history li:last-child')).to.contain('已书面告知 → 已上报监管');
    expect(text(el, '.history li:last-child')).to.contain('系统');
    // every step names who did it: the role and the organization
    await until(() => text(el, '.history li:first-child .by').includes('·'), 2000, 'actor names');
    expect(text(el, '.history li:first-child .by')).to.equal('保险机构 · 甲财产保险股份有限公司绍兴中心支公司');
    expect(shadow(el).querySelector('.history li:last-child .by')).to.equal(null);
    expect(text(el, '.detail-head')).to.contain('逾期');
  });

  it('shows when the return visit (回头看) of a verified hazard falls due: the server\'s day, else the workflow\'s from the verification', async () => {
    const factOf = (el: Element, label: string) =>
      [...shadow(el).querySelectorAll('.facts .fact')].find((f) => f.querySelector('dt')?.textContent === label)?.querySelector('dd')?.textContent ?? '';
    const { row, events } = hazardIn('verified');
    const verifiedOn = chinaToday(new Date(String(events.at(-1)!['created']).replace(' ', 'T')));
    const el = await mountLedger(ledgerStore({ role: 'regulator', rows: [row], events }));
    await openHazard(el, String((row['data'] as Record<string, unknown>)['hazard_no']));
    await until(() => factOf(el, '回头看期限') !== '', 2000, 'the return visit shown');
    expect(factOf(el, '回头看期限')).to.equal(formatDate(followUpDue(verifiedOn, false)!, 'zh-CN'));

    const stored = hazardIn('verified');
    Object.assign(stored.row, { follow_up_due: '2027-02-03 00:00:00.000Z' });
    const el2 = await mountLedger(ledgerStore({ role: 'regulator', rows: [stored.row], events: stored.events }));
    await openHazard(el2, String((stored.row['data'] as Record<string, unknown>)['hazard_no']));
    await until(() => factOf(el2, '回头看期限') !== '', 2000, 'the return visit shown');
    expect(factOf(el2, '回头看期限')).to.equal('2027年2月3日');

    const open = hazardIn('rectified');
    const el3 = await mountLedger(ledgerStore({ role: 'regulator', rows: [open.row], events: open.events }));
    await openHazard(el3, String((open.row['data'] as Record<string, unknown>)['hazard_no']));
    expect(factOf(el3, '回头看期限')).to.equal('', 'none before verification');
  });

  it('offers each role only the moves the server accepts', async () => {
    const cases: [LedgerRole, (typeof STATUSES)[number], boolean, string[]][] = [
      ['insurer', 'found', false, ['notify', 'escalate', 'note']],
      ['enterprise', 'found', false, ['note']],
      ['enterprise', 'notified', false, ['rectify', 'note']],
      ['provider', 'notified', true, ['rectify', 'escalate', 'refuse', 'note']],
      ['regulator', 'rectified', false, ['verify', 'reopen', 'note']],
      // an escalated hazard is rectified before anyone verifies it; a major one only the regulator verifies
      ['regulator', 'escalated', true, ['note']],
      ['insurer', 'rectified', true, ['reopen', 'note']],
      ['regulator', 'rectified', true, ['verify', 'reopen', 'note']],
      ['insurer', 'verified', false, ['reopen', 'note']],
    ];
    for (const [role, status, major, expected] of cases) {
      expect(actionsFor(role === 'hangzhou' ? 'regulator' : role, status, major), `${role} on ${status}`).to.deep.equal(expected);
      const { el } = await open(role, status, { major });
      expect(actionButtons(el), `${role} on ${status} (buttons)`).to.deep.equal(expected);
    }
  });

  it('a rectification without evidence is not sent', async () => {
    const { el, store, row } = await open('enterprise', 'notified');
    shadow(el).querySelector<HTMLButtonElement>('[data-action="rectify"]')!.click();
    await el.updateComplete;
    shadow(el).querySelector<HTMLFormElement>('.action-form')!.requestSubmit();
    await until(() => shadow(el).activeElement?.id === 'action-evidence', 2000, 'the focus on the file input');
    // the error is bound to the field while it is shown, and the focus is on that field
    const input = shadow(el).querySelector<HTMLInputElement>('#action-evidence')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('action-evidence-error');
    expect(text(el, '#action-evidence-error')).to.contain('整改和复查销号须上传至少一份证明材料');
    const events = await store.listEvents('hazard_events', { where: [{ field: 'hazard', op: '=', value: row['id'] as string }] });
    expect(events.totalItems).to.equal(1);
    // as a form control, the ledger reports the same refusal to a surrounding form, with the step it holds
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.contain('整改和复查销号须上传至少一份证明材料');
    const outer = document.createElement('form');
    el.parentElement!.append(outer);
    el.setAttribute('name', 'step');
    outer.append(el);
    await el.updateComplete;
    expect(outer.checkValidity()).to.equal(false);
    expect(JSON.parse(String(new FormData(outer).get('step')))).to.deep.equal({ hazard: row['id'], action: 'rectify' });
  });

  it('the enterprise rectifies with a photo: the status moves and the history grows', async () => {
    const { el, row } = await open('enterprise', 'notified');
    shadow(el).querySelector<HTMLButtonElement>('[data-action="rectify"]')!.click();
    await el.updateComplete;
    const form = shadow(el).querySelector<HTMLFormElement>('.action-form')!;
    form.querySelector('textarea')!.value = '已恢复静电接地';
    const input = form.querySelector<HTMLInputElement>('input[type="file"]')!;
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array([1, 2, 3])], '整改后.png', { type: 'image/png' }));
    input.files = files.files;
    const stored = new Promise<CustomEvent>((r) => el.addEventListener('azx-transition', (e) => r(e as CustomEvent), { once: true }));
    form.requestSubmit();
    const event = await stored;
    expect(event.detail.event.fields.to_status).to.equal('rectified');
    await until(() => shadow(el).querySelectorAll('.history li').length === 2, 2000, 'history entry');
    expect(text(el, '.detail-head .badge')).to.equal('已整改待复查');
    expect(text(el, '.history li:last-child')).to.contain('已恢复静电接地');
    await until(() => text(el, '.history li:last-child .by').includes('·'), 2000, 'actor name');
    expect(text(el, '.history li:last-child .by')).to.equal('企业 · 绍兴越城化工有限公司');
    expect(shadow(el).querySelectorAll('.history li:last-child .files button').length).to.equal(1);
    expect(text(el, '[role="status"].message')).to.contain('提交整改');
    expect(row['id']).to.equal(event.detail.hazard.id);
  });

  it('a refusal of a major hazard is sent as an escalation', async () => {
    const { el } = await open('insurer', 'notified', { major: true });
    shadow(el).querySelector<HTMLButtonElement>('[data-action="refuse"]')!.click();
    await el.updateComplete;
    const form = shadow(el).querySelector<HTMLFormElement>('.action-form')!;
    form.requestSubmit();
    await until(() => shadow(el).activeElement?.id === 'action-note', 2000, 'the focus on the note');
    expect(text(el, '#action-note-error')).to.contain('请填写说明');
    form.querySelector('textarea')!.value = '企业拒绝整改';
    const stored = new Promise<CustomEvent>((r) => el.addEventListener('azx-transition', (e) => r(e as CustomEvent), { once: true }));
    form.requestSubmit();
    const event = await stored;
    expect(event.detail.event.fields).to.include({ action: 'refuse', to_status: 'escalated' });
  });

  it('names the major-hazard standard in the words of the definition, in either language', async () => {
    const criterion = (el: HTMLElement, label: string): string =>
      [...shadow(el).querySelectorAll('.fact')].find((f) => f.querySelector('dt')?.textContent === label)?.querySelector('dd')?.textContent ?? '';
    const zh = await open('insurer', 'notified', { major: true, definition: true });
    expect(criterion(zh.el, '重大隐患判定依据')).to.equal('化工和危险化学品生产经营单位重大生产安全事故隐患判定标准 第（十）项 静电接地失效');
    const en = await open('insurer', 'notified', { major: true, definition: true }, 'en');
    expect(criterion(en.el, 'Major-hazard criterion')).to.contain('Chemicals (2017)').and.not.to.contain('HG2017');
  });

  it('a major hazard\'s notice names the principal and the actual controller it went to; the history shows them', async () => {
    const { el } = await open('insurer', 'found', { major: true });
    shadow(el).querySelector<HTMLButtonElement>('[data-action="notify"]')!.click();
    await el.updateComplete;
    const form = shadow(el).querySelector<HTMLFormElement>('.action-form')!;
    const labels = [...form.querySelectorAll('.recipients label')].map((l) => l.textContent?.trim());
    expect(labels).to.deep.equal(['主要负责人', '实际控制人']);
    form.querySelector<HTMLInputElement>('#action-recipient-principal')!.value = '王厂长';
    form.requestSubmit();
    await until(() => shadow(el).activeElement?.id === 'action-notified_to', 2000, 'the focus on the people notified');
    expect(text(el, '#action-notified_to-error')).to.contain('主要负责人和实际控制人');
    expect(text(el, '.detail-head .badge')).to.equal('已发现', 'nothing was sent');
    form.querySelector<HTMLInputElement>('#action-recipient-actual_controller')!.value = '王董事长';
    const stored = new Promise<CustomEvent>((r) => el.addEventListener('azx-transition', (e) => r(e as CustomEvent), { once: true }));
    form.requestSubmit();
    const event = await stored;
    expect(JSON.stringify(event.detail.event.fields.notified_to)).to.equal(JSON.stringify({ principal: '王厂长', actual_controller: '王董事长' }));
    await until(() => text(el, '.history li:last-child').includes('王董事长'), 2000, 'the names in the history');
    expect(text(el, '.history li:last-child .notified')).to.contain('主要负责人 王厂长');
  });

  it('a general hazard\'s notice asks for no names', async () => {
    const { el } = await open('insurer', 'found');
    shadow(el).querySelector<HTMLButtonElement>('[data-action="notify"]')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('.action-form .recipients input').length).to.equal(0);
  });

  it('shows the rectification notice generated from the record, as it prints', async () => {
    const { el } = await open('insurer', 'notified', { major: true });
    shadow(el).querySelector<HTMLButtonElement>('.detail-head button:last-of-type')!.click();
    await until(() => !!shadow(el).querySelector('.notice .azx-doc'), 2000, 'notice');
    const notice = text(el, '.notice').replace(/\s/g, '');
    expect(notice).to.contain('重大事故隐患整改告知书');
    expect(notice).to.contain('编号：HZ-STORY-NOTIFIED-TZ');
    expect(notice).to.contain('绍兴越城化工有限公司（主要负责人）：');
    expect(notice).to.contain('重大事故隐患');
    expect(notice).to.contain('第（十）项：静电接地失效');
    // the notifying unit signs, with the date of today and room for its seal
    expect(text(el, '.notice .doc-signature .issuer')).to.equal('绍兴平安安全技术服务有限公司');
    expect(shadow(el).querySelector('.notice .doc-seal')).to.exist;
    expect(notice).not.to.contain('91330602MA2D0EXA1X');
  });

  it('closing the detail returns to the list, focus on the row', async () => {
    const { el } = await open('insurer', 'found');
    shadow(el).querySelector<HTMLButtonElement>('.back')!.click();
    await el.updateComplete;
    await until(() => shadow(el).activeElement?.textContent?.trim() === 'HZ-STORY-FOUND', 1000, 'focus on row');
    expect(shadow(el).querySelector('.table')!.hasAttribute('hidden')).to.equal(false);
  });
});
