// The editor's tabs, each a function of the draft and callbacks: general (titles, jurisdiction,
// dates, sources), tables, rules (through <azx-logic-builder>), test cases, the server's check,
// and the changes with the publish button. Every value an administrator typed is shown as text.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../core/locale.js';
import type { LogicField } from '../core/logic-builder/index.js';
import '../core/logic-builder/define.js';
import type { FieldError } from '../data/errors.js';
import type { IndustryEntry } from '../data/reference.js';
import type { EffectivePack, PackCheck, PackDocument, PackProblem, PackRule, PackTable, PackTestCase } from '../data/rule-packs.js';
import { termLabel } from '../data/terms.js';
import { PACK_LEGAL_STATUS } from '../data/vocab.js';
import { errorsUnder, removeAt, setAt, type JsonPath, type PackChange } from './model.js';
import { errorAt, renderValue } from './value-editor.js';
import { t } from './text.js';

export interface PanelContext {
  readonly locale: Locale;
  readonly doc: PackDocument;
  readonly version: number;
  readonly errors: Readonly<Record<string, FieldError>>;
  readonly industries: readonly IndustryEntry[];
  /** The packs in force for the jurisdiction on the draft's first day (without the draft). */
  readonly inherited: EffectivePack | undefined;
  /** Names a region code. */
  regionName(code: string): string;
  /** Replaces the document. */
  commit(doc: PackDocument): void;
}

const en = (L: Locale): boolean => L.startsWith('en');
const text = (e: Event): string => (e.target as HTMLInputElement).value;

/** A labelled text input at a document path, with the server's error under it. */
function input(c: PanelContext, path: string, label: string, value: string, set: (v: string) => void, type = 'text'): TemplateResult {
  const id = 'f-' + path.replace(/[^A-Za-z0-9_-]/g, '_');
  return html`<label for=${id}>${label}</label>
    <span><input part="control" id=${id} type=${type} .value=${value} aria-invalid=${c.errors[path] ? 'true' : 'false'} aria-describedby=${id + '-error'}
      @change=${(e: Event) => set(text(e))} />${errorAt(c.errors, path, id, c.locale)}</span>`;
}

const patch = (c: PanelContext, p: Partial<PackDocument>): void => c.commit({ ...c.doc, ...p });

