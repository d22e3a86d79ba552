import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AzxForm, JsonSchema } from '../core/index.js';
import '../core/index.js';
import { isEnglish } from '../core/locale.js';
import { withNames } from '../core/proper-name.js';
import { StoreElement } from '../core/store-element.js';
import { FormAssociated, VALID, type ControlValidity } from '../core/form-control.js';
// the data layer's small modules, not its index: the editor needs no PocketBase SDK
import { isStoreError } from '../data/errors.js';
import type { FormDefinition } from '../data/store.js';
import { termLabel } from '../data/terms.js';
import { DEFINITION_STATUS } from '../data/vocab.js';
import { renderList, byKey, DEFINITION_KEY, type NewIndustry } from './definition-list.js';
import { renderFieldTree } from './field-tree.js';
import { renderInspector } from './inspector.js';
import { renderRules } from './rules-panel.js';
import { renderPublish } from './publish-panel.js';
import { diffSchemas } from './diff.js';
import { referenceWarnings, type Warning } from './references.js';
import { History } from './history.js';
import { extendSchema, fieldAt, type FieldPath } from './model.js';
import { checkSchema, checkSchemaText, type CheckResult, type SchemaProblem } from './meta/check.js';
import { editorStyles } from './schema-editor.styles.js';
import { t, type EditorKey } from './ui-text.js';

/** What the administrator edits: one version of one definition, not yet published. */
export interface DefinitionDraftState {
  readonly key: string;
  readonly version: number;
  readonly title: string;
  readonly industry: string;
  readonly base: string;
  readonly schema: JsonSchema;
}

export type Tab = 'fields' | 'rules' | 'json' | 'preview' | 'publish';
const TABS: readonly [Tab, EditorKey][] = [
  ['fields', 'tabFields'],
  ['rules', 'tabRules'],
  ['json', 'tabJson'],
  ['preview', 'tabPreview'],
  ['publish', 'tabPublish'],
];

const warned = new WeakMap<object, Warning[]>();
function warningsOnce(schema: JsonSchema): Warning[] {
  let w = warned.get(schema);
  if (!w) warned.set(schema, (w = referenceWarnings(schema)));
  return w;
}

const checked = new WeakMap<object, CheckResult>();
function checkOnce(schema: JsonSchema): CheckResult {
  let r = checked.get(schema);
  if (!r) checked.set(schema, (r = checkSchema(schema)));
  return r;
}

/**
 * The low-code editor of form definitions: lists definitions with their versions, starts a
 * definition for a new industry from a published one, edits its fields, groups, conditions,
 * formulas and cross-field rules without JSON (or as JSON, checked against the 2020-12
 * meta-schema as it is typed), previews it with `<azx-form>` and sample data, shows what
 * changed against the published version, publishes a new immutable version and retires old
 * ones. Undo and redo with the buttons or Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) outside text boxes.
 * Whatever an administrator types is shown as text only.
 *
 * Reads the Store from context (`storeContext`) unless `store` is set.
 *
 * @summary Administrators extend the forms for a new industry without a release.
 *
 * @event azx-definition-published - Bubbling, composed `CustomEvent<{ definition: FormDefinition }>`: a version was published.
 * @event azx-definition-retired - Bubbling, composed `CustomEvent<{ definition: FormDefinition }>`: a version was retired.
 *
 * @csspart definitions - The table of definitions.
 * @csspart new-industry - The form that starts a definition for a new industry.
 * @csspart tabs - The tab list of the editor.
 * @csspart tab - One tab.
 * @csspart add-field - The form that adds a field.
 * @csspart inspector - The properties of the selected field.
 * @csspart preview - The live `<azx-form>`.
 * In a `<form>` it is a form control: its value is the open draft as JSON, and the form is not
 * submitted while the draft has a problem the editor shows (meta-schema, JSON text, the server).
 *
 * @csspart diff - The table of changes against the published version.
 * @csspart control - Every input, select and textarea.
 * @csspart button - Every button (also `primary`).
 * @csspart status - The status line.
 */
