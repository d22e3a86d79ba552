// A table's value edited as what it is, never as JSON text: a number, a yes/no, a text, a list
// of codes (industries picked from the reference data), a table of rows (each column edited
// the same way, nested tables included), a code → value table (base rates by industry) or an
// object's properties. Only a value of no such shape falls back to JSON text, checked as typed.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../core/locale.js';
import type { IndustryEntry } from '../data/reference.js';
import type { FieldError } from '../data/errors.js';
import { blankLike, removeAt, withoutKey, type Json, type JsonPath } from './model.js';
import { t } from './text.js';

export interface ValueContext {
  readonly locale: Locale;
  readonly industries: readonly IndustryEntry[];
  /** The server's errors by document path. */
  readonly errors: Readonly<Record<string, FieldError>>;
  /** Stores the table's value with `next` at `path` (relative to the value). */
  commit(path: JsonPath, next: Json): void;
  /** A name for the value at `path` (a sample policy's fields by their definition's titles); else its key. */
  labelOf?(path: JsonPath): string | undefined;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const domId = (base: string, path: JsonPath): string => [base, ...path].join('-').replace(/[^A-Za-z0-9_-]/g, '_');

/** The error at a document path, shown under its control (role=alert so it is announced). */
export function errorAt(errors: Readonly<Record<string, FieldError>>, docPath: string, id: string, locale: Locale): TemplateResult | typeof nothing {
  const e = errors[docPath];
  if (!e) return nothing;
  return html`<span class="field-error" id=${id + '-error'} role="alert">${locale.startsWith('en') ? e.message_en : e.message_zh}</span>`;
}

/** `docPath` is the value's path in the document (`tables.base_rates.value`), for errors and ids. */
export function renderValue(c: ValueContext, docPath: string, name: string, value: Json, path: JsonPath = []): TemplateResult {
  const here = [docPath, ...path].join('.');
  const id = domId(docPath, path);
  const invalid = c.errors[here] ? 'true' : 'false';
  const label = c.labelOf?.(path) ?? String(path.at(-1) ?? name);
  if (typeof value === 'number') {
    return html`<input part="control" type="number" step="any" id=${id} aria-label=${label} aria-invalid=${invalid} aria-describedby=${id + '-error'}
        .value=${String(value)} @change=${(e: Event) => {
          const text = (e.target as HTMLInputElement).value.trim();
          c.commit(path, text === '' || !Number.isFinite(Number(text)) ? text : Number(text));
        }} />${errorAt(c.errors, here, id, c.locale)}`;
  }
  if (typeof value === 'boolean') {
    return html`<input part="control" type="checkbox" id=${id} aria-label=${label} .checked=${value}
        @change=${(e: Event) => c.commit(path, (e.target as HTMLInputElement).checked)} />${errorAt(c.errors, here, id, c.locale)}`;
  }
  if (typeof value === 'string' || value === null) {
    return html`<input part="control" id=${id} aria-label=${label} aria-invalid=${invalid} aria-describedby=${id + '-error'} .value=${value ?? ''}
        @change=${(e: Event) => c.commit(path, (e.target as HTMLInputElement).value)} />${errorAt(c.errors, here, id, c.locale)}`;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return renderCodes(c, here, id, label, value as string[], path);
  if (Array.isArray(value) && value.length > 0 && value.every(isObj)) return renderRows(c, docPath, name, value as Record<string, unknown>[], path);
  if (isObj(value) && Object.keys(value).length > 0 && Object.values(value).every((v) => typeof v === 'number')) {
    return renderEntries(c, here, id, value as Record<string, number>, path);
  }
  if (isObj(value) && Object.keys(value).length > 0) {
    return html`<dl class="props">
      ${Object.entries(value).map(([k, v]) => html`<div><dt>${c.labelOf?.([...path, k]) ?? k}</dt><dd>${renderValue(c, docPath, name, v, [...path, k])}</dd></div>`)}
    </dl>${errorAt(c.errors, here, id, c.locale)}`;
  }
  return renderJson(c, here, id, label, value, path);
}

/** A list of codes; industries (a list named …industries) are picked from the reference data. */
function renderCodes(c: ValueContext, here: string, id: string, label: string, codes: string[], path: JsonPath): TemplateResult {
  const L = c.locale;
  const industries = /industr/.test(here);
  const nameOf = (code: string): string => {
    const i = c.industries.find((x) => x.code === code);
    return i ? (L.startsWith('en') && i.nameEn ? i.nameEn : i.name) : code;
  };
  const add = (e: Event): void => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement | HTMLSelectElement;
    const code = input.value.trim();
    if (code && !codes.includes(code)) c.commit(path, [...codes, code]);
    input.value = '';
  };
  return html`<div class="codes" id=${id} role="group" aria-label=${label}>
    <ul>
      ${codes.map((code, i) => html`<li><span>${industries ? `${nameOf(code)}（${code}）` : code}</span>
        <button type="button" part="button" aria-label=${t(L, 'removeNamed', { name: code })} @click=${() => c.commit(path, removeAt(codes, i))}>×</button></li>`)}
    </ul>
    <form class="add-code" @submit=${add}>
      ${industries
        ? html`<select part="control" name="code" aria-label=${`${label}: ${t(L, 'industry')}`}>
            ${c.industries.filter((i) => !codes.includes(i.code)).map((i) => html`<option value=${i.code}>${nameOf(i.code)}</option>`)}
          </select>`
        : html`<input part="control" name="code" aria-label=${`${label}: ${t(L, 'entryKey')}`} />`}
      <button part="button" type="submit">${t(L, 'addEntry')}</button>
    </form>
    ${errorAt(c.errors, here, id, L)}
  </div>`;
}

/** Rows of objects as a table: a column per key of any row, each cell edited by its kind. */
function renderRows(c: ValueContext, docPath: string, name: string, rows: Record<string, unknown>[], path: JsonPath): TemplateResult {
  const L = c.locale;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const here = [docPath, ...path].join('.');
  return html`<table class="rows" aria-label=${String(path.at(-1) ?? name)}>
      <thead><tr>${columns.map((k) => html`<th scope="col">${k}</th>`)}<th><span class="sr-only">${t(L, 'actions')}</span></th></tr></thead>
      <tbody>
        ${rows.map(
          (row, i) => html`<tr>
            ${columns.map((k) => html`<td>${renderValue(c, docPath, name, row[k] ?? '', [...path, i, k])}</td>`)}
            <td><button type="button" part="button" aria-label=${t(L, 'removeItem', { n: i + 1 })} @click=${() => c.commit(path, removeAt(rows, i))}>×</button></td>
          </tr>`,
        )}
      </tbody>
    </table>
    <button type="button" part="button" class="add-row" @click=${() => c.commit(path, [...rows, blankLike(rows[0])])}>${t(L, 'addRow')}</button>
    ${errorAt(c.errors, here, domId(docPath, path), L)}`;
}

/** A code → number table (base rates by industry): a row per code, a new row picked from the industries. */
function renderEntries(c: ValueContext, here: string, id: string, entries: Record<string, number>, path: JsonPath): TemplateResult {
  const L = c.locale;
  const nameOf = (code: string): string => {
    const i = c.industries.find((x) => x.code === code);
    return i ? `${L.startsWith('en') && i.nameEn ? i.nameEn : i.name}（${code}）` : code;
  };
  const free = c.industries.filter((i) => !(i.code in entries));
  const add = (e: Event): void => {
    e.preventDefault();
    const select = (e.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLSelectElement;
    if (select.value) c.commit([...path, select.value], 0);
  };
  return html`<table class="entries" id=${id}>
      <thead><tr><th scope="col">${t(L, 'entryKey')}</th><th scope="col">${t(L, 'entryValue')}</th><th><span class="sr-only">${t(L, 'actions')}</span></th></tr></thead>
      <tbody>
        ${Object.entries(entries).map(([code, v]) => {
          const cell = `${here}.${code}`;
          const cellId = `${id}-${code}`.replace(/[^A-Za-z0-9_-]/g, '_');
          return html`<tr>
            <th scope="row"><label for=${cellId}>${nameOf(code)}</label></th>
            <td><input part="control" type="number" step="any" id=${cellId} aria-invalid=${c.errors[cell] ? 'true' : 'false'} aria-describedby=${cellId + '-error'} .value=${String(v)}
              @change=${(e: Event) => {
                const text = (e.target as HTMLInputElement).value.trim();
                c.commit([...path, code], text === '' || !Number.isFinite(Number(text)) ? text : Number(text));
              }} />${errorAt(c.errors, cell, cellId, L)}</td>
            <td><button type="button" part="button" aria-label=${t(L, 'removeNamed', { name: nameOf(code) })} @click=${() => c.commit(path, withoutKey(entries, code))}>×</button></td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${free.length
      ? html`<form class="add-entry" @submit=${add}>
          <select part="control" name="code" aria-label=${t(L, 'industry')}>${free.map((i) => html`<option value=${i.code}>${nameOf(i.code)}</option>`)}</select>
          <button part="button" type="submit">${t(L, 'addEntry')}</button>
        </form>`
      : nothing}
    ${errorAt(c.errors, here, id, L)}`;
}

/** Anything else: JSON text, stored when it parses, an error beside it while it does not. */
function renderJson(c: ValueContext, here: string, id: string, label: string, value: Json, path: JsonPath): TemplateResult {
  return html`<textarea part="control" class="json" id=${id} aria-label=${label} rows="4" aria-describedby=${id + '-error'}
      .value=${JSON.stringify(value ?? null, null, 2)}
      @change=${(e: Event) => {
        const area = e.target as HTMLTextAreaElement;
        const note = area.nextElementSibling as HTMLElement | null;
        try {
          c.commit(path, JSON.parse(area.value));
          area.setAttribute('aria-invalid', 'false');
          if (note?.classList.contains('json-error')) note.textContent = '';
        } catch (err) {
          area.setAttribute('aria-invalid', 'true');
          if (note?.classList.contains('json-error')) note.textContent = t(c.locale, 'jsonInvalid', { m: (err as Error).message });
        }
      }}></textarea><span class="json-error field-error" role="alert" id=${id + '-json'}></span>${errorAt(c.errors, here, id, c.locale)}`;
}

