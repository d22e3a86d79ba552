import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { storeContext } from '../data/context.js';
import type { FileFields, Store } from '../data/store.js';
import { guard } from 'lit/directives/guard.js';
import { fieldId, type ChildOptions, type FieldContext } from './field.js';
import { formStyles } from './form.styles.js';
import { LANG_PROPERTY, isEnglish, type Locale } from './locale.js';
import { LocaleController } from './lang-controller.js';
import { onTranslationsChange } from './translations.js';
import { fieldLabel, issueMessage } from './messages.js';
import { hasConditionals, inactiveLocations } from './conditional.js';
import { deepEqual, hasLogic, loadLogicEvaluator, logicOf, needsLogicEvaluator, pointerOf, settle } from './logic.js';
import { getAt, parsePointer, setAt } from './pointer.js';
import { findRenderer, onRegistryChange, type RendererEntry } from './registry.js';
import { registerBuiltInRenderers } from './renderers/index.js';
import { fillDefaults, schemaText, type JsonSchema } from './schema.js';
import { uiText, type UiKey } from './ui-text.js';
import { compileSchema, loadFormats, needsFormats, type Compiled, type Issue } from './validator.js';
import type { RecordController } from './record-controller.js';
import type { NameOf } from './document/record.js';
import { documentKit } from './document/core-kit.js';
import { FormAssociated, VALID, type ControlValidity } from './form-control.js';
import { columnPointers, serverErrorsKey, standingServerIssues, toServerIssues, type ServerErrors, type ServerIssue } from './server-errors.js';

registerBuiltInRenderers();

/** Which ValidityState flag a failed keyword maps to, as native controls would report it. */
const VALIDITY_FLAG: Record<string, keyof ValidityStateFlags> = {
  required: 'valueMissing',
  dependentRequired: 'valueMissing',
  pattern: 'patternMismatch',
  format: 'typeMismatch',
  type: 'typeMismatch',
  minLength: 'tooShort',
  maxLength: 'tooLong',
  minimum: 'rangeUnderflow',
  exclusiveMinimum: 'rangeUnderflow',
  maximum: 'rangeOverflow',
  exclusiveMaximum: 'rangeOverflow',
  multipleOf: 'stepMismatch',
};

const TEXT_INPUT_TYPES = new Set(['text', 'email', 'url', 'tel', 'number', 'date', 'search', 'password']);

/**
 * A form generated from a JSON Schema (draft 2020-12, 2019-09 or 7, by its `$schema`): labelled
 * controls for each property, validation in Chinese or English beside each field and in a
 * summary, and native form behaviour (name, value, validity, reset) inside a surrounding `<form>`.
 *
 * @summary A JSON-Schema-driven, form-associated form.
 *
 * @event input - Bubbling, composed `Event`: the value changed while the user edits a field.
 * @event change - Bubbling, composed `Event`: the user committed a change (left a field, picked an option, added or removed a row).
 * @event azx-submit - Bubbling, composed, cancelable `CustomEvent<{ value: object, files: Record<string, File[]> }>`: the user submitted and every field is valid. With `collection` set and a store in context, the form then stores the record unless the event is cancelled.
 * @event azx-saved - Bubbling, composed `CustomEvent<{ record: StoredRecord }>`: the store accepted the record (now, or later from the outbox); the local draft is cleared.
 * @event azx-queued - Bubbling, composed `CustomEvent<{ idempotencyKey: string }>`: the server could not be reached; the record waits in the outbox and is sent again when the browser is back online.
 * @event azx-refused - Bubbling, composed `CustomEvent<{ error: unknown }>`: the server refused the record; its field errors are shown by the fields.
 * @event azx-print - Bubbling, composed, cancelable `CustomEvent<{ document: Document, html(): string }>`: the record is about to print alone (`print()`); cancel it to print another way (e.g. send `html()` to a PDF service).
 *
 * @slot header - mode="print": replaces the printed header (title, organisation, definition, version).
 * @slot actions - Buttons under the fields. A submit button placed here submits this form. Defaults to a 提交/Submit button.
 *
 * @csspart title - The record's title (the schema's `title`) above the fields.
 * @csspart description - The record's description (the schema's `description`) under its title.
 * @csspart header - mode="print": the header above the record.
 * @csspart header-title - mode="print": the record's title in the header.
 * @csspart form - The inner `<form>` wrapping everything.
 * @csspart fields - The list of top-level fields.
 * @csspart field - One field: label, control, help and error.
 * @csspart label - A field's label.
 * @csspart required-mark - The asterisk after a required field's label.
 * @csspart control - Every input, select and textarea (also `input`, `select`, `textarea`, `checkbox`).
 * @csspart value - A value shown as text in mode="readonly" and mode="print".
 * @csspart help - Help text under a field (`x-help` or `description`).
 * @csspart error - The error message beside a field.
 * @csspart group - A nested object's `<fieldset>`.
 * @csspart legend - The legend of a group, or the caption of a table.
 * @csspart array - The wrapper of an array's table.
 * @csspart table - An array's `<table>`.
 * @csspart button - Table buttons (also `add`, `remove`).
 * @csspart union - A value of several possible shapes: the choice of shape (also `choice`) and the value.
 * @csspart map - The entries of an object whose keys the user names (`additionalProperties`, `patternProperties`).
 * @csspart entry - One entry of such an object: its name (`key`), its value and its remove button.
 * @csspart key - The name of an entry.
 * @csspart list - An array drawn as a list (items holding groups, lists or several shapes).
 * @csspart item - One item of such a list: a disclosure with its summary (`item-summary`) and its form.
 * @csspart item-summary - The one-line summary of a list item.
 * @csspart summary - The error summary above the fields.
 * @csspart error-link - An entry of the summary; activating it focuses the field.
 * @csspart actions - The container of the actions slot.
 * @csspart submit - The default submit button.
 * @csspart schema-error - The message shown instead of the form when the schema is invalid.
 * @csspart draft - The offer to restore a locally kept draft (with `draft` set).
 * @csspart draft-button - The restore and discard buttons of that offer.
 * @csspart status - The line that tells whether the record is being saved, waits offline, or was saved.
 * @csspart attachments - An attachment field's list of files (x-widget file or photo).
 * @csspart thumbnail - A photo's preview.
 */
