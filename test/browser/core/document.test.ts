/**
 * The GB/T 9704 layout, printed by Chromium to PDF and read back with poppler: A4 pages with the
 * standard's type area, page numbers "— n —" on the outer side of every page, a wide attachment
 * on landscape pages, its 合计 once at the end, the signature and date with room for the seal
 * on one page; printing opens the document alone, never the host page.
 */
import { expect } from '@open-wc/testing';
import {
  documentDate,
  documentFrame,
  documentNumber,
  printDocument,
  type OfficialDocument,
} from '../../../components/core/document/index.js';
import type { Table } from '../../../components/core/export/index.js';
import { mm, pageNumbers, pageWith, pdfOf } from '../setup/print.js';

const CITIES = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];

function wideTable(): Table {
  const rows = CITIES.map((name, i) => [name, 1000 + i * 37, 900 + i * 31, 0.9 - i * 0.01, 40 + i, 3 + i, 800 + i * 29, 21000 + i * 997, 2772794.98 + i * 1000.5, i, 2 * i, i % 3, 0.2 + i / 100, 10 + i, i % 4]);
  const sum = (c: number) => rows.reduce((n, r) => n + (r[c] as number), 0);
  return {
    title: '各地区安责险投保情况表',
    columns: [
      { label: '地区', key: 'name' },
      { label: '应投保企业', format: 'integer', key: 'mustInsure' },
      { label: '其中已投保', format: 'integer', key: 'insuredMustInsure' },
      { label: '投保率', format: 'percent', key: 'coverageRate' },
      { label: '应保未保', format: 'integer', key: 'uninsured' },
      { label: '未全员投保', format: 'integer', key: 'notFullyInsured' },
      { label: '有效保单', format: 'integer', key: 'activePolicies' },
      { label: '保障人数', format: 'integer', key: 'workers' },
      { label: '保费（元）', format: 'money', key: 'premium' },
      { label: '到期未续保', format: 'integer', key: 'lapsed' },
      { label: '未按时上传', format: 'integer', key: 'uploadedLate' },
      { label: '预防费用不足', format: 'integer', key: 'low' },
      { label: '预防费用占比', format: 'percent', key: 'share' },
      { label: '抽查保单', format: 'integer', key: 'sampled' },
      { label: '存在问题保单', format: 'integer', key: 'withProblems' },
    ],
    rows,
    rowKeys: CITIES,
    total: ['合计', sum(1), sum(2), sum(2) / sum(1), sum(4), sum(5), sum(6), sum(7), sum(8), sum(9), sum(10), sum(11), 0.25, sum(13), sum(14)],
  };
}

function longList(n: number): Table {
  return {
    title: '应保未保企业名单',
    columns: [{ label: '序号', format: 'integer' }, { label: '企业名称' }, { label: '统一社会信用代码' }, { label: '所在地区' }, { label: '职工人数', format: 'integer' }],
    rows: Array.from({ length: n }, (_, i) => [i + 1, `浙江省示范危险化学品经营有限公司第${i + 1}分公司`, '91330100MA2XXXXXX' + (i % 10), CITIES[i % 11]!, 20 + i]),
  };
}

function sample(paragraphs = 3): OfficialDocument {
  const table = wideTable();
  const total = table.total!;
  return {
    title: '关于浙江省安全生产责任保险工作开展情况的通报',
    head: { issuer: '浙江省应急管理厅', number: documentNumber('浙应急', 2026, 12) },
    addressees: '各市应急管理局，各有关保险机构',
    body: [
      { kind: 'heading', level: 1, text: '一、总体情况' },
      {
        kind: 'paragraph',
        content: ['全省应投保企业', { figure: 'total.mustInsure', text: '11,935' }, '家，其中已投保', { figure: 'total.insuredMustInsure', text: String(total[2]) }, '家。'],
      },
      ...Array.from({ length: paragraphs }, () => ({ kind: 'paragraph' as const, content: ['各地要进一步落实安全生产责任保险制度，督促高危行业领域生产经营单位全员投保，规范保险机构承保和事故预防服务行为，切实发挥保险机制在事故预防中的作用。'] })),
    ],
    attachments: [
      { title: table.title, blocks: [{ kind: 'table', table }], landscape: true },
      { title: '应保未保企业名单', blocks: [{ kind: 'table', table: longList(120) }] },
    ],
    signature: { issuer: '浙江省应急管理厅', date: '2026-12-07' },
    note: '此件公开发布',
    record: { copyTo: '应急管理部，国家金融监督管理总局浙江监管局', printer: '浙江省应急管理厅办公室', printed: '2026-12-07' },
  };
}

