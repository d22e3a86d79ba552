/**
 * The rectification notice (隐患整改告知书) printed from a portal page by the ledger's print():
 * to PDF in Chromium, read with poppler. A major hazard's notice is one A4 page that starts with
 * its title (no portal chrome above it), names the standard it is judged by in the words of the
 * hazard's definition, ends with the notifying unit's name, the date and room for the seal on
 * the same page, a receipt to sign and a page number. Without an open hazard, print() prints the
 * ledger of the filters on landscape pages.
 */
import { expect } from '@open-wc/testing';
import type { AzxHazardLedger } from '../../../components/hazard-ledger/index.js';
import { documentDate, chinaToday } from '../../../components/core/document/index.js';
import { hazardDefinition, hazardIn, ledgerStore, makeHazards, namedRegions } from './ledger-world.js';
import { mountLedger, openHazard } from './helpers.js';
import { PORTAL_WORDS, inPortal, mm, pageNumbers, pdfOf, printed } from '../setup/print.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function ledgerWithHazard(major: boolean): Promise<AzxHazardLedger> {
  const { row, events } = hazardIn('notified', { major });
  const el = await mountLedger(ledgerStore({ role: 'provider', rows: [row], events, definitions: [await hazardDefinition()] }));
  // the ledger inside a portal's page: header, tabs, grey background, a card
  const portal = inPortal(el.parentElement ?? el);
  cleanups.push(() => portal.remove());
  await openHazard(el, String((row['data'] as Record<string, unknown>)['hazard_no']));
  return el;
}

describe('<azx-hazard-ledger> prints the rectification notice alone', () => {
  for (const major of [true, false]) {
    it(`${major ? 'a major' : 'a general'} hazard: one page from its title to the seal, nothing of the portal`, async function () {
      this.timeout(120_000);
      const el = await ledgerWithHazard(major);
      const { html, frame } = await printed(el);
      expect(frame.querySelectorAll('azx-hazard-ledger, button, input, nav').length).to.equal(0);
      const pdf = await pdfOf(html, `notice-${major ? 'major' : 'general'}`);
      expect(pdf.pages.length, 'one page').to.equal(1);
      const page = pdf.pages[0]!;
      const flat = page.text.replace(/\s/g, '');
      for (const word of PORTAL_WORDS) expect(flat).not.to.contain(word);
      // the title is the first thing printed, inside the type area
      expect(page.lines[0]!.text.replace(/\s/g, '')).to.equal(major ? '重大事故隐患整改告知书' : '事故隐患整改告知书');
      expect(mm(page.lines[0]!.yMin)).to.be.within(30, 45);
      expect(flat).to.contain('绍兴越城化工有限公司（主要负责人）：');
      if (major) expect(flat).to.contain('《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准》第（十）项：静电接地失效');
      // the notifying unit, today's date and the seal's room, on the page
      const today = documentDate(chinaToday());
      const issuer = page.lines.find((l) => l.text.replace(/\s/g, '') === '绍兴平安安全技术服务有限公司' && l.xMin > page.width / 3)!;
      const date = page.lines.find((l) => l.text.replace(/\s/g, '') === today)!;
      expect(issuer, 'signature').to.exist;
      expect(date, 'date').to.exist;
      expect(date.yMin).to.be.greaterThan(issuer.yMin);
      const above = page.lines.filter((l) => l.yMin < issuer.yMin - 5);
      expect(mm(issuer.yMin - Math.max(...above.map((l) => l.yMin))), 'room for the seal').to.be.within(28, 34);
      // the date line is whole: no blanks broken over lines
      expect(flat).not.to.contain('____年');
      expect(flat).to.contain('签收人：');
      expect(flat).to.contain('本告知书一式两份');
      expect(pageNumbers(pdf)).to.deep.equal([1]);
    });
  }

  it('with no hazard open, the ledger of the filters on landscape pages, every page numbered', async function () {
    this.timeout(120_000);
    const rows = makeHazards(120);
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows, regions: namedRegions(rows) }));
    const portal = inPortal(el.parentElement ?? el);
    cleanups.push(() => portal.remove());
    const { html } = await printed(el);
    const pdf = await pdfOf(html, 'ledger');
    expect(pdf.pages.every((p) => p.width > p.height), 'landscape').to.equal(true);
    expect(pageNumbers(pdf)).to.deep.equal(pdf.pages.map((_, i) => i + 1));
    const all = pdf.pages.map((p) => p.text).join('\n');
    for (const word of PORTAL_WORDS) expect(all).not.to.contain(word);
    expect(all.replace(/\s/g, '')).to.contain('区330602');
    const top = [...pdf.pages[0]!.lines].sort((a, b) => a.yMin - b.yMin)[0]!;
    expect(top.text.replace(/\s/g, ''), 'the title first').to.equal('隐患台账');
    // no column so narrow that a name prints a character a line (是 and 否 are whole values)
    const alone = pdf.pages.flatMap((p) => p.lines.map((l) => l.text.trim())).filter((t) => /^[\u4e00-\u9fff]$/.test(t) && t !== '是' && t !== '否');
    expect(alone, 'a character alone on a line').to.deep.equal([]);
  });
});
