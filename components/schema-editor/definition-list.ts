// The list of definitions by key with their versions and statuses, retire buttons, and the
// form that starts a definition for a new industry from a published one.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../core/index.js';
import { DEFINITION_STATUS, termLabel, type FormDefinition } from '../data/index.js';
import { t } from './ui-text.js';

export interface NewIndustry {
  readonly base: string;
  readonly key: string;
  readonly industry: string;
  readonly zh: string;
  readonly en: string;
}

export interface ListContext {
  readonly locale: Locale;
  readonly definitions: readonly FormDefinition[];
  readonly busy: boolean;
  readonly createProblem: string;
  edit(key: string): void;
  retire(definition: FormDefinition): void;
  deleteDraft(definition: FormDefinition): void;
  create(spec: NewIndustry): void;
}

/** Definitions grouped by key, versions ascending. */
export function byKey(definitions: readonly FormDefinition[]): Map<string, FormDefinition[]> {
  const map = new Map<string, FormDefinition[]>();
  for (const d of definitions) map.set(d.key, [...(map.get(d.key) ?? []), d]);
  for (const list of map.values()) list.sort((a, b) => a.version - b.version);
  return map;
}

export function renderList(c: ListContext): TemplateResult {
  const L = c.locale;
  const groups = byKey(c.definitions);
  const bases = [...groups.entries()].filter(([, vs]) => vs.some((v) => v.status === 'published'));
  return html`<section class="list">
    <table class="definitions" part="definitions">
      <thead>
        <tr>
          <th>${t(L, 'key')}</th><th>${t(L, 'title')}</th><th>${t(L, 'industry')}</th><th>${t(L, 'base')}</th>
          <th>${t(L, 'versions')}</th><th>${t(L, 'actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${[...groups.entries()].map(([key, versions]) => {
          const latest = versions[versions.length - 1]!;
          return html`<tr data-key=${key}>
            <td><code>${key}</code></td>
            <td>${latest.title}</td>
            <td>${latest.industry}</td>
            <td>${latest.base}</td>
            <td>
              <ul class="versions">
                ${versions.map(
                  (v) => html`<li class="version ${v.status}">
                    v${v.version} <span class="status">${termLabel(DEFINITION_STATUS, v.status, L)}</span>
                    ${v.status === 'published'
                      ? html`<button type="button" part="button" ?disabled=${c.busy} @click=${() => c.retire(v)}
                          aria-label=${`${t(L, 'retireVersion', { v: v.version })}（${key}）`}>${t(L, 'retire')}</button>`
                      : nothing}
                    ${v.status === 'draft'
                      ? html`<button type="button" part="button" ?disabled=${c.busy} @click=${() => c.deleteDraft(v)}
                          aria-label=${`${t(L, 'deleteDraftVersion', { v: v.version })}（${key}）`}>${t(L, 'deleteDraft')}</button>`
                      : nothing}
                  </li>`,
                )}
              </ul>
            </td>
            <td>
              <button type="button" part="button" ?disabled=${c.busy} aria-label=${`${t(L, 'edit')} ${key}`} @click=${() => c.edit(key)}>
                ${t(L, 'edit')}
              </button>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
    <form class="new-industry" part="new-industry" @submit=${(e: Event) => {
      e.preventDefault();
      const data = new FormData(e.target as HTMLFormElement);
      const get = (k: string) => String(data.get(k) ?? '').trim();
      c.create({ base: get('base'), key: get('key'), industry: get('industry'), zh: get('zh'), en: get('en') });
    }}>
      <fieldset>
        <legend>${t(L, 'newIndustry')}</legend>
        <label>${t(L, 'baseDefinition')}
          <select name="base" part="control" required>
            ${bases.map(([key, vs]) => html`<option value=${key}>${vs[vs.length - 1]!.title}（${key}）</option>`)}
          </select></label>
        <label>${t(L, 'key')} <input name="key" part="control" required autocomplete="off"
          placeholder="policy-ammonia-refrigeration" aria-invalid=${c.createProblem ? 'true' : 'false'} aria-describedby="create-problem" /></label>
        <label>${t(L, 'industry')} <input name="industry" part="control" required autocomplete="off" placeholder="涉氨制冷" /></label>
        <label>${t(L, 'title')} <input name="zh" part="control" required autocomplete="off" /></label>
        <label>${t(L, 'titleEn')} <input name="en" part="control" autocomplete="off" /></label>
        <button type="submit" part="button primary" ?disabled=${c.busy}>${t(L, 'create')}</button>
        <p id="create-problem" class="error" role="alert">${c.createProblem}</p>
      </fieldset>
    </form>
  </section>`;
}

/** Definition keys as the server's collection accepts them (form_definitions.key). */
export const DEFINITION_KEY = /^[a-z][a-z0-9_.-]*$/;