export class AzxForm extends FormAssociated(LitElement) {
  static override styles = formStyles;

  // Declared with static properties rather than decorators: for ES2022, decorators compile to
  // helpers and private-field shims that cost the form entry about 2 KB gzip (issue 15's 45 KB).
  static override properties = {
    schema: { type: Object, attribute: false },
    value: { converter: { fromAttribute: parseValueAttribute, toAttribute: (v: unknown) => JSON.stringify(v) } },
    lang: LANG_PROPERTY,
    mode: { reflect: true },
    definitionKey: { attribute: 'definition-key' },
    definitionVersion: { attribute: 'definition-version' },
    organization: {},
    names: { attribute: false },
    defaults: { reflect: true },
    name: { reflect: true },
    disabled: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
    store: { attribute: false },
    collection: {},
    columns: { type: Object, attribute: false },
    draft: {},
    serverErrors: { type: Object, attribute: false },
  };

  /** The JSON Schema describing the record; UI hints come from its x- annotations (see azx/rjsf and azx/formily for other libraries' hints). */
  declare schema: JsonSchema | undefined;
  /** The record being edited. Replaced (never mutated) on every edit. As an attribute: JSON. */
  declare value: Record<string, unknown>;
  /**
   * Language of the words (a BCP 47 tag: zh-CN, en, zh-TW, or any a portal registered). Empty: the
   * nearest `lang` up the tree, then `<html lang>`, then zh-CN.
   */
  declare lang: string;
  readonly #lang = new LocaleController(this);
  /**
   * `edit` shows controls; `readonly` shows the values as text; `print` shows them as a record
   * for paper (A4) under a header naming the organisation, definition and version.
   */
  declare mode: 'edit' | 'readonly' | 'print';
  /** Print header: the definition the record follows (e.g. `policy`). */
  declare definitionKey: string;
  /** Print header: the version of that definition. */
  declare definitionVersion: string;
  /** Print header: the organisation the record belongs to. */
  declare organization: string;
  /**
   * Names the codes of a format (`cn-region` → 绍兴市上虞区) where the form shows values as text:
   * mode="readonly" and print(). Core knows no reference data; the page or element that has it
   * sets this. Undefined (or a code it does not know): the code itself is shown.
   */
  declare names: NameOf | undefined;

  /**
   * `fill` (the default): when a schema or a value is set, absent members that have a `default`
   * get it, where that adds no error (a default that would break the record is left out, so
   * filling never turns a valid record invalid). `none`: the value is taken as it is.
   */
  declare defaults: 'fill' | 'none';
  /** The name under which the JSON value is submitted with a surrounding form. */
  declare name: string;
  declare disabled: boolean;
  /** A surrounding form cannot be submitted while this form is empty. */
  declare required: boolean;
  /** The Store of the page (from context, see components/data/context.ts); set it directly to override. */
  declare store: Store | undefined;
  /**
   * With a store: the collection a valid submit is stored in (`policies`, `service_reports`, ...),
   * as `definition-key` version `definition-version`, with `columns`. Without it the page stores
   * the record itself on `azx-submit`.
   */
  declare collection: string;
  /** Columns sent with the stored record: relations such as `enterprise`, `insurer`, `policy`. */
  declare columns: Readonly<Record<string, unknown>>;
  /**
   * Keep what is typed as a local draft (IndexedDB) under this name (e.g. `new`, or a record id),
   * per signed-in user; offered back when the form opens again; cleared when the record is saved.
   */
  declare draft: string;
  /**
   * Field errors the server returned (`StoreError.fieldErrors`: `data.<path>` →
   * `{ message_zh, message_en }`). Shown by their fields until the user changes those values.
   */
  declare serverErrors: ServerErrors | undefined;
  /**
   * Drafts and storing (record-controller.ts, with the data layer's drafts and outbox): loaded
   * the first time `collection` or `draft` is set, so a form without a store does not carry them.
   */
  #record: RecordController | undefined;
  #recordLoading: Promise<RecordController> | undefined;
  #serverIssues: ServerIssue[] = [];
  /** Files chosen in attachment fields, by file field name; sent with the record. */
  #files = new Map<string, File[]>();

