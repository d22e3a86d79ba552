/**
 * Any record as a printable document (core/document/record.ts), what a list's 打印 calls: its
 * fields by the schema's groups, labelled by their titles, values as a reader reads them, and
 * nothing of the form's machinery or of what is empty.
 */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { printRecord, recordDocument, renderDocument, type RecordDocumentOptions } from '../../../components/core/document/index.js';
import type { JsonSchema } from '../../../components/core/schema.js';

const schema: JsonSchema = {
  title: '示例记录',
  'x-groups': [
    { key: 'main', title: '基本信息', 'x-title-en': 'Main' },
    { key: 'money', title: '金额', 'x-title-en': 'Amounts' },
  ],
  properties: {
    record_no: { type: 'string', title: '编号', 'x-group': 'main' },
    status: { type: 'string', title: '状态', 'x-group': 'main', oneOf: [{ const: 'active', title: '有效', 'x-title-en': 'In force' }, { const: 'expired', title: '已到期', 'x-title-en': 'Expired' }] },
    region_code: { type: 'string', title: '所在行政区划', format: 'cn-region', 'x-group': 'main' },
    signed: { type: 'boolean', title: '已签字', 'x-group': 'main' },
    period: { type: 'object', title: '保险期间', 'x-widget': 'date-range', 'x-group': 'main', properties: { start: { type: 'string', format: 'date', title: '起' }, end: { type: 'string', format: 'date', title: '止' } } },
    note: { type: 'string', title: '备注', 'x-group': 'main' },
    premium: { type: 'number', title: '保险费（元）', 'x-widget': 'money', 'x-group': 'money' },
    budget: { type: 'number', title: '服务费用（元）', 'x-widget': 'money', 'x-group': 'money' },
    persons: { type: 'integer', title: '人数', 'x-group': 'money' },
    restrictions: { type: 'array', title: '附加限制条件', 'x-group': 'money', items: { type: 'object', properties: { text: { type: 'string', title: '条件' } } } },
    visits: { type: 'array', title: '服务记录', 'x-group': 'money', items: { type: 'object', properties: { day: { type: 'string', format: 'date', title: '日期' }, cost: { type: 'number', title: '费用（元）', 'x-widget': 'money' } } } },
  },
};

const options: RecordDocumentOptions = {
  schema,
  locale: 'zh-CN',
  value: {
    record_no: 'R-1', status: 'expired', region_code: '330602', signed: true, period: { start: '2026-03-02', end: '2027-03-01' }, note: '',
    premium: 48153.6, budget: 9826.78, persons: 1200, restrictions: [], visits: [{ day: '2026-05-04', cost: 1500 }],
  },
  number: '编号：R-1',
  omit: ['record_no'],
  issuer: '某某保险公司',
  date: '2026-03-01T20:00:00Z',
  name: (format, code) => (format === 'cn-region' && code === '330602' ? '越城区' : undefined),
};

function shown(o: RecordDocumentOptions): HTMLElement {
  const box = document.createElement('div');
  render(renderDocument(recordDocument(o)), box);
  return box;
}

describe('recordDocument: a record as a document', () => {
  it('groups its fields, writes values as words, money to the fen, skips what is empty', () => {
    const box = shown(options);
    const text = box.textContent!.replace(/\s/g, '');
    expect([...box.querySelectorAll('.doc-fields caption')].map((c) => c.textContent!.trim())).to.deep.equal(['基本信息', '金额']);
    expect(text).to.contain('状态已到期');
    expect(text).to.contain('所在行政区划越城区');
    expect(text).to.contain('已签字是');
    expect(text).to.contain('保险期间2026年3月2日至2027年3月1日');
    expect(text).to.contain('保险费（元）48,153.60');
    expect(text).to.contain('服务费用（元）9,826.78');
    expect(text).to.contain('人数1,200');
    // a list of objects is a table; an empty one, and an empty field, print nothing
    expect(text).to.contain('2026年5月4日1,500.00');
    expect(text).not.to.contain('附加限制条件');
    expect(text).not.to.contain('备注');
    expect(text).not.to.contain('暂无数据');
    // the number under the title, not as a field; the issuer signs on the China day, seal room above
    expect(text).not.to.contain('编号R-1');
    expect(box.querySelector('.doc-number-plain')!.textContent).to.equal('编号：R-1');
    expect(box.querySelector('.doc-signature .issuer')!.textContent!.trim()).to.equal('某某保险公司');
    expect(box.querySelector('.doc-signature .date')!.textContent).to.equal('2026年3月2日');
    expect(box.querySelector('.doc-seal')).to.exist;
  });

  it('in English, the English titles and words', () => {
    const text = shown({ ...options, locale: 'en' }).textContent!;
    expect(text).to.contain('Amounts');
    expect(text).to.contain('Expired');
    expect(text).to.contain('2 March 2026 to 1 March 2027');
  });

  it('printRecord prints it alone, through azx-print', async () => {
    const spot = document.createElement('section');
    document.body.append(spot);
    let html = '';
    spot.addEventListener('azx-print', (e) => {
      html = e.detail.html();
      e.preventDefault();
    }, { once: true });
    try {
      expect(await printRecord(options, { from: spot })).to.equal(false);
    } finally {
      spot.remove();
    }
    const dom = new DOMParser().parseFromString(html, 'text/html');
    expect(dom.querySelector('h1')!.textContent).to.equal('示例记录');
    expect(dom.querySelectorAll('section#spot, button').length).to.equal(0);
  });
});
