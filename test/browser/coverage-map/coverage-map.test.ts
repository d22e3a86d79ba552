/**
 * <azx-coverage-map>: the figures it shows are the store's, exactly; arrow keys move between
 * regions with one tab stop; Enter drills down to the records; the table view and its CSV carry
 * the same numbers; a portal's GeoJSON becomes a choropleth; and on the real server a city
 * regulator sees only its own city.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../components/coverage-map/index.js';
import type { AzxCoverageMap } from '../../../components/coverage-map/index.js';
import { PocketBaseStore, StoreError, provideStore, type Store } from '../../../components/data/index.js';
import { world } from '../setup/world.js';
import { CITIES, FixtureRegulatorStore, HANGZHOU_COUNTIES, TOY_GEOJSON, ZHEJIANG_TILES } from './fixture.js';

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((h) => h.remove()));

async function mount(store: Store, set: Partial<AzxCoverageMap> = {}): Promise<AzxCoverageMap> {
  const host = document.createElement('div');
  provideStore(host, store);
  const el = document.createElement('azx-coverage-map');
  Object.assign(el, set);
  host.append(el);
  document.body.append(host);
  mounted.push(host);
  await waitUntil(() => el.figures || el.shadowRoot?.querySelector('[part="error"]'), 'figures loaded', { timeout: 10000 });
  await el.updateComplete;
  return el;
}

const tiles = (el: AzxCoverageMap) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="tile"]')];
const tile = (el: AzxCoverageMap, code: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-code="${code}"]`)!;
const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
const pct = (n: number, d: number) => `${(Math.round((n / d) * 1000) / 10).toFixed(1)}%`;

describe('<azx-coverage-map> with known figures', () => {
  it('shows one tile per city with its exact coverage rate, coloured by class, and a legend', async () => {
    const el = await mount(new FixtureRegulatorStore(), { layout: ZHEJIANG_TILES });
    expect(tiles(el).length).to.equal(11);
    for (const c of CITIES) {
      const t = tile(el, c.code);
      expect(t.querySelector('.name')!.textContent).to.equal(c.name);
      expect(t.querySelector('.value')!.textContent).to.equal(pct(c.insuredMustInsure, c.mustInsure));
      // the accessible name: the visible name and value, then the figure spelled out for screen readers
      expect(t.querySelector('.visually-hidden')?.textContent).to.equal(`${c.name}：参保率 ${pct(c.insuredMustInsure, c.mustInsure)}`);
      expect(t.textContent!.replace(/\s+/g, ' ').trim().startsWith(c.name)).to.equal(true);
      // classes by the fixed bounds of a rate: ≥ 95% best (c0), 90–95% next (c1)
      const rate = c.insuredMustInsure / c.mustInsure;
      expect(t.classList.contains(rate >= 0.95 ? 'c0' : 'c1')).to.equal(true, c.code);
    }
    const legend = [...el.shadowRoot!.querySelectorAll('[part="legend"] li')].map((li) => li.textContent!.trim());
    expect(legend).to.deep.equal(['≥ 95.0%', '90.0% – 95.0%', '80.0% – 90.0%', '60.0% – 80.0%', '< 60.0%', '无数据']);
    // the layout places Hangzhou at row 2, column 2
    expect(tile(el, '330100').style.gridRow).to.equal('2');
    expect(tile(el, '330100').style.gridColumn).to.equal('2');
  });

  it('colours by another figure, counts in equal steps up to the largest', async () => {
    const el = await mount(new FixtureRegulatorStore(), { metric: 'lapsed' });
    // lapsed = i % 3 → 0, 1, 2, 0, … ; the largest is 2, so steps of 1: 0 → c0, 1 → c1, 2 → c2
    expect(tile(el, '330100').classList.contains('c0')).to.equal(true);
    expect(tile(el, '330200').classList.contains('c1')).to.equal(true);
    expect(tile(el, '330300').classList.contains('c2')).to.equal(true);
    expect(tile(el, '330300').querySelector('.value')!.textContent).to.equal('2');
  });

  it('colours by the loss ratio the server computed, worse when higher, and opens the claims behind it', async () => {
    const store = new FixtureRegulatorStore();
    const el = await mount(store, { metric: 'lossRatio' });
    // city i paid 100,000·i on 500,000 earned: 0%, 20%, 40%, 60%, …
    expect(tile(el, '330100').querySelector('.value')!.textContent).to.equal('0.0%');
    expect(tile(el, '330200').querySelector('.value')!.textContent).to.equal('20.0%');
    expect(tile(el, '330400').querySelector('.value')!.textContent).to.equal('60.0%');
    expect(tile(el, '331100').querySelector('.value')!.textContent).to.equal('200.0%');
    // bounds 30 / 50 / 70 / 100%: below 30% is best (c0), 100% and more worst (c4)
    expect(tile(el, '330200').classList.contains('c0')).to.equal(true);
    expect(tile(el, '330400').classList.contains('c2')).to.equal(true);
    expect(tile(el, '331100').classList.contains('c4')).to.equal(true);
    const legend = [...el.shadowRoot!.querySelectorAll('[part="legend"] li')].map((li) => li.textContent!.trim());
    expect(legend).to.deep.equal(['< 30.0%', '30.0% – 50.0%', '50.0% – 70.0%', '70.0% – 100.0%', '≥ 100.0%', '无数据']);

    await el.openRecords('330200', 'lossRatio');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="records"] tbody tr'), 'claims shown');
    expect(store.calls.records.at(-1)!.metric).to.equal('claims_paid');
    expect(el.shadowRoot!.querySelector('#records-title')!.textContent).to.equal('宁波市 · 已赔付案件：共 1 条');
    const cells = [...el.shadowRoot!.querySelectorAll('[part="records"] tbody tr td')].map((td) => td.textContent!.trim());
    expect(cells).to.include('LP-330206-2026-000001');
    expect(cells).to.include('¥100,000.00');
    expect(cells).to.include('已预赔付');
  });

  it('shows the pure loss rate in per mille, the unit in its label', async () => {
    const el = await mount(new FixtureRegulatorStore(), { metric: 'pureLossRate' });
    // 100,000 paid on 1,000,000,000 earned exposure: 0.10‰
    expect(tile(el, '330200').querySelector('.value')!.textContent).to.equal('0.10');
    expect(tile(el, '330200').querySelector('.visually-hidden')?.textContent).to.equal('宁波市：纯风险损失率（‰） 0.10');
  });

  it('is one tab stop; arrow keys move by the layout, Enter drills down, Backspace goes up', async () => {
    const store = new FixtureRegulatorStore();
    const el = await mount(store, { layout: ZHEJIANG_TILES });
    expect(tiles(el).filter((t) => t.tabIndex === 0).length).to.equal(1);
    tile(el, '330100').focus();
    await el.updateComplete;
    key(tile(el, '330100'), 'ArrowRight');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('data-code')).to.equal('330600');
    key(tile(el, '330600'), 'ArrowLeft');
    await el.updateComplete;
    key(tile(el, '330100'), 'ArrowDown');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('data-code')).to.equal('330700');
    expect(tiles(el).filter((t) => t.tabIndex === 0).map((t) => t.dataset['code'])).to.deep.equal(['330700']);
    // a tooltip describes the focused region
    await waitUntil(() => el.shadowRoot!.querySelector('[part="tooltip"] strong')?.textContent === '金华市', 'the tooltip follows focus');

    let changed = '';
    el.addEventListener('azx-region-change', (e) => (changed = (e as CustomEvent).detail.region));
    key(tile(el, '330700'), 'ArrowUp');
    await el.updateComplete;
    key(tile(el, '330100'), 'Enter');
    await waitUntil(() => el.figures?.region.code === '330100', 'Hangzhou loaded');
    await el.updateComplete;
    expect(changed).to.equal('330100');
    expect(store.calls.figures.at(-1)!.region).to.equal('330100');
    expect(tiles(el).map((t) => t.dataset['code'])).to.deep.equal(HANGZHOU_COUNTIES.map((c) => c.code));
    // 滨江区 has nobody who must insure: no rate, the no-data class
    expect(tile(el, '330108').classList.contains('cn')).to.equal(true);
    expect(tile(el, '330108').querySelector('.value')!.textContent).to.equal('—');
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-code') === '330102', 'focus follows the drill-down');
    key(tile(el, '330102'), 'Backspace');
    await waitUntil(() => el.figures?.region.code === '330000', 'back to the province');
  });

  it('at a county, Enter opens the enterprises behind the figure', async () => {
    const store = new FixtureRegulatorStore();
    const el = await mount(store, { region: '330106', metric: 'uninsured' });
    expect(tile(el, '330106').querySelector('.value')!.textContent).to.equal('3');
    let opened: { region: string; metric: string; total: number } | undefined;
    el.addEventListener('azx-records', (e) => (opened = (e as CustomEvent).detail));
    key(tile(el, '330106'), 'Enter');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="records"]'), 'records shown');
    expect(opened).to.deep.equal({ region: '330106', metric: 'uninsured', total: 3 });
    expect(el.shadowRoot!.querySelector('#records-title')!.textContent).to.equal('西湖区 · 应保未保：共 3 条');
    const names = [...el.shadowRoot!.querySelectorAll('[part="records"] tbody tr td:first-child')].map((td) => td.textContent);
    expect(names).to.deep.equal(['杭州西湖甲化工有限公司', '杭州西湖乙建筑有限公司', '杭州西湖丙加油站']);
    expect(el.shadowRoot!.activeElement?.id).to.equal('records-title');
  });

  it('the table view holds the same figures, each opening its records, and exports them to CSV', async () => {
    const store = new FixtureRegulatorStore();
    const el = await mount(store, { region: '330100', view: 'table' });
    const rows = [...el.shadowRoot!.querySelectorAll('[part="table"] tbody tr')];
    expect(rows.length).to.equal(3);
    const xihu = rows[1]!;
    const cells = [...xihu.querySelectorAll('td')].map((td) => td.textContent!.trim());
    // columns: rate, enterprises, must insure, insured, uninsured, not fully, workers, renewal rate, lapsed, late, share, low, open, overdue,
    // loss ratio, pure loss rate, claims paid
    expect(cells).to.deep.equal(['83.3%', '20', '18', '15', '3', '2', '900', '92.9%', '1', '2', '—', '0', '1', '1', '—', '—', '0']);
    const foot = [...el.shadowRoot!.querySelectorAll('[part="table"] tfoot td')].map((td) => td.textContent!.trim());
    expect(foot.slice(0, 5)).to.deep.equal(['89.3%', '40', '28', '25', '3']);

    (xihu.querySelectorAll('td button')[4] as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="records"]'), 'records of the cell');
    expect(store.calls.records.at(-1)).to.include({ region: '330106', metric: 'uninsured' });

    let csv = '';
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      void (b as Blob).text().then((t) => (csv = t));
      return original.call(URL, b);
    };
    try {
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')].find((b) => b.textContent === '导出 CSV')!.click();
      await waitUntil(() => csv, 'CSV made');
    } finally {
      URL.createObjectURL = original;
    }
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines.length).to.equal(5);
    expect(lines[0]!.startsWith('地区,code,参保率,企业数,应保企业')).to.equal(true);
    expect(lines[2]).to.equal('西湖区,330106,0.8333,20,18,15,3,2,900,0.9286,1,2,,0,1,1,,,0');
    expect(lines[4]!.startsWith('合计 杭州市,330100,0.8929,40,28,25,3,')).to.equal(true);
  });

  it("draws the portal's GeoJSON as a choropleth, navigable by arrow keys", async () => {
    const el = await mount(new FixtureRegulatorStore(), { region: '330100', geojson: TOY_GEOJSON });
    const paths = [...el.shadowRoot!.querySelectorAll<SVGPathElement>('svg[part="map"] path')];
    expect(paths.map((p) => p.dataset['code'])).to.deep.equal(['330102', '330106', '330108']);
    expect(paths.every((p) => /^M[\d. ]+L/.test(p.getAttribute('d')!))).to.equal(true);
    expect(paths.filter((p) => p.getAttribute('tabindex') === '0').length).to.equal(1);
    expect(tiles(el).length).to.equal(0);
    paths[0]!.focus();
    key(paths[0]!, 'ArrowRight');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('data-code')).to.equal('330106');
  });

  it('says why when the store refuses, in the UI language', async () => {
    const refuse = new StoreError({ code: 'forbidden', status: 403, message_zh: '所请求的地区不在本账户辖区内', message_en: "The requested region is outside this account's scope" });
    const el = await mount(new FixtureRegulatorStore({ refuse }), { region: '330200' });
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.equal('无法加载统计数据：所请求的地区不在本账户辖区内');
    el.lang = 'en';
    await el.reload();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain("outside this account's scope");
  });
});

describe('<azx-coverage-map> on the server', () => {
  it("shows a city regulator its own counties, with the server's figures, and never another city's", async () => {
    const w = await world();
    const store = new PocketBaseStore({ url: w.url });
    await store.signIn(w.users.regulatorShaoxing.email, w.users.regulatorShaoxing.password);
    const el = await mount(store, { metric: 'enterprises' });
    expect(el.figures!.region.code).to.equal('330600');
    const codes = tiles(el).map((t) => t.dataset['code']!);
    expect(codes.length).to.be.greaterThan(0);
    expect(codes.every((c) => c.startsWith('3306'))).to.equal(true);
    // 越城区 holds the world's enterprise E1
    const direct = await store.coverageFigures({});
    const yuecheng = direct.rows.find((r) => r.code === '330602')!;
    expect(yuecheng.enterprises).to.be.greaterThan(0);
    expect(tile(el, '330602').querySelector('.value')!.textContent).to.equal(String(yuecheng.enterprises));

    el.region = '330100';
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'Hangzhou is refused');
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('辖区');
    expect(el.figures).to.equal(undefined);
    let refused: unknown;
    await store.coverageRecords({ region: '330100', metric: 'uninsured' }).catch((e) => (refused = e));
    expect((refused as StoreError).code).to.equal('forbidden');
  });
});

describe('<azx-coverage-map> for screen readers and colour', () => {
  it('a tile is named once, by its region, figure and value', async () => {
    const el = await mount(new FixtureRegulatorStore(), { layout: ZHEJIANG_TILES });
    const t = tiles(el)[0]!;
    const shown = [...t.querySelectorAll('span')].filter((s) => s.getAttribute('aria-hidden') !== 'true').map((s) => s.textContent!.trim());
    expect(shown.length).to.equal(1, 'one piece of text names the tile; the visible name and value are hidden from the name');
    expect(shown[0]).to.match(/^.+市：参保率 (\d+\.\d%|—)$/);
  });

  it('"no data" is hatched and distinct from every step of the scale, and the legend says so', async () => {
    const el = await mount(new FixtureRegulatorStore(), { layout: ZHEJIANG_TILES });
    const legend = el.shadowRoot!.querySelector('[part="legend"]')!;
    const swatches = [...legend.querySelectorAll<HTMLElement>('.swatch')];
    const none = swatches.find((s) => s.classList.contains('cn'))!;
    expect(getComputedStyle(none).backgroundImage).to.contain('repeating-linear-gradient');
    const colours = swatches.filter((s) => s !== none).map((s) => getComputedStyle(s).backgroundColor);
    expect(new Set(colours).size).to.equal(colours.length);
    expect(colours).not.to.include(getComputedStyle(none).backgroundColor);
    expect(legend.textContent).to.contain('无数据');
  });

  it('the list behind a rate is titled by what it lists, and closing it returns the focus to the tile', async () => {
    const el = await mount(new FixtureRegulatorStore(), { layout: ZHEJIANG_TILES });
    const first = tiles(el).find((b) => b.tabIndex === 0)!;
    first.focus();
    await el.openRecords(first.dataset['code']!, 'coverageRate');
    const title = el.shadowRoot!.querySelector('#records-title')!.textContent!;
    expect(title).to.contain('应保未保');
    expect(title).not.to.contain('参保率');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.records header button')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement === first, 'the focus back on the tile');
  });
});