export function renderGeneral(c: PanelContext): TemplateResult {
  const L = c.locale;
  const d = c.doc;
  const sources = d.sources;
  const setSource = (i: number, k: string, v: string): void => patch(c, { sources: setAt(sources, [i, k], v) as PackDocument['sources'] });
  return html`<section class="general" aria-label=${t(L, 'tabGeneral')}>
    <div class="grid">
      <span>${t(L, 'key')}</span><span><code>${d.key}</code> · v${c.version}</span>
      <span>${t(L, 'jurisdiction')}</span><span>${c.regionName(d.jurisdiction)}（${d.jurisdiction}）${d.extends ? html` · ${t(L, 'extends')} <code>${d.extends}</code>` : nothing}</span>
      ${input(c, 'title', t(L, 'title'), d.title, (v) => patch(c, { title: v }))}
      ${input(c, 'title_en', t(L, 'titleEn'), d.title_en, (v) => patch(c, { title_en: v }))}
      <label for="f-legal_status">${t(L, 'legalStatus')}</label>
      <span><select part="control" id="f-legal_status" @change=${(e: Event) => patch(c, { legal_status: text(e) as PackDocument['legal_status'] })}>
        ${PACK_LEGAL_STATUS.terms.map((s) => html`<option value=${s.code} ?selected=${s.code === d.legal_status}>${termLabel(PACK_LEGAL_STATUS, s.code, L)}</option>`)}
      </select>${errorAt(c.errors, 'legal_status', 'f-legal_status', L)}</span>
      ${input(c, 'effective_from', t(L, 'effectiveFrom'), d.effective_from, (v) => patch(c, { effective_from: v }), 'date')}
      ${input(c, 'effective_to', t(L, 'effectiveTo'), d.effective_to ?? '', (v) => patch(c, { effective_to: v || null }), 'date')}
    </div>
    <h3>${t(L, 'sources')}</h3>
    <table class="sources">
      <thead><tr><th scope="col">${t(L, 'sourceId')}</th><th scope="col">${t(L, 'sourceTitle')}</th><th scope="col">${t(L, 'sourceTitleEn')}</th><th scope="col">${t(L, 'sourceIssued')}</th><th><span class="sr-only">${t(L, 'actions')}</span></th></tr></thead>
      <tbody>
        ${sources.map(
          (s, i) => html`<tr>
            ${(['id', 'title', 'title_en', 'issued'] as const).map(
              (k) => html`<td><input part="control" id=${`source-${i}-${k}`} type=${k === 'issued' ? 'date' : 'text'} aria-label=${`${t(L, k === 'id' ? 'sourceId' : k === 'title' ? 'sourceTitle' : k === 'title_en' ? 'sourceTitleEn' : 'sourceIssued')} ${i + 1}`}
                .value=${String(s[k] ?? '')} aria-describedby=${`source-${i}-${k}-error`} @change=${(e: Event) => setSource(i, k, text(e))} />${errorAt(c.errors, `sources.${i}.${k}`, `source-${i}-${k}`, L)}</td>`,
            )}
            <td><button type="button" part="button" aria-label=${t(L, 'removeItem', { n: i + 1 })} @click=${() => patch(c, { sources: removeAt(sources, i) })}>×</button></td>
          </tr>`,
        )}
      </tbody>
    </table>
    <button type="button" part="button" class="add-source" @click=${() => patch(c, { sources: [...sources, { id: '', title: '', title_en: '' }] })}>${t(L, 'addSource')}</button>
    ${errorAt(c.errors, 'sources', 'f-sources', L)}
  </section>`;
}

/** A citation picked from the pack's sources, with its article. */
function citation(c: PanelContext, base: string, source: PackRule['source'] | undefined, set: (s: PackRule['source'] | undefined) => void): TemplateResult {
  const L = c.locale;
  const id = 'f-' + base.replace(/[^A-Za-z0-9_-]/g, '_');
  const docs = c.doc.sources.map((s) => s.id).filter(Boolean);
  return html`<label for=${id + '-document'}>${t(L, 'document')}</label>
    <span><select part="control" id=${id + '-document'} aria-describedby=${id + '-error'}
      aria-invalid=${c.errors[base] || c.errors[base + '.document'] ? 'true' : 'false'} @change=${(e: Event) => {
      const v = text(e);
      set(v ? { ...source, document: v } : undefined);
    }}>
      <option value="" ?selected=${!source?.document}>${t(L, 'noSource')}</option>
      ${docs.map((d) => html`<option value=${d} ?selected=${d === source?.document}>${d}</option>`)}
    </select>${errorAt(c.errors, base, id, L)}${errorAt(c.errors, base + '.document', id + '-document', L)}</span>
    ${source?.document
      ? html`<label for=${id + '-article'}>${t(L, 'article')}</label>
          <input part="control" id=${id + '-article'} .value=${source.article ?? ''} @change=${(e: Event) => set({ ...source, article: text(e) })} />
          <label for=${id + '-article_en'}>${t(L, 'articleEn')}</label>
          <input part="control" id=${id + '-article_en'} .value=${source.article_en ?? ''} @change=${(e: Event) => set({ ...source, article_en: text(e) })} />`
      : nothing}`;
}

