/**
 * Recording a hazard (insurers and providers): pick one of the party's policies, then fill the
 * published `hazard` definition in <azx-form>, which validates in the browser and stores through
 * the Store; the server validates again, derives the parties from the policy and starts the
 * hazard as found.
 */
import { html, nothing, type TemplateResult } from 'lit';
import '../core/index.js';
import { isEnglish, type Locale } from '../core/locale.js';
import type { ReferenceReader } from '../data/reference.js';
import type { FormDefinition, StoredRecord } from '../data/store.js';
import { regionLabel, t } from './labels.js';

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
  /** Names of the policies' regions (the store's reference data). */
  readonly names?: ReferenceReader | undefined;
}

/** How a policy is told apart in the picker: its number, the insured's name and its region's name. */
function policyOption(pol: StoredRecord, p: RecordProps): string {
  const insured = (pol.data as { insured?: { name?: unknown } }).insured?.name;
  const region = regionLabel(p.locale, String(pol.columns['region_code'] ?? ''), p.names);
  return [String(pol.columns['policy_no'] ?? pol.id), typeof insured === 'string' ? insured : '', region].filter(Boolean).join(' · ');
}

export function renderRecord(p: RecordProps): TemplateResult {
  const l = p.locale;
  if (!p.definition || !p.policies) return html`<section class="record" part="record"><p>${t(l, 'loading')}</p></section>`;
  return html`<section class="record" part="record" aria-labelledby="record-title">
    <div class="detail-head">
      <button type="button" part="button" class="back" @click=${p.onCancel}>← ${t(l, 'close')}</button>
      <h2 id="record-title" tabindex="-1">${t(l, 'recordTitle')}</h2>
    </div>
    <label>${t(l, 'findPolicy')}
      <input type="search" name="record-policy-no" part="control" @change=${(e: Event) => p.onFind((e.target as HTMLInputElement).value.trim())} />
    </label>
    <label>${t(l, 'policy')}
      <select name="record-policy" part="control" @change=${(e: Event) => p.onPolicy((e.target as HTMLSelectElement).value)}>
        <option value="">${t(l, 'choosePolicy')}</option>
        ${p.policies.map(
          (pol) => html`<option value=${pol.id} ?selected=${p.policy?.id === pol.id} lang=${isEnglish(l) && /[\u3400-\u9fff]/.test(policyOption(pol, p)) ? 'zh-CN' : nothing}>${policyOption(pol, p)}</option>`,
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
