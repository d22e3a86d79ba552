// An opened record: read-only under the definition version it was made with, its revisions
// (who entered it and who corrected it, when and why), printable, and the page's own actions.
import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime } from '../core/format.js';
import { isEnglish, type Locale } from '../core/locale.js';
import { properName, withNames } from '../core/proper-name.js';
import { ROLE, termLabel } from '../data/index.js';
import type { NameOf } from '../core/document/record.js';
import type { FormDefinition, RecordRevision, StoredRecord } from '../data/store.js';
import type { RecordAction } from './record-list.js';
import { t } from './text.js';

export interface DetailProps {
  readonly locale: Locale;
  readonly title: string;
  readonly heading: string;
  readonly record: StoredRecord;
  readonly definition: FormDefinition | undefined;
  readonly history: readonly RecordRevision[] | undefined;
  readonly actions: readonly RecordAction[];
  /** Names of codes (regions) the record's fields show. */
  readonly names: NameOf | undefined;
  onBack(): void;
  onPrint(): void;
  onAction(key: string): void;
}


function who(r: RecordRevision, l: Locale): TemplateResult {
  if (r.actor.system) return html`${t(l, 'system')}`;
  const role = r.actor.role ? termLabel(ROLE, r.actor.role, isEnglish(l) ? 'en' : 'zh') : '';
  // an organization's name is a proper name: Chinese even on an English page
  return html`${role} · ${properName(r.actor.organizationName, l)}`;
}

export function renderDetail(p: DetailProps): TemplateResult {
  const l = p.locale;
  const d = p.definition;
  const titleEn = d && typeof (d.schema as Record<string, unknown>)['x-title-en'] === 'string' ? String((d.schema as Record<string, unknown>)['x-title-en']) : '';
  return html`<section class="detail" part="detail" aria-labelledby="detail-title">
    <div class="detail-head">
      <button type="button" part="button back" class="back" @click=${p.onBack}>← ${t(l, 'back')}</button>
      <h2 id="detail-title" tabindex="-1">${p.title} <span class="no">${p.heading}</span></h2>
      <div class="detail-actions">
        <button type="button" part="button print" class="print" @click=${p.onPrint}>${t(l, 'print')}</button>
        ${p.actions.map(
          (a) => html`<button type="button" part="button action" data-action=${a.key} @click=${() => p.onAction(a.key)}>${isEnglish(l) ? a.label.en : a.label.zh}</button>`,
        )}
      </div>
    </div>
    ${d
      ? html`<p class="meta">${t(l, 'version', { title: isEnglish(l) && titleEn ? titleEn : d.title, version: d.version })}</p>
          <azx-form
            lang=${l}
            mode="readonly"
            .schema=${d.schema}
            .value=${p.record.data}
            .names=${p.names}
            definition-key=${d.key}
            definition-version=${String(d.version)}
            data-showing=${`${d.key}@${d.version}`}
          ></azx-form>`
      : html`<p class="meta">${t(l, 'loading')}</p>`}
    <h3 id="history-title">${t(l, 'history')}</h3>
    ${p.history
      ? html`<ol class="history" part="history" aria-labelledby="history-title">
          ${p.history.map(
            (r) => html`<li data-revision=${r.revision}>
              <span class="when">${formatDateTime(r.at, l)}</span>
              <span class="what">${r.action === 'create' ? t(l, 'created') : t(l, 'corrected', { n: r.revision })}</span>
              <span class="by">${who(r, l)}</span>
              ${r.reason
                ? html`<span class="reason">${withNames(l, (v) => t(l, 'reason', v), { reason: r.reason })}</span>`
                : nothing}
            </li>`,
          )}
        </ol>`
      : html`<p>${t(l, 'loading')}</p>`}
  </section>`;
}
