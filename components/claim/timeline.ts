// A claim's figures (status, the stage's deadline, what was paid against the limits) and its
// timeline from the claim events: pure templates of a claim, its policy and its events.
import { html, nothing } from 'lit';
import { chinaDay, formatCount, formatDate, formatDateTime, formatMoney } from '../core/format.js';
import type { Locale } from '../core/locale.js';
import { CLAIM_ACTION, CLAIM_STATUS, codesWith, termLabel, type StoredEvent, type StoredRecord } from '../data/index.js';
import type { ClaimRecord } from '../../schemas/types/claim.js';
import { t } from './text.js';

const OPEN: readonly string[] = codesWith(CLAIM_STATUS, 'open');

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Whether the claim's stage is past the server's deadline (a closed claim never is). */
export function isOverdue(claim: StoredRecord<ClaimRecord>, today = chinaDay()): boolean {
  const due = String(claim.columns['stage_due'] ?? '');
  return OPEN.includes(String(claim.columns['status'] ?? '')) && due !== '' && due < today;
}

export function renderFigures(claim: StoredRecord<ClaimRecord>, policy: StoredRecord | null, locale: Locale) {
  const c = claim.columns;
  const status = String(c['status'] ?? '');
  const due = String(c['stage_due'] ?? '');
  const overdue = isOverdue(claim);
  const perPerson = num(policy?.columns['cover_per_person']);
  const aggregate = perPerson * num(policy?.columns['insured_persons']);
  return html`<dl class="figures" part="figures">
    <div><dt>${t(locale, 'status')}</dt><dd data-figure="status" data-status=${status}>${termLabel(CLAIM_STATUS, status, locale)}</dd></div>
    ${due
      ? html`<div>
          <dt>${t(locale, 'stageDue')}</dt>
          <dd data-figure="stage-due" class=${overdue ? 'overdue' : ''} data-overdue=${overdue ? 'true' : 'false'}>
            ${formatDate(due, locale)}${overdue ? html` · <strong part="overdue">${t(locale, 'overdue')}</strong>` : nothing}
          </dd>
        </div>`
      : nothing}
    <div>
      <dt>${c['serious'] ? t(locale, 'serious') : t(locale, 'notSerious')}</dt>
      <dd data-figure="casualties">${t(locale, 'casualties', { d: formatCount(num(c['deaths']), locale), i: formatCount(num(c['injuries']), locale) })}</dd>
    </div>
    <div>
      <dt>${t(locale, 'paid')}</dt>
      <dd data-figure="paid">${formatMoney(num(c['paid']), locale)}${num(c['advance_paid'])
          ? html` <span class="help">(${t(locale, 'advancePaid')} ${formatMoney(num(c['advance_paid']), locale)})</span>`
          : nothing}</dd>
    </div>
    ${perPerson
      ? html`<div><dt>${t(locale, 'perPerson')}</dt><dd data-figure="per-person">${formatMoney(perPerson, locale)}</dd></div>
          <div><dt>${t(locale, 'aggregate')}</dt><dd data-figure="aggregate">${formatMoney(aggregate, locale)}</dd></div>`
      : nothing}
  </dl>`;
}

/** 报案, then each event in order: its action, when, what it paid, its documents and note. */
export function renderTimeline(claim: StoredRecord<ClaimRecord>, events: readonly StoredEvent[], locale: Locale) {
  return html`<ol class="timeline" part="timeline" aria-label=${t(locale, 'timeline')}>
    <li data-step="reported">
      <strong>${t(locale, 'stageReported')}</strong> <span class="when">${formatDateTime(claim.created, locale)}</span>
    </li>
    ${events.map((e) => {
      const f = e.fields;
      const action = String(f['action'] ?? '');
      const amount = num(f['amount']);
      const documents = Array.isArray(f['documents']) ? f['documents'].length : 0;
      const note = String(f['note'] ?? '');
      return html`<li data-step=${action}>
        <strong>${termLabel(CLAIM_ACTION, action, locale)}</strong>
        <span class="when">${formatDateTime(e.created, locale)}</span>
        → ${termLabel(CLAIM_STATUS, String(f['to_status'] ?? ''), locale)}
        ${amount ? html` · <span data-amount>${t(locale, 'amount', { x: formatMoney(amount, locale) })}</span>` : nothing}
        ${documents ? html` · ${t(locale, 'documents', { n: documents })}` : nothing}
        ${note ? html`<div class="help">${note}</div>` : nothing}
      </li>`;
    })}
  </ol>`;
}
