// <azx-record-list> as a user meets it: labels instead of codes, filters, search, sort and
// paging with the keyboard, a row opened read-only with its history and the focus where it
// belongs, exports that hold the rows of the filters, and cards on a narrow screen.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { provideStore, type Store } from '../../../components/data/index.js';
import '../../../components/record-list/index.js';
import type { AzxRecordList } from '../../../components/record-list/index.js';
import { expectAccessible } from '../setup/axe.js';
import { COLUMNS, listStore } from './fixture.js';

async function mount(store: Store, { lang = 'zh-CN', perPage = 20 } = {}): Promise<AzxRecordList> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: 1100px"></div>`);
  provideStore(host, store);
  const el = document.createElement('azx-record-list');
  el.lang = lang;
  el.collection = 'policies';
  el.definitionKey = 'policy';
  el.columns = COLUMNS;
  el.sort = '-period_start';
  el.perPage = perPage;
  const loaded = new Promise((r) => el.addEventListener('azx-loaded', r, { once: true }));
  host.append(el);
  await loaded;
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: AzxRecordList, s: string) => el.shadowRoot!.querySelector<T>(s);
const $$ = <T extends Element = HTMLElement>(el: AzxRecordList, s: string) => [...el.shadowRoot!.querySelectorAll<T>(s)];
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A cell's text without the column name it carries for cards. */
const cell = (td: Element | undefined) => text(td).replace(text(td?.querySelector('.cell-label')), '').trim();
const loaded = (el: AzxRecordList) => new Promise((r) => el.addEventListener('azx-loaded', r, { once: true }));
/** The element with the focus, inside shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

describe('<azx-record-list>', () => {
  it('shows labels, names and amounts, never codes', async () => {
    const el = await mount(await listStore());
    const heads = $$(el, 'thead th').map(text);
    expect(heads).to.deep.equal(['保单号', '单位名称', '行政区划', '行业', '参保人数', '保险费', '起保日期 ↓', '状态']);
    const row = $$(el, 'tbody tr')[0]!;
    const cells = [...row.children].map(cell);
    expect(cells[2]).to.match(/^(越城区|柯桥区|上虞区)$/);
    expect(cells[3]).to.match(/^(危险化学品|建筑施工|金属冶炼|渔业生产)/);
    expect(cells[5]).to.match(/^\d{1,3}(,\d{3})*\.\d{2} 元$/);
    expect(cells[6]).to.match(/^2026年\d{1,2}月\d{1,2}日$/);
    expect(['有效', '已到期', '已退保']).to.include(cells[7]);
    const shown = text($(el, 'table'));
    expect(shown).not.to.match(/\b[a-z]+_[a-z_]+\b/, 'no snake_case code');
    expect(shown).not.to.match(/(?<![\w-])33060\d(?![\w-])/, 'no bare region code');
    expect(text($(el, '#count'))).to.equal('共 45 条');
  });

  it('filters by status and searches by number, counting what is left', async () => {
    const el = await mount(await listStore());
    const status = $<HTMLSelectElement>(el, 'select[name="status"]')!;
    expect([...status.options].map((o) => o.textContent?.trim())).to.deep.equal(['全部', '有效', '已到期', '已退保', '已注销']);
    status.focus();
    let next = loaded(el);
    status.value = 'expired';
    status.dispatchEvent(new Event('change'));
    await next;
    await el.updateComplete;
    expect(text($(el, '#count'))).to.equal('共 11 条');
    const search = $<HTMLInputElement>(el, 'input[name="search"]')!;
    search.focus();
    next = loaded(el);
    await sendKeys({ type: '000002' });
    await next;
    await el.updateComplete;
    expect(text($(el, '#count'))).to.match(/^共 [1-9]\d* 条$/);
    for (const tr of $$(el, 'tbody tr')) expect(text(tr.querySelector('button.open'))).to.contain('000002');
  });

  it('sorts from the header with the keyboard, keeping the focus on the header button', async () => {
    const el = await mount(await listStore());
    const premiumSort = $$<HTMLButtonElement>(el, 'th button.sort').find((b) => text(b).startsWith('保险费'))!;
    premiumSort.focus();
    let next = loaded(el);
    await sendKeys({ press: 'Enter' });
    await next;
    await el.updateComplete;
    const th = premiumSort.closest('th')!;
    expect(th.getAttribute('aria-sort')).to.equal('ascending');
    const amounts = () => $$(el, 'tbody tr').map((tr) => Number(cell(tr.children[5]).replace(/[^\d.]/g, '')));
    const up = amounts();
    expect(up).to.deep.equal([...up].sort((a, b) => a - b));
    expect(deepActive()).to.equal(premiumSort);
    next = loaded(el);
    await sendKeys({ press: 'Enter' });
    await next;
    await el.updateComplete;
    expect(th.getAttribute('aria-sort')).to.equal('descending');
    const down = amounts();
    expect(down).to.deep.equal([...down].sort((a, b) => b - a));
  });

  it('pages forward and back; the buttons keep the focus at either end', async () => {
    const el = await mount(await listStore(), { perPage: 20 });
    const [prev, next] = $$<HTMLButtonElement>(el, '.pager button');
    expect(prev!.getAttribute('aria-disabled')).to.equal('true');
    next!.focus();
    for (const page of [2, 3]) {
      const done = loaded(el);
      await sendKeys({ press: 'Enter' });
      await done;
      await el.updateComplete;
      expect(text($(el, '.pager span'))).to.equal(`第 ${page} 页，共 3 页`);
    }
    expect($$(el, 'tbody tr').length).to.equal(5);
    expect(next!.getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActive()).to.equal(next, 'the focus stays on the button at the last page');
  });

  it('opens a row read-only with its history, and back returns the focus to that row', async () => {
    const store = await listStore();
    const first = (await store.list('policies', { sort: ['-period_start'], perPage: 1 })).items[0]!;
    await store.correct('policies', first.id, { data: { ...first.data, note: undefined }, reason: '按批单更正保险期间' });
    const el = await mount(store);
    const button = $<HTMLButtonElement>(el, `#open-${first.id}`)!;
    expect(button.getAttribute('aria-label')).to.contain(text(button), 'the name contains the visible text');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.history li[data-revision="2"]'), 'the history shows');
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('detail-title');
    expect(text($(el, '#detail-title'))).to.contain(String(first.data['policy_no']));
    const form = $(el, 'azx-form')!;
    expect(form.getAttribute('mode')).to.equal('readonly');
    expect(form.dataset['showing']).to.equal('policy@1');
    const history = $$(el, '.history li').map(text);
    expect(history[0]).to.match(/录入 系统$/, 'the fixture\'s rows were there before anyone signed in');
    expect(history[1]).to.match(/更正（第 2 版） 保险机构 · 甲财产保险股份有限公司绍兴中心支公司 原因：按批单更正保险期间$/);
    await expectAccessible(el);
    $<HTMLButtonElement>(el, 'button.back')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(deepActive()?.id).to.equal(`open-${first.id}`);
  });

  it('打印 prints the open record alone, as a document: names not codes, no list and no form machinery', async () => {
    const store = await listStore();
    const first = (await store.list('policies', { sort: ['-period_start'], perPage: 1 })).items[0]!;
    const el = await mount(store);
    $<HTMLButtonElement>(el, `#open-${first.id}`)!.click();
    await waitUntil(() => $(el, 'azx-form'), 'the record opens');
    let detail: { document: Document } | undefined;
    const take = (e: Event) => {
      detail = (e as CustomEvent<{ document: Document }>).detail;
      e.preventDefault();
    };
    el.addEventListener('azx-print', take);
    const topPrint = window.print;
    let top = false;
    window.print = () => (top = true);
    try {
      $<HTMLButtonElement>(el, 'button.print')!.click();
      await waitUntil(() => detail, 'azx-print', { timeout: 10000 });
    } finally {
      window.print = topPrint;
      el.removeEventListener('azx-print', take);
    }
    expect(top, 'the host page printed').to.equal(false);
    const doc = detail!.document;
    const printed = (doc.body.textContent ?? '').replace(/\s+/g, '');
    expect(doc.querySelectorAll('azx-record-list, azx-form, input, button, table.list').length, 'nothing of the element').to.equal(0);
    expect(printed).to.contain(`保单号：${String(first.data['policy_no'])}`);
    expect(printed).to.contain(String((first.data['insured'] as Record<string, unknown>)['name']), 'the insured by name');
    expect(printed).to.match(/\d{4}年\d{1,2}月\d{1,2}日/, 'dates as a document writes them');
    expect(printed).not.to.match(/(?<![\d-])33060\d(?!\d)/, 'no bare region code');
    for (const word of ['表单定义', '版本', '录入', '返回']) expect(printed, word).not.to.contain(word);
  });

  it('exports every row of the filters, amounts as numbers and statuses as labels', async () => {
    const el = await mount(await listStore());
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return original.call(URL, b);
    };
    try {
      $<HTMLButtonElement>(el, '.exports button')!.click();
      await waitUntil(() => blobs.length === 1, 'a CSV is offered');
    } finally {
      URL.createObjectURL = original;
    }
    const lines = (await blobs[0]!.text()).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines.length).to.equal(46, 'a header and all 45 rows, not just the page');
    expect(lines[0]).to.equal('保单号,单位名称,行政区划,行业,参保人数,保险费,起保日期,状态');
    const cells = lines[1]!.split(',');
    expect(Number(cells[5])).to.be.a('number').and.not.NaN;
    expect(['有效', '已到期', '已退保']).to.include(cells[7]);
    await waitUntil(() => text($(el, '#count')).includes('已导出 45 条'));
  });

  it('speaks English with Chinese proper names marked as Chinese', async () => {
    const el = await mount(await listStore(), { lang: 'en' });
    expect($$(el, 'thead th').map(text).slice(0, 3)).to.deep.equal(['Policy number', 'Name', 'Region']);
    const name = $$(el, 'tbody tr')[0]!.children[1] as HTMLElement;
    expect(name.lang).to.equal('zh-CN');
    expect(cell($$(el, 'tbody tr')[0]!.children[2])).to.match(/^(Yuecheng|Keqiao|Shangyu)$/);
    expect(cell($$(el, 'tbody tr')[0]!.children[5])).to.match(/^CNY [\d,]+\.\d{2}$/);
    await expectAccessible(el);
  });

  it('at 320 px the rows are cards inside the viewport and the filters fold behind a button', async () => {
    await setViewport({ width: 320, height: 700 });
    try {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      provideStore(host, await listStore());
      const el = document.createElement('azx-record-list');
      el.columns = COLUMNS;
      host.append(el);
      await waitUntil(() => $(el, 'table.cards'), 'cards on a narrow element');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const td of $$(el, 'tbody td')) expect(td.getBoundingClientRect().right).to.be.at.most(321);
      const toggle = $<HTMLButtonElement>(el, 'button.filters-toggle')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, '#filters')!.hidden).to.equal(true);
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($(el, '#filters')!.hidden).to.equal(false);
      expect($$(el, 'tbody td .cell-label').every((l) => getComputedStyle(l).display !== 'none')).to.equal(true);
      await expectAccessible(el);
    } finally {
      await setViewport({ width: 1280, height: 900 });
    }
  });
});
