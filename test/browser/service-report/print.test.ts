/**
 * <azx-service-report> prints a stored service report alone (issue 22): 打印 on a row of the
 * services, and print() after a save, hand an isolated document to `azx-print` and never print
 * the host page; printed to PDF in Chromium and read with poppler, the report starts on page 1
 * with its title and number, names its choices in words, leaves out the ledger, the picker and
 * the form's controls, and ends with the provider's name, the day and room for the seal.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { AzxServiceReport } from '../../../components/service-report/index.js';
import { provideStore, type Store, type StoredRecord } from '../../../components/data/index.js';
import { chinaDay, documentDate } from '../../../components/core/document/index.js';
import { IDS, serviceStore } from './fixture.js';
import { $, deliveredService, serviceReportSchema, submitValue } from './helpers.js';
import { PORTAL_WORDS, inPortal, mm, pageNumbers, pdfOf, printed, printedBy } from '../setup/print.js';

const PROVIDER = '绍兴平安安全技术服务有限公司';
const flat = (s: string) => s.replace(/\s/g, '');

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** The element for the fixture's policy, under a host that provides its store, in a portal page's card. */
async function mountInPortal(store: Store): Promise<AzxServiceReport> {
  const host = document.createElement('div');
  provideStore(host, store);
  const portal = inPortal(host);
  cleanups.push(() => portal.remove());
  const el = document.createElement('azx-service-report');
  el.policy = IDS.policy;
  host.append(el);
  await waitUntil(() => el.shadowRoot?.querySelector('#reports'), 'the services show', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** The document a click on a row's 打印 hands to azx-print (taken, so no dialog opens). */
async function printRow(el: AzxServiceReport, report: string): Promise<Document> {
  return (await printedBy(el, () => $<HTMLButtonElement>(el, `tr[data-report="${report}"] [part~="print"]`)!.click())).frame;
}

describe('<azx-service-report> prints a service report alone', () => {
  it('打印 on a row: an enterprise, which records nothing, prints the delivered service as a document', async () => {
    const el = await mountInPortal(serviceStore({ schema: await serviceReportSchema(), role: 'enterprise' }));
    const button = $<HTMLButtonElement>(el, `tr[data-report="${IDS.delivered}"] [part~="print"]`)!;
    expect(button.getAttribute('aria-label')).to.equal('打印服务记录 SR-DEMO-0001');
    const doc = await printRow(el, IDS.delivered);
    expect(doc.querySelector('.azx-doc h1')!.textContent!.trim()).to.equal('事故预防技术服务记录');
    const text = flat(doc.body.textContent!);
    expect(text).to.contain('服务记录编号：SR-DEMO-0001');
    // choices by their titles, not their codes
    expect(text).to.contain('安全生产宣传教育培训');
    expect(text).not.to.match(/\b0[1-9]\b/);
    // none of the element: the ledger, the picker, the table, the controls
    for (const word of ['事故预防服务费用台账', '本保单的服务记录', '请选择保单', '证据材料（现场照片、签到表）']) expect(text, word).not.to.contain(word);
    expect(doc.querySelectorAll('azx-service-report, azx-form, input, select, button, meter').length).to.equal(0);
    expect(flat(doc.querySelector('.doc-signature')?.textContent ?? '')).to.contain(PROVIDER);
  });

  it('print() has nothing to print before a report is stored', async () => {
    const el = await mountInPortal(serviceStore({ schema: await serviceReportSchema() }));
    expect(await el.print()).to.equal(false);
  });

  it('to PDF after a save: from its title to the seal, the provider and the day it was stored on the last page', async function () {
    this.timeout(120_000);
    const el = await mountInPortal(serviceStore({ schema: await serviceReportSchema() }));
    let record: StoredRecord | undefined;
    el.addEventListener('azx-saved', (e) => (record = (e as CustomEvent<{ record: StoredRecord }>).detail.record));
    await submitValue(el, deliveredService);
    await waitUntil(() => record, 'saved', { timeout: 5000 });
    const { html } = await printed(el);
    const pdf = await pdfOf(html, 'service-report');
    expect(pdf.pages.length, 'pages').to.be.within(1, 3);
    expect(pageNumbers(pdf)).to.deep.equal(pdf.pages.map((_, i) => i + 1));
    const all = flat(pdf.pages.map((p) => p.text).join('\n'));
    for (const word of [...PORTAL_WORDS, '提交服务记录', '事故预防服务费用台账', '暂无数据']) expect(all, word).not.to.contain(word);
    const first = [...pdf.pages[0]!.lines].sort((a, b) => a.yMin - b.yMin)[0]!;
    expect(flat(first.text)).to.equal('事故预防技术服务记录');
    // the number is the server's: the MemoryStore gives none, and no empty number line prints
    expect(all).not.to.contain('服务记录编号');
    expect(all).not.to.contain('undefined');
    expect(all).to.contain('二号车间');
    expect(all).to.contain('600.00');
    const last = pdf.pages.at(-1)!;
    const issuer = last.lines.find((l) => flat(l.text) === PROVIDER);
    const date = last.lines.find((l) => flat(l.text) === documentDate(chinaDay(record!.created)));
    expect(Boolean(issuer), 'signature').to.equal(true);
    expect(Boolean(date), 'date').to.equal(true);
    expect(date!.yMin).to.be.greaterThan(issuer!.yMin);
    const above = last.lines.filter((l) => l.yMin < issuer!.yMin - 5);
    if (above.length) expect(mm(issuer!.yMin - Math.max(...above.map((l) => l.yMin))), 'room for the seal').to.be.within(20, 40);
  });
});
