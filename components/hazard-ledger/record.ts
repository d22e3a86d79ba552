/**
 * Recording a hazard (insurers and providers): pick one of the party's policies, then fill the
 * published `hazard` definition in <azx-form>, which validates in the browser and stores through
 * the Store; the server validates again, derives the parties from the policy and starts the
 * hazard as found.
 */
import { html, nothing, type TemplateResult } from 'lit';
import '../core/index.js';
import type { Locale } from '../core/locale.js';
import type { FormDefinition, StoredRecord } from '../data/store.js';
import { t } from './labels.js';

export interface RecordProps {
  readonly locale: Locale;
  readonly definition: FormDefinition | undefined;
  readonly policies: readonly StoredRecord[] | undefined;
  readonly policy: StoredRecord | undefined;
  onPolicy(id: string): void;
  /** Narrows the policies to those whose number contains the text. */
  onFind(text: string): void;
  onSaved(record: StoredRecord): void;
  onCancel(): void;
}

export function renderRecord(p: RecordProps): TemplateResult {
  const l = p.locale;
  if (!p.definition || !p.policies) return html`<section class="record" part="record"><p>${t(l, 'loading')}</p></section>`;
  return html`<section class="record" part="record" aria-labelledby="record-title">
    <div class="detail-head">
      <button type="button" part="button" class="back" @click=${p.onCancel}>← ${t(l, 'close')}</button>
      <h3 id="record-title" tabindex="-1">${t(l, 'recordTitle')}</h3>
    </div>
    <label>${t(l, 'findPolicy')}
      <input type="search" name="record-policy-no" part="control" @change=${(e: Event) => p.onFind((e.target as HTMLInputElement).value.trim())} />
    </label>
    <label>${t(l, 'policy')}
      <select name="record-policy" part="control" @change=${(e: Event) => p.onPolicy((e.target as HTMLSelectElement).value)}>
        <option value="">${t(l, 'choosePolicy')}</option>
        ${p.policies.map(
          (pol) => html`<option value=${pol.id} ?selected=${p.policy?.id === pol.id}>${String(pol.columns['policy_no'] ?? pol.id)} · ${String(pol.columns['region_code'] ?? '')}</option>`,
        )}
      </select>
    </label>
    ${p.policy
      ? html`<azx-form
          lang=${l}
          collection="hazards"
          definition-key=${p.definition.key}
          definition-version=${String(p.definition.version)}
          .schema=${p.definition.schema}
          .columns=${{ policy: p.policy.id, enterprise: p.policy.columns['enterprise'] }}
          @azx-saved=${(e: CustomEvent<{ record: StoredRecord }>) => p.onSaved(e.detail.record)}
        ></azx-form>`
      : nothing}
  </section>`;
}
