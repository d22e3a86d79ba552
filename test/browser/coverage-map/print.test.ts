/**
 * <azx-coverage-map> prints its figures alone (issue 22): from a portal page, 打印 and print()
 * hand an isolated document to `azx-print` and never print the host page; printed to PDF in
 * Chromium and read with poppler, it is one or two landscape pages numbered "— 1 —", titled by the
 * region, with every city's figures as the screen's table shows them, the 合计 row once after the
 * last city, none of the portal, the map's controls or the legend, and the regulator's name with
 * the day and room for the seal on one page.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../components/coverage-map/index.js';
import type { AzxCoverageMap } from '../../../components/coverage-map/index.js';
import { provideStore, type Party } from '../../../components/data/index.js';
import { documentDate } from '../../../components/core/document/index.js';
import { PORTAL_WORDS, inPortal, mm, pageNumbers, pdfOf, printed, printedBy } from '../setup/print.js';
import { CITIES, FixtureRegulatorStore } from './fixture.js';

const REGULATOR = '浙江省应急管理厅';

/** The fixture's figures, seen by a provincial regulator of Zhejiang. */
class SignedInStore extends FixtureRegulatorStore {
  override get party(): Party {
    return { userId: 'u1', email: 'regulator@memory.test', name: '王监管', role: 'regulator', organizationId: 'o1', organizationName: REGULATOR, scopeLevel: 'province', regionScope: '330000' };
  }
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function mount(set: Partial<AzxCoverageMap> = {}): Promise<AzxCoverageMap> {
  const host = document.createElement('div');
  provideStore(host, new SignedInStore());
  const el = document.createElement('azx-coverage-map');
  Object.assign(el, set);
  host.append(el);
  const portal = inPortal(host);
  cleanups.push(() => portal.remove());
  await waitUntil(() => el.figures, 'figures loaded', { timeout: 10000 });
  await el.updateComplete;
  return el;
}

const flat = (s: string) => s.replace(/\s/g, '');

describe('<azx-coverage-map> prints its figures alone', () => {
  it('打印 in the toolbar hands the figures as a document to azx-print, not the page', async () => {
    const el = await mount();
    const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')].find((b) => b.textContent?.trim() === '打印');
    expect(Boolean(button), '打印 in the toolbar').to.equal(true);
    const { frame: doc } = await printedBy(el, () => button!.click());
    expect(doc.querySelector('.azx-doc h1')!.textContent!.trim()).to.equal('浙江省安全生产责任保险参保情况');
    expect(doc.querySelectorAll('azx-coverage-map, button, select, input, svg, [part="legend"]').length).to.equal(0);
    // one row per city and the 合计 row once, last
    const rows = [...doc.querySelectorAll('tbody tr, tr.total')];
    expect(rows.length).to.equal(CITIES.length + 1);
    expect(rows.at(-1)!.classList.contains('total')).to.equal(true);
  });

  it('does not print before its figures are loaded', async () => {
    const el = document.createElement('azx-coverage-map');
    document.body.append(el);
    cleanups.push(() => el.remove());
    expect(await el.print()).to.equal(false);
  });

  it('to PDF: landscape pages numbered, the figures as on screen, 合计 once at the end, signed and dated with room for the seal', async function () {
    this.timeout(120_000);
    const el = await mount({ view: 'table' });
    const screenCells = (code: string) => {
      const row = [...el.shadowRoot!.querySelectorAll('[part="table"] tbody tr')].find((tr) => tr.querySelector('th')!.textContent!.includes(CITIES.find((c) => c.code === code)!.name))!;
      return [...row.querySelectorAll('td')].map((td) => td.textContent!.trim());
    };
    const { html, dom } = await printed(el);
    const pdf = await pdfOf(html, 'coverage-map');
    expect(pdf.pages.length, 'pages').to.be.within(1, 2);
    for (const p of pdf.pages) expect(p.width, 'landscape').to.be.greaterThan(p.height);
    expect(pageNumbers(pdf)).to.deep.equal(pdf.pages.map((_, i) => i + 1));
    const all = flat(pdf.pages.map((p) => p.text).join('\n'));
    for (const word of [...PORTAL_WORDS, '导出CSV', '地图', '图例', '无数据']) expect(all, word).not.to.contain(word);
    const first = [...pdf.pages[0]!.lines].sort((a, b) => a.yMin - b.yMin)[0]!;
    expect(flat(first.text)).to.equal('浙江省安全生产责任保险参保情况');
    expect(all).to.contain(`截至${documentDate('2026-11-01')}，浙江省各市安全生产责任保险参保及事故预防情况见下表。`);
    // a city's printed figures are the screen's (the DOM the PDF was made from; money and rates alike)
    const hangzhou = CITIES[0]!;
    const printedRow = [...dom.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes(hangzhou.name))!;
    expect([...printedRow.querySelectorAll('td')].map((td) => td.textContent!.trim())).to.deep.equal(screenCells(hangzhou.code));
    // no region name cut into single characters; 合计 printed once, after the last city
    const single = pdf.pages.flatMap((p) => p.lines.filter((l) => /^[\u4e00-\u9fff]$/.test(l.text.trim())).map((l) => l.text));
    expect(single, 'characters alone on a line').to.deep.equal([]);
    const totals = pdf.pages.flatMap((p, i) => p.lines.filter((l) => /^合\s*计/.test(l.text)).map((l) => ({ page: i, y: l.yMin })));
    expect(totals.length, '合计 rows').to.equal(1);
    const last = CITIES.at(-1)!.name;
    const lastCity = pdf.pages.flatMap((p, i) => p.lines.filter((l) => flat(l.text).startsWith(last)).map((l) => ({ page: i, y: l.yMin })))[0]!;
    expect(totals[0]!.page * 10000 + totals[0]!.y).to.be.greaterThan(lastCity.page * 10000 + lastCity.y);
    // the regulator, the day and the seal's room on one page
    const signed = pdf.pages.findIndex((p) => p.lines.some((l) => flat(l.text) === REGULATOR));
    expect(signed, 'signature').to.be.at.least(0);
    const page = pdf.pages[signed]!;
    const issuer = page.lines.find((l) => flat(l.text) === REGULATOR)!;
    const date = page.lines.find((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(flat(l.text)));
    expect(date, 'the date on the signature page').to.not.equal(undefined);
    expect(date!.yMin).to.be.greaterThan(issuer.yMin);
    const above = page.lines.filter((l) => l.yMin < issuer.yMin - 5);
    if (above.length) expect(mm(issuer.yMin - Math.max(...above.map((l) => l.yMin))), 'room for the seal').to.be.within(20, 40);
  });

  it('prints in English when the element speaks English', async () => {
    const el = await mount({ lang: 'en' });
    const { dom } = await printed(el);
    expect(dom.querySelector('.azx-doc h1')!.textContent!.trim()).to.equal('Work-safety liability insurance coverage in 浙江省');
    expect(dom.documentElement.lang).to.equal('en');
    const head = [...dom.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(head.slice(0, 2)).to.deep.equal(['Region', 'Coverage rate']);
  });
});
