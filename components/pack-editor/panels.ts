// The editor's tabs, each a function of the draft and callbacks: general (titles, jurisdiction,
// dates, sources), tables, rules (through <azx-logic-builder>), test cases, the server's check,
// and the changes with the publish button. Every value an administrator typed is shown as text.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../core/locale.js';
import type { LogicField } from '../core/logic-builder/index.js';
import '../core/logic-builder/define.js';
import type { FieldError } from '../data/errors.js';
import type { IndustryEntry } from '../data/reference.js';
import type { EffectivePack, PackCheck, PackDocument, PackProblem, PackRule, PackTable, PackTestCase, RuleSetComputation } from '../data/rule-packs.js';
import { termLabel } from '../data/terms.js';
import { PACK_LEGAL_STATUS } from '../data/vocab.js';
import { errorsUnder, removeAt, setAt, withoutKey, type JsonPath, type PackChange } from './model.js';
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

/**
 * Named JSON Logic values edited as rows: a name and its formula through <azx-logic-builder>
 * (JSON Logic text for what it cannot show). A rule's let, params and params_en.
 */
function namedLogic(
  c: PanelContext,
  base: string,
  label: string,
  map: Readonly<Record<string, unknown>> | undefined,
  fields: readonly LogicField[],
  set: (m: Record<string, unknown> | undefined) => void,
): TemplateResult {
  const L = c.locale;
  const rows = Object.entries(map ?? {});
  const write = (next: [string, unknown][]): void => set(next.length ? Object.fromEntries(next) : undefined);
  const id = 'f-' + base.replace(/[^A-Za-z0-9_-]/g, '_');
  const fresh = (): string => {
    for (let n = rows.length + 1; ; n++) if (!rows.some(([k]) => k === `value_${n}`)) return `value_${n}`;
  };
  return html`<fieldset class="named" data-named=${base}>
    <legend>${label}</legend>
    ${rows.map(
      ([name, logic], k) => html`<div class="named-row" data-name=${name}>
        <label for=${`${id}-${k}-name`}>${t(L, 'valueName')}</label>
        <input part="control" id=${`${id}-${k}-name`} .value=${name} aria-invalid=${c.errors[`${base}.${name}`] ? 'true' : 'false'}
          aria-describedby=${`${id}-${k}-error`} @change=${(e: Event) => {
            const next = text(e).trim();
            if (next && !rows.some(([other], n) => n !== k && other === next)) write(rows.map((r, n) => (n === k ? [next, r[1]] : r)));
            else (e.target as HTMLInputElement).value = name;
          }} />
        <azx-logic-builder lang=${L} mode="formula" label=${t(L, 'valueNamed', { name })} .fields=${fields} .logic=${logic}
          @azx-logic-change=${(e: CustomEvent<{ logic: unknown }>) => write(rows.map((r, n) => (n === k ? [r[0], e.detail.logic ?? null] : r)))}></azx-logic-builder>
        ${errorAt(c.errors, `${base}.${name}`, `${id}-${k}`, L)}
        <button type="button" part="button" aria-label=${t(L, 'removeNamed', { name })} @click=${() => write(rows.filter((_, n) => n !== k))}>×</button>
      </div>`,
    )}
    <button type="button" part="button" class="add-value" @click=${() => write([...rows, [fresh(), 0]])}>${t(L, 'addValue')}</button>
    ${errorAt(c.errors, base, id, L)}
  </fieldset>`;
}

/** What a rule's logic may read besides the record, the enterprise and the tables: the computations, its let values, its item. */
function ruleFields(c: PanelContext, fields: readonly LogicField[], rule: PackRule | undefined): LogicField[] {
  const L = c.locale;
  const computed = [...(c.inherited?.computations ?? []), ...c.doc.computations]
    .filter((x, i, all) => all.findIndex((y) => y.name === x.name) === i)
    .map((x): LogicField => ({ path: `computed.${x.name}`, title: `${t(L, 'computations')} ${x.name}`, kind: 'number' }));
  const lets = Object.keys(rule?.let ?? {}).map((name): LogicField => ({ path: `let.${name}`, title: `let.${name}`, kind: 'number' }));
  const item: LogicField[] = rule?.each !== undefined ? [{ path: 'item', title: 'item', kind: 'string' }] : [];
  return [...fields, ...computed, ...lets, ...item];
}

