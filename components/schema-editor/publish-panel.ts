// The difference against the published version (or, for a new definition, its base), and the
// publish button. Every value is shown as text.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../core/index.js';
import type { FormDefinition } from '../data/index.js';
import type { SchemaChange } from './diff.js';
import { t } from './ui-text.js';

export interface PublishContext {
  readonly locale: Locale;
  /** What the draft is compared with: the latest published version of its key, else its base. */
  readonly against: FormDefinition | undefined;
  readonly isNewKey: boolean;
  readonly changes: readonly SchemaChange[];
  readonly version: number;
  /** Problems that block publishing (the JSON check), as text. */
  readonly blocked: boolean;
  readonly busy: boolean;
  publish(): void;
}

const KIND_KEYS = { added: 'diffAdded', removed: 'diffRemoved', changed: 'diffChanged' } as const;

export function renderPublish(c: PublishContext): TemplateResult {
  const L = c.locale;
  return html`<section class="publish" aria-label=${t(L, 'tabPublish')}>
    ${c.against
      ? html`<p>${t(L, c.isNewKey ? 'diffNew' : 'diffAgainst', { k: c.against.key, v: c.against.version })}</p>`
      : nothing}
    ${c.changes.length === 0
      ? html`<p class="hint">${t(L, 'diffNone')}</p>`
      : html`<div class="table-wrap"><table class="diff" part="diff">
          <thead>
            <tr><th>${t(L, 'diffKind')}</th><th>${t(L, 'diffField')}</th><th>${t(L, 'diffKeyword')}</th><th>${t(L, 'diffBefore')}</th><th>${t(L, 'diffAfter')}</th></tr>
          </thead>
          <tbody>
            ${c.changes.map(
              (ch) => html`<tr class=${ch.kind}>
                <td>${t(L, KIND_KEYS[ch.kind])}</td>
                <td><code>${ch.field || '—'}</code></td>
                <td><code>${ch.keyword}</code></td>
                <td><span class="value">${ch.before}</span></td>
                <td><span class="value">${ch.after}</span></td>
              </tr>`,
            )}
          </tbody>
        </table></div>`}
    <p class="hint">${t(L, 'immutableNote')}</p>
    ${c.blocked ? html`<p class="error" role="alert">${t(L, 'publishBlocked')}</p>` : nothing}
    <button type="button" part="button primary" class="primary publish" ?disabled=${c.blocked || c.busy} @click=${c.publish}>
      ${t(L, 'publish', { v: c.version })}
    </button>
  </section>`;
}
