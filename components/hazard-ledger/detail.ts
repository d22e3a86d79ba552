/**
 * The detail view of one hazard: its facts, the actions the signed-in role may take now (with
 * the note and evidence they carry), and the full history of hazard_events, oldest first.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isEnglish, type Locale } from '../core/locale.js';
import type { ReferenceReader } from '../data/reference.js';
import type { FieldErrors, StoredEvent, StoredRecord } from '../data/store.js';
import { actionLabel, industryLabel, regionLabel, roleLabel, statusLabel, t } from './labels.js';
import { isOverdue } from './filters.js';
import { needsEvidence, needsNote, type HazardAction } from './loop.js';

export interface DetailProps {
  readonly locale: Locale;
  readonly hazard: StoredRecord;
  readonly events: readonly StoredEvent[] | undefined;
  /** Names of the organizations that acted in the history, by id. */
  readonly actorNames: ReadonlyMap<string, string>;
  readonly actions: readonly HazardAction[];
  readonly active: HazardAction | '';
  readonly busy: boolean;
  readonly errors: FieldErrors | undefined;
  readonly message: string;
  readonly now: number;
  /** Names of regions and industries (the store's reference data). */
  readonly names?: ReferenceReader | undefined;
  onClose(): void;
  onChoose(action: HazardAction | ''): void;
  onSubmit(e: SubmitEvent): void;
  onNotice(): void;
  onEvidence(event: StoredEvent, file: string): void;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** "2026-11-25 18:00" in China time, from a stored timestamp. */
