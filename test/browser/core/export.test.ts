/** The shared table exports: CSV that spreadsheets read safely, XLSX that is a valid ZIP. */
import { expect } from '@open-wc/testing';
import { toCsv, toXlsx } from '../../../components/core/export/index.js';

describe('table export', () => {
  it('CSV: BOM, quoting, formulas kept as text, numbers (negative too) as numbers', () => {
    const csv = toCsv([['单位', '金额'], ['=HYPERLINK("x")', -3], ['a,b', '-2.5'], ['@SUM(A1)', '+86']]);
    expect(csv).to.equal('\ufeff单位,金额\r\n"\'=HYPERLINK(""x"")",-3\r\n"a,b",-2.5\r\n\'@SUM(A1),\'+86\r\n');
  });

  it('XLSX: a ZIP holding one worksheet per table, with the cells', () => {
    const bytes = toXlsx([{ name: '按地区', rows: [['地区', '保单'], ['绍兴', 12]] }, { name: 'by/insurer?', rows: [['x']] }]);
    // local file header signature, and the central directory's end
    expect([...bytes.slice(0, 4)]).to.deep.equal([0x50, 0x4b, 0x03, 0x04]);
    const text = new TextDecoder().decode(bytes);
    expect(text).to.contain('<sheet name="按地区"');
    expect(text).to.contain('<sheet name="by insurer"'); // characters Excel forbids in sheet names are gone
    expect(text).to.contain('<c r="B2"><v>12</v></c>');
    expect(text).to.contain('<t xml:space="preserve">绍兴</t>');
  });
});
