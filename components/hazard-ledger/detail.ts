/**
 * The detail view of one hazard: its facts, the actions the signed-in role may take now (with
 * the note and evidence they carry), and the full history of hazard_events, oldest first.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateTime } from '../core/format.js';
import { isEnglish, type Locale } from '../core/locale.js';
import { nameLang, properName } from '../core/proper-name.js';
import type { ReferenceReader } from '../data/reference.js';
import type { FieldErrors, StoredEvent, StoredRecord } from '../data/store.js';
import { actionLabel, industryLabel, regionLabel, roleLabel, statusLabel, t } from './labels.js';
import { isOverdue } from './filters.js';
import { followUpAfter, followUpDue, followUpState, needsEvidence, needsNote, recipientsOf, type HazardAction } from './loop.js';
import { schemaAt, type JsonSchema } from '../core/schema.js';
import { HAZARD_WORKFLOW } from '../data/hazard-workflow.js';
import { chinaToday, fieldText } from '../core/document/index.js';

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
  /** The hazard's definition: the names of its coded fields (the major-hazard standard). */
  readonly schema?: JsonSchema;
  onClose(): void;
  onChoose(action: HazardAction | ''): void;
  onSubmit(e: SubmitEvent): void;
  onNotice(): void;
  onEvidence(event: StoredEvent, file: string): void;
}