export function chinaTime(stored: string): string {
  const ms = Date.parse(stored.replace(' ', 'T'));
  if (Number.isNaN(ms)) return stored;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function errorText(locale: Locale, errors: FieldErrors | undefined): TemplateResult | typeof nothing {
  if (!errors || !Object.keys(errors).length) return nothing;
  return html`<div class="errors" role="alert" part="error">
    <strong>${t(locale, 'refusedTitle')}</strong>
    <ul>${Object.entries(errors).map(([field, e]) => html`<li data-field=${field} data-code=${e.code}>${isEnglish(locale) ? e.message_en : e.message_zh}</li>`)}</ul>
  </div>`;
}

function fact(label: string, value: unknown) {
  return html`<div class="fact"><dt>${label}</dt><dd>${str(value) || '—'}</dd></div>`;
}

function actionForm(p: DetailProps): TemplateResult | typeof nothing {
  if (!p.active) return nothing;
  const evidence = needsEvidence(p.active, p.hazard.columns['is_major'] === true);
  return html`<form class="action-form" part="action-form" @submit=${p.onSubmit} novalidate>
    <h4>${actionLabel(p.locale, p.active)}</h4>
    <label>${t(p.locale, 'note')}
      <textarea name="note" rows="3" maxlength="5000" part="control" ?required=${needsNote(p.active)}></textarea>
    </label>
    ${evidence
      ? html`<label>${t(p.locale, 'evidence')}
          <input type="file" name="evidence" multiple accept="image/*,application/pdf" part="control" required />
        </label>`
      : nothing}
    ${errorText(p.locale, p.errors)}
    <div class="buttons">
      <button type="submit" part="button submit" ?disabled=${p.busy}>${t(p.locale, 'submit')}</button>
      <button type="button" part="button" @click=${() => p.onChoose('')}>${t(p.locale, 'cancel')}</button>
    </div>
  </form>`;
}

/** Who did the step: the role and organization the server recorded, or the system (the overdue job). */
function byline(p: DetailProps, f: Readonly<Record<string, unknown>>): TemplateResult | typeof nothing {
  const role = str(f['actor_role']);
  if (role) {
    const org = p.actorNames.get(str(f['actor_org']));
    return html`<span class="by">${roleLabel(p.locale, role)}${org ? ` · ${org}` : ''}</span>`;
  }
  return f['actor'] ? nothing : html`<span class="system">${t(p.locale, 'system')}</span>`;
}

function history(p: DetailProps): TemplateResult {
  if (!p.events) return html`<p>${t(p.locale, 'loading')}</p>`;
  return html`<ol class="history" part="history">
    ${p.events.map((ev) => {
      const f = ev.fields;
      const from = str(f['from_status']);
      const to = str(f['to_status']);
      const files = Array.isArray(f['evidence']) ? (f['evidence'] as string[]) : [];
      return html`<li part="history-entry" data-action=${str(f['action'])}>
        <div class="when">${chinaTime(ev.created)}</div>
        <div class="what">
          <strong>${actionLabel(p.locale, str(f['action']))}</strong>
          ${to && to !== from ? html`<span class="move">${statusLabel(p.locale, from)} → ${statusLabel(p.locale, to)}</span>` : nothing}
          ${byline(p, f)}
        </div>
        ${f['note'] ? html`<p class="note">${str(f['note'])}</p>` : nothing}
        ${files.length
          ? html`<div class="files">${files.map((name, i) => html`<button type="button" part="button" class="link" @click=${() => p.onEvidence(ev, name)}>${t(p.locale, 'evidenceFile', { n: i + 1 })}</button>`)}</div>`
          : nothing}
      </li>`;
    })}
  </ol>`;
}

export function renderDetail(p: DetailProps): TemplateResult {
  const h = p.hazard;
  const d = h.data as Record<string, unknown>;
  const c = h.columns;
  const major = c['is_major'] === true;
  const overdue = isOverdue(c['status'], c['deadline'], p.now);
  const criterion = (d['major_criterion'] ?? {}) as Record<string, string>;
  const rectifier = (d['rectifier'] ?? {}) as Record<string, string>;
  const l = p.locale;
  return html`<section class="detail" part="detail" aria-labelledby="detail-title">
    <div class="detail-head">
      <button type="button" part="button" class="back" @click=${p.onClose}>← ${t(l, 'close')}</button>
      <h3 id="detail-title" tabindex="-1">${str(d['hazard_no'])}</h3>
      <span class="badge status-${str(c['status'])}" part="status">${statusLabel(l, str(c['status']))}</span>
      ${major ? html`<span class="badge major" part="major">${t(l, 'major')}</span>` : nothing}
      ${overdue ? html`<span class="badge overdue" part="overdue">${t(l, 'overdue')}</span>` : nothing}
      <button type="button" part="button notice-button" @click=${p.onNotice}>${t(l, 'printNotice')}</button>
    </div>
    <dl class="facts">
      ${fact(t(l, 'enterprise'), c['enterprise_name'])}
      ${fact(t(l, 'region'), regionLabel(l, str(c['region_code']), p.names))}
      ${fact(t(l, 'industry'), industryLabel(l, str(c['industry']), p.names))}
      ${fact(t(l, 'foundAt'), chinaTime(str(c['found_at'] || d['found_at'])))}
      ${fact(t(l, 'deadline'), str(c['deadline'] || d['deadline']).slice(0, 10))}
      ${fact(t(l, 'location'), d['location'])}
      ${fact(t(l, 'description'), d['description'])}
      ${fact(t(l, 'basis'), d['basis'])}
      ${major ? fact(t(l, 'criterion'), [criterion['standard_id'], criterion['item'], criterion['title']].filter(Boolean).join(' ')) : nothing}
      ${fact(t(l, 'recommendation'), d['recommendation'])}
      ${fact(t(l, 'rectifier'), [rectifier['name'], rectifier['mobile']].filter(Boolean).join(' '))}
    </dl>
    ${p.actions.length
      ? html`<div class="actions" part="actions" role="group" aria-label=${t(l, 'actions')}>
          ${p.actions.map(
            (a) => html`<button type="button" part="button action" data-action=${a} aria-pressed=${p.active === a ? 'true' : 'false'} @click=${() => p.onChoose(a)}>${actionLabel(l, a)}</button>`,
          )}
        </div>`
      : nothing}
    ${actionForm(p)}
    ${p.message ? html`<p class="message" role="status">${p.message}</p>` : nothing}
    <h4>${t(l, 'history')}</h4>
    ${history(p)}
  </section>`;
}