/** The pack's computations: a name, a note in both languages and a formula each, in order. */
function renderComputations(c: PanelContext, fields: readonly LogicField[]): TemplateResult {
  const L = c.locale;
  const list = c.doc.computations;
  const edit = (i: number, p: Partial<RuleSetComputation>): void => patch(c, { computations: list.map((x, k) => (k === i ? { ...x, ...p } : x)) });
  const own = new Set(list.map((x) => x.name));
  const inherited = (c.inherited?.computations ?? []).map((x) => x.name).filter((n) => !own.has(n));
  return html`<h3>${t(L, 'computations')}</h3>
    <p class="hint">${t(L, 'computationsHint')}</p>
    ${list.length === 0 ? html`<p class="hint">${t(L, 'noComputations')}</p>` : nothing}
    <ol class="computation-list">
      ${list.map((x, i) => {
        const base = `computations.${i}`;
        const title = x.title ?? { zh: '', en: '' };
        // what the computations before it produced, and nothing after it
        const before = ruleFields({ ...c, inherited: undefined, doc: { ...c.doc, computations: list.slice(0, i) } }, fields, undefined);
        return html`<li class="computation" data-computation=${i}>
          <div class="grid">
            ${input(c, `${base}.name`, t(L, 'valueName'), x.name, (v) => edit(i, { name: v.trim() }))}
            ${input(c, `${base}.title.zh`, t(L, 'computationTitle'), title.zh, (v) => edit(i, { title: { ...title, zh: v } }))}
            ${input(c, `${base}.title.en`, t(L, 'computationTitleEn'), title.en, (v) => edit(i, { title: { ...title, en: v } }))}
          </div>
          <azx-logic-builder lang=${L} mode="formula" label=${`${t(L, 'computationLogic')} ${x.name || i + 1}`} .fields=${before} .logic=${x.logic}
            @azx-logic-change=${(e: CustomEvent<{ logic: unknown }>) => edit(i, { logic: e.detail.logic ?? null })}></azx-logic-builder>
          ${errorAt(c.errors, `${base}.logic`, `f-computations_${i}_logic`, L)}
          ${errorAt(c.errors, base, `f-computations_${i}`, L)}
          <button type="button" part="button" aria-label=${t(L, 'removeNamed', { name: x.name || String(i + 1) })} @click=${() => patch(c, { computations: removeAt(list, i) })}>${t(L, 'remove')}</button>
        </li>`;
      })}
    </ol>
    <button type="button" part="button" class="add-computation"
      @click=${() => patch(c, { computations: [...list, { name: `value_${list.length + 1}`, logic: { '+': [0] } }] })}>${t(L, 'addComputation')}</button>
    ${inherited.length ? html`<p class="hint">${t(L, 'computationsInherited', { names: inherited.join(', ') })}</p>` : nothing}`;
}

/**
 * A rule's `each`: judged once per item of a list, picked among the tables that are lists; a list
 * written otherwise (a record's field, a filter) is JSON Logic text.
 */
function eachControl(c: PanelContext, i: number, rule: PackRule, fields: readonly LogicField[], set: (v: unknown) => void): TemplateResult {
  const L = c.locale;
  const id = `f-rules_${i}_each`;
  const lists = Object.entries({ ...(c.inherited?.tables ?? {}), ...c.doc.tables })
    .filter(([, tb]) => Array.isArray(tb.value))
    .map(([name, tb]) => ({ path: `tables.${name}.value`, title: L.startsWith('en') ? tb.title.en : tb.title.zh }));
  const each = rule.each;
  const picked = each !== null && typeof each === 'object' && !Array.isArray(each) && Object.keys(each).length === 1 ? (each as { var?: unknown }).var : undefined;
  const known = typeof picked === 'string' && lists.some((x) => x.path === picked);
  const choice = each === undefined ? '' : known ? String(picked) : LOGIC;
  return html`<div class="each">
    <label for=${id}>${t(L, 'each')}</label>
    <select part="control" id=${id} aria-describedby=${`${id}-error`} @change=${(e: Event) => {
      const v = text(e);
      set(v === '' ? undefined : v === LOGIC ? (known || each === undefined ? { var: '' } : each) : { var: v });
    }}>
      <option value="" ?selected=${choice === ''}>${t(L, 'eachNone')}</option>
      ${lists.map((x) => html`<option value=${x.path} ?selected=${choice === x.path}>${x.title}（${x.path}）</option>`)}
      <option value=${LOGIC} ?selected=${choice === LOGIC}>${t(L, 'eachLogic')}</option>
    </select>
    ${choice === LOGIC
      ? html`<azx-logic-builder lang=${L} mode="formula" label=${`${t(L, 'eachLogic')} ${i + 1}`} .fields=${fields} .logic=${each}
          @azx-logic-change=${(e: CustomEvent<{ logic: unknown }>) => set(e.detail.logic ?? { var: '' })}></azx-logic-builder>`
      : nothing}
    ${errorAt(c.errors, `rules.${i}.each`, id, L)}
  </div>`;
}