/** The major-hazard standard's name as the definition words it, else its code. */
function standardName(schema: JsonSchema | undefined, code: string | undefined, l: Locale): string | undefined {
  const of = schema ? schemaAt(schema, '/major_criterion/standard_id') : undefined;
  return (schema && of ? fieldText(of, code, schema, l) : undefined) ?? code;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** Fields of the action form an error can be bound to; the others go to the form's summary. */
export const ACTION_FIELDS = ['note', 'notified_to', 'evidence'] as const;

const message = (l: Locale, e: { message_zh: string; message_en: string }) => (isEnglish(l) ? e.message_en : e.message_zh);

/**
 * The errors no field holds (the server's refusal of the move, a lost connection), listed where
 * the focus goes when nothing else can take it. Not a live region: the focus reads it once.
 */
function errorSummary(locale: Locale, errors: FieldErrors | undefined): TemplateResult | typeof nothing {
  const rest = Object.entries(errors ?? {}).filter(([field]) => !(ACTION_FIELDS as readonly string[]).includes(field));
  if (!rest.length) return nothing;
  return html`<div class="errors" id="action-errors" tabindex="-1" part="error">
    <strong>${t(locale, 'refusedTitle')}</strong>
    <ul>${rest.map(([field, e]) => html`<li data-field=${field} data-code=${e.code}>${message(locale, e)}</li>`)}</ul>
  </div>`;
}

/** A field's error, beside it and named by its aria-describedby only while it exists. */
function fieldError(locale: Locale, errors: FieldErrors | undefined, field: string): TemplateResult | typeof nothing {
  const e = errors?.[field];
  return e ? html`<p id=${`action-${field}-error`} class="field-error" part="error" data-field=${field} data-code=${e.code}>${message(locale, e)}</p>` : nothing;
}

function fact(label: string, value: unknown, locale?: Locale) {
  const text = str(value) || '—';
  // what the record says (a place, a name, a description) is as written: Chinese on an English page too
  return html`<div class="fact"><dt>${label}</dt><dd lang=${locale ? nameLang(text, locale) : nothing}>${text}</dd></div>`;
}

function actionForm(p: DetailProps): TemplateResult | typeof nothing {
  if (!p.active) return nothing;
  const l = p.locale;
  const evidence = needsEvidence(p.active, p.hazard.columns['is_major'] === true);
  const invalid = (field: string) => (p.errors?.[field] ? 'true' : 'false');
  const describedBy = (field: string) => (p.errors?.[field] ? `action-${field}-error` : nothing);
  return html`<form class="action-form" part="action-form" aria-labelledby="action-title" @submit=${p.onSubmit} novalidate>
    <h3 id="action-title">${actionLabel(l, p.active)}</h3>
    <label for="action-note">${t(l, 'note')}</label>
    <textarea
      id="action-note"
      name="note"
      rows="3"
      maxlength="5000"
      part="control"
      ?required=${needsNote(p.active)}
      aria-invalid=${invalid('note')}
      aria-describedby=${describedBy('note')}
    ></textarea>
    ${fieldError(l, p.errors, 'note')}
    ${recipientFields(p)}
    ${evidence
      ? html`<label for="action-evidence">${t(l, 'evidence')}</label>
          <input
            id="action-evidence"
            type="file"
            name="evidence"
            multiple
            accept="image/*,application/pdf"
            part="control"
            required
            aria-invalid=${invalid('evidence')}
            aria-describedby=${describedBy('evidence')}
          />
          ${fieldError(l, p.errors, 'evidence')}`
      : nothing}
    ${errorSummary(l, p.errors)}
    <div class="buttons">
      <!-- aria-disabled, not disabled, while it works: a disabled button would drop the focus -->
      <button type="submit" part="button submit" aria-disabled=${p.busy ? 'true' : 'false'}>${p.busy ? t(l, 'submitting') : t(l, 'submit')}</button>
      <button type="button" part="button" @click=${() => p.onChoose('')}>${t(l, 'cancel')}</button>
    </div>
  </form>`;
}

/**
 * The people the notice is addressed to, as the workflow asks for the action (a major hazard's
 * 主要负责人 and 实际控制人), each by name; the group takes the focus when the server refuses them.
 */
function recipientFields(p: DetailProps): TemplateResult | typeof nothing {
  if (!p.active) return nothing;
  const l = p.locale;
  const recipients = recipientsOf(p.active, p.hazard.columns['is_major'] === true);
  if (!recipients.length) return nothing;
  const error = p.errors?.['notified_to'];
  return html`<fieldset id="action-notified_to" class="recipients" tabindex="-1" aria-describedby=${error ? 'action-notified_to-error' : nothing}>
      <legend>${t(l, 'notifiedTo')}</legend>
      ${recipients.map((r) => html`<label for=${`action-recipient-${r.code}`}>${isEnglish(l) ? r.en : r.zh}</label>
        <input
          id=${`action-recipient-${r.code}`}
          name=${`notified_to.${r.code}`}
          data-recipient=${r.code}
          maxlength="100"
          autocomplete="off"
          part="control"
          required
          aria-invalid=${error ? 'true' : 'false'}
        />`)}
    </fieldset>
    ${fieldError(l, p.errors, 'notified_to')}`;
}

/** The names a notice was addressed to, as the event recorded them. */
function notifiedNames(p: DetailProps, value: unknown): TemplateResult | typeof nothing {
  if (!value || typeof value !== 'object') return nothing;
  const names = Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && v);
  if (!names.length) return nothing;
  const l = p.locale;
  const label = (code: string) => HAZARD_WORKFLOW.recipients?.find((r) => r.code === code)?.[isEnglish(l) ? 'en' : 'zh'] ?? code;
  return html`<p class="notified" data-field="notified_to">${t(l, 'notifiedTo')}：${names.map(([code, name], i) =>
    html`${i ? '；' : ''}${label(code)} <span lang=${nameLang(String(name), l)}>${String(name)}</span>`)}</p>`;
}

