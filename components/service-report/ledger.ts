// The prevention fee ledger panel: spent against budget, planned apart, and the agreed service
// plan against what was delivered. A pure template of a ServiceLedger.
import { html, nothing } from 'lit';
import { isEnglish, type Locale } from '../core/locale.js';
import { RISK_GRADE, termLabel, type ServiceDelivery, type ServiceLedger } from '../data/index.js';
import { t } from './text.js';

export function yuan(x: number, locale: Locale): string {
  return x.toLocaleString(isEnglish(locale) ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function renderLedger(l: ServiceLedger, locale: Locale, typeTitle: (code: string) => string) {
  const delivered = l.services.delivered + l.services.confirmed;
  return html`<section class="ledger" part="ledger" aria-labelledby="ledger-title">
    <h2 id="ledger-title" part="ledger-title">${t(locale, 'ledger')} · ${l.policyNo}</h2>
    <dl part="ledger-figures">
      <div><dt>${t(locale, 'budget')}</dt><dd data-figure="budget">${yuan(l.budget, locale)}</dd></div>
      <div><dt>${t(locale, 'spent')}</dt><dd data-figure="spent">${yuan(l.spent, locale)}</dd></div>
      <div><dt>${t(locale, 'remaining')}</dt><dd data-figure="remaining" class=${l.overBudget ? 'over' : ''}>${yuan(l.remaining, locale)}</dd></div>
      <div><dt>${t(locale, 'planned')}</dt><dd data-figure="planned">${yuan(l.planned, locale)}</dd></div>
    </dl>
    <meter
      part="meter"
      min="0"
      max=${Math.max(l.budget, l.spent, 0.01)}
      low=${l.budget * 0.8}
      high=${l.budget}
      optimum="0"
      .value=${l.spent}
      aria-label=${`${t(locale, 'spent')} ${yuan(l.spent, locale)} / ${t(locale, 'budget')} ${yuan(l.budget, locale)}`}
    ></meter>
    ${l.overBudget
      ? html`<p class="warning" part="over-budget" role="alert">${t(locale, 'overBudget', { x: yuan(l.spent - l.budget, locale) })}</p>`
      : nothing}
    ${l.overBudgetReasons.length
      ? html`<ul class="facts" part="over-budget-reasons" aria-label=${t(locale, 'overBudgetReasons')}>
          ${l.overBudgetReasons.map((x) => html`<li data-report=${x.report}>${t(locale, 'overBudgetReason', { no: x.reportNo, x: yuan(x.cost, locale), reason: x.reason })}</li>`)}
        </ul>`
      : nothing}
    <p class="facts" part="ledger-facts">
      ${l.premium > 0 ? html`<span>${t(locale, 'share', { x: (l.shareOfPremium * 100).toFixed(1) })}</span>` : nothing}
      <span data-figure="delivered">${t(locale, 'services', { n: delivered })}</span>
      ${l.frequency > 0 ? html`<span>${t(locale, 'frequency', { n: l.frequency })}</span>` : nothing}
      <span>${t(locale, 'plannedServices', { n: l.services.planned })}</span>
      <span data-figure="hazards">${t(locale, 'hazards', { n: l.hazards, m: l.majorHazards })}</span>
    </p>
    ${l.delivery ? renderDelivery(l.delivery, locale) : nothing}
    ${l.missingItems.length
      ? html`<p class="facts" part="missing-items">${t(locale, 'missingItems')}
          ${l.missingItems.map((c) => html`<span class="tag">${c} ${typeTitle(c)}</span>`)}</p>`
      : nothing}
  </section>`;
}

// The plan of the enterprise's risk grade against the booked visits, as the server measured it.
function renderDelivery(d: ServiceDelivery, locale: Locale) {
  if (!d.visitsPlanned) return nothing;
  const grade = termLabel(RISK_GRADE, d.riskGrade, locale);
  return html`<p class="facts" part="delivery" data-figure="delivery">
      ${t(locale, 'plan', { grade, planned: d.visitsPlanned, due: d.visitsDue, done: d.visitsDelivered, assisted: d.assistanceDelivered, required: d.assistanceRequired })}
    </p>
    ${d.behindPlan
      ? html`<p class="warning" part="behind-plan" role="alert">${t(locale, 'behindPlan', { n: d.visitsDue - d.visitsDelivered })}</p>`
      : nothing}
    ${d.noAssistance ? html`<p class="warning" part="no-assistance" role="alert">${t(locale, 'noAssistance')}</p>` : nothing}`;
}