export function renderTables(c: PanelContext): TemplateResult {
  const L = c.locale;
  const own = Object.entries(c.doc.tables);
  const inherited = Object.entries(c.inherited?.tables ?? {}).filter(([name]) => !(name in c.doc.tables));
  const setTable = (name: string, table: PackTable): void => patch(c, { tables: { ...c.doc.tables, [name]: table } });
  const titleOf = (tb: { title: { zh: string; en: string } }): string => (en(L) ? tb.title.en : tb.title.zh);
  return html`<section class="tables" aria-label=${t(L, 'tabTables')}>
    <h3>${t(L, 'tablesOwn')}</h3>
    ${own.length === 0 ? html`<p class="hint">${t(L, 'noTables')}</p>` : nothing}
    ${own.map(([name, tb]) => {
      const base = `tables.${name}`;
      return html`<fieldset class="table" data-table=${name}>
        <legend>${titleOf(tb)} <code>${name}</code></legend>
        <div class="value">${renderValue({ locale: L, industries: c.industries, errors: c.errors, commit: (path: JsonPath, next) => setTable(name, { ...tb, value: setAt(tb.value, path, next) }) }, `${base}.value`, titleOf(tb), tb.value)}</div>
        <div class="grid">
          ${citation(c, `${base}.source`, tb.source, (s) => setTable(name, s ? { ...tb, source: s } : withoutSource(tb)))}
          <label for=${`f-${name}-example`}>${t(L, 'example')}</label>
          <input part="control" type="checkbox" id=${`f-${name}-example`} .checked=${tb.example === true}
            @change=${(e: Event) => setTable(name, { ...tb, example: (e.target as HTMLInputElement).checked })} />
        </div>
        ${errorsUnder(c.errors, base)
          .filter(([p]) => p === base || p === `${base}.title`)
          .map(([p]) => errorAt(c.errors, p, `f-${name}`, L))}
        <button type="button" part="button" aria-label=${t(L, 'removeNamed', { name: titleOf(tb) })}
          @click=${() => { const { [name]: _gone, ...rest } = c.doc.tables; patch(c, { tables: rest }); }}>${t(L, 'remove')}</button>
      </fieldset>`;
    })}
    ${inherited.length
      ? html`<h3>${t(L, 'tablesInherited')}</h3>
          <table class="inherited">
            <tbody>
              ${inherited.map(
                ([name, tb]) => html`<tr data-table=${name}>
                  <th scope="row">${titleOf(tb)} <code>${name}</code></th>
                  <td><span class="value">${t(L, 'inForce', { v: JSON.stringify(tb.value) })}</span></td>
                  <td><button type="button" part="button" class="override" aria-label=${t(L, 'overrideNamed', { name: titleOf(tb) })}
                    @click=${() => setTable(name, { title: tb.title, value: structuredClone(tb.value), ...(tb.example ? { example: true } : {}) })}>${t(L, 'override')}</button></td>
                </tr>`,
              )}
            </tbody>
          </table>`
      : nothing}
  </section>`;
}

function withoutSource(tb: PackTable): PackTable {
  const { source: _s, ...rest } = tb;
  return rest;
}

const NEW_RULE: PackRule = {
  code: '', applies_to: 'policy', severity: 'refuse', when: { '<': [{ var: 'record.cover_per_person' }, 0] }, path: '',
  message: { zh: '', en: '' }, source: { document: '' },
};

