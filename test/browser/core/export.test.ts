/** The shared table exports: CSV that spreadsheets read safely, XLSX that is a valid ZIP. */
import { expect } from '@open-wc/testing';
import { excelDay, tableSheet, toCsv, toXlsx, type Table } from '../../../components/core/export/index.js';
import { readXlsx } from '../setup/print.js';

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
    expect(text).to.contain('<c r="B2" s="0"><v>12</v></c>');
    expect(text).to.contain('<t xml:space="preserve">绍兴</t>');
  });

  it('XLSX read back by openpyxl: numbers with their formats, days as dates, codes as text, a bold frozen header, the 合计 last', async () => {
    const table: Table = {
      title: '分地区情况',
      columns: [
        { label: '地区' },
        { label: '区划代码' },
        { label: '应投保企业', format: 'integer' },
        { label: '投保率', format: 'percent' },
        { label: '保费（元）', format: 'money' },
        { label: '系数', format: 'decimal' },
        { label: '统计日期', format: 'date' },
      ],
      rows: [
        ['上城区', '330102', 1234, 0.8413, 2772794.979999999, 1.15, '2026-03-02'],
        ['西湖区', '330106', 18, null, 0, 0.9, '2026-03-01T16:30:00Z'],
      ],
      total: ['合计', '', 1252, 0.8, 2772794.98, null, ''],
      note: '注：保费按有效保单统计。',
    };
    const [sheet] = await readXlsx(toXlsx([tableSheet(table)]), 'core-export');
    expect(sheet!.name).to.equal('分地区情况');
    expect(sheet!.frozen).to.equal('A2');
    const [header, first, second, total] = sheet!.rows;
    expect(header!.every((c) => c.bold && c.type === 's')).to.equal(true);
    expect(header!.map((c) => c.value)).to.deep.equal(['地区', '区划代码', '应投保企业', '投保率', '保费（元）', '系数', '统计日期']);
    // a code is text, never a number that loses its leading digits
    expect(first![1]).to.include({ type: 's', value: '330102', format: '@' });
    expect(first![2]).to.include({ type: 'n', value: 1234, format: '#,##0' });
    expect(first![3]).to.include({ type: 'n', value: 0.8413, format: '0.0%' });
    // money to the fen, as printed, not the float noise of a sum
    expect(first![4]).to.include({ type: 'n', format: '#,##0.00', value: 2772794.98 });
    expect(first![5]).to.include({ type: 'n', value: 1.15, format: '0.00' });
    expect(first![6]).to.include({ date: true, value: '2026-03-02', format: 'yyyy-mm-dd' });
    // an instant is the China day it falls on
    expect(second![6]).to.include({ date: true, value: '2026-03-02' });
    // nothing to show stays empty
    expect(second![3]!.value).to.equal(null);
    expect(total![0]!.value).to.equal('合计');
    expect(total![2]).to.include({ type: 'n', value: 1252 });
    expect(sheet!.rows.at(-1)![0]!.value).to.equal('注：保费按有效保单统计。');
    // columns as wide as what they hold
    expect(sheet!.widths['A']).to.be.at.least(8);
    expect(sheet!.widths['E']).to.be.at.least(14);
  });

  it('XLSX days: real calendar days only', () => {
    expect(excelDay('1970-01-01')).to.equal(25569);
    expect(excelDay('2026-03-02')).to.equal(46083);
    expect(excelDay('2026-02-30')).to.equal(undefined);
    expect(excelDay('三月二日')).to.equal(undefined);
  });
});