export class AzxSchemaEditor extends FormAssociated(StoreElement) {
  static override styles = editorStyles;

  /** Open this definition key in the editor at once (its draft, or a new version of it). */
  @property({ attribute: 'definition-key' }) accessor definitionKey: string = '';

  /** The editor's open tab: fields, rules, json, preview or publish. */
  @property() accessor tab: Tab = 'fields';

  @state() accessor #definitions: readonly FormDefinition[] = [];
  @state() accessor #loaded = false;
  @state() accessor #draft: DefinitionDraftState | undefined = undefined;
  /** The version the draft is compared with: the latest published of its key, else its base. */
  @state() accessor #against: FormDefinition | undefined = undefined;
  @state() accessor #isNewKey = false;
  @state() accessor #selected: FieldPath = [];
  @state() accessor #busy = false;
  @state() accessor #status = '';
  @state() accessor #errors: readonly string[] = [];
  @state() accessor #addProblem = '';
  @state() accessor #createProblem = '';
  @state() accessor #jsonText = '';
  @state() accessor #jsonCheck: CheckResult | undefined = undefined;
  @state() accessor #sample: Record<string, unknown> = {};
  @state() accessor #sampleResult: '' | 'valid' | 'invalid' = '';
  @state() accessor #sampleError = '';
  /** The draft as last opened or saved: leaving with another one asks first. */
  @state() accessor #savedDraft: DefinitionDraftState | undefined = undefined;
  @state() accessor #confirmLeave = false;
  readonly #history = new History<DefinitionDraftState>();
  #focusAfterRender: FieldPath | undefined;

  constructor() {
    super();
    this.addEventListener('keydown', (e) => this.#onKeyDown(e));
  }
  /** In a surrounding form: the open draft (key, version and schema) as JSON, or nothing. */
  protected override formValue(): string | null {
    const d = this.#draft;
    return d ? JSON.stringify({ key: d.key, version: d.version, title: d.title, schema: d.schema }) : null;
  }

  /**
   * The draft's first problem, as the editor shows it: JSON text that does not parse or breaks
   * the meta-schema, a schema the meta-schema refuses, or the server's refusal of the last save.
   */
  protected override formValidity(): ControlValidity {
    const d = this.#draft;
    if (!d) return VALID;
    const en = isEnglish(this.locale);
    const json = this.#jsonCheck;
    const problems = json && !json.ok ? json.problems : (() => {
      const r = checkOnce(d.schema);
      return r.ok ? [] : r.problems;
    })();
    const first = problems[0];
    if (first) return { flags: { customError: true }, message: en ? first.en : first.zh };
    const refused = this.#errors[0];
    return refused ? { flags: { customError: true }, message: refused } : VALID;
  }

  /** The draft being edited, if any (for portals and tests). */
  get draft(): DefinitionDraftState | undefined {
    return this.#draft;
  }

  /** A store (or a sign-in on the page): the definitions are listed again. */
  protected override storeReady(): void {
    void this.#load().then(() => {
      if (this.definitionKey && !this.#draft) this.#edit(this.definitionKey);
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('definitionKey') && this.definitionKey && this.#loaded && this.#draft?.key !== this.definitionKey) {
      this.#edit(this.definitionKey);
    }
  }

  /**
   * Where the focus goes once the content it was on has gone: the draft's heading when a draft
   * opens, the definition's row when the list comes back (after leaving, publishing, retiring,
   * deleting a draft), else the editor's heading. Documented in the README.
   */
  #focusNext: string | undefined;

  protected override updated(): void {
    const next = this.#focusNext;
    if (next) {
      this.#focusNext = undefined;
      (this.renderRoot.querySelector<HTMLElement>(next) ?? this.renderRoot.querySelector<HTMLElement>('h2'))?.focus();
    }
    const path = this.#focusAfterRender;
    if (!path) return;
    this.#focusAfterRender = undefined;
    const item = [...this.renderRoot.querySelectorAll<HTMLElement>('.tree-item')].find((li) => li.dataset['path'] === path.join('.'));
    item?.querySelector<HTMLElement>(':scope > .row > button.name')?.focus();
  }

  /** Reloads the definitions from the store. */
  async reload(): Promise<void> {
    await this.#load();
  }

  async #load(): Promise<void> {
    const store = this.activeStore;
    if (!store) return;
    try {
      this.#definitions = await store.listDefinitions();
      this.#loaded = true;
    } catch (err) {
      this.#showError(err);
    }
  }

