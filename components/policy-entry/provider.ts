// The prevention-service provider a policy names (its `provider` column): the insurer contracts
// a technical-service organization, or serves itself. The provider then sees the policy and
// records its services and hazards against it.
import { html, nothing, type TemplateResult } from 'lit';
import type { Organization } from '../data/store.js';
import type { Locale } from '../core/index.js';
import { text } from './text.js';

export interface ProviderChoice {
  readonly locale: Locale;
  readonly providers: readonly Organization[];
  /** The chosen organizations id; empty for the insurer itself. */
  readonly chosen: string;
  readonly disabled: boolean;
  onChange(id: string): void;
}

export function renderProvider(p: ProviderChoice): TemplateResult {
  const t = (key: 'provider' | 'providerHelp' | 'selfService') => text(p.locale, key);
  // a carried-over provider the list does not hold (not readable now) stays chosen, by id
  const known = !p.chosen || p.providers.some((o) => o.id === p.chosen);
  return html`<section part="provider" class="panel" aria-label=${t('provider')}>
    <label for="provider">${t('provider')}</label>
    <select
      id="provider"
      part="control"
      aria-describedby="provider-help"
      ?disabled=${p.disabled}
      @change=${(e: Event) => p.onChange((e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${!p.chosen}>${t('selfService')}</option>
      ${known ? nothing : html`<option value=${p.chosen} selected>${p.chosen}</option>`}
      ${p.providers.map((o) => html`<option value=${o.id} ?selected=${o.id === p.chosen}>${o.name}</option>`)}
    </select>
    <p id="provider-help" class="muted">${t('providerHelp')}</p>
  </section>`;
}