/** Who did the step: the role and organization the server recorded, or the system (the overdue job). */
function byline(p: DetailProps, f: Readonly<Record<string, unknown>>): TemplateResult | typeof nothing {
  const role = str(f['actor_role']);
  if (role) {
    const org = p.actorNames.get(str(f['actor_org']));
    return html`<span class="by">${roleLabel(p.locale, role)}${org ? html` · ${properName(org, p.locale)}` : ''}</span>`;
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
        <div class="when">${formatDateTime(ev.created, p.locale)}</div>
        <div class="what">
          <strong>${actionLabel(p.locale, str(f['action']))}</strong>
          ${to && to !== from ? html`<span class="move">${statusLabel(p.locale, from)} → ${statusLabel(p.locale, to)}</span>` : nothing}
          ${byline(p, f)}
        </div>
        ${f['note'] ? html`<p class="note" lang=${nameLang(str(f['note']), p.locale)}>${str(f['note'])}</p>` : nothing}
        ${notifiedNames(p, f['notified_to'])}
        ${files.length
          ? html`<div class="files">${files.map((name, i) => html`<button type="button" part="button" class="link" @click=${() => p.onEvidence(ev, name)}>${t(p.locale, 'evidenceFile', { n: i + 1 })}</button>`)}</div>`
          : nothing}
      </li>`;
    })}
  </ol>`;
}

/**
 * The return visit's due day (回头看): the server's follow_up_due, else, for a hazard verified before
 * the server scheduled visits, the day the workflow document gives from its latest verification.
 */
function followUpOf(p: DetailProps, major: boolean): string {
  const c = p.hazard.columns;
  const stored = str(c['follow_up_due']).slice(0, 10);
  if (stored) return stored;
  if (!c['status'] || c['status'] !== followUpState(major)) return '';
  const after = followUpAfter();
  const at = (p.events ?? []).filter((ev) => ev.fields['action'] === after).map((ev) => ev.created).sort().at(-1);
  return at ? followUpDue(chinaToday(new Date(at.replace(' ', 'T'))), major) ?? '' : '';
}

export function renderDetail(p: DetailProps): TemplateResult {
  const h = p.hazard;
  const d = h.data as Record<string, unknown>;
  const c = h.columns;
  const major = c['is_major'] === true;
  const overdue = isOverdue(c['status'], c['deadline'], p.now);
  const followUp = followUpOf(p, major);
  const criterion = (d['major_criterion'] ?? {}) as Record<string, string>;
  const rectifier = (d['rectifier'] ?? {}) as Record<string, string>;
  const l = p.locale;
  return html`<section class="detail" part="detail" aria-labelledby="detail-title">
    <div class="detail-head">
      <button type="button" part="button" class="back" @click=${p.onClose}>← ${t(l, 'close')}</button>
      <h2 id="detail-title" tabindex="-1">${str(d['hazard_no'])}</h2>
      <span class="badge status-${str(c['status'])}" part="status">${statusLabel(l, str(c['status']))}</span>
      ${major ? html`<span class="badge major" part="major">${t(l, 'major')}</span>` : nothing}
      ${overdue ? html`<span class="badge overdue" part="overdue">${t(l, 'overdue')}</span>` : nothing}
      <button type="button" part="button notice-button" @click=${p.onNotice}>${t(l, 'printNotice')}</button>
    </div>
    <dl class="facts">
      ${fact(t(l, 'enterprise'), c['enterprise_name'])}
      ${fact(t(l, 'region'), regionLabel(l, str(c['region_code']), p.names), l)}
      ${fact(t(l, 'industry'), industryLabel(l, str(c['industry']), p.names), l)}
      ${fact(t(l, 'foundAt'), formatDateTime(str(c['found_at'] || d['found_at']), l))}
      ${fact(t(l, 'deadline'), formatDate(str(c['deadline'] || d['deadline']).slice(0, 10), l))}
      ${followUp ? fact(t(l, 'followUpDue'), formatDate(followUp, l)) : nothing}
      ${fact(t(l, 'location'), d['location'])}
      ${fact(t(l, 'description'), d['description'])}
      ${fact(t(l, 'basis'), d['basis'])}
      ${major ? fact(t(l, 'criterion'), [standardName(p.schema, criterion['standard_id'], l), criterion['item'], criterion['title']].filter(Boolean).join(' '), l) : nothing}
      ${fact(t(l, 'recommendation'), d['recommendation'])}
      ${fact(t(l, 'rectifier'), [rectifier['name'], rectifier['mobile']].filter(Boolean).join(' '), l)}
    </dl>
    ${p.actions.length
      ? html`<div class="actions" part="actions" role="group" aria-label=${t(l, 'actions')}>
          ${p.actions.map(
            (a) => html`<button type="button" part="button action" data-action=${a} aria-pressed=${p.active === a ? 'true' : 'false'} @click=${() => p.onChoose(a)}>${actionLabel(l, a)}</button>`,
          )}
        </div>`
      : nothing}
    ${actionForm(p)}
    <p class="message" role="status">${p.message}</p>
    <h3>${t(l, 'history')}</h3>
    ${history(p)}
  </section>`;
}