  // ── actions ───────────────────────────────────────────────────────────────────────────

  #latestPublished(key: string): FormDefinition | undefined {
    return this.#definitions.filter((d) => d.key === key && d.status === 'published').sort((a, b) => b.version - a.version)[0];
  }

  #open(draft: DefinitionDraftState, against: FormDefinition | undefined, isNewKey: boolean): void {
    this.#draft = draft;
    this.#savedDraft = draft;
    this.#confirmLeave = false;
    this.#against = against;
    this.#isNewKey = isNewKey;
    this.#history.clear();
    this.#selected = [];
    this.#errors = [];
    this.#sample = {};
    this.#sampleResult = '';
    this.#syncJson();
    this.#focusNext = '#draft-heading';
  }

  /** The row of a definition in the list (its edit button), for the focus. */
  #rowOf(key: string): string {
    return `tr[data-key="${CSS.escape(key)}"] td:last-child button`;
  }

  #edit(key: string): void {
    const versions = byKey(this.#definitions).get(key);
    if (!versions || versions.length === 0) return;
    const latest = versions[versions.length - 1]!;
    const published = this.#latestPublished(key);
    const base = published ?? (latest.base ? this.#latestPublished(latest.base) : undefined);
    const from = latest.status === 'draft' ? latest : published ?? latest;
    this.#open(
      {
        key,
        version: latest.status === 'draft' ? latest.version : latest.version + 1,
        title: from.title,
        industry: from.industry,
        base: from.base,
        schema: structuredClone(from.schema) as JsonSchema,
      },
      base,
      !published,
    );
    this.#status = '';
  }

  #create(spec: NewIndustry): void {
    const L = this.locale;
    if (!DEFINITION_KEY.test(spec.key)) {
      this.#createProblem = t(L, 'failed', { m: isEnglish(L) ? 'a key is lowercase letters, digits, _ . -, starting with a letter' : '标识须以小写字母开头，只含小写字母、数字和 _ . -' });
      return;
    }
    if (this.#definitions.some((d) => d.key === spec.key)) {
      this.#createProblem = t(L, 'keyTaken', { k: spec.key });
      return;
    }
    const base = this.#latestPublished(spec.base);
    if (!base) return;
    this.#createProblem = '';
    this.#open(
      {
        key: spec.key,
        version: 1,
        title: spec.zh,
        industry: spec.industry,
        // records name the collection's kind through `base`, so a variant of a variant keeps the root kind
        base: base.base || base.key,
        schema: extendSchema(base.schema as JsonSchema, spec.key, spec.zh, spec.en),
      },
      base,
      true,
    );
  }

  #commit = (schema: JsonSchema): void => {
    if (!this.#draft) return;
    this.#history.push(this.#draft);
    this.#draft = { ...this.#draft, schema };
    this.#status = '';
    this.#syncJson();
  };

  #setMeta(patch: Partial<Pick<DefinitionDraftState, 'title' | 'industry'>> & { titleEn?: string }): void {
    const d = this.#draft;
    if (!d) return;
    this.#history.push(d);
    let schema = d.schema;
    if (patch.title !== undefined) schema = { ...schema, title: patch.title };
    if (patch.titleEn !== undefined) {
      schema = { ...schema, 'x-title-en': patch.titleEn };
      if (patch.titleEn === '') delete (schema as Record<string, unknown>)['x-title-en'];
    }
    this.#draft = { ...d, title: patch.title ?? d.title, industry: patch.industry ?? d.industry, schema };
    this.#syncJson();
  }

  /** Undoes the last edit; false when there is none. */
  undo(): boolean {
    if (!this.#draft) return false;
    const previous = this.#history.undo(this.#draft);
    if (!previous) return false;
    this.#draft = previous;
    this.#afterHistory();
    return true;
  }

  /** Redoes the last undone edit; false when there is none. */
  redo(): boolean {
    if (!this.#draft) return false;
    const next = this.#history.redo(this.#draft);
    if (!next) return false;
    this.#draft = next;
    this.#afterHistory();
    return true;
  }

  #afterHistory(): void {
    if (this.#draft && !fieldAt(this.#draft.schema, this.#selected)) this.#selected = [];
    this.#syncJson();
  }

  #syncJson(): void {
    if (!this.#draft) return;
    this.#jsonText = JSON.stringify(this.#draft.schema, null, 2);
    this.#jsonCheck = undefined;
  }

  #onKeyDown(e: KeyboardEvent): void {
    if (!(e.ctrlKey || e.metaKey) || !this.#draft) return;
    const target = e.composedPath()[0];
    // text boxes keep the browser's own undo of what is being typed
    if (target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type))) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      this.undo();
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault();
      this.redo();
    }
  }

  #draftInput() {
    const d = this.#draft!;
    return { key: d.key, version: d.version, title: d.title, industry: d.industry, base: d.base, schema: d.schema };
  }

  /** Stores the draft (a draft row on the server); resolves false when refused. */
  async saveDraft(): Promise<boolean> {
    const store = this.activeStore;
    if (!store || !this.#draft) return false;
    this.#busy = true;
    this.#errors = [];
    try {
      const saving = this.#draft;
      await store.saveDefinitionDraft(this.#draftInput());
      this.#savedDraft = saving;
      this.#status = t(this.locale, 'saved');
      await this.#load();
      return true;
    } catch (err) {
      this.#showError(err);
      return false;
    } finally {
      this.#busy = false;
    }
  }

  /** Saves the draft and publishes it as a new immutable version; resolves false when refused. */
  async publish(): Promise<boolean> {
    const store = this.activeStore;
    const d = this.#draft;
    if (!store || !d) return false;
    this.#busy = true;
    this.#errors = [];
    try {
      await store.saveDefinitionDraft(this.#draftInput());
      const definition = await store.setDefinitionStatus(d.key, d.version, 'published');
      await this.#load();
      this.#draft = undefined;
      this.#history.clear();
      this.#status = t(this.locale, 'published', { v: d.version });
      this.#focusNext = this.#rowOf(d.key);
      this.dispatchEvent(new CustomEvent('azx-definition-published', { detail: { definition }, bubbles: true, composed: true }));
      return true;
    } catch (err) {
      this.#showError(err);
      return false;
    } finally {
      this.#busy = false;
    }
  }

  async #retire(def: FormDefinition): Promise<void> {
    const store = this.activeStore;
    if (!store) return;
    this.#busy = true;
    this.#errors = [];
    try {
      const definition = await store.setDefinitionStatus(def.key, def.version, 'retired');
      await this.#load();
      this.#status = t(this.locale, 'retired', { v: def.version });
      this.#focusNext = this.#rowOf(def.key);
      this.dispatchEvent(new CustomEvent('azx-definition-retired', { detail: { definition }, bubbles: true, composed: true }));
    } catch (err) {
      this.#showError(err);
    } finally {
      this.#busy = false;
    }
  }

  async #deleteDraft(def: FormDefinition): Promise<void> {
    const store = this.activeStore;
    if (!store) return;
    this.#busy = true;
    this.#errors = [];
    try {
      await store.deleteDefinitionDraft(def.key, def.version);
      await this.#load();
      this.#status = t(this.locale, 'draftDeleted', { v: def.version });
      this.#focusNext = this.#rowOf(def.key);
    } catch (err) {
      this.#showError(err);
    } finally {
      this.#busy = false;
    }
  }

  #showError(err: unknown): void {
    const en = isEnglish(this.locale);
    if (isStoreError(err)) {
      const lines = [`${t(this.locale, 'refused')} ${en ? err.message_en : err.message_zh}`];
      for (const [field, fe] of Object.entries(err.fieldErrors)) lines.push(`${field}: ${en ? fe.message_en : fe.message_zh}`);
      this.#errors = lines;
    } else {
      this.#errors = [t(this.locale, 'failed', { m: err instanceof Error ? err.message : String(err) })];
    }
  }

  // ── rendering ─────────────────────────────────────────────────────────────────────────

  protected override render(): TemplateResult {
    const L = this.locale;
    const store = this.activeStore;
    return html`<div class="editor">
      <h2 tabindex="-1">${t(L, 'heading')}</h2>
      ${!store ? html`<p class="error">${t(L, 'noStore')}</p>` : nothing}
      ${store && store.party && store.party.role !== 'admin' ? html`<p class="hint">${t(L, 'notAdmin')}</p>` : nothing}
      <p class="status" part="status" role="status">${this.#status}</p>
      ${this.#errors.length > 0
        ? html`<div class="errors" role="alert">${this.#errors.map((line) => html`<p class="error">${line}</p>`)}</div>`
        : nothing}
      ${!this.#loaded && store
        ? html`<p class="hint">${t(L, 'loading')}</p>`
        : this.#draft
          ? this.#renderEditor(this.#draft)
          : renderList({
              locale: L,
              definitions: this.#definitions,
              busy: this.#busy,
              createProblem: this.#createProblem,
              edit: (key) => {
                this.tab = 'fields';
                this.#edit(key);
              },
              retire: (d) => void this.#retire(d),
              deleteDraft: (d) => void this.#deleteDraft(d),
              create: (spec) => {
                this.tab = 'fields';
                this.#create(spec);
              },
            })}
    </div>`;
  }

  #renderEditor(d: DefinitionDraftState): TemplateResult {
    const L = this.locale;
    const problems = checkOnce(d.schema);
    return html`<div class="draft">
      <h3 id="draft-heading" tabindex="-1">${withNames(L, (v) => t(L, 'editing', { ...v, v: d.version }), { title: d.title })}</h3>
      <div class="toolbar">
        <button type="button" part="button" class="back" @click=${() => this.#leave(false)}>${t(L, 'back')}</button>
        <button type="button" part="button" ?disabled=${!this.#history.canUndo} @click=${() => this.undo()} aria-keyshortcuts="Control+Z">
          ${t(L, 'undo')}</button>
        <button type="button" part="button" ?disabled=${!this.#history.canRedo} @click=${() => this.redo()} aria-keyshortcuts="Control+Shift+Z Control+Y">
          ${t(L, 'redo')}</button>
        <button type="button" part="button" ?disabled=${this.#busy} @click=${() => void this.saveDraft()}>${t(L, 'saveDraft')}</button>
      </div>
      <div class="meta grid">
        <span class="stack">${t(L, 'key')}</span><span><code>${d.key}</code> · v${d.version} · ${termLabel(DEFINITION_STATUS, 'draft', L)}${d.base ? html` · ${t(L, 'base')} <code>${d.base}</code>` : nothing}</span>
        <label class="stack" for="meta-title">${t(L, 'title')}</label>
        <input id="meta-title" part="control" .value=${d.title} @change=${(e: Event) => this.#setMeta({ title: (e.target as HTMLInputElement).value })} />
        <label class="stack" for="meta-title-en">${t(L, 'titleEn')}</label>
        <input id="meta-title-en" part="control" .value=${typeof d.schema['x-title-en'] === 'string' ? d.schema['x-title-en'] : ''}
          @change=${(e: Event) => this.#setMeta({ titleEn: (e.target as HTMLInputElement).value })} />
        <label class="stack" for="meta-industry">${t(L, 'industry')}</label>
        <input id="meta-industry" part="control" .value=${d.industry} @change=${(e: Event) => this.#setMeta({ industry: (e.target as HTMLInputElement).value })} />
      </div>
      ${this.#confirmLeave
        ? html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
            <p id="confirm-text">${t(L, 'unsaved')}</p>
            <button type="button" part="button" class="discard" @click=${() => this.#leave(true)}>${t(L, 'discard')}</button>
            <button type="button" part="button primary" class="primary keep" @click=${() => (this.#confirmLeave = false)}>${t(L, 'keepEditing')}</button>
          </div>`
        : nothing}
      ${problems.ok ? nothing : this.#renderProblems(problems.problems)}
      ${this.#renderWarnings(warningsOnce(d.schema))}
      <div role="tablist" part="tabs" class="tabs" aria-label=${t(L, 'heading')}>
        ${TABS.map(
          ([tab, label]) => html`<button type="button" role="tab" part="tab" id=${`tab-${tab}`} aria-controls="panel"
            aria-selected=${this.tab === tab ? 'true' : 'false'} tabindex=${this.tab === tab ? '0' : '-1'}
            @click=${() => (this.tab = tab)} @keydown=${(e: KeyboardEvent) => this.#onTabKey(e)}>${t(L, label)}</button>`,
        )}
      </div>
      <div id="panel" role="tabpanel" aria-labelledby=${`tab-${this.tab}`} class="panel panel-${this.tab}">${this.#renderTab(d, problems)}</div>
    </div>`;
  }

  /** Back to the list; with unsaved edits only once the administrator confirms. */
  #leave(confirmed: boolean): void {
    if (!confirmed && this.#draft !== this.#savedDraft) {
      this.#confirmLeave = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.confirm .keep')?.focus());
      return;
    }
    const key = this.#draft?.key ?? '';
    this.#draft = undefined;
    this.#confirmLeave = false;
    this.#status = '';
    this.#errors = [];
    this.#focusNext = this.#rowOf(key);
  }

  /** The tabs' keys as the ARIA tabs pattern has them: arrows move (and wrap), Home and End jump. */
  #onTabKey(e: KeyboardEvent): void {
    const i = TABS.findIndex(([tab]) => tab === this.tab);
    const steps: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i + TABS.length - 1, Home: 0, End: TABS.length - 1 };
    if (!(e.key in steps)) return;
    e.preventDefault();
    const next = TABS[steps[e.key]! % TABS.length]![0];
    this.tab = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  #renderWarnings(warnings: readonly Warning[]): TemplateResult | typeof nothing {
    if (warnings.length === 0) return nothing;
    const L = this.locale;
    return html`<div class="warnings" role="status">
      <ul>${warnings.map((w) => html`<li>${isEnglish(L) ? w.en : w.zh}</li>`)}</ul>
    </div>`;
  }

  #renderProblems(problems: readonly SchemaProblem[]): TemplateResult {
    const L = this.locale;
    return html`<div class="problems" role="status">
      <p>${t(L, 'jsonProblems', { n: problems.length })}</p>
      <ul>${problems.map((p) => html`<li class="error">${isEnglish(L) ? p.en : p.zh}</li>`)}</ul>
    </div>`;
  }

  #renderTab(d: DefinitionDraftState, problems: CheckResult): TemplateResult {
    const L = this.locale;
    switch (this.tab) {
      case 'fields':
        return html`<div class="columns">
          ${renderFieldTree({
            locale: L,
            schema: d.schema,
            selected: this.#selected,
            addProblem: this.#addProblem,
            select: (path) => (this.#selected = path),
            commit: this.#commit,
            setAddProblem: (text) => (this.#addProblem = text),
            focusField: (path) => (this.#focusAfterRender = path),
          })}
          ${renderInspector({ locale: L, schema: d.schema, path: this.#selected, commit: this.#commit })}
        </div>`;
      case 'rules':
        return renderRules({ locale: L, schema: d.schema, commit: this.#commit });
      case 'json':
        return this.#renderJson();
      case 'preview':
        return this.#renderPreview(d);
      case 'publish':
        return renderPublish({
          locale: L,
          against: this.#against,
          isNewKey: this.#isNewKey,
          changes: diffSchemas(this.#against?.schema as JsonSchema | undefined, d.schema),
          version: d.version,
          blocked: !problems.ok,
          busy: this.#busy,
          publish: () => void this.publish(),
        });
    }
  }

  #renderJson(): TemplateResult {
    const L = this.locale;
    const result = this.#jsonCheck ?? checkSchemaText(this.#jsonText);
    return html`<label for="json-text">${t(L, 'json')}</label>
      <textarea id="json-text" part="control" class="json" spellcheck="false" rows="24" .value=${this.#jsonText}
        aria-invalid=${result.ok ? 'false' : 'true'} aria-describedby="json-result"
        @input=${(e: Event) => {
          this.#jsonText = (e.target as HTMLTextAreaElement).value;
          this.#jsonCheck = checkSchemaText(this.#jsonText);
        }}></textarea>
      <div id="json-result" role="status">
        ${result.ok
          ? html`<p class="ok">${t(L, 'jsonOk')}</p>`
          : html`<p>${t(L, 'jsonProblems', { n: result.problems.length })}</p>
              <ul>${result.problems.map((p) => html`<li class="error">${isEnglish(L) ? p.en : p.zh}</li>`)}</ul>`}
      </div>
      <button type="button" part="button primary" class="primary" ?disabled=${!result.ok} @click=${() => {
        if (result.ok) this.#commit(result.schema);
      }}>${t(L, 'jsonApply')}</button>`;
  }

  #onSampleJson(text: string): void {
    try {
      const value: unknown = JSON.parse(text);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('{…}');
      this.#sample = value as Record<string, unknown>;
      this.#sampleError = '';
      this.#sampleResult = '';
    } catch (err) {
      this.#sampleError = t(this.locale, 'sampleJsonInvalid', { m: (err as Error).message });
    }
  }

  #renderPreview(d: DefinitionDraftState): TemplateResult {
    const L = this.locale;
    return html`<div class="preview" part="preview">
      <azx-form
        lang=${L}
        .schema=${d.schema}
        .value=${this.#sample}
        @input=${(e: Event) => {
          this.#sample = (e.currentTarget as AzxForm).value;
          this.#sampleResult = '';
        }}
        @change=${(e: Event) => (this.#sample = (e.currentTarget as AzxForm).value)}
        @azx-submit=${() => (this.#sampleResult = 'valid')}
      >
        <button slot="actions" type="submit" part="button primary" class="primary" @click=${(e: Event) => {
          const form = (e.currentTarget as HTMLElement).closest('azx-form') as AzxForm | null;
          this.#sampleResult = form?.checkValidity() ? 'valid' : 'invalid';
        }}>${t(L, 'validateSample')}</button>
      </azx-form>
      <p class="sample-result ${this.#sampleResult}" role="status">
        ${this.#sampleResult === 'valid' ? t(L, 'sampleValid') : this.#sampleResult === 'invalid' ? t(L, 'sampleInvalid') : ''}
      </p>
      <details>
        <summary>${t(L, 'sample')}</summary>
        <label for="sample-json">${t(L, 'sampleJson')}</label>
        <textarea id="sample-json" part="control" class="json" rows="10" spellcheck="false"
          aria-invalid=${this.#sampleError ? 'true' : 'false'} aria-describedby="sample-error"
          .value=${JSON.stringify(this.#sample, null, 2)} @change=${(e: Event) => this.#onSampleJson((e.target as HTMLTextAreaElement).value)}></textarea>
        <p id="sample-error" class="error" role="alert">${this.#sampleError}</p>
      </details>
    </div>`;
  }
}
