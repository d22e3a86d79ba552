/**
 * The bulletin as a document and as a workbook: a province's bulletin printed from a portal page
 * by the element's print(), to PDF in Chromium and read with poppler (the body of two or three
 * pages, the lists as numbered attachments, wide tables on landscape pages, 合计 once at the end
 * of its table, page numbers, the signature, date and seal room on one page, none of the portal);
 * every figure of its text equals its table; the XLSX read back by openpyxl has the same figures
 * as the print, typed and formatted, in the document's order. On the server, a city's bulletin.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../components/compliance-report/index.js';
import type { AzxComplianceReport } from '../../../components/compliance-report/index.js';
import { PocketBaseStore, provideStore, type Store } from '../../../components/data/index.js';
import { toXlsx, type CellFormat } from '../../../components/core/export/index.js';
import { cellText } from '../../../components/core/document/index.js';
import { world } from '../setup/world.js';
import { PORTAL_WORDS, figureProblems, inPortal, mm, pageNumbers, pdfOf, printed, readXlsx, textFigures, type Pdf } from '../setup/print.js';
import { PROVINCE_INSURERS, PROVINCE_TOTAL, ProvinceStore } from './province.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function mount(store: Store, set: Partial<AzxComplianceReport>): Promise<AzxComplianceReport> {
  const host = document.createElement('div');
  provideStore(host, store);
  const el = document.createElement('azx-compliance-report');
  Object.assign(el, set);
  host.append(el);
  const portal = inPortal(host);
  cleanups.push(() => portal.remove());
  // the figures, then the lists
  await waitUntil(() => el.officialDocument() || el.shadowRoot?.querySelector('[part="error"]'), 'report and lists loaded', { timeout: 20000 });
  return el;
}

/** No character printed alone on a line: a name or heading cut into characters. */
const singleCharacterLines = (pdf: Pdf) => pdf.pages.flatMap((p, i) => p.lines.filter((l) => /^[\u4e00-\u9fff]$/.test(l.text.trim())).map((l) => `page ${i + 1}: ${l.text}`));

/** Pages (1-based) that print a line starting with 合计. */
const totalPages = (pdf: Pdf) => pdf.pages.flatMap((p, i) => p.lines.filter((l) => /^合\s*计/.test(l.text)).map(() => i + 1));

/** The page of the signature: the issuer's name right of the middle, and the date under it. */
function signaturePage(pdf: Pdf, issuer: string, date: string): { issuerPage: number; datePage: number; room: number } {
  const flat = (s: string) => s.replace(/\s/g, '');
  let issuerPage = 0;
  let datePage = 0;
  let room = 0;
  pdf.pages.forEach((p, i) => {
    const name = p.lines.find((l) => flat(l.text) === issuer && l.xMin > p.width / 3);
    const day = p.lines.find((l) => flat(l.text) === date);
    if (name && !issuerPage) {
      issuerPage = i + 1;
      const above = p.lines.filter((l) => l.yMin < name.yMin - 5);
      room = mm(name.yMin - Math.max(...above.map((l) => l.yMin)));
    }
    if (day && !datePage) datePage = i + 1;
  });
  return { issuerPage, datePage, room };
}

