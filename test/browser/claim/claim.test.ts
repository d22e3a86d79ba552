/**
 * <azx-claim> on the MemoryStore: what the server decided shows as it is, the overdue stage
 * marked, what was paid against the limits, the timeline in zh and en; a closed claim offers
 * no step.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/claim/index.js';
import type { AzxClaim } from '../../../components/claim/index.js';
import { provideStore, type Role } from '../../../components/data/index.js';
import { IDS, claimStore } from './fixture.js';
import { $, $$, text } from './helpers.js';

let schema: Promise<Record<string, unknown>> | undefined;
const claimSchema = () =>
  (schema ??= fetch('/schemas/definitions/claim.json')
    .then((r) => r.json())
    .then((doc: { schema: Record<string, unknown> }) => doc.schema));

async function offline(role: Role, claim: string, lang = 'zh-CN'): Promise<AzxClaim> {
  const store = claimStore({ schema: await claimSchema(), role, lang: lang === 'en' ? 'en' : 'zh' });
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  provideStore(host, store);
  const el = document.createElement('azx-claim');
  el.lang = lang;
  el.policy = IDS.policy;
  el.claim = claim;
  host.append(el);
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="timeline"]'), 'the claim shows', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

describe('<azx-claim> offline', () => {
  it('marks a stage past its deadline as overdue, and shows what was paid against the limits', async () => {
    const el = await offline('insurer', IDS.open);
    const due = $(el, '[data-figure="stage-due"]')!;
    expect(due.dataset['overdue']).to.equal('true');
    expect(text(el, '[data-figure="stage-due"]')).to.equal('2026年4月1日 · 已逾期');
    expect(text(el, '[data-figure="paid"]')).to.equal('100,000.00 元 (其中预赔付 100,000.00 元)');
    expect(text(el, '[data-figure="per-person"]')).to.equal('500,000.00 元');
    expect(text(el, '[data-figure="aggregate"]')).to.equal('25,000,000.00 元');
    expect($$(el, '[part="timeline"] li').map((li) => (li as HTMLElement).dataset['step'])).to.deep.equal(['reported', 'survey', 'advance_payment']);
    const actions = [...$<HTMLSelectElement>(el, '#action')!.options].map((o) => o.value);
    expect(actions).to.deep.equal(['advance_payment', 'settle'], 'what the vocabulary lets an insurer do after an advance payment');
  });

  it('speaks English, and a settled claim has no deadline and no step', async () => {
    const el = await offline('insurer', IDS.settled, 'en');
    expect(text(el, '[data-figure="status"]')).to.equal('Settled');
    expect($(el, '[data-figure="stage-due"]') === null).to.equal(true);
    expect($(el, '.step') === null).to.equal(true);
    expect(text(el, '[part="timeline"] li[data-step="settle"]')).to.contain('paid CNY 8,000.00');
  });

  it('the enterprise reads its claim and records no step; with no claim chosen it may report', async () => {
    const el = await offline('enterprise', IDS.open);
    expect($(el, '.step') === null).to.equal(true);
    el.claim = '';
    await waitUntil(() => $(el, 'azx-form'), 'the report form shows', { timeout: 5000 });
    expect($<HTMLSelectElement>(el, '#claim')!.options[0]!.textContent!.trim()).to.equal('报案');
  });
});
