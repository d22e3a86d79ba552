/**
 * <azx-form>'s print() (issue 22): the record as it stands, alone, in an isolated document handed
 * to `azx-print` (never the host page); printed to PDF in Chromium and read with poppler, it is
 * the record's title, its groups and fields in words (choices by title, money to the fen, days in
 * Chinese), nothing empty, none of the controls, the summary or the portal, and, when the form
 * names its organization, that organization with the day and room for the seal on the page.
 */
import { expect } from '@open-wc/testing';
import '../../../components/core/index.js';
import type { AzxForm } from '../../../components/core/index.js';
import type { JsonSchema } from '../../../components/core/schema.js';
import { documentDate } from '../../../components/core/document/index.js';
import { PORTAL_WORDS, inPortal, mm, pageNumbers, pdfOf, printed } from '../setup/print.js';

const SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: '企业安全生产检查记录',
  type: 'object',
  'x-groups': [
    { key: 'who', title: '被检查单位' },
    { key: 'what', title: '检查情况' },
  ],
  required: ['name', 'kind'],
  properties: {
    name: { type: 'string', title: '单位名称', 'x-group': 'who' },
    kind: { type: 'string', title: '检查类型', 'x-group': 'who', oneOf: [{ const: 'routine', title: '日常检查' }, { const: 'special', title: '专项检查' }] },
    day: { type: 'string', format: 'date', title: '检查日期', 'x-group': 'what' },
    fine: { type: 'number', title: '罚款金额（元）', 'x-widget': 'money', 'x-group': 'what' },
    closed: { type: 'boolean', title: '已闭环', 'x-group': 'what' },
    notes: { type: 'string', title: '备注', 'x-group': 'what' },
    items: {
      type: 'array',
      title: '检查项目',
      'x-group': 'what',
      items: { type: 'object', properties: { item: { type: 'string', title: '项目' }, result: { type: 'string', title: '结论' } } },
    },
    followups: {
      type: 'array',
      title: '复查记录',
      'x-group': 'what',
      items: { type: 'object', properties: { when: { type: 'string', title: '复查时间' } } },
    },
  },
};

const VALUE = {
  name: '绍兴越城化工有限公司',
  kind: 'special',
  day: '2026-03-02',
  fine: 12345.6,
  closed: false,
  items: [
    { item: '动火作业票', result: '未办理' },
    { item: '消防器材', result: '合格' },
  ],
  followups: [],
};

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function mount(set: Partial<AzxForm> = {}): Promise<AzxForm> {
  const el = document.createElement('azx-form');
  Object.assign(el, { schema: SCHEMA, value: VALUE, ...set });
  document.body.append(el);
  const portal = inPortal(el);
  cleanups.push(() => {
    portal.remove();
    el.remove();
  });
  await el.updateComplete;
  return el;
}

const flat = (s: string) => s.replace(/\s/g, '');

describe('<azx-form> print()', () => {
  it('hands the record as a document to azx-print: words for codes, nothing empty, no controls', async () => {
    const el = await mount({ organization: '绍兴市应急管理局' });
    const { dom } = await printed(el);
    expect(dom.querySelector('.azx-doc h1')!.textContent!.trim()).to.equal('企业安全生产检查记录');
    const text = flat(dom.body.textContent!);
    for (const want of ['被检查单位', '单位名称', '绍兴越城化工有限公司', '专项检查', '2026年3月2日', '12,345.60', '动火作业票', '未办理', '否']) expect(text, want).to.contain(want);
    for (const never of ['special', '2026-03-02', '12345.6', '复查记录', '备注', '暂无数据', '提交', PORTAL_WORDS[0]!]) expect(text, never).not.to.contain(never);
    expect(dom.querySelectorAll('azx-form, input, select, textarea, button').length).to.equal(0);
    expect(flat(dom.querySelector('.doc-signature')!.textContent!)).to.contain('绍兴市应急管理局');
  });

  it('prints what is being edited, and without an organization signs nothing', async () => {
    const el = await mount();
    el.value = { ...VALUE, kind: 'routine' };
    const { dom } = await printed(el);
    expect(flat(dom.body.textContent!)).to.contain('日常检查');
    expect(dom.querySelector('.doc-signature')).to.equal(null);
  });

  it('a listener may take the print over; without a schema there is nothing to print', async () => {
    const el = await mount();
    let html = '';
    el.addEventListener('azx-print', (e) => {
      html = e.detail.html();
      e.preventDefault();
    }, { once: true });
    const topPrint = window.print;
    let top = false;
    window.print = () => (top = true);
    try {
      expect(await el.print()).to.equal(false);
    } finally {
      window.print = topPrint;
    }
    expect(top).to.equal(false);
    expect(html).to.contain('<!doctype html>');
    expect(html).to.contain('企业安全生产检查记录');
    const bare = document.createElement('azx-form');
    document.body.append(bare);
    cleanups.push(() => bare.remove());
    expect(await bare.print()).to.equal(false);
  });

  it('to PDF: one page numbered "— 1 —", the title first, the organization, the day and room for the seal', async function () {
    this.timeout(120_000);
    const el = await mount({ organization: '绍兴市应急管理局', lang: 'zh-CN' });
    const { html } = await printed(el);
    const pdf = await pdfOf(html, 'form-record');
    expect(pdf.pages.length).to.equal(1);
    expect(pageNumbers(pdf)).to.deep.equal([1]);
    const page = pdf.pages[0]!;
    const all = flat(page.text);
    for (const word of PORTAL_WORDS) expect(all).not.to.contain(word);
    const first = [...page.lines].sort((a, b) => a.yMin - b.yMin)[0]!;
    expect(flat(first.text)).to.equal('企业安全生产检查记录');
    const issuer = page.lines.find((l) => flat(l.text) === '绍兴市应急管理局')!;
    const date = page.lines.find((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(flat(l.text)) && flat(l.text) !== documentDate('2026-03-02'));
    expect(Boolean(issuer), 'signature').to.equal(true);
    expect(Boolean(date), 'date').to.equal(true);
    expect(date!.yMin).to.be.greaterThan(issuer.yMin);
    const above = page.lines.filter((l) => l.yMin < issuer.yMin - 5);
    expect(mm(issuer.yMin - Math.max(...above.map((l) => l.yMin))), 'room for the seal').to.be.within(20, 40);
  });

  it('in English when the form speaks English', async () => {
    const el = await mount({ lang: 'en' });
    const { dom } = await printed(el);
    expect(dom.documentElement.lang).to.equal('en');
    expect(flat(dom.body.textContent!)).to.contain('2March2026');
  });
});