describe('official documents (GB/T 9704-2012)', () => {
  it('writes the 成文日期 and 发文字号 as the standard does', () => {
    expect(documentDate('2026-12-07')).to.equal('2026年12月7日');
    expect(documentDate('2026-01-05')).to.equal('2026年1月5日');
    // an instant is read in China time: 16:30 UTC on the 6th is the 7th in Beijing
    expect(documentDate('2026-12-06T16:30:00Z')).to.equal('2026年12月7日');
    expect(documentDate('2026-12-07', 'en')).to.equal('7 December 2026');
    expect(documentNumber('浙应急', 2026, 12)).to.equal('浙应急〔2026〕12号');
  });

  it('prints A4 pages with the page number outside, a wide attachment on landscape pages, 合计 once at its end', async function () {
    this.timeout(120_000);
    const frame = await documentFrame(sample());
    const pdf = await pdfOf(frame.html(), 'core-document');
    frame.remove();
    const pages = pdf.pages;
    expect(pages.length, 'pages').to.be.within(6, 12);
    // every page numbered in order, "— n —", right on odd pages and left on even ones
    expect(pageNumbers(pdf)).to.deep.equal(pages.map((_, i) => i + 1));
    for (const [i, p] of pages.entries()) {
      const number = p.lines.find((l) => /—\s*\d+\s*—/.test(l.text))!;
      const portrait = p.height > p.width;
      if (portrait) {
        // the dash 7 mm under the type area, which ends 35 mm above the bottom edge
        expect(mm(p.height - (number.yMin + number.yMax) / 2), `page ${i + 1} number height`).to.be.within(27, 30);
        if (i % 2 === 0) expect(mm(p.width - number.xMax), `page ${i + 1} right`).to.be.within(26, 35);
        else expect(mm(number.xMin), `page ${i + 1} left`).to.be.within(26, 35);
      }
    }
    // the first page: mark, number, title, addressees, in the type area (28 mm left margin)
    const first = pages[0]!;
    expect(first.height).to.be.closeTo(841.9, 1);
    const title = first.lines.find((l) => l.text.includes('关于浙江省'))!;
    expect(first.text).to.contain('浙江省应急管理厅文件');
    expect(first.text).to.contain('浙应急〔2026〕12号');
    expect(first.text.replace(/\s/g, '')).to.contain('各市应急管理局，各有关保险机构：');
    const body = first.lines.filter((l) => l.text.startsWith('各地要'));
    for (const l of body) expect(mm(l.xMin)).to.be.within(27, 41); // 28 mm plus the indent of two characters
    expect(mm(title.yMin)).to.be.greaterThan(37 + 35);

    // landscape pages hold the wide table; its 合计 row is printed once, on its last page
    const wide = pages.map((p, i) => ({ p, i })).filter(({ p }) => p.width > p.height);
    expect(wide.length).to.be.greaterThan(0);
    expect(wide[0]!.p.text).to.contain('附件1');
    const totals = pages.flatMap((p, i) => p.lines.filter((l) => l.text.startsWith('合计')).map(() => i));
    expect(totals).to.deep.equal([wide.at(-1)!.i]);
    // no character per line: the header 预防费用占比 and every city name read on at most two lines
    for (const { p } of wide) {
      expect(p.lines.some((l) => /^(杭|宁|温)$/.test(l.text)), 'a city name cut into characters').to.equal(false);
      expect(p.lines.some((l) => /^(应|保|未)$/.test(l.text)), 'a heading cut into characters').to.equal(false);
    }
    // the list attachment follows on portrait pages, its heading repeated on each
    const list = pageWith(pdf, '应保未保企业名单');
    expect(pages[list - 1]!.height).to.be.greaterThan(pages[list - 1]!.width);
    const listPages = pages.slice(list - 1).filter((p) => p.text.includes('统一社会信用代码'));
    expect(listPages.length).to.be.greaterThan(1);
    // the 版记 ends the document: copy-to and the printing office with its date
    const last = pages.at(-1)!.text.replace(/\s/g, '');
    expect(last).to.contain('抄送：应急管理部');
    expect(last).to.contain('2026年12月7日印发');
  });

  it('keeps the signature and the date on one page with room above them for the seal', async function () {
    this.timeout(180_000);
    // enough paragraphs to bring the signature to the foot of a page in turn
    for (const paragraphs of [14, 15, 16, 17]) {
      const frame = await documentFrame(sample(paragraphs));
      const pdf = await pdfOf(frame.html(), `core-document-signature-${paragraphs}`);
      frame.remove();
      const issuerPage = pdf.pages.findIndex((p) => p.lines.some((l) => l.text.replace(/\s/g, '') === '浙江省应急管理厅' && mm(l.xMin) > 80));
      const datePage = pdf.pages.findIndex((p) => p.lines.some((l) => l.text.replace(/\s/g, '') === '2026年12月7日'));
      expect(issuerPage, `paragraphs ${paragraphs}`).to.be.greaterThan(-1);
      expect(datePage, `paragraphs ${paragraphs}`).to.equal(issuerPage);
      const page = pdf.pages[issuerPage]!;
      const issuer = page.lines.find((l) => l.text.replace(/\s/g, '') === '浙江省应急管理厅' && mm(l.xMin) > 80)!;
      const date = page.lines.find((l) => l.text.replace(/\s/g, '') === '2026年12月7日')!;
      // the date four characters in from the right of the type area; the name centred over it
      expect(mm(page.width - date.xMax) - 26, 'date right').to.be.within(18, 26);
      expect(Math.abs((issuer.xMin + issuer.xMax) / 2 - (date.xMin + date.xMax) / 2)).to.be.lessThan(3);
      // room for a 42 mm seal: two empty lines between the last line above (the body or the
      // attachment list, within a line of the seal's top) and the name
      const above = page.lines.filter((l) => l.yMin < issuer.yMin - 5 && !/—\s*\d+\s*—/.test(l.text));
      const pitch = mm(issuer.yMin - Math.max(...above.map((l) => l.yMin)));
      expect(pitch, `room for the seal (${paragraphs})`).to.be.within(28, 34);
      expect(above.length, 'the signature never starts a page alone').to.be.greaterThan(0);
    }
  });

  it('prints alone: the host page is neither printed nor touched, and azx-print can take the print over', async function () {
    this.timeout(120_000);
    // a portal page with its chrome, a grey background and a card around the element
    const host = document.createElement('div');
    host.innerHTML = `<header><h1>某市安责险门户</h1><button>退出登录</button><nav><button>保单</button><button>通报</button></nav></header>
      <main class="card"><section id="spot"></section></main>`;
    document.body.append(host);
    document.body.style.setProperty('background', '#ddd');
    const spot = host.querySelector<HTMLElement>('#spot')!;
    spot.setAttribute('style', '--azx-document-font: "Noto Serif CJK SC", serif');
    const topPrint = window.print;
    let topPrinted = false;
    window.print = () => (topPrinted = true);
    try {
      let html = '';
      let frameDoc: Document | undefined;
      spot.addEventListener('azx-print', (e) => {
        frameDoc = e.detail.document;
        html = e.detail.html();
        e.preventDefault();
      }, { once: true });
      const opened = await printDocument(sample(), { from: spot });
      expect(opened, 'cancelled by the listener').to.equal(false);
      expect(topPrinted).to.equal(false);
      expect(frameDoc).to.exist;
      expect(frameDoc).not.to.equal(document);
      // the frame holds the document only, in the fonts the page set where the element is
      expect(frameDoc!.body.textContent).not.to.contain('退出登录');
      expect(frameDoc!.querySelectorAll('nav, main, .card, button, #spot').length).to.equal(0);
      expect(frameDoc!.documentElement.style.getPropertyValue('--azx-document-font')).to.contain('Noto Serif CJK SC');
      const pdf = await pdfOf(html, 'core-document-alone');
      const all = pdf.pages.map((p) => p.text).join('\n');
      expect(all).not.to.contain('退出登录');
      expect(all).not.to.contain('某市安责险门户');
      expect(pageWith(pdf, '关于浙江省安全生产责任保险工作开展情况的通报')).to.equal(1);

      // without a listener the frame's own print() runs, and the frame goes after printing
      let framePrinted = false;
      spot.addEventListener('azx-print', (e) => {
        const win = e.detail.document.defaultView!;
        win.print = () => {
          framePrinted = true;
          win.dispatchEvent(new Event('afterprint'));
        };
      }, { once: true });
      expect(await printDocument(sample(), { from: spot })).to.equal(true);
      expect(framePrinted).to.equal(true);
      expect(topPrinted).to.equal(false);
      await new Promise((r) => setTimeout(r, 10));
      expect(document.querySelectorAll('iframe').length, 'the frame is gone').to.equal(0);
    } finally {
      window.print = topPrint;
      document.body.style.removeProperty('background');
      host.remove();
    }
  });
});
