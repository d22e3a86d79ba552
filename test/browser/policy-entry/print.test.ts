/**
 * 打印 for a stored policy, on the real AZX backend: insurer A submits a policy for E1 inside a
 * portal page; its print() prints the record alone, to PDF in Chromium, read with poppler. The
 * record starts on page 1 with its title (no search, form or portal above it), names the region
 * and the choices in words, writes every amount to the fen, prints no internal definition key,
 * no empty list, and ends with the insurer's name, the day and room for the seal on one page.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { PocketBaseStore, type StoredRecord } from '../../../components/data/index.js';
import type { AzxPolicyEntry } from '../../../components/policy-entry/index.js';
import { chinaDay, documentDate } from '../../../components/core/document/index.js';
import { unique } from '../setup/unique.js';
import { world } from '../setup/world.js';
import { find, mount, root, submit, type } from './helpers.js';
import { PORTAL_WORDS, inPortal, mm, pageNumbers, pdfOf, printed } from '../setup/print.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function submitted(): Promise<{ el: AzxPolicyEntry; record: StoredRecord; insurer: string }> {
  const w = await world();
  const store = new PocketBaseStore({ url: w.url });
  await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
  const el = await mount(store);
  // the element itself into the portal's card (the fixture's wrapper stays for its own cleanup)
  const portal = inPortal(el);
  cleanups.push(() => portal.remove());
  await find(el, w.uscc['E1']!);
  await type(el, '/policy_no', `AZX-PR-${unique()}`.toUpperCase().slice(0, 40));
  let record: StoredRecord | undefined;
  el.addEventListener('azx-policy-saved', (e) => (record = (e as CustomEvent<{ record: StoredRecord }>).detail.record));
  await submit(el);
  await waitUntil(() => record, 'the server stored the policy', { timeout: 10000 });
  await el.updateComplete;
  return { el, record: record!, insurer: w.organizations['insurerA']!.name };
}

describe('<azx-policy-entry> prints a stored policy alone', () => {
  it('打印 after the submit opens the policy as a document, not the page', async function () {
    this.timeout(60_000);
    const { el, record } = await submitted();
    const button = root(el).querySelector<HTMLButtonElement>('[part="status"] [part~="print"]')!;
    expect(button.getAttribute('aria-label')).to.equal(`打印保单 ${String(record.data['policy_no'])}`);
    let detail: { document: Document } | undefined;
    const take = (e: Event) => {
      detail = (e as CustomEvent<{ document: Document }>).detail;
      e.preventDefault();
    };
    el.addEventListener('azx-print', take);
    const topPrint = window.print;
    let top = false;
    window.print = () => (top = true);
    try {
      button.click();
      await waitUntil(() => detail, 'azx-print', { timeout: 10000 });
    } finally {
      window.print = topPrint;
      el.removeEventListener('azx-print', take);
    }
    expect(top, 'the host page printed').to.equal(false);
    expect(detail!.document.querySelector('.azx-doc h1')!.textContent).to.equal('安全生产责任保险保单');
    expect(detail!.document.querySelectorAll('azx-policy-entry, azx-form, input, button').length).to.equal(0);
  });

  it('to PDF: from its title to the seal, words not codes, money to the fen, no empty list', async function () {
    this.timeout(120_000);
    const { el, record, insurer } = await submitted();
    const { html } = await printed(el);
    const pdf = await pdfOf(html, 'policy-record');
    expect(pdf.pages.length, 'pages').to.be.within(1, 3);
    expect(pageNumbers(pdf)).to.deep.equal(pdf.pages.map((_, i) => i + 1));
    const all = pdf.pages.map((p) => p.text).join('\n');
    const flat = all.replace(/\s/g, '');
    for (const word of PORTAL_WORDS) expect(flat).not.to.contain(word);
    for (const word of ['查找投保单位', '提交保单', '保费计算', '表单定义', '版本', '暂无数据', '附加限制条件']) expect(flat, word).not.to.contain(word);
    const first = [...pdf.pages[0]!.lines].sort((a, b) => a.yMin - b.yMin)[0]!;
    expect(first.text.replace(/\s/g, '')).to.equal('安全生产责任保险保单');
    expect(flat).to.contain(`保单号：${String(record.data['policy_no'])}`);
    // the region by name, not its code; the period as days
    expect(flat).to.contain('越城区');
    expect(flat).not.to.match(/所在行政区划330602/);
    const period = record.data['period'] as { start: string; end: string };
    expect(flat).to.contain(`${documentDate(period.start)}至${documentDate(period.end)}`);
    // every amount to the fen, in one format
    expect(flat).to.contain('16,000.00');
    const amounts = [...flat.matchAll(/（元）([\d,.]+)/g)].map((m) => m[1]!);
    expect(amounts.length).to.be.greaterThan(3);
    for (const a of amounts) expect(a, a).to.match(/^\d{1,3}(,\d{3})*\.\d{2}$/);
    // the insurer, the day it was stored and the seal's room, on the last page
    const last = pdf.pages.at(-1)!;
    const issuer = last.lines.find((l) => l.text.replace(/\s/g, '') === insurer);
    const date = last.lines.find((l) => l.text.replace(/\s/g, '') === documentDate(chinaDay(record.created)));
    expect(issuer, 'signature').to.exist;
    expect(date, 'date').to.exist;
    expect(date!.yMin).to.be.greaterThan(issuer!.yMin);
    const above = last.lines.filter((l) => l.yMin < issuer!.yMin - 5);
    if (above.length) expect(mm(issuer!.yMin - Math.max(...above.map((l) => l.yMin))), 'room for the seal').to.be.within(28, 34);
  });
});