  #compiled: Compiled | undefined;
  #compiledFor: JsonSchema | undefined;
  /** What the schema needs fetched before it is compiled, while it is: the JSON Logic evaluator
   * (logic.ts loadLogicEvaluator), the rare formats (validator.ts loadFormats). */
  #engineLoading: Promise<void> | undefined;
  /** The value as last set by the user, to tell user edits from values given by the page. */
  #userValue: unknown;
  #initial: Record<string, unknown> = {};
  #issues: Issue[] = [];
  #issuesFor: unknown = Symbol('none');
  /** Fields whose errors are shown; they then update live. */
  #revealed = new Set<string>();
  /** After a submit attempt every error is shown. */
  #revealAll = false;
  #formDisabled = false;
  #order: string[] = [];
  /** Position of each rendered field in #order (the summary and validity sort by it). */
  #orderIndex = new Map<string, number>();
  /** Messages shown beside each field, computed once per render (not once per field). */
  #messages = new Map<string, string[]>();
  /** For each pointer: the messages shown and the fields hidden at or below it, as one string. */
  #subtreeKeys = new Map<string, string>();
  #registryGeneration = 0;
  /** What every node of one render shares, read once per render rather than once per node. */
  #frame: { locale: Locale; display: boolean; disabled: boolean } = { locale: 'zh-CN', display: false, disabled: false };
  /** The renderer chosen for a node at a pointer; testers are not rerun on every render. */
  #renderers = new WeakMap<JsonSchema, Map<string, RendererEntry | undefined>>();
  /**
   * The last output of each node with what it was made from (its value, which is replaced along
   * the path of every edit, and the messages and hidden fields inside it): when none of that
   * changed, a keystroke elsewhere does not rebuild or re-diff it. Also the fields rendered inside.
   */
  #leaves = new WeakMap<JsonSchema, Map<string, { deps: unknown[]; guarded: unknown; descendants: readonly string[] }>>();
  #pendingFocus: { id: string } | 'first-invalid' | undefined;
  /**
   * True while an update is committed and its focus given. A focused control that the render
   * replaces (a map key renamed, so its value's control changes) blurs then, and so does the one
   * the form moves the focus from: the form moved, the user did not leave a field.
   */
  #committing = false;
  /** The user submitted a valid form and no verdict came back yet (see willUpdate). */
  #awaitingVerdict = false;
  /** The server errors shown, by content (a new object with the same errors changes nothing). */
  #serverKey = '';
  /** Pointers of fields hidden by x-visible: not rendered, not in the value. */
  #hidden = new Set<string>();
  #unsubscribe: (() => void) | undefined;
  #unwords: (() => void) | undefined;

  constructor() {
    super();
    this.schema = undefined;
    this.value = {};
    this.lang = '';
    this.mode = 'edit';
    this.definitionKey = '';
    this.definitionVersion = '';
    this.organization = '';
    this.names = undefined;
    this.defaults = 'fill';
    this.name = '';
    this.disabled = false;
    this.required = false;
    this.store = undefined;
    this.collection = '';
    this.columns = {};
    this.draft = '';
    this.serverErrors = undefined;
    // The page's Store from context, followed as it changes (`store` set directly overrides it).
    new ContextConsumer(this, { context: storeContext, subscribe: true, callback: (store) => (this.store = store) });
    // A submit button the page puts in our actions slot submits this form, not an outer one.
    this.addEventListener('click', (e) => {
      const target = e.target as Element | null;
      const button = target?.closest?.('button, input[type="submit"]');
      if (!button || button === this || !this.contains(button)) return;
      const type = button instanceof HTMLButtonElement ? button.type : (button as HTMLInputElement).type;
      if (type !== 'submit') return;
      e.preventDefault();
      this.requestSubmit();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // a portal's words (labels, messages) may change what every node shows
    this.#unwords = onTranslationsChange(() => {
      this.#leaves = new WeakMap();
      // the nodes' guards compare this generation too
      this.#registryGeneration++;
      this.requestUpdate();
    });
    this.#unsubscribe = onRegistryChange(() => {
      this.#renderers = new WeakMap();
      this.#leaves = new WeakMap();
      // a node's own renderer may be unchanged while one inside it changed
      this.#registryGeneration++;
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unwords?.();
  }

  // ---- native form control API -------------------------------------------

  /** Like checkValidity(), and shows every error in the form. */
  override reportValidity(): boolean {
    this.#revealAll = true;
    this.requestUpdate();
    return super.reportValidity();
  }

  protected override formValue(): string {
    return JSON.stringify(this.value ?? {});
  }