export function renderRules(c: PanelContext, fields: readonly LogicField[]): TemplateResult {
  const L = c.locale;
  const rules = c.doc.rules;
  const edit = (i: number, p: Partial<PackRule>): void => patch(c, { rules: rules.map((r, k) => (k === i ? { ...r, ...p } : r)) });
  const own = new Set(rules.map((r) => r.code));
  const inherited = (c.inherited?.rules ?? []).map((r) => r.code).filter((code) => !own.has(code));
  return html`<section class="rules" aria-label=${t(L, 'tabRules')}>
    <h3>${t(L, 'rulesOwn')}</h3>
    ${rules.length === 0 ? html`<p class="hint">${t(L, 'noRules')}</p>` : nothing}
    <ol class="rule-list">
      ${rules.map((r, i) => {
        const base = `rules.${i}`;
        const field = (k: string, label: string, value: string, set: (v: string) => void): TemplateResult => input(c, `${base}.${k}`, label, value, set);
        return html`<li class="rule" data-rule=${i}>
          <div class="grid">
            ${field('code', t(L, 'ruleCode'), r.code, (v) => edit(i, { code: v }))}
            <label for=${`f-rules_${i}_severity`}>${t(L, 'severity')}</label>
            <select part="control" id=${`f-rules_${i}_severity`} @change=${(e: Event) => edit(i, { severity: text(e) as PackRule['severity'] })}>
              <option value="refuse" ?selected=${r.severity === 'refuse'}>${t(L, 'severityRefuse')}</option>
              <option value="warn" ?selected=${r.severity === 'warn'}>${t(L, 'severityWarn')}</option>
            </select>
            ${field('path', t(L, 'rulePath'), r.path, (v) => edit(i, { path: v }))}
          </div>
          <azx-logic-builder lang=${L} mode="condition" label=${`${t(L, 'ruleWhen')} ${i + 1}`} .fields=${fields} .logic=${r.when}
            @azx-logic-change=${(e: CustomEvent<{ logic: unknown }>) => edit(i, { when: e.detail.logic ?? false })}></azx-logic-builder>
          ${errorAt(c.errors, `${base}.when`, `f-rules_${i}_when`, L)}
          <div class="grid">
            ${field('message.zh', t(L, 'messageZh'), r.message.zh, (v) => edit(i, { message: { ...r.message, zh: v } }))}
            ${field('message.en', t(L, 'messageEn'), r.message.en, (v) => edit(i, { message: { ...r.message, en: v } }))}
            <label for=${`f-rules_${i}_params`}>${t(L, 'params')}</label>
            <textarea part="control" class="json" id=${`f-rules_${i}_params`} rows="2" .value=${r.params ? JSON.stringify(r.params) : ''}
              @change=${(e: Event) => {
                const v = text(e).trim();
                try {
                  edit(i, v ? { params: JSON.parse(v) as PackRule['params'] } : { params: undefined });
                } catch {
                  (e.target as HTMLTextAreaElement).setAttribute('aria-invalid', 'true');
                }
              }}></textarea>
            ${citation(c, `${base}.source`, r.source, (s) => edit(i, { source: s ?? { document: '' } }))}
          </div>
          <p class="hint">${t(L, 'messageHint')}</p>
          ${errorAt(c.errors, base, `f-rules_${i}`, L)}
          <button type="button" part="button" aria-label=${t(L, 'removeNamed', { name: r.code || String(i + 1) })} @click=${() => patch(c, { rules: removeAt(rules, i) })}>${t(L, 'remove')}</button>
        </li>`;
      })}
    </ol>
    <button type="button" part="button" class="add-rule" @click=${() => patch(c, { rules: [...rules, structuredClone(NEW_RULE)] })}>${t(L, 'addRule')}</button>
    ${inherited.length ? html`<p class="hint">${t(L, 'rulesInherited', { codes: inherited.join(', ') })}</p>` : nothing}
  </section>`;
}

/** path → code pairs of an expectation, edited as rows. */
function expectations(c: PanelContext, i: number, kind: 'refuse' | 'warn', map: Readonly<Record<string, string>> | undefined, set: (m: Record<string, string> | undefined) => void): TemplateResult {
  const L = c.locale;
  const rows = Object.entries(map ?? {});
  const write = (next: [string, string][]): void => set(Object.fromEntries(next));
  return html`<fieldset class=${`expect-${kind}`}>
    <legend>${t(L, kind === 'refuse' ? 'expectRefuse' : 'expectWarn')}</legend>
    ${rows.length === 0 ? html`<p class="hint">${t(L, 'expectNone')}</p>` : nothing}
    ${rows.map(
      ([path, code], k) => html`<div class="expect">
        <input part="control" id=${`test-${i}-${kind}-${k}-path`} aria-label=${`${t(L, 'expectPath')} ${k + 1}`} .value=${path}
          @change=${(e: Event) => write(rows.map((r, n) => (n === k ? [text(e), r[1]] : r)))} />
        <input part="control" id=${`test-${i}-${kind}-${k}-code`} aria-label=${`${t(L, 'expectCode')} ${k + 1}`} .value=${code}
          @change=${(e: Event) => write(rows.map((r, n) => (n === k ? [r[0], text(e)] : r)))} />
        <button type="button" part="button" aria-label=${t(L, 'removeItem', { n: k + 1 })} @click=${() => write(rows.filter((_, n) => n !== k))}>×</button>
      </div>`,
    )}
    <button type="button" part="button" class="add-expect" @click=${() => write([...rows, ['', '']])}>${t(L, 'addExpect')}</button>
  </fieldset>`;
}

