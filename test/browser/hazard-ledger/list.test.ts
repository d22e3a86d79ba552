// The list: virtualized over many hazards, filters (status, grade, overdue, region, enterprise,
// industry, dates), search and sort, each role seeing its own rows.
import { expect } from '@open-wc/testing';
import { isHazardOverdue as isOverdue } from '../../../components/hazard-ledger/index.js';
import { ledgerStore, makeHazards } from './ledger-world.js';
import { mountLedger, setControl, shadow, text, until, visibleNumbers, visibleRows } from './helpers.js';

const N = 2_000;
const rows = makeHazards(N);
const count = (pred: (r: Record<string, unknown>) => boolean) => rows.filter(pred).length;
const shaoxing = (r: Record<string, unknown>) => r['city_code'] === '330600';

describe('<azx-hazard-ledger> list', () => {
  it('renders only the visible rows of 2,000, and the count of all', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows }));
    expect(visibleRows(el).length).to.be.greaterThan(5).and.lessThan(40);
    expect(shadow(el).querySelector('[role="table"]')!.getAttribute('aria-rowcount')).to.equal(String(N + 1));
    expect(text(el, '.count')).to.equal('共 2,000 条');
  });

  it('scrolling far down shows the rows there, fetched on demand', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows }));
    const viewport = shadow(el).querySelector<HTMLElement>('.viewport')!;
    viewport.scrollTop = 40 * 1500;
    viewport.dispatchEvent(new Event('scroll'));
    await until(() => visibleRows(el).some((r) => r.getAttribute('aria-rowindex') === '1502' && !r.classList.contains('placeholder')), 3000, 'row 1501');
    expect(visibleRows(el).length).to.be.lessThan(40);
  });

  it('the status filter shows only that status, with the exact count', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows }));
    await setControl(el, 'status', 'rectified');
    const badges = visibleRows(el).map((r) => r.querySelector('.badge[class*="status-"]')!.textContent);
    expect(badges.length).to.be.greaterThan(0);
    expect(new Set(badges)).to.deep.equal(new Set(['已整改待复查']));
    expect(el.total).to.equal(count((r) => r['status'] === 'rectified'));
  });

  it('the overdue filter is computed from the deadline now: unrectified and past the deadline', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows }));
    await setControl(el, 'overdue', true);
    expect(el.total).to.equal(count((r) => isOverdue(r['status'], r['deadline'])));
    expect(el.total).to.be.greaterThan(0);
    for (const r of visibleRows(el)) expect(r.querySelector('.badge.overdue'), r.textContent!).to.exist;
  });

  it('major only, by city code, by industry and by enterprise name', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows }));
    await setControl(el, 'grade', 'major');
    expect(el.total).to.equal(count((r) => r['is_major'] === true));
    await setControl(el, 'region', '330100');
    expect(el.total).to.equal(count((r) => r['is_major'] === true && r['city_code'] === '330100'));
    await setControl(el, 'grade', '');
    await setControl(el, 'region', '330602');
    expect(el.total).to.equal(count((r) => r['region_code'] === '330602'));
    await setControl(el, 'industry', 'hazardous_chemicals');
    expect(el.total).to.equal(count((r) => r['region_code'] === '330602' && r['industry'] === 'hazardous_chemicals'));
    await setControl(el, 'enterprise', '越城化工');
    expect(el.total).to.equal(count((r) => String(r['enterprise_name']).includes('越城化工')));
  });

  it('a malformed region code is reported and not applied', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows }));
    const control = shadow(el).querySelector<HTMLInputElement>('[name="region"]')!;
    control.value = '3306';
    control.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(text(el, '#region-error')).to.equal('行政区划代码须为 6 位数字');
    expect(control.getAttribute('aria-invalid')).to.equal('true');
    await until(() => el.total === N, 2000, 'unfiltered');
  });

  it('found-date range and search by hazard number', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows }));
    await setControl(el, 'search', 'HZ-2026-000123');
    expect(visibleNumbers(el)).to.deep.equal(['HZ-2026-000123']);
    await setControl(el, 'search', '');
    const day = String(rows[500]!['found_at']);
    const chinaDay = new Date(Date.parse(day.replace(' ', 'T')) + 8 * 3_600_000).toISOString().slice(0, 10);
    await setControl(el, 'from', chinaDay);
    await setControl(el, 'to', chinaDay);
    const expected = count((r) => new Date(Date.parse(String(r['found_at']).replace(' ', 'T')) + 8 * 3_600_000).toISOString().slice(0, 10) === chinaDay);
    expect(el.total).to.equal(expected);
    await setControl(el, 'from', '2099-01-01');
    expect(text(el, '.toolbar')).to.contain('起始日期不能晚于截止日期');
  });

  it('sorts by deadline when its header is clicked, ascending then descending', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows }));
    const header = [...shadow(el).querySelectorAll<HTMLButtonElement>('[role="columnheader"] button')].find((b) => b.textContent!.includes('整改期限'))!;
    // 2026年3月9日 → 2026-03-09, to compare in order
    const iso = (s: string) => s.replace(/^(\d{4})年(\d{1,2})月(\d{1,2})日.*$/, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
    const deadlines = () => visibleRows(el).map((r) => iso(r.querySelectorAll('[role="cell"]')[7]!.textContent!.trim()));
    let loaded = new Promise((r) => el.addEventListener('azx-loaded', r, { once: true }));
    header.click();
    await loaded;
    await el.updateComplete;
    const asc = deadlines();
    expect(asc).to.deep.equal([...asc].sort());
    expect(header.closest('[role="columnheader"]')!.getAttribute('aria-sort')).to.equal('ascending');
    loaded = new Promise((r) => el.addEventListener('azx-loaded', r, { once: true }));
    header.click();
    await loaded;
    await el.updateComplete;
    const desc = deadlines();
    expect(desc).to.deep.equal([...desc].sort().reverse());
  });

  it('each role sees its own rows: the enterprise its own, the regulator its city', async () => {
    const ent = await mountLedger(ledgerStore({ role: 'enterprise', rows }));
    expect(ent.total).to.equal(count((r) => r['enterprise_org'] === 'orgenterprise01'));
    const reg = await mountLedger(ledgerStore({ role: 'regulator', rows }));
    expect(reg.total).to.equal(count(shaoxing));
  });

  it('speaks English when asked', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows: rows.slice(0, 50) }), 'en');
    expect(text(el, '.count')).to.equal('50 hazards');
    expect(text(el, '.row.head')).to.contain('Deadline');
  });

  it('asks to sign in when no one is', async () => {
    const el = document.createElement('azx-hazard-ledger');
    const { fixture, html } = await import('@open-wc/testing');
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const { provideStore } = await import('../../../components/data/index.js');
    provideStore(host, ledgerStore({ rows }));
    host.append(el);
    await el.updateComplete;
    expect(text(el, '.signin')).to.equal('请先登录');
  });
});

describe('<azx-hazard-ledger> when the server fails', () => {
  it('shows the error, then fetches the page again and shows its rows', async () => {
    const store = ledgerStore({ role: 'insurer', rows: rows.slice(0, 50) });
    const list = store.list.bind(store);
    let failures = 1;
    store.list = (async (...args: Parameters<typeof store.list>) => {
      if (failures-- > 0) {
        const { StoreError } = await import('../../../components/data/index.js');
        throw new StoreError({ code: 'network', status: 0, message_zh: '无法连接服务器', message_en: 'The server cannot be reached' });
      }
      return list(...args);
    }) as typeof store.list;
    const { fixture, html } = await import('@open-wc/testing');
    const { provideStore } = await import('../../../components/data/index.js');
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provideStore(host, store);
    const el = document.createElement('azx-hazard-ledger');
    host.append(el);
    await until(() => text(el, '.errors') === '无法连接服务器', 3000, 'error shown');
    await until(() => visibleRows(el).length > 0 && !visibleRows(el)[0]!.classList.contains('placeholder'), 5000, 'rows after retry');
    expect(text(el, '.count')).to.equal('共 50 条');
    expect(shadow(el).querySelector('.errors')).to.equal(null);
  });
});