describe('the bulletin printed as an official document', () => {
  it('a province bulletin: a short body, the lists as attachments, page numbers, one 合计 per table at its end, no portal', async function () {
    this.timeout(240_000);
    const el = await mount(new ProvinceStore(), { region: '330000', issuer: '浙江省应急管理厅', documentNumber: '浙应急〔2026〕12号', issued: '2026-12-07', copyTo: '应急管理部' });
    const { html, dom } = await printed(el);
    const pdf = await pdfOf(html, 'bulletin-province');
    const all = pdf.pages.map((p) => p.text).join('\n');
    for (const word of PORTAL_WORDS) expect(all, word).not.to.contain(word);

    // page 1 opens with the 版头, the title and the addressees
    const first = pdf.pages[0]!.text.replace(/\s/g, '');
    expect(first).to.contain('浙江省应急管理厅文件');
    expect(first).to.contain('浙应急〔2026〕12号');
    expect(first).to.contain('关于浙江省安全生产责任保险工作开展情况的通报');
    expect(first).to.contain('各市应急管理局，各有关保险机构：');

    // the body is two or three pages; the signature, the date and the seal's room on one page
    const sign = signaturePage(pdf, '浙江省应急管理厅', '2026年12月7日');
    expect(sign.issuerPage).to.be.within(2, 3);
    expect(sign.datePage).to.equal(sign.issuerPage);
    expect(sign.room, 'two empty lines above the name').to.be.within(28, 34);
    const list = pdf.pages.findIndex((p) => p.text.replace(/\s/g, '').includes('附件：1.各地区安责险投保情况表')) + 1;
    expect(list, 'the attachment list before the signature').to.be.within(1, sign.issuerPage);

    // attachments in order, each starting a page; the wide ones on landscape pages
    const starts = ['各地区安责险投保情况表', '各保险机构承保情况表', '分行业投保情况表', '到期未续保名单', '未全员投保名单', '未按时上传名单', '应保未保名单', '预防费用不足名单'].map((t) => pdf.pages.findIndex((p, i) => i >= sign.issuerPage && p.text.replace(/\s/g, '').includes(t)) + 1);
    expect(starts.every((s, i) => s > sign.issuerPage && (i === 0 || s > starts[i - 1]!)), starts.join(',')).to.equal(true);
    starts.forEach((s, i) => expect(pdf.pages[s - 1]!.text.replace(/\s/g, ''), `attachment ${i + 1}`).to.match(new RegExp(`^附件${i + 1}`)));
    const landscape = (page: number) => pdf.pages[page - 1]!.width > pdf.pages[page - 1]!.height;
    expect(landscape(starts[0]!), 'by region').to.equal(true);
    expect(landscape(starts[1]!), 'by insurer').to.equal(true);

    // 合计: once per table (regions, insurers, industries), each on its table's last page
    expect(totalPages(pdf)).to.deep.equal([starts[1]! - 1, starts[2]! - 1, starts[3]! - 1]);
    expect(singleCharacterLines(pdf)).to.deep.equal([]);

    // every page numbered, in order; the whole within bounds: the lists' 5 × 200 rows are most of it
    expect(pageNumbers(pdf)).to.deep.equal(pdf.pages.map((_, i) => i + 1));
    expect(pdf.pages.length).to.be.within(30, 60);
    // each list says how many there are and that the rest is in the workbook
    expect(all.replace(/\s/g, '')).to.contain(`共${PROVINCE_TOTAL.uninsured}家。`);
    expect(all.replace(/\s/g, '')).to.contain('此处列出前200条，完整名单见导出的表格。');
    // the 版记 closes it, at the foot of a portrait page after the landscape list
    const lastPage = pdf.pages.at(-1)!;
    expect(lastPage.text.replace(/\s/g, '')).to.contain('2026年12月7日印发');
    const printedLine = lastPage.lines.find((l) => l.text.replace(/\s/g, '').endsWith('印发'))!;
    expect(lastPage.height).to.be.greaterThan(lastPage.width);
    expect(mm(printedLine.yMax), 'the 版记 at the foot of the type area').to.be.within(245, 263);

    // every figure of the text is its table's
    expect(figureProblems(dom)).to.deep.equal([]);
    const figures = textFigures(dom);
    expect(figures.get('total.insuredMustInsure')).to.equal(PROVINCE_TOTAL.insuredMustInsure.toLocaleString('zh-CN'));
    expect(figures.get('total.insured')).to.equal(PROVINCE_TOTAL.insured.toLocaleString('zh-CN'));
    expect(figures.get('insurers.active')).to.equal(String(PROVINCE_INSURERS.length));
    expect(figures.get('total.premium')).to.match(/^[\d,]+\.\d\d$/);
  });

  it('the workbook: the printed tables in the document order, typed and formatted, the same figures', async function () {
    this.timeout(120_000);
    const el = await mount(new ProvinceStore(), { region: '330000' });
    const sheets = await readXlsx(toXlsx(el.sheets()), 'bulletin-province');
    expect(sheets.map((s) => s.name)).to.deep.equal([
      '主要存在问题',
      '附件1 各地区安责险投保情况表',
      '附件2 各保险机构承保情况表',
      '附件3 分行业投保情况表',
      '附件4 到期未续保名单',
      '附件5 未全员投保名单',
      '附件6 未按时上传名单',
      '附件7 应保未保名单',
      '附件8 预防费用不足名单',
    ]);
    for (const s of sheets) {
      expect(s.rows[0]!.length, `${s.name} has columns`).to.be.greaterThan(1);
      expect(s.frozen, s.name).to.equal('A2');
    }
    // by region: counts, shares and money typed and formatted; the 合计 row last
    const regions = sheets[1]!;
    const header = regions.rows[0]!.map((c) => c.value);
    const col = (label: string) => header.indexOf(label);
    expect(header).to.include.members(['地区', '应保企业', '其中已投保', '应保未保', '参保率', '保费（元）', '预防费用占比']);
    const hangzhou = regions.rows[1]!;
    expect(hangzhou[0]!.value).to.equal('杭州市');
    expect(hangzhou[col('应保企业')]).to.include({ type: 'n', format: '#,##0' });
    expect(hangzhou[col('参保率')]).to.include({ type: 'n', format: '0.0%' });
    expect(hangzhou[col('保费（元）')]).to.include({ type: 'n', format: '#,##0.00', value: 2772794.98 });
    const last = regions.rows.at(-1)!;
    expect(last[0]!.value).to.equal('合计');
    expect(last[col('其中已投保')]!.value).to.equal(PROVINCE_TOTAL.insuredMustInsure);
    expect(regions.rows.filter((r) => r[0]!.value === '合计').length).to.equal(1);
    // the same figures as the print: every cell of the printed table reads as the sheet's value in its format
    const { dom } = await printed(el);
    const printedRows = [...dom.querySelectorAll('.doc-attachment')[0]!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    const formats: CellFormat[] = ['text', 'integer', 'integer', 'integer', 'percent', 'integer', 'integer', 'integer', 'money', 'integer', 'integer', 'integer', 'percent'];
    expect(printedRows.length).to.equal(regions.rows.length - 1);
    regions.rows.slice(1).forEach((row, r) =>
      row.forEach((cell, c) => expect(cellText(cell.value as number | string | null, formats[c], 'zh-CN'), `row ${r + 1} column ${c + 1}`).to.equal(printedRows[r]![c])),
    );
    // lists: one fact per column, codes as words, days as dates
    const lapsed = sheets[4]!;
    const lh = lapsed.rows[0]!.map((c) => c.value);
    expect(lh).to.include.members(['企业名称', '统一社会信用代码', '地区', '区划代码', '保单号', '保险机构', '状态', '起保日期', '终保日期', '保费（元）']);
    const row = lapsed.rows[1]!;
    expect(row[lh.indexOf('状态')]!.value).to.equal('已到期');
    expect(row[lh.indexOf('区划代码')]).to.include({ type: 's', format: '@' });
    expect(row[lh.indexOf('终保日期')]).to.include({ date: true, value: '2025-12-31', format: 'yyyy-mm-dd' });
    expect(row[lh.indexOf('保费（元）')]).to.include({ format: '#,##0.00' });
    expect(lapsed.rows.length).to.equal(201);
    // no status left as a code anywhere
    const words = sheets.flatMap((s) => s.rows.flatMap((r) => r.map((c) => c.value)));
    for (const code of ['expired', 'active', 'hazardous_chemicals', 'construction']) expect(words, code).not.to.include(code);
  });

  it("a city's bulletin on the server: printed alone, its figures agree with its tables", async function () {
    this.timeout(180_000);
    const w = await world();
    const store = new PocketBaseStore({ url: w.url });
    await store.signIn(w.users.regulatorShaoxing.email, w.users.regulatorShaoxing.password);
    const el = await mount(store, {});
    const { html, dom } = await printed(el);
    expect(figureProblems(dom)).to.deep.equal([]);
    const pdf = await pdfOf(html, 'bulletin-city');
    expect(pageNumbers(pdf)).to.deep.equal(pdf.pages.map((_, i) => i + 1));
    const first = pdf.pages[0]!.text.replace(/\s/g, '');
    // the signed-in regulator's organization issues it
    expect(first).to.contain(`${store.party!.organizationName}文件`);
    expect(first).to.contain('各区、县（市）应急管理局，各有关保险机构：');
    const all = pdf.pages.map((p) => p.text).join('\n');
    for (const word of PORTAL_WORDS) expect(all).not.to.contain(word);
    const today = new Date(Date.now() + 8 * 3600e3);
    const date = `${today.getUTCFullYear()}年${today.getUTCMonth() + 1}月${today.getUTCDate()}日`;
    const sign = signaturePage(pdf, store.party!.organizationName!, date);
    expect(sign.issuerPage).to.be.greaterThan(0);
    expect(sign.datePage).to.equal(sign.issuerPage);
    expect(pageNumbers(pdf).length).to.be.within(4, 14);
  });
});