/** A JSON object edited as text; stored when it parses. */
function jsonObject(c: PanelContext, id: string, label: string, value: unknown, docPath: string, set: (v: Record<string, unknown>) => void): TemplateResult {
  const L = c.locale;
  return html`<label for=${id}>${label}</label>
    <span><textarea part="control" class="json" id=${id} rows="6" aria-describedby=${id + '-error'} .value=${JSON.stringify(value ?? {}, null, 2)}
      @change=${(e: Event) => {
        const area = e.target as HTMLTextAreaElement;
        const note = area.parentElement?.querySelector('.json-error');
        try {
          const v = JSON.parse(area.value) as unknown;
          if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('{…}');
          set(v as Record<string, unknown>);
          area.setAttribute('aria-invalid', 'false');
          if (note) note.textContent = '';
        } catch (err) {
          area.setAttribute('aria-invalid', 'true');
          if (note) note.textContent = t(L, 'jsonInvalid', { m: (err as Error).message });
        }
      }}></textarea><span class="json-error field-error" role="alert"></span>${errorAt(c.errors, docPath, id, L)}</span>`;
}

export function renderTests(c: PanelContext, sample: () => PackTestCase): TemplateResult {
  const L = c.locale;
  const tests = c.doc.tests;
  const edit = (i: number, p: Partial<PackTestCase>): void => patch(c, { tests: tests.map((x, k) => (k === i ? { ...x, ...p } : x)) });
  return html`<section class="tests" aria-label=${t(L, 'tabTests')}>
    <p class="hint">${t(L, 'testsHint')}</p>
    ${tests.length === 0 ? html`<p class="hint">${t(L, 'noTests')}</p>` : nothing}
    <ol class="test-list">
      ${tests.map(
        (x, i) => html`<li class="test" data-test=${i}>
          <div class="grid">
            ${input(c, `tests.${i}.name`, t(L, 'testName'), x.name, (v) => edit(i, { name: v }))}
            ${input(c, `tests.${i}.region`, t(L, 'testRegion'), x.region ?? '', (v) => edit(i, { region: v || undefined }))}
            ${input(c, `tests.${i}.date`, t(L, 'testDate'), x.date ?? '', (v) => edit(i, { date: v || undefined }), 'date')}
            ${jsonObject(c, `test-${i}-enterprise`, t(L, 'enterpriseJson'), x.enterprise, `tests.${i}.enterprise`, (v) => edit(i, { enterprise: v }))}
            ${jsonObject(c, `test-${i}-record`, t(L, 'recordJson'), x.record, `tests.${i}.record`, (v) => edit(i, { record: v }))}
          </div>
          ${expectations(c, i, 'refuse', x.expect.refuse, (m) => edit(i, { expect: { ...x.expect, refuse: m } }))}
          ${expectations(c, i, 'warn', x.expect.warn, (m) => edit(i, { expect: { ...x.expect, warn: m } }))}
          ${errorAt(c.errors, `tests.${i}`, `f-tests_${i}`, L)}
          <button type="button" part="button" aria-label=${t(L, 'removeNamed', { name: x.name || String(i + 1) })} @click=${() => patch(c, { tests: removeAt(tests, i) })}>${t(L, 'remove')}</button>
        </li>`,
      )}
    </ol>
    <button type="button" part="button" class="add-test" @click=${() => patch(c, { tests: [...tests, sample()] })}>${t(L, 'addTest')}</button>
  </section>`;
}