  /**
   * Validate everything; when valid fire `azx-submit`, otherwise show every
   * error and focus the first invalid field. Enter in a field, the default
   * submit button and a submit button in the actions slot all come here.
   */
  requestSubmit(): void {
    if (this.#effectiveDisabled || this.#display || !this.#compiled?.ok) return;
    const issues = this.#currentIssues();
    if (issues.length > 0 || this.#emptyButRequired()) {
      this.#revealAll = true;
      this.#pendingFocus = 'first-invalid';
      this.requestUpdate();
      return;
    }
    const files: FileFields = Object.fromEntries(this.#files);
    // the page or the store answers this submit: a refusal may then take the focus (once)
    this.#awaitingVerdict = true;
    const proceed = this.dispatchEvent(
      new CustomEvent('azx-submit', {
        bubbles: true,
        composed: true,
        cancelable: true,
        detail: { value: structuredClone(this.value), files },
      }),
    );
    if (proceed && this.collection && this.store) void this.#recordController().then((r) => r.submit(files));
  }

  /**
   * Prints the record as it stands alone, as a document on A4 (GB/T 9704 layout, core/document),
   * in an isolated frame: none of the host page, the controls or the error summary prints. Its
   * fields by group (`x-groups`) with choices by their titles, money to the fen and days as
   * 2026年3月2日, nothing empty; then, when `organization` (or `issuer`) names who issues it, the
   * signature, the day (`date`, default today in China) and room for the seal. Unlike
   * mode="print", the page itself is left as it is. Resolves true when the print dialog opened,
   * false without a schema or when a listener of `azx-print` took the print over.
   */
  async print(options: { readonly title?: string; readonly number?: string; readonly issuer?: string; readonly date?: string } = {}): Promise<boolean> {
    const schema = this.schema;
    if (!schema) return false;
    await this.updateComplete;
    // fetched on use: a form that never prints does not load the document layout; the form hands
    // it what it needs of Lit and the engine, so the fetched chunk shares no module with the form
    const { printRecordWith } = await import('./document/print-record.js');
    const issuer = options.issuer ?? this.organization;
    return printRecordWith(
      documentKit,
      {
        schema,
        value: this.value,
        locale: this.#locale,
        ...(options.title ? { title: options.title } : {}),
        ...(options.number ? { number: options.number } : {}),
        ...(issuer ? { issuer } : {}),
        ...(options.date ? { date: options.date } : {}),
        ...(this.names ? { name: this.names } : {}),
      },
      { from: this },
    );
  }

  /** Files chosen in the attachment field whose file field is `field` (x-file-field). */
  attachments(field: string): readonly File[] {
    return this.#files.get(field) ?? [];
  }

  formResetCallback(): void {
    this.#revealed.clear();
    this.#revealAll = false;
    this.value = structuredClone(this.#initial);
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const restored: unknown = JSON.parse(state);
      if (restored && typeof restored === 'object' && !Array.isArray(restored)) this.value = restored as Record<string, unknown>;
    } catch {
      // A state we cannot read is ignored, like a native control would.
    }
  }

  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  // ---- lifecycle -----------------------------------------------------------

  /** The record controller, loaded once (it adds itself to the form's controllers). */
  #recordController(): Promise<RecordController> {
    return (this.#recordLoading ??= import('./record-controller.js').then(({ RecordController }) => {
      this.#record = new RecordController(this);
      this.requestUpdate();
      return this.#record;
    }));
  }

  /**
   * updateComplete also waits for what the form fetches on first use (the record controller, the
   * JSON Logic evaluator), so the update after it is in.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (;;) {
      const loading = this.#engineLoading ?? (this.#record ? undefined : this.#recordLoading);
      if (!loading) return done;
      await loading;
      done = await super.getUpdateComplete();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((this.collection || this.draft) && !this.#recordLoading) void this.#recordController();
    const logic = this.schema && this.schema !== this.#compiledFor && needsLogicEvaluator(this.schema);
    const formats = this.schema && this.schema !== this.#compiledFor && needsFormats(this.schema);
    if (logic || formats) {
      // x-rules / x-compute / x-visible: the form shows once their evaluator is in, so it never
      // shows or stores a value the logic has not settled; a rare format: once its check is in,
      // so no value passes unchecked (the update after counts as the schema's)
      this.#engineLoading ??= Promise.all([logic ? loadLogicEvaluator() : undefined, formats ? loadFormats() : undefined]).then(() => {
        this.#engineLoading = undefined;
        this.requestUpdate('schema', undefined);
      });
      this.#compiledFor = undefined;
      this.#compiled = undefined;
    } else if (this.schema !== this.#compiledFor) {
      this.#compiledFor = this.schema;
      this.#compiled = this.schema ? compileSchema(this.schema) : undefined;
    }
    const external = changed.has('value') && this.value !== this.#userValue;
    const compiled = this.#compiled;
    if ((external || changed.has('schema') || changed.has('defaults')) && this.schema && compiled?.ok) {
      const problems = (v: unknown) => compiled.validate(v).map((i) => `${i.pointer} ${i.keyword}`);
      const filled = this.defaults === 'none' ? this.value : fillDefaults(this.schema, this.value ?? {}, problems);
      this.value = (filled ?? {}) as Record<string, unknown>;
      this.#userValue = this.value;
    }
    if ((changed.has('value') || changed.has('schema')) && this.schema && this.#compiled?.ok) this.#settle(this.schema);
    // A page may hand over a new object with the same errors on every render of its own: only
    // different errors count. They move the focus only when they answer the user's submit; an
    // update of the page, a click or a keystroke elsewhere never pulls the focus back here.
    const serverKey = serverErrorsKey(this.serverErrors);
    if (changed.has('serverErrors') && serverKey !== this.#serverKey) {
      this.#serverKey = serverKey;
      this.#serverIssues = toServerIssues(this.serverErrors, this.value, this.schema ? columnPointers(this.schema) : undefined);
      this.#issuesFor = Symbol('server errors changed');
      for (const s of this.#serverIssues) this.#revealed.add(s.issue.pointer);
      if (this.#serverIssues.length && this.#awaitingVerdict) this.#pendingFocus = 'first-invalid';
      if (this.#serverIssues.length) this.#awaitingVerdict = false;
    }
    if (external) {
      this.#initial = structuredClone(this.value ?? {});
      this.#revealed.clear();
      this.#revealAll = false;
    }
  }

  /**
   * Computed fields (x-compute) take their value live; fields whose x-visible is falsy leave
   * the value and the form. The value stays what the server will accept and store.
   */
  #settle(schema: JsonSchema): void {
    const spec = logicOf(schema);
    const conditional = hasConditionals(schema);
    if (!hasLogic(spec) && !conditional) {
      this.#hidden.clear();
      return;
    }
    const settled = settle(spec, this.value ?? {}, conditional ? (v) => inactiveLocations(schema, v) : undefined);
    this.#hidden = new Set(settled.hidden.map(pointerOf));
    if (!deepEqual(settled.value, this.value)) {
      const userEdit = this.value === this.#userValue;
      this.value = settled.value as Record<string, unknown>;
      if (userEdit) this.#userValue = this.value;
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    this.#committing = true;
    try {
      super.update(changed);
    } finally {
      this.#committing = false;
    }
  }

  protected override updated(): void {
    const pending = this.#pendingFocus;
    this.#pendingFocus = undefined;
    this.#committing = true;
    try {
      if (pending === 'first-invalid') this.#focusFirstInvalid();
      else if (pending) this.#focus(this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(pending.id)}`));
    } finally {
      this.#committing = false;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const locale = this.#locale;
    const compiled = this.#compiled;
    if (!this.schema || !compiled) return nothing;
    if (!compiled.ok) {
      return html`<div class="schema-error" part="schema-error" role="alert">
        <p>${uiText(locale, compiled.kind === 'csp' ? 'cspBlocked' : 'badSchema')}</p>
        ${compiled.kind === 'csp'
          ? html`<pre>${compiled.message}</pre>`
          : html`<p>${uiText(locale, 'problems', { n: compiled.problems.length })}</p>
              <ul>${compiled.problems.map((p) => html`<li><code>${p.path}</code> ${p.message}</li>`)}</ul>`}
      </div>`;
    }
    this.#order = [];
    this.#frame = { locale, display: this.#display, disabled: this.#effectiveDisabled };
    this.#messages = this.#messagesByPointer();
    this.#subtreeKeys = this.#subtreeKeysOf();
    const fields = this.#renderNode('', this.schema, {});
    this.#orderIndex = new Map(this.#order.map((p, i) => [p, i]));
    return html`<form
      part="form"
      novalidate
      @submit=${this.#onInnerSubmit}
      @keydown=${this.#onKeyDown}
      @focusout=${this.#onFocusOut}
      @input=${stopInner}
      @change=${stopInner}
    >
      ${this.mode === 'print' ? this.#renderPrintHeader() : nothing} ${this.#renderDraftOffer()} ${this.#renderSummary()} ${fields}
      ${this.#display
        ? nothing
        : html`<div class="actions" part="actions">
            <slot name="actions">
              <button type="submit" part="submit" ?disabled=${this.#effectiveDisabled}>${uiText(locale, 'submit')}</button>
            </slot>
            ${this.#renderIssueCount()}
            <p class="status" part="status" role="status">${this.#statusText()}</p>
          </div>`}
    </form>`;
  }

  // ---- rendering -------------------------------------------------------------

  get #locale(): Locale {
    return this.#lang.locale;
  }
  get #display(): boolean {
    return this.mode === 'readonly' || this.mode === 'print';
  }
  get #effectiveDisabled(): boolean {
    return this.disabled || this.#formDisabled;
  }

  #renderNode(pointer: string, node: JsonSchema | boolean, options: ChildOptions): unknown {
    // `true` allows any value; `false` allows none, so there is nothing to fill in
    if (node === false || this.#hidden.has(pointer) || (node !== true && node['x-hidden'] === true)) return nothing;
    const schema = node === true ? ANY : node;
    this.#order.push(pointer);
    const renderer = this.#rendererFor(pointer, schema);
    if (renderer) {
      const errors = this.#messages.get(pointer) ?? NO_MESSAGES;
      const subtreeKey = this.#subtreeKeys.get(pointer) ?? '';
      const value = getAt(this.value, pointer);
      const required = options.required ?? false;
      const compact = options.compact ?? false;
      const { locale, display, disabled } = this.#frame;
      let leaves = this.#leaves.get(schema);
      const cached = leaves?.get(pointer);
      // compared one by one so an unchanged field costs no allocation
      if (
        cached &&
        cached.deps[0] === renderer &&
        cached.deps[1] === pointer &&
        cached.deps[2] === this.schema &&
        cached.deps[3] === value &&
        cached.deps[4] === subtreeKey &&
        cached.deps[5] === required &&
        cached.deps[6] === compact &&
        cached.deps[7] === locale &&
        cached.deps[8] === display &&
        cached.deps[9] === disabled &&
        cached.deps[10] === this.#registryGeneration &&
        cached.deps[11] === this.names
      ) {
        for (const p of cached.descendants) this.#order.push(p);
        return cached.guarded;
      }
      const deps = [renderer, pointer, this.schema, value, subtreeKey, required, compact, locale, display, disabled, this.#registryGeneration, this.names];
      const childrenBefore = this.#order.length;
      try {
        const result = renderer.render(this.#context(pointer, schema, options, errors));
        // The same inputs give the same output, so Lit may skip it next time.
        if (!leaves) this.#leaves.set(schema, (leaves = new Map()));
        const guarded = guard(deps, () => result);
        const descendants = this.#order.length === childrenBefore ? NO_MESSAGES : this.#order.slice(childrenBefore);
        leaves.set(pointer, { deps, guarded, descendants });
        return guarded;
      } catch (err) {
        // One broken custom renderer must not take the whole form down.
        console.error(`azx-form: renderer "${renderer.name}" failed at "${pointer}"`, err);
      }
    }
    const field = this.#context(pointer, schema, options, this.#messages.get(pointer) ?? NO_MESSAGES);
    return html`<p class="unsupported" part="unsupported" data-pointer=${pointer}>
      ${uiText(field.locale, 'unsupported', { field: field.label })}
    </p>`;
  }

  #rendererFor(pointer: string, schema: JsonSchema): RendererEntry | undefined {
    let byPointer = this.#renderers.get(schema);
    if (!byPointer) this.#renderers.set(schema, (byPointer = new Map()));
    if (byPointer.has(pointer)) return byPointer.get(pointer);
    const renderer = findRenderer(schema, { pointer, root: this.schema! });
    byPointer.set(pointer, renderer);
    return renderer;
  }

  #context(pointer: string, schema: JsonSchema, options: ChildOptions, errors: readonly string[]): FieldContext {
    const root = this.schema!;
    const locale = this.#locale;
    const id = fieldId(pointer);
    const help = schemaText(schema, 'help', locale) ?? schemaText(schema, 'description', locale);
    const invalid = errors.length > 0;
    const keys = parsePointer(pointer);
    const label = options.compact
      ? fieldLabel(root, pointer, locale)
      : (schemaText(schema, 'title', locale) ?? keys[keys.length - 1] ?? '');
    const describedBy = [help && !options.compact ? `${id}-help` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
    return {
      schema,
      root,
      pointer,
      id,
      value: getAt(this.value, pointer),
      label,
      help,
      placeholder: schemaText(schema, 'placeholder', locale),
      required: options.required ?? false,
      // a computed field is the form's to fill, never the user's
      readOnly: schema.readOnly === true || schema['x-compute'] !== undefined,
      display: this.#display,
      names: this.names,
      disabled: this.#effectiveDisabled || schema['x-disabled'] === true,
      locale,
      compact: options.compact ?? false,
      errors,
      invalid,
      errorId: `${id}-error`,
      helpId: `${id}-help`,
      describedBy: describedBy || undefined,
      t: (key: UiKey, vars?: Record<string, string | number>) => uiText(locale, key, vars),
      input: (v: unknown) => this.#edit(pointer, v, false),
      change: (v: unknown) => this.#edit(pointer, v, true),
      renderChild: (p: string, s: JsonSchema | boolean, o?: ChildOptions) => this.#renderNode(p, s, o ?? {}),
      files: (field: string) => this.#files.get(field) ?? [],
      setFiles: (field: string, files: readonly File[]) => {
        if (files.length) this.#files.set(field, [...files]);
        else this.#files.delete(field);
      },
      focusAfterUpdate: (target: string) => {
        this.#pendingFocus = { id: target };
        this.requestUpdate();
      },
    };
  }

  #renderDraftOffer(): TemplateResult | typeof nothing {
    const draft = this.#record?.offered;
    if (!draft || this.#display) return nothing;
    const locale = this.#locale;
    const when = new Date(draft.savedAt).toLocaleString(isEnglish(locale) ? 'en' : 'zh-CN');
    return html`<div class="draft" part="draft" role="region" aria-label=${uiText(locale, 'draftTitle')}>
      <p>${uiText(locale, 'draftFound', { when })}</p>
      <button type="button" part="draft-button" @click=${() => this.#record?.restore()}>${uiText(locale, 'draftRestore')}</button>
      <button type="button" part="draft-button" @click=${() => void this.#record?.discard()}>${uiText(locale, 'draftDiscard')}</button>
    </div>`;
  }

  /**
   * How many problems are left, beside the submit button of the (sticky) action bar; it links to
   * the summary. Not a live region: the summary and the focused field already say it once.
   */
  #renderIssueCount(): TemplateResult | typeof nothing {
    const n = this.#revealAll || this.#revealed.size ? this.#visibleIssues().length : 0;
    if (n === 0) return nothing;
    return html`<a class="issue-count" part="issue-count" href="#azx-summary-title" @click=${(e: Event) => {
      e.preventDefault();
      this.renderRoot.querySelector<HTMLElement>('#azx-summary-title')?.focus();
    }}>${uiText(this.#locale, 'issueCount', { n })}</a>`;
  }

  #statusText(): string {
    const state = this.#record?.state ?? 'idle';
    if (state === 'idle' || state === 'refused') return '';
    return uiText(this.#locale, state === 'saving' ? 'saving' : state === 'queued' ? 'queued' : 'saved');
  }

  /** The head of a printed record; the page may replace it through the header slot. */
  #renderPrintHeader(): TemplateResult {
    const locale = this.#locale;
    const title = schemaText(this.schema!, 'title', locale);
    const meta = [
      [uiText(locale, 'organization'), this.organization],
      [uiText(locale, 'definition'), this.definitionKey],
      [uiText(locale, 'version'), this.definitionVersion],
    ].filter(([, v]) => v);
    return html`<header class="print-header" part="header">
      <slot name="header">
        ${title ? html`<h1 part="header-title">${title}</h1>` : nothing}
        <dl>
          ${meta.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}
        </dl>
      </slot>
    </header>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    const locale = this.#locale;
    const entries = this.#visibleIssues().map((issue) => ({
      pointer: issue.pointer,
      target: this.#anchorOf(issue.pointer),
      message: issueMessage(issue, this.schema!, this.value, locale),
    }));
    if (this.#revealAll && this.#emptyButRequired()) entries.unshift({ pointer: '', target: '', message: uiText(locale, 'formEmpty') });
    if (entries.length === 0) return nothing;
    const rank = (p: string) => this.#orderIndex.get(p) ?? -1;
    entries.sort((a, b) => rank(a.target) - rank(b.target));
    return html`<div class="summary" part="summary" role="group" aria-labelledby="azx-summary-title">
      <p id="azx-summary-title" class="summary-title" tabindex="-1">${uiText(locale, 'summary', { n: entries.length })}</p>
      <ul>
        ${entries.map((e) =>
          e.target === ''
            ? html`<li>${e.message}</li>`
            : html`<li>
                <a href=${'#' + fieldId(e.target)} part="error-link" @click=${(ev: Event) => {
                  ev.preventDefault();
                  this.#focusField(e.target);
                }}>${e.message}</a>
              </li>`,
        )}
      </ul>
    </div>`;
  }

  // ---- editing and validation -------------------------------------------------

  #edit(pointer: string, next: unknown, commit: boolean): void {
    // the user moved on: a late refusal is shown, but does not take the focus from where they type
    this.#awaitingVerdict = false;
    if (!this.#stillPresent(pointer)) return;
    if (getAt(this.value, pointer) !== next) {
      const value = setAt(this.value, pointer, next) as Record<string, unknown>;
      this.#userValue = value;
      this.value = value;
      this.#record?.edited();
      this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    if (commit) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /**
   * A control in a removed table row can still report (Chromium fires change
   * when the focused input is removed); it must not bring the row back.
   */
  #stillPresent(pointer: string): boolean {
    let node: unknown = this.value;
    for (const key of parsePointer(pointer)) {
      if (Array.isArray(node) && !(Number(key) < node.length)) return false;
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
    return true;
  }

  #currentIssues(): Issue[] {
    if (this.#issuesFor !== this.value || !this.#compiled) {
      this.#issuesFor = this.value;
      const own = this.#compiled?.ok ? this.#compiled.validate(this.value) : [];
      const server = standingServerIssues(this.#serverIssues, this.value);
      this.#issues = server.length ? [...own, ...server] : own;
    }
    return this.#issues;
  }

  #visibleIssues(): Issue[] {
    if (this.#display) return [];
    return this.#currentIssues().filter((i) => this.#revealAll || this.#revealed.has(i.pointer));
  }

  #subtreeKeysOf(): Map<string, string> {
    const keys = new Map<string, string>();
    const add = (pointer: string, part: string) => {
      for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
        keys.set(p, (keys.get(p) ?? '') + part);
        if (p === '') break;
      }
    };
    for (const [pointer, messages] of this.#messages) add(pointer, `${pointer}\u0001${messages.join('\u0000')}\u0002`);
    for (const pointer of this.#hidden) add(pointer, `${pointer}\u0003`);
    return keys;
  }

  /** The distinct messages of the shown issues, by the pointer of their field. */
  #messagesByPointer(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const issue of this.#visibleIssues()) {
      const message = issueMessage(issue, this.schema!, this.value, this.#locale);
      const list = out.get(issue.pointer);
      if (!list) out.set(issue.pointer, [message]);
      else if (!list.includes(message)) list.push(message);
    }
    return out;
  }

  #emptyButRequired(): boolean {
    // unticked boxes (false by default) are not something the user entered
    return this.required && Object.values(this.value ?? {}).every((v) => v === undefined || v === false);
  }

  /** The nearest rendered field at or above pointer (errors inside unsupported nodes land there). */
  #anchorOf(pointer: string): string {
    let p = pointer;
    while (p !== '' && !this.#orderIndex.has(p)) p = p.slice(0, p.lastIndexOf('/'));
    return p;
  }

  /** The first problem in field order (the schema's, the rules', the server's), for a surrounding form. */
  protected override formValidity(): ControlValidity {
    const compiled = this.#compiled;
    if (this.#display || !compiled) return VALID;
    const locale = this.#locale;
    if (!compiled.ok) return { flags: { customError: true }, message: uiText(locale, compiled.kind === 'csp' ? 'cspBlocked' : 'badSchema') };
    const anchorFor = (pointer: string) =>
      this.renderRoot?.querySelector<HTMLElement>(`#${CSS.escape(fieldId(pointer))}`) ?? undefined;
    if (this.#emptyButRequired()) {
      return { flags: { valueMissing: true }, message: uiText(locale, 'formEmpty'), anchor: anchorFor(this.#order.find((p) => p !== '') ?? '') };
    }
    const issues = this.#currentIssues();
    const first = issues
      .map((issue) => ({ issue, at: this.#orderIndex.get(this.#anchorOf(issue.pointer)) ?? -1 }))
      .sort((a, b) => a.at - b.at)[0]?.issue;
    if (!first) return VALID;
    const flag = VALIDITY_FLAG[first.keyword] ?? 'customError';
    return { flags: { [flag]: true }, message: issueMessage(first, this.schema!, this.value, locale), anchor: anchorFor(this.#anchorOf(first.pointer)) };
  }

  // ---- focus and keyboard ------------------------------------------------------

  #focusField(pointer: string): void {
    this.#focus(this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(fieldId(pointer))}`));
  }

  /** Focus an element, first opening the list items (disclosures) around it. */
  #focus(el: HTMLElement | null | undefined): void {
    for (let d = el?.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
    el?.focus();
  }

  #focusFirstInvalid(): void {
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    // a group (checkboxes, radios) is marked on its fieldset, which takes no focus: its first box does
    const FOCUSABLE = 'input, select, textarea, button, [tabindex]';
    const target = invalid?.matches(FOCUSABLE) ? invalid : invalid?.querySelector<HTMLElement>(FOCUSABLE);
    if (target) {
      this.#focus(target);
      return;
    }
    const first = this.#visibleIssues()
      .map((i) => this.#anchorOf(i.pointer))
      .sort((a, b) => (this.#orderIndex.get(a) ?? -1) - (this.#orderIndex.get(b) ?? -1))[0];
    if (first !== undefined) this.#focusField(first);
  }

  #onInnerSubmit = (e: Event): void => {
    e.preventDefault();
    this.requestSubmit();
  };

  /** Enter in a one-line field submits, as in a native form, but not while an IME is composing. */
  #onKeyDown = (e: KeyboardEvent): void => {
    const t = e.target;
    if (e.key !== 'Enter' || e.isComposing || !(t instanceof HTMLInputElement) || !TEXT_INPUT_TYPES.has(t.type)) return;
    e.preventDefault();
    // The value typed so far counts, as if the field had been left.
    t.dispatchEvent(new Event('change', { bubbles: true }));
    this.requestSubmit();
  };

  /** Leaving a field validates it; from its first error on it validates live. */
  #onFocusOut = (e: FocusEvent): void => {
    // a blur caused by the update itself reveals nothing, and must not schedule another update
    // from inside this one (Lit's change-in-update)
    if (this.#committing) return;
    const field = (e.target as Element | null)?.closest?.('[data-pointer]');
    if (!field) return;
    if (e.relatedTarget instanceof Node && field.contains(e.relatedTarget)) return;
    const pointer = field.getAttribute('data-pointer') ?? '';
    if (this.#currentIssues().some((i) => i.pointer === pointer) && !this.#revealed.has(pointer)) {
      this.#revealed.add(pointer);
      this.requestUpdate();
    }
  };
}

/** A value attribute that is not a JSON object is ignored (with a warning), never thrown. */
function parseValueAttribute(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  console.warn('azx-form: the value attribute must be a JSON object; ignored');
  return {};
}

const NO_MESSAGES: readonly string[] = [];

/** The schema `true`: any value. */
const ANY: JsonSchema = {};

/** Native input/change events from our controls stay inside; the form fires its own. */
function stopInner(e: Event): void {
  e.stopPropagation();
}

if (!customElements.get('azx-form')) customElements.define('azx-form', AzxForm);

declare global {
  interface HTMLElementTagNameMap {
    'azx-form': AzxForm;
  }
}
