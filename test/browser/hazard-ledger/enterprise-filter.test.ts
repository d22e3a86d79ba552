// The enterprise filter against the real backend: typing suggests enterprises from the registry,
// choosing one (keyboard or mouse) filters the ledger by that enterprise, typing over it goes
// back to a text search; each party is offered only the enterprises it may read.
import { expect } from '@open-wc/testing';
import { PocketBaseStore } from '../../../components/data/index.js';
import { world, type TestWorld } from '../setup/world.js';
import { unique } from '../setup/unique.js';
import { mountLedger, shadow, until, visibleRows } from './helpers.js';
import { enterprisesOf, ledgerStore, makeHazards } from './ledger-world.js';
import type { AzxHazardLedger } from '../../../components/hazard-ledger/index.js';

async function insurerStore(w: TestWorld): Promise<PocketBaseStore> {
  const store = new PocketBaseStore({ url: w.url });
  await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
  return store;
}

const input = (el: AzxHazardLedger) => shadow(el).querySelector<HTMLInputElement>('input[name="enterprise"]')!;
const options = (el: AzxHazardLedger) => [...shadow(el).querySelectorAll<HTMLElement>('#enterprise-options [role="option"]')];

/** Types text the way a user does (input events), and waits for the suggestions. */
async function type(el: AzxHazardLedger, text: string): Promise<void> {
  const box = input(el);
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await until(() => box.getAttribute('aria-expanded') === 'true', 5000, 'suggestions');
  await el.updateComplete;
}

function key(el: AzxHazardLedger, k: string): void {
  input(el).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
}

describe('<azx-hazard-ledger> enterprise filter', () => {
  it('suggests enterprises from the registry; choosing one by keyboard filters by that enterprise', async () => {
    const w = await world();
    const store = await insurerStore(w);
    // a hazard of E1 and one of E2 that this insurer can see
    const no = `HZ-ENT-${unique()}`;
    await store.create('hazards', {
      definition: 'hazard', version: w.versions.hazards, data: { ...w.payloads.hazard, hazard_no: no },
      columns: { service_report: w.ids.serviceReports['A'], policy: w.ids.policies.A, enterprise: w.ids.enterprises.E1 },
    });
    const el = await mountLedger(store);
    const everything = el.total!;

    await type(el, '越城化工');
    const box = input(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    const names = options(el).map((o) => o.querySelector('.name')?.textContent);
    expect(names).to.include('绍兴越城化工有限公司');
    expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(box.getAttribute('aria-activedescendant')).to.equal('enterprise-option-0');

    const e1 = options(el).findIndex((o) => o.querySelector('.name')?.textContent === '绍兴越城化工有限公司');
    for (let i = 0; i < e1; i++) key(el, 'ArrowDown');
    await el.updateComplete;
    const loaded = new Promise((r) => el.addEventListener('azx-loaded', r, { once: true }));
    key(el, 'Enter');
    await loaded;
    await el.updateComplete;

    expect(el.filters.enterpriseId).to.equal(w.ids.enterprises.E1);
    expect(box.value).to.equal('绍兴越城化工有限公司');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    const e1Count = (await store.list('hazards', { where: [{ field: 'enterprise', op: '=', value: w.ids.enterprises.E1 }], perPage: 1 })).totalItems;
    expect(el.total).to.equal(e1Count);
    // other test files add hazards to the shared world meanwhile: compare with a count of all the
    // insurer's hazards read after E1's (it only grows), not with the one read before
    const all = (await store.list('hazards', { perPage: 1 })).totalItems;
    expect(el.total).to.be.greaterThan(0).and.at.most(all);
    expect(everything).to.be.greaterThan(0);
    for (const row of visibleRows(el)) expect(row.textContent).to.contain('绍兴越城化工有限公司');

    // typing over the chosen enterprise un-chooses it: the text filters again
    const again = new Promise((r) => el.addEventListener('azx-loaded', r, { once: true }));
    await type(el, '杭州西湖建筑');
    await again;
    expect(el.filters.enterpriseId).to.equal('');
    expect(el.filters.enterprise).to.equal('杭州西湖建筑');
  });

  it('a credit code finds its enterprise; a click chooses it; Escape closes the list; no match says so', async () => {
    const w = await world();
    const store = await insurerStore(w);
    const el = await mountLedger(store, 'en');

    await type(el, w.uscc.E2);
    expect(options(el).map((o) => o.querySelector('.uscc')?.textContent)).to.deep.equal([w.uscc.E2]);
    const loaded = new Promise((r) => el.addEventListener('azx-loaded', r, { once: true }));
    options(el)[0]!.click();
    await loaded;
    expect(el.filters.enterpriseId).to.equal(w.ids.enterprises.E2);

    await type(el, '西湖');
    expect(options(el).length).to.be.greaterThan(0);
    key(el, 'Escape');
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(el).querySelector<HTMLElement>('#enterprise-options')!.hidden).to.equal(true);

    await type(el, `不存在的企业${unique()}`);
    expect(options(el).map((o) => o.textContent?.trim())).to.deep.equal(['No enterprise matches']);
    expect(options(el)[0]!.getAttribute('aria-disabled')).to.equal('true');
  });
});

describe('<azx-hazard-ledger> enterprise filter, as each party reads the registry', () => {
  it('a regulator is offered only its city\'s enterprises; choosing one by mouse shows exactly its hazards', async () => {
    const rows = makeHazards(2_000);
    const registry = enterprisesOf(rows);
    const el = await mountLedger(ledgerStore({ role: 'regulator', rows, enterprises: registry }));
    await type(el, '企业1');
    const offered = options(el).map((o) => registry.find((e) => e['uscc'] === o.querySelector('.uscc')?.textContent)!);
    expect(offered.length).to.be.greaterThan(0).and.at.most(8);
    for (const e of offered) {
      expect(String(e['name'])).to.contain('企业1');
      expect(e['city_code']).to.equal('330600');
    }
    const chosen = offered[0]!;
    const loaded = new Promise((r) => el.addEventListener('azx-loaded', r, { once: true }));
    options(el)[0]!.click();
    await loaded;
    expect(el.total).to.equal(rows.filter((r) => r['enterprise'] === chosen['id'] && r['city_code'] === '330600').length);
    expect(el.total).to.be.greaterThan(0);
  });
});