const problems = (L: Locale, list: readonly PackProblem[]): TemplateResult =>
  list.length === 0
    ? html`${t(L, 'none')}`
    : html`<ul>${list.map((p) => html`<li><code>${p.path}</code> <code>${p.code}</code>：${en(L) ? p.message_en : p.message_zh}</li>`)}</ul>`;

export function renderCheck(c: PanelContext, check: PackCheck | undefined, busy: boolean, run: () => void): TemplateResult {
  const L = c.locale;
  const errors = Object.entries(check?.errors ?? {});
  return html`<section class="check" aria-label=${t(L, 'tabPreview')}>
    <button type="button" part="button primary" class="primary run-check" ?disabled=${busy} @click=${run}>${t(L, busy ? 'checking' : 'check')}</button>
    <div class="check-result" aria-live="polite">
      ${check === undefined
        ? nothing
        : errors.length
          ? html`<p class="error">${t(L, 'checkErrors', { n: errors.length })}</p>
              <ul class="check-errors">${errors.map(([path, e]) => html`<li><code>${path}</code>：${en(L) ? e.message_en : e.message_zh}</li>`)}</ul>`
          : html`<p class="ok">${t(L, 'checkOk')}</p>`}
      ${check?.tests.length
        ? html`<ol class="test-results">
            ${check.tests.map(
              (r) => html`<li class=${r.passed ? 'passed' : 'failed'}>
                <strong>${r.name}</strong> · ${c.regionName(r.region)} · ${r.date} · <span class="verdict">${t(L, r.passed ? 'testPassed' : 'testFailed')}</span>
                ${r.diffs?.length ? html`<ul class="diffs">${r.diffs.map((d) => html`<li>${d}</li>`)}</ul>` : nothing}
                <div>${t(L, 'testRefusals')} ${problems(L, r.verdict.refusals)}</div>
                <div>${t(L, 'testWarnings')} ${problems(L, r.verdict.warnings)}</div>
              </li>`,
            )}
          </ol>`
        : nothing}
      ${check?.dependents?.length
        ? html`<p class="error">${t(L, 'dependents', { list: check.dependents.map((d) => `${d.key} v${d.version}`).join(', ') })}</p>`
        : nothing}
    </div>
  </section>`;
}

const KIND_KEYS = { added: 'diffAdded', removed: 'diffRemoved', changed: 'diffChanged' } as const;

export function renderPublish(
  c: PanelContext,
  against: { key: string; version: number } | undefined,
  changes: readonly PackChange[],
  busy: boolean,
  publish: () => void,
): TemplateResult {
  const L = c.locale;
  return html`<section class="publish" aria-label=${t(L, 'tabPublish')}>
    <p>${against ? t(L, 'diffAgainst', { k: against.key, v: against.version }) : t(L, 'diffNew')}</p>
    ${changes.length === 0
      ? html`<p class="hint">${t(L, 'diffNone')}</p>`
      : html`<table class="diff" part="diff">
          <thead><tr><th scope="col">${t(L, 'diffKind')}</th><th scope="col">${t(L, 'diffWhat')}</th><th scope="col">${t(L, 'diffBefore')}</th><th scope="col">${t(L, 'diffAfter')}</th></tr></thead>
          <tbody>
            ${changes.map(
              (ch) => html`<tr class=${ch.kind}>
                <td>${t(L, KIND_KEYS[ch.kind])}</td><td><code>${ch.what}</code></td>
                <td><span class="value">${ch.before}</span></td><td><span class="value">${ch.after}</span></td>
              </tr>`,
            )}
          </tbody>
        </table>`}
    <p class="hint">${t(L, 'immutableNote')}</p>
    <button type="button" part="button primary" class="primary publish" ?disabled=${busy} @click=${publish}>${t(L, 'publish', { v: c.version })}</button>
  </section>`;
}
