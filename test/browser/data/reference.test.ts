/**
 * Names for any province, in the elements: a Jiangsu regulator's coverage map and bulletin on the
 * real server name Jiangsu, Suzhou and Kunshan (the server's reference data, never the Zhejiang
 * demo seed), PocketBaseStore reads the reference collections, and the ledger names a region
 * outside Zhejiang from its store.
 */
import { expect, waitUntil } from '@open-wc/testing';
import PocketBase from 'pocketbase';
import '../../../components/coverage-map/index.js';
import '../../../components/compliance-report/index.js';
import type { AzxCoverageMap } from '../../../components/coverage-map/index.js';
import type { AzxComplianceReport } from '../../../components/compliance-report/index.js';
import { PocketBaseStore, provideStore, referenceOf, type Store } from '../../../components/data/index.js';
import { world, type TestWorld } from '../setup/world.js';
import { unique } from '../setup/unique.js';
import { ledgerStore, makeHazards } from '../hazard-ledger/ledger-world.js';
import { mountLedger, shadow } from '../hazard-ledger/helpers.js';

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((h) => h.remove()));

function mount<T extends HTMLElement>(tag: string, store: Store, set: Partial<T> = {}): T {
  const host = document.createElement('div');
  provideStore(host, store);
  const el = document.createElement(tag) as T;
  Object.assign(el, set);
  host.append(el);
  document.body.append(host);
  mounted.push(host);
  return el;
}

const PASSWORD = 'jiangsu-browser-2026';

/** A provincial regulator of Jiangsu, made by the world's administrator, signed in through PocketBaseStore. */
async function jiangsuRegulator(w: TestWorld): Promise<PocketBaseStore> {
  const admin = new PocketBase(w.url);
  await admin.collection('users').authWithPassword(w.users.admin.email, w.users.admin.password);
  const org = await admin.collection('organizations').create({ kind: 'regulator', name: `江苏省应急管理厅 ${unique()}`, region_code: '320000' });
  const email = `jiangsu-${unique()}@browser.test`.toLowerCase();
  await admin.collection('users').create({
    email, password: PASSWORD, passwordConfirm: PASSWORD, verified: true, name: '江苏 监管员', role: 'regulator',
    organization: org.id, scope_level: 'province', region_scope: '320000',
  });
  const store = new PocketBaseStore({ url: w.url });
  await store.signIn(email, PASSWORD);
  return store;
}

describe('reference data in the elements, any province', () => {
  it('PocketBaseStore reads regions by code and by parent, and the industries', async () => {
    const w = await world();
    const store = new PocketBaseStore({ url: w.url });
    await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
    const byCode = await store.listRegions({ codes: ['320583', '110105', '440000'] });
    expect(byCode.map((r) => [r.code, r.name, r.level])).to.deep.equal([
      ['110105', '朝阳区', 'county'],
      ['320583', '昆山市', 'county'],
      ['440000', '广东省', 'province'],
    ]);
    const suzhou = await store.listRegions({ parent: '320500' });
    expect(suzhou.map((r) => r.name)).to.include.members(['昆山市', '常熟市', '姑苏区']);
    expect(suzhou.every((r) => r.parent === '320500')).to.equal(true);
    const industries = await store.listIndustries();
    expect(industries.find((i) => i.code === 'construction')).to.deep.include({ name: '建筑施工', nameEn: 'Construction', gbt4754: ['E'] });
    const names = referenceOf(store);
    await names.load(['320583']);
    expect([names.regionName('320583', 'zh-CN'), names.regionName('999999', 'zh-CN'), names.industryName('fishing', 'en')]).to.deep.equal(['昆山市', '999999', 'Fishing']);
  });

  it("a Jiangsu regulator's map names Jiangsu's cities, and Suzhou's counties after drilling down", async () => {
    const store = await jiangsuRegulator(await world());
    const el = mount<AzxCoverageMap>('azx-coverage-map', store);
    await waitUntil(() => el.figures, 'figures', { timeout: 10000 });
    await el.updateComplete;
    const name = (code: string) => el.shadowRoot!.querySelector(`[data-code="${code}"] .name`)?.textContent;
    expect(el.figures!.region.name).to.equal('江苏省');
    expect(name('320500')).to.equal('苏州市');
    expect(name('320100')).to.equal('南京市');
    el.drillTo('320500');
    await waitUntil(() => el.figures?.region.code === '320500', 'Suzhou', { timeout: 10000 });
    await el.updateComplete;
    expect(name('320583')).to.equal('昆山市');
    expect(el.shadowRoot!.querySelector('[part="path"]')!.textContent).to.contain('苏州市');
  });

  it("a Jiangsu regulator's bulletin is titled with Suzhou's name, its region table names the counties", async () => {
    const store = await jiangsuRegulator(await world());
    const el = mount<AzxComplianceReport>('azx-compliance-report', store, { region: '320500' });
    await waitUntil(() => el.report, 'report', { timeout: 15000 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('关于苏州市安全生产责任保险工作开展情况的通报');
    expect(el.shadowRoot!.textContent).to.contain('昆山市');
    expect(el.shadowRoot!.textContent).to.not.contain('320583');
  });

  it('the ledger names a region outside Zhejiang from its store, in the row, the detail and the export', async () => {
    const rows = makeHazards(3).map((r) => ({ ...r, region_code: '320583', city_code: '320500', province_code: '320000' }));
    const withRegions = ledgerStore({ role: 'insurer', rows, regions: [{ code: '320583', name: '昆山市', nameEn: '', level: 'county', parent: '320500' }] });
    const el = await mountLedger(withRegions);
    await waitUntil(() => [...shadow(el).querySelectorAll('.rows [role="cell"]')].some((c) => c.textContent === '昆山市'), 'Kunshan named', { timeout: 5000 });
    const cells = [...shadow(el).querySelectorAll('.rows [role="cell"]')].map((c) => c.textContent);
    expect(cells).to.not.include('320583');
    const csv = await (await el.exportRows('csv')).text();
    expect(csv).to.contain('昆山市,320583');
  });
});
