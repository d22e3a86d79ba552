// Export of the filtered ledger: CSV with a UTF-8 BOM (Excel reads Chinese), and an XLSX
// package Excel opens (a ZIP with the workbook parts, checked here by reading it back).
import { expect } from '@open-wc/testing';
import { ledgerCsv as toCsv } from '../../../components/hazard-ledger/index.js';
import { ledgerStore, makeHazards } from './ledger-world.js';
import { mountLedger, setControl } from './helpers.js';

const rows = makeHazards(1200);

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
    expect(lines[0]).to.equal('隐患编号,企业,行政区划,区划代码,行业,重大事故隐患,状态,逾期,发现时间,整改期限,部位/场所,隐患描述,整改建议,整改责任人');
    expect(lines.length - 1).to.equal(rows.filter((r) => r['is_major'] === true).length);
    expect(lines.slice(1).every((l) => l.split(',')[5] === '是')).to.equal(true);
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
});
