// Export of the filtered ledger: CSV with a UTF-8 BOM (Excel reads Chinese), and an XLSX
// package Excel opens (a ZIP with the workbook parts, checked here by reading it back, and read
// again by openpyxl for its cell types and number formats).
import { expect } from '@open-wc/testing';
import { ledgerCsv as toCsv } from '../../../components/hazard-ledger/index.js';
import { ledgerStore, makeHazards, namedRegions } from './ledger-world.js';
import { mountLedger, setControl } from './helpers.js';
import { readXlsx } from '../setup/print.js';

const rows = makeHazards(1200);
const HEADER = ['隐患编号', '企业名称', '统一社会信用代码', '行政区划', '区划代码', '行业', '重大事故隐患', '状态', '逾期', '发现日期', '整改期限', '部位/场所', '隐患描述', '整改建议', '整改责任人'];

/** The entries of a stored (uncompressed) ZIP, by name; also checks each CRC. */
async function unzip(blob: Blob): Promise<Map<string, string>> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const view = new DataView(bytes.buffer);
  const out = new Map<string, string>();
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    expect(view.getUint16(at + 8, true), 'stored').to.equal(0);
    const size = view.getUint32(at + 18, true);
    const nameLen = view.getUint16(at + 26, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLen));
    const data = bytes.subarray(at + 30 + nameLen, at + 30 + nameLen + size);
    out.set(name, new TextDecoder().decode(data));
    at += 30 + nameLen + size;
  }
  expect(view.getUint32(at, true), 'central directory follows').to.equal(0x02014b50);
  return out;
}

describe('<azx-hazard-ledger> export', () => {
  it('CSV of the filtered rows: BOM, Chinese header, one line per hazard', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows }));
    await setControl(el, 'grade', 'major');
    const blob = await el.exportRows('csv');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).to.equal(HEADER.join(','));
    expect(lines.length - 1).to.equal(rows.filter((r) => r['is_major'] === true).length);
    expect(lines.slice(1).every((l) => l.split(',')[6] === '是')).to.equal(true);
    // days as days, not instants
    expect(lines.slice(1).every((l) => /^\d{4}-\d{2}-\d{2}$/.test(l.split(',')[9]!))).to.equal(true);
  });

  it('CSV quotes commas and quotes, and defuses formulas', async () => {
    const text = await toCsv([['a,b', '说"明"', '=HYPERLINK("x")', 3]]).text();
    expect(text.replace(/^\uFEFF/, '')).to.equal('"a,b","说""明""","\'=HYPERLINK(""x"")",3\r\n');
  });

  it('XLSX: a workbook whose sheet holds the same rows (all pages, not just the visible ones)', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows }));
    const parts = await unzip(await el.exportRows('xlsx'));
    expect([...parts.keys()]).to.include.members(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml']);
    const sheet = parts.get('xl/worksheets/sheet1.xml')!;
    const doc = new DOMParser().parseFromString(sheet, 'application/xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.getElementsByTagName('row').length).to.equal(rows.length + 1);
    expect(sheet).to.contain('<t xml:space="preserve">隐患编号</t>');
    expect(sheet).to.contain('HZ-2026-001200');
    expect(parts.get('xl/workbook.xml')).to.contain('name="隐患台账"');
  });

  it('XLSX read back: days are dates, one fact per column, regions and statuses as words, a bold frozen header', async function () {
    this.timeout(60_000);
    const some = rows.slice(0, 40);
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows: some, regions: namedRegions(some) }));
    const blob = await el.exportRows('xlsx');
    const [sheet, ...others] = await readXlsx(new Uint8Array(await blob.arrayBuffer()), 'hazard-ledger');
    expect(others).to.have.length(0);
    expect(sheet!.name).to.equal('隐患台账');
    expect(sheet!.frozen).to.equal('A2');
    const [head, ...body] = sheet!.rows;
    expect(head!.map((c) => c.value)).to.deep.equal(HEADER);
    expect(head!.every((c) => c.bold)).to.equal(true);
    expect(body).to.have.length(some.length);
    const col = (label: string) => HEADER.indexOf(label);
    for (const row of body) {
      for (const label of ['发现日期', '整改期限']) {
        const c = row[col(label)]!;
        expect(c.date, `${label} is a date`).to.equal(true);
        expect(c.type, 'openpyxl reads a dated number as a date').to.equal('d');
        expect(c.format).to.equal('yyyy-mm-dd');
        expect(String(c.value)).to.match(/^20\d\d-\d\d-\d\d$/);
      }
      // the enterprise's name and its credit code apart
      expect(String(row[col('企业名称')]!.value)).not.to.match(/[0-9A-Z]{18}/);
      expect(String(row[col('统一社会信用代码')]!.value)).to.match(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
      // a code stays text (its leading zeros, its digits), its name beside it
      expect(row[col('区划代码')]!.type).to.equal('s');
      expect(row[col('行政区划')]!.value).to.equal(`区${String(row[col('区划代码')]!.value)}`);
      expect(['已发现', '已书面告知', '已整改待复查', '复查未通过', '已复查销号', '已上报监管']).to.include(row[col('状态')]!.value);
    }
    // the same days as the records (China's days)
    const first = some.find((r) => (r['data'] as Record<string, unknown>)['hazard_no'] === body[0]![0]!.value)!;
    expect(body[0]![col('整改期限')]!.value).to.equal(String(first['deadline']).slice(0, 10));
  });
});