/** The `each` select's entry for a list written as JSON Logic. */
const LOGIC = '(logic)';

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
    ${renderComputations(c, fields)}
    <h3>${t(L, 'rulesOwn')}</h3>
    ${rules.length === 0 ? html`<p class="hint">${t(L, 'noRules')}</p>` : nothing}
    <ol class="rule-list">
      ${rules.map((r, i) => {
        const base = `rules.${i}`;
        const field = (k: string, label: string, value: string, set: (v: string) => void): TemplateResult => input(c, `${base}.${k}`, label, value, set);
        const reads = ruleFields(c, fields, r);
        const without = (k: 'each' | 'let' | 'params' | 'params_en', v: unknown): void => {
          const { [k]: _gone, ...rest } = r;
          patch(c, { rules: rules.map((x, n) => (n === i ? (v === undefined || v === null ? (rest as PackRule) : { ...rest, [k]: v }) : x)) });
        };
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
          ${eachControl(c, i, r, reads, (v) => without('each', v))}
          ${namedLogic(c, `${base}.let`, t(L, 'letValues'), r.let, reads, (m) => without('let', m))}
          <azx-logic-builder lang=${L} mode="condition" label=${`${t(L, 'ruleWhen')} ${i + 1}`} .fields=${reads} .logic=${r.when}
            @azx-logic-change=${(e: CustomEvent<{ logic: unknown }>) => edit(i, { when: e.detail.logic ?? false })}></azx-logic-builder>
          ${errorAt(c.errors, `${base}.when`, `f-rules_${i}_when`, L)}
          <div class="grid">
            ${field('message.zh', t(L, 'messageZh'), r.message.zh, (v) => edit(i, { message: { ...r.message, zh: v } }))}
            ${field('message.en', t(L, 'messageEn'), r.message.en, (v) => edit(i, { message: { ...r.message, en: v } }))}
            ${citation(c, `${base}.source`, r.source, (s) => edit(i, { source: s ?? { document: '' } }))}
          </div>
          <p class="hint">${t(L, 'messageHint')}</p>
          ${namedLogic(c, `${base}.params`, t(L, 'params'), r.params, reads, (m) => without('params', m))}
          ${namedLogic(c, `${base}.params_en`, t(L, 'paramsEn'), r.params_en, reads, (m) => without('params_en', m))}
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
        <input part="control" id=${`test-${i}-${kind}-${k}-path`} list="pack-paths" aria-label=${`${t(L, 'expectPath')} ${k + 1}`} .value=${path}
          @change=${(e: Event) => write(rows.map((r, n) => (n === k ? [text(e), r[1]] : r)))} />
        <input part="control" id=${`test-${i}-${kind}-${k}-code`} list="pack-codes" aria-label=${`${t(L, 'expectCode')} ${k + 1}`} .value=${code}
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

/** What a sample's fields are called: the policy definition's titles (record.<key>), else the key. */
function titleOf(fields: readonly LogicField[], root: 'record' | 'enterprise', path: JsonPath): string | undefined {
  if (path.length !== 1) return undefined;
  const f = fields.find((x) => x.path === `${root}.${String(path[0])}`);
  return f && f.title !== f.path ? `${f.title}（${String(path[0])}）` : undefined;
}

/**
 * A sample record (the policy, or its enterprise) edited as a form: a row per field, each value by
 * its shape (value-editor), named by the definition's titles; a field of the definition added
 * from a list, one removed; JSON text kept behind a disclosure for what a form cannot say.
 */
function sampleForm(c: PanelContext, i: number, root: 'record' | 'enterprise', value: Readonly<Record<string, unknown>>, fields: readonly LogicField[], set: (v: Record<string, unknown>) => void): TemplateResult {
  const L = c.locale;
  const docPath = `tests.${i}.${root}`;
  const label = t(L, root === 'record' ? 'sampleRecord' : 'sampleEnterprise');
  const ctx = {
    locale: L,
    industries: c.industries,
    errors: c.errors,
    commit: (path: JsonPath, next: unknown) => set(setAt(value, path, next) as Record<string, unknown>),
    labelOf: (path: JsonPath) => titleOf(fields, root, path),
  };
  const missing = fields.filter((f) => f.path.startsWith(root + '.') && !(f.path.slice(root.length + 1) in value));
  const add = (e: Event): void => {
    e.preventDefault();
    const select = (e.currentTarget as HTMLFormElement).elements.namedItem('field') as HTMLSelectElement;
    const field = fields.find((f) => f.path === select.value);
    if (!field) return;
    const blank = field.kind === 'number' ? 0 : field.kind === 'boolean' ? false : '';
    set({ ...value, [field.path.slice(root.length + 1)]: blank });
  };
  return html`<fieldset class=${`sample sample-${root}`} data-sample=${root}>
    <legend>${label}</legend>
    ${Object.keys(value).length === 0 ? html`<p class="hint">${t(L, 'noFields')}</p>` : nothing}
    <dl class="props">
      ${Object.entries(value).map(
        ([k, v]) => html`<div data-field=${k}><dt>${titleOf(fields, root, [k]) ?? k}</dt>
          <dd>${renderValue(ctx, docPath, k, v, [k])}
            <button type="button" part="button" aria-label=${t(L, 'removeNamed', { name: titleOf(fields, root, [k]) ?? k })}
              @click=${() => set(withoutKey(value, k))}>×</button></dd></div>`,
      )}
    </dl>
    ${missing.length
      ? html`<form class="add-field" @submit=${add}>
          <select part="control" name="field" aria-label=${`${label}：${t(L, 'fieldToAdd')}`}>
            ${missing.map((f) => html`<option value=${f.path}>${titleOf(fields, root, [f.path.slice(root.length + 1)]) ?? f.path}</option>`)}
          </select>
          <button part="button" type="submit">${t(L, 'addField')}</button>
        </form>`
      : nothing}
    <details class="raw-json">
      <summary>${t(L, 'jsonAdvanced')}</summary>
      ${jsonObject(c, `test-${i}-${root}`, t(L, root === 'record' ? 'recordJson' : 'enterpriseJson'), value, docPath, set)}
    </details>
    ${errorAt(c.errors, docPath, `f-tests_${i}_${root}`, L)}
  </fieldset>`;
}

/** name → value pairs of the computed values a case expects. */
function expectedComputed(c: PanelContext, i: number, map: Readonly<Record<string, unknown>> | undefined, set: (m: Record<string, unknown> | undefined) => void): TemplateResult {
  const L = c.locale;
  const rows = Object.entries(map ?? {});
  const write = (next: [string, unknown][]): void => set(next.length ? Object.fromEntries(next) : undefined);
  const parse = (v: string): unknown => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);
  return html`<fieldset class="expect-computed">
    <legend>${t(L, 'expectComputed')}</legend>
    ${rows.map(
      ([name, v], k) => html`<div class="expect">
        <input part="control" id=${`test-${i}-computed-${k}-name`} list="pack-computations" aria-label=${`${t(L, 'expectComputedName')} ${k + 1}`} .value=${name}
          @change=${(e: Event) => write(rows.map((r, n) => (n === k ? [text(e).trim(), r[1]] : r)))} />
        <input part="control" id=${`test-${i}-computed-${k}-value`} aria-label=${`${t(L, 'expectComputedValue')} ${k + 1}`} .value=${typeof v === 'string' ? v : JSON.stringify(v)}
          @change=${(e: Event) => write(rows.map((r, n) => (n === k ? [r[0], parse(text(e))] : r)))} />
        <button type="button" part="button" aria-label=${t(L, 'removeItem', { n: k + 1 })} @click=${() => write(rows.filter((_, n) => n !== k))}>×</button>
      </div>`,
    )}
    <button type="button" part="button" class="add-expect" @click=${() => write([...rows, ['', 0]])}>${t(L, 'addExpect')}</button>
  </fieldset>`;
}

/** A case's verdict from the last run on the server's evaluator, beside the case. */
function caseResult(L: Locale, r: PackCheck['tests'][number] | undefined): TemplateResult | typeof nothing {
  if (!r) return nothing;
  return html`<div class=${`case-result ${r.passed ? 'passed' : 'failed'}`} role="status">
    <span class="verdict">${t(L, r.passed ? 'testPassed' : 'testFailed')}</span>
    ${r.diffs?.length ? html`<ul class="diffs">${r.diffs.map((d) => html`<li>${d}</li>`)}</ul>` : nothing}
    <div>${t(L, 'testRefusals')} ${problems(L, r.verdict.refusals)}</div>
  </div>`;
}

export function renderTests(c: PanelContext, sample: () => PackTestCase, fields: readonly LogicField[], check: PackCheck | undefined, busy: boolean, run: () => void): TemplateResult {
  const L = c.locale;
  const tests = c.doc.tests;
  const edit = (i: number, p: Partial<PackTestCase>): void => patch(c, { tests: tests.map((x, k) => (k === i ? { ...x, ...p } : x)) });
  const codes = [...new Set([...(c.inherited?.rules ?? []).map((r) => r.code), ...c.doc.rules.map((r) => r.code)])].filter(Boolean);
  const computations = [...new Set([...(c.inherited?.computations ?? []), ...c.doc.computations].map((x) => x.name))];
  const paths = fields.filter((f) => f.path.startsWith('record.')).map((f) => f.path.slice('record.'.length));
  // check is the run of this very document (the editor passes none once it changed); by name, a case's own
  const resultOf = (name: string) => check?.tests.find((r) => r.name === name);
  return html`<section class="tests" aria-label=${t(L, 'tabTests')}>
    <p class="hint">${t(L, 'testsHint')}</p>
    <datalist id="pack-codes">${codes.map((code) => html`<option value=${code}></option>`)}</datalist>
    <datalist id="pack-paths">${paths.map((p) => html`<option value=${p}></option>`)}</datalist>
    <datalist id="pack-computations">${computations.map((n) => html`<option value=${n}></option>`)}</datalist>
    ${tests.length === 0 ? html`<p class="hint">${t(L, 'noTests')}</p>` : nothing}
    <ol class="test-list">
      ${tests.map(
        (x, i) => html`<li class="test" data-test=${i}>
          <div class="grid">
            ${input(c, `tests.${i}.name`, t(L, 'testName'), x.name, (v) => edit(i, { name: v }))}
            ${input(c, `tests.${i}.region`, t(L, 'testRegion'), x.region ?? '', (v) => edit(i, { region: v || undefined }))}
            ${input(c, `tests.${i}.date`, t(L, 'testDate'), x.date ?? '', (v) => edit(i, { date: v || undefined }), 'date')}
          </div>
          ${sampleForm(c, i, 'record', x.record, fields, (v) => edit(i, { record: v }))}
          ${sampleForm(c, i, 'enterprise', x.enterprise, fields, (v) => edit(i, { enterprise: v }))}
          ${expectations(c, i, 'refuse', x.expect.refuse, (m) => edit(i, { expect: { ...x.expect, refuse: m } }))}
          ${expectations(c, i, 'warn', x.expect.warn, (m) => edit(i, { expect: { ...x.expect, warn: m } }))}
          ${expectedComputed(c, i, x.expect.computed, (m) => {
            const { computed: _gone, ...rest } = x.expect;
            edit(i, { expect: m ? { ...rest, computed: m } : rest });
          })}
          ${errorAt(c.errors, `tests.${i}`, `f-tests_${i}`, L)}
          ${caseResult(L, resultOf(x.name))}
          <button type="button" part="button" aria-label=${t(L, 'removeNamed', { name: x.name || String(i + 1) })} @click=${() => patch(c, { tests: removeAt(tests, i) })}>${t(L, 'remove')}</button>
        </li>`,
      )}
    </ol>
    <button type="button" part="button" class="add-test" @click=${() => patch(c, { tests: [...tests, sample()] })}>${t(L, 'addTest')}</button>
    <button type="button" part="button primary" class="primary run-tests" ?disabled=${busy || tests.length === 0} @click=${run}>${t(L, busy ? 'checking' : 'runTests')}</button>
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
