// The ledger against the real backend (PocketBaseStore, the shared test world): the server's
// search column finds a hazard, a move the server refuses is shown in both languages' terms,
// and the enterprise's rectification with a photo reaches the server.
import { expect } from '@open-wc/testing';
import { PocketBaseStore, type StoredRecord } from '../../../components/data/index.js';
import { world, type TestWorld } from '../setup/world.js';
import { unique } from '../setup/unique.js';
import { mountLedger, openHazard, setControl, shadow, text, until, visibleNumbers } from './helpers.js';

async function signedIn(w: TestWorld, key: 'insurerA' | 'providerP' | 'enterpriseE1', lang?: 'en'): Promise<PocketBaseStore> {
  const store = new PocketBaseStore({ url: w.url, ...(lang ? { lang } : {}) });
  await store.signIn(w.users[key].email, w.users[key].password);
  return store;
}

async function freshHazard(store: PocketBaseStore, w: TestWorld): Promise<{ hazard: StoredRecord; no: string }> {
  const typed = `HZ-LEDGER-${unique()}`;
  const hazard = await store.create('hazards', {
    definition: 'hazard',
    version: w.versions.hazards,
    data: { ...w.payloads.hazard, hazard_no: typed, location: '二号甲类仓库' },
    columns: { service_report: w.ids.serviceReports['A'], policy: w.ids.policies.A, enterprise: w.ids.enterprises.E1 },
  });
  // the number is the server's, never the one the client typed
  const no = String(hazard.data['hazard_no']);
  expect(no).to.match(/^YH-\d{6}-\d{4}-\d{6}$/);
  return { hazard, no };
}

describe('<azx-hazard-ledger> against the server', () => {
  it('searches the server\'s search column; a move the server refuses is shown, nothing changes', async () => {
    const w = await world();
    const insurer = await signedIn(w, 'insurerA');
    const { hazard, no } = await freshHazard(insurer, w);
    const el = await mountLedger(insurer);
    await setControl(el, 'search', no);
    expect(visibleNumbers(el)).to.deep.equal([no]);
    await openHazard(el, no);
    expect(shadow(el).querySelector('[data-action="notify"]')).to.exist;
    shadow(el).querySelector<HTMLButtonElement>('[data-action="notify"]')!.click();
    await el.updateComplete;
    // while the insurer writes, the provider escalates it (the ledger hears it at once): the
    // insurer's notify is now an illegal move, and the server says so
    const provider = await signedIn(w, 'providerP');
    await provider.appendEvent('hazard_events', { fields: { hazard: hazard.id, action: 'escalate', to_status: 'escalated', note: '直接上报' } });
    await until(() => text(el, '.detail-head .badge') === '已上报监管', 5000, 'realtime status');
    shadow(el).querySelector<HTMLFormElement>('.action-form')!.requestSubmit();
    await until(() => !!shadow(el).querySelector('.action-form .errors li'), 5000, 'refusal');
    const item = shadow(el).querySelector<HTMLElement>('.action-form .errors li')!;
    expect(item.dataset['code']).to.equal('hazard_transition');
    expect(item.textContent).to.contain('隐患不能从「已上报监管」直接变为「已书面告知」');
    expect((await insurer.get('hazards', hazard.id)).columns['status']).to.equal('escalated');
  });

  it('the enterprise rectifies with a photo through the ledger; the server stores the event with its evidence', async () => {
    const w = await world();
    const insurer = await signedIn(w, 'insurerA');
    const { hazard, no } = await freshHazard(insurer, w);
    await insurer.appendEvent('hazard_events', { fields: { hazard: hazard.id, action: 'notify', to_status: 'notified', note: '书面告知' } });
    const enterprise = await signedIn(w, 'enterpriseE1');
    const el = await mountLedger(enterprise);
    await setControl(el, 'search', no);
    await openHazard(el, no);
    expect([...shadow(el).querySelectorAll<HTMLButtonElement>('.actions button')].map((b) => b.dataset['action'])).to.deep.equal(['rectify', 'note']);
    shadow(el).querySelector<HTMLButtonElement>('[data-action="rectify"]')!.click();
    await el.updateComplete;
    const form = shadow(el).querySelector<HTMLFormElement>('.action-form')!;
    form.querySelector('textarea')!.value = '已恢复静电接地并检测合格';
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'after.png', { type: 'image/png' }));
    form.querySelector<HTMLInputElement>('input[type="file"]')!.files = files.files;
    const stored = new Promise<CustomEvent>((r) => el.addEventListener('azx-transition', (e) => r(e as CustomEvent), { once: true }));
    form.requestSubmit();
    const event = (await stored).detail.event;
    expect(event.fields.evidence).to.have.length(1);
    expect((await insurer.get('hazards', hazard.id)).columns['status']).to.equal('rectified');
    await until(() => shadow(el).querySelectorAll('.history li').length === 2, 5000, 'history of 2');
    expect(text(el, '.history li:last-child')).to.contain('已书面告知 → 已整改待复查');
    // who did each step, by role and organization
    await until(() => text(el, '.history li:last-child .by').includes('绍兴越城化工有限公司'), 5000, 'actor names');
    expect(text(el, '.history li:last-child .by')).to.equal('企业 · 绍兴越城化工有限公司');
    expect(text(el, '.history li:first-child .by')).to.equal(`保险机构 · ${w.organizations['insurerA']!.name}`);
  });
});
