import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../data/context.js';
import { reloadOnPartyChange } from '../data/party-controller.js';
import { POLICY_STATUS } from '../data/vocab.js';
import { termLabel } from '../data/terms.js';
import { referenceOf } from '../data/reference.js';
import {
  isStoreError,
  newIdempotencyKey,
  packCovers,
  type EffectivePack,
  type FormDefinition,
  type Organization,
  type Store,
  type StoredRecord,
} from '../data/store.js';
import { type AzxForm, type JsonSchema, type Locale } from '../core/index.js';
import { evaluateLogic, type RuleProblem } from '../data/rule-set.js';
import { LANG_PROPERTY, isEnglish } from '../core/locale.js';
import { formatMoney } from '../core/format.js';
import { LocaleController } from '../core/lang-controller.js';
import { FormAssociated, VALID, validityOf, type ControlValidity } from '../core/form-control.js';
import '../core/index.js';
import { baseRates, isExample, narrowestLayer, ratingFactors, tableNumber, tableValue } from './tables.js';
import { defaultCoefficients, rate, registryOption, type Rated } from './rating.js';
import { policyEntryStyles } from './policy-entry.styles.js';
import { text, type TextKey } from './text.js';
import { renderProvider } from './provider.js';
import { policyDocument } from './document.js';
import { chinaToday, printDocument } from '../core/document/index.js';

type Data = Record<string, unknown>;
type Errors = Record<string, { code?: string; message_zh: string; message_en: string }>;

const USCC_LIKE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const DAY = 86_400_000;

function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date as UTC milliseconds, or undefined when it is not a real date. */
function dayOf(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return isoDay(t) === s ? t : undefined;
}

/** A period of one year from a start date: end = start + 1 year − 1 day. */
function yearFrom(start: string): { start: string; end: string } {
  const t = dayOf(start) ?? Date.now();
  const d = new Date(t);
  const end = Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate()) - DAY;
  return { start: isoDay(t), end: isoDay(end) };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function startOf(v: Data): string {
  return str((v['period'] as Data | undefined)?.['start']);
}

/** A share of the premium as a percentage, rounded as the packs round it (no float noise). */
function percent(ratio: number): string {
  return `${String(evaluateLogic({ round_product: [[ratio, 100], 2] }, null))}%`;
}

/** The registry row's data: what the packs read as `enterprise`, with the server's risk grade (its column). */
function registryOf(r: StoredRecord): Data {
  const grade = r.columns['risk_grade'];
  return typeof grade === 'string' && grade ? { ...r.data, risk_grade: grade } : r.data;
}

/**
 * Entry of a work-safety liability policy (安责险保单) by an insurer, judged by the rule packs in
 * force for the insured's region on the policy's period start (the server's merged pack, from the
 * Store): find the enterprise in the must-insure registry, renew an earlier policy or start a new
 * one, choose the floating coefficients and see the premium the pack computes, with its breakdown.
 * Every rule of the packs (the Suzhou 2024 bulletin's problems among them) is checked before
 * submitting, with a message naming the rule and its source; a draft for comment only warns. The
 * server judges the same pack with the same JSON Logic again.
 *
 * @summary Policy entry with rule-pack checks and live premium.
 *
 * @event azx-enterprise-selected - Bubbling, composed `CustomEvent<{ enterprise: StoredRecord; pack: string }>`: an enterprise was chosen (`pack`: the key of the narrowest pack that applies).
 * @event azx-policy-saved - Bubbling, composed `CustomEvent<{ record: StoredRecord }>`: the server stored the policy.
 * @event azx-print - Bubbling, composed, cancelable `CustomEvent<{ document: Document, html(): string }>`: a policy is about to print alone (`print()`, 打印); cancel it to print another way.
 *
 * @csspart search - The registry search (label, input, button).
 * @csspart results - The list of matching enterprises.
 * @csspart enterprise - The chosen enterprise and its rule pack.
 * @csspart history - The enterprise's earlier policies, each with a renew button.
 * @csspart provider - The choice of the prevention-service provider the policy names.
 * @csspart rating - The coefficient choices and the premium breakdown.
 * @csspart breakdown - The premium formula line.
 * @csspart problems - The list of rule-pack problems that block the submit.
 * @csspart warnings - What the packs only warn about (a draft for comment): the submit goes on.
 * @csspart status - Submitting / submitted / refused messages.
 * @csspart button - Every button.
 *
 * @cssprop --azx-document-font - Body of the printed policy (仿宋); a free CJK serif when unset.
 * @cssprop --azx-document-title-font - Its title (小标宋).
 * @cssprop --azx-document-heading-font - Its labels and table headings (黑体).
 * @cssprop --azx-document-number-font - Its page numbers (宋体).
 */
export class AzxPolicyEntry extends FormAssociated(LitElement) {
  static override styles = policyEntryStyles;

  /** The Store of the page (from context); set it directly to override. */
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  accessor store: Store | undefined = undefined;

  /**
   * Language of the words (a BCP 47 tag: zh-CN, en, zh-TW, or any a portal registered). Empty: the
   * nearest `lang` up the tree, then `<html lang>`, then zh-CN.
   */
  @property(LANG_PROPERTY) override accessor lang: string = '';
  readonly #lang = new LocaleController(this);

  /** Preselect an enterprise of the registry by record id. */
  @property() accessor enterprise: string = '';

  /** Start as the renewal of this policy (record id). */
  @property({ attribute: 'renewal-of' }) accessor renewalOf: string = '';

  /**
   * The prevention-service provider (`organizations` id) the policy names; empty when the insurer
   * serves itself. A renewal carries the previous policy's provider over.
   */
  @property() accessor provider: string = '';

  /** The name under which the policy (JSON) is submitted with a surrounding form. */
  @property({ reflect: true }) accessor name: string = '';

  @property({ type: Boolean, reflect: true }) accessor disabled: boolean = false;

  /** A surrounding form cannot be submitted until a valid policy is entered here. */
  @property({ type: Boolean, reflect: true }) accessor required: boolean = false;

  @state() accessor _query = '';
  @state() accessor _results: readonly StoredRecord[] | undefined = undefined;
  @state() accessor _busy: '' | 'search' | 'save' = '';
  @state() accessor _enterprise: StoredRecord | undefined = undefined;
  @state() accessor _history: readonly StoredRecord[] = [];
  @state() accessor _renewing: StoredRecord | undefined = undefined;
  @state() accessor _value: Data = {};
  @state() accessor _coefficients: Record<string, number> = {};
  @state() accessor _problems: readonly RuleProblem[] = [];
  @state() accessor _warnings: readonly RuleProblem[] = [];
  @state() accessor _pack: EffectivePack | undefined = undefined;
  @state() accessor _packMessage = '';
  @state() accessor _attempted = false;
  @state() accessor _refusal: { errors: Errors; at: Record<string, unknown> } | undefined = undefined;
  @state() accessor _saved: StoredRecord | undefined = undefined;
  @state() accessor _message = '';
  @state() accessor _providers: readonly Organization[] = [];

  #definition: FormDefinition | undefined;
  #displaySchema: JsonSchema | undefined;
  #industries = new Map<string, { zh: string; en: string }>();
  #idempotencyKey = newIdempotencyKey();

  constructor() {
    super();
    // a sign-in on the page loads the definitions and providers again
    reloadOnPartyChange(this);
  }

  get #locale(): Locale {
    return this.#lang.locale;
  }

  #t(key: TextKey, vars?: Record<string, string | number>): string {
    return text(this.#locale, key, vars);
  }

  /** The rule packs in force for the chosen enterprise's region on the policy's start, merged. */
  get pack(): EffectivePack | undefined {
    return this._enterprise ? this._pack : undefined;
  }

  /** The policy as it would be stored: the form's fields, the premium and its rating. */
  get value(): Data {
    return { ...(this.#rated()?.record ?? this._value) };
  }

  /**
   * Sets the form's fields. The premium and its rating are not among them (the rating panel
   * shows them), so the form's value stays the user's own object while they type.
   */
  #setValue(v: Data): void {
    const { premium: _premium, rating: _rating, ...fields } = v;
    this._value = 'premium' in v || 'rating' in v ? fields : v;
  }

  /** The problems the rule packs refuse in the current policy (empty before an enterprise is chosen). */
  get problems(): readonly RuleProblem[] {
    return this._problems;
  }

  /** What the packs only warn about (a draft for comment, a rule that warns). */
  get warnings(): readonly RuleProblem[] {
    return this._warnings;
  }

  /** checkValidity, and shows the problems (as a submit attempt does). */
  override reportValidity(): boolean {
    this.#onSubmitClick();
    const ok = super.reportValidity();
    if (!ok) this.shadowRoot?.querySelector<AzxForm>('azx-form')?.reportValidity();
    return ok;
  }

  protected override formValue(): string | null {
    return this._enterprise ? JSON.stringify(this.value) : null;
  }

  /**
   * Everything that blocks a surrounding form's submit, first problem first: no policy yet, the
   * rule packs' refusals, the server's standing refusal, then the form's own fields.
   */
  protected override formValidity(): ControlValidity {
    if (!this._enterprise) return this.required ? { flags: { valueMissing: true }, message: this.#t('find') } : VALID;
    const en = isEnglish(this.#locale);
    const problem = this.#check().refusals[0];
    if (problem) return { flags: { customError: true }, message: en ? problem.message_en : problem.message_zh };
    const refused = Object.values(this.#errors())[0];
    if (refused) return { flags: { customError: true }, message: en ? refused.message_en : refused.message_zh };
    const form = this.shadowRoot?.querySelector<AzxForm>('azx-form');
    // the form is shown once the definition has loaded; until then no policy can be complete
    return form ? validityOf(form) : { flags: { valueMissing: true }, message: this.#t('find') };
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  protected override async updated(changed: PropertyValues<this>): Promise<void> {
    if (changed.has('store') && this.store) await this.#loadDefinitions();
    if ((changed.has('enterprise') || changed.has('store')) && this.enterprise && this.store && this._enterprise?.id !== this.enterprise) {
      try {
        await this.#select(await this.store.get('enterprises', this.enterprise));
      } catch {
        /* not readable: the search stays open */
      }
    }
    if ((changed.has('renewalOf') || changed.has('store')) && this.renewalOf && this.store && this._renewing?.id !== this.renewalOf) {
      try {
        const prev = await this.store.get('policies', this.renewalOf);
        await this.#select(await this.store.get('enterprises', str(prev.columns['enterprise'])));
        await this.#renew(prev);
      } catch {
        /* not readable */
      }
    }
  }

  async #loadDefinitions(): Promise<void> {
    const store = this.store;
    if (!store) return;
    // the providers an insurer may contract: any signed-in party may read organizations
    store.listOrganizations({ kind: 'provider' }).then(
      (orgs) => {
        if (store === this.store) this._providers = [...orgs].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
      },
      () => {
        if (store === this.store) this._providers = [];
      },
    );
    try {
      const [policy, enterprise] = await Promise.all([store.latestDefinition('policy'), store.latestDefinition('enterprise')]);
      this.#definition = policy;
      this.#displaySchema = displaySchema(policy.schema as JsonSchema);
      const industry = (enterprise.schema['properties'] as Record<string, Record<string, unknown>> | undefined)?.['industry'];
      for (const o of (industry?.['oneOf'] as Data[] | undefined) ?? []) {
        this.#industries.set(str(o['const']), { zh: str(o['title']), en: str(o['x-title-en']) });
      }
      this.requestUpdate();
    } catch {
      this.#definition = undefined;
    }
  }

  /** A region's name from the store's reference data (its code until read). */
  #region(code: string): string {
    return this.store ? referenceOf(this.store).regionName(code, this.#locale) : code;
  }

  #industry(code: string): string {
    const t = this.#industries.get(code);
    return t ? (isEnglish(this.#locale) ? t.en || t.zh : t.zh) : code;
  }

  // ── finding the enterprise ─────────────────────────────────────────────────────────────

  async #search(e: Event): Promise<void> {
    e.preventDefault();
    const q = this._query.trim();
    if (!q || !this.store) return;
    this._busy = 'search';
    try {
      const where = USCC_LIKE.test(q.toUpperCase())
        ? [{ field: 'uscc', op: '=' as const, value: q.toUpperCase() }]
        : [{ field: 'name', op: '~' as const, value: q }];
      const page = await this.store.list('enterprises', { where, sort: ['name'], perPage: 20 });
      this._results = page.items;
      // regions are shown by name, any province (the store's reference data), once read
      const store = this.store;
      void referenceOf(store)
        .load(page.items.map((r) => str(r.data['region_code'])))
        .then(() => this.store === store && this.requestUpdate());
      if (page.items.length === 1) await this.#select(page.items[0]!);
    } catch (err) {
      this._results = [];
      this._message = isStoreError(err) ? (isEnglish(this.#locale) ? err.message_en : err.message_zh) : String(err);
    } finally {
      this._busy = '';
    }
  }

  async #select(ent: StoredRecord): Promise<void> {
    const period = yearFrom(isoDay(Date.now()));
    // the packs first, so the form never shows a policy nothing has judged
    const pack = await this.#loadPack(str(ent.data['region_code']), period.start);
    // another enterprise: its provider is chosen anew
    if (this._enterprise && this._enterprise.id !== ent.id) this.provider = '';
    this._enterprise = ent;
    this._results = undefined;
    if (this.store) {
      const store = this.store;
      void referenceOf(store)
        .load([str(ent.data['region_code'])])
        .then(() => this.store === store && this.requestUpdate());
    }
    this._renewing = undefined;
    this._saved = undefined;
    this._refusal = undefined;
    this._attempted = false;
    this._problems = [];
    this._warnings = [];
    this.#idempotencyKey = newIdempotencyKey();
    const reg = registryOf(ent);
    const headcount = typeof reg['headcount'] === 'number' ? reg['headcount'] : 0;
    this._coefficients = pack ? defaultCoefficients(pack, reg, headcount) : {};
    this.#setValue({
      legal_basis: pack ? str(tableValue(pack, 'legal_basis')) || undefined : undefined,
      status: 'active',
      insured: { uscc: str(reg['uscc']), name: str(reg['name']), region_code: str(reg['region_code']) },
      period,
      headcount,
      insured_persons: headcount,
      cover_per_person: pack ? tableNumber(pack, 'min_cover_per_person') : undefined,
      coverage_scope: pack ? statutoryCover(pack) : undefined,
      prevention_clause: true,
      prevention_items: ['01', '03'],
      // the unit's declaration (2025 Art. 6) starts made where the pack asks for it: unticking it is refused
      premium_borne_by_unit: pack && tableValue(pack, 'premium_borne_by_unit') === true ? true : undefined,
    });
    this.#suggestBudget();
    // the result chosen is gone with its list: the focus goes to the enterprise now chosen
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#enterprise-title')?.focus());
    this.dispatchEvent(
      new CustomEvent('azx-enterprise-selected', { bubbles: true, composed: true, detail: { enterprise: ent, pack: (pack && narrowestLayer(pack)?.key) ?? '' } }),
    );
    this._history = [];
    if (this.store) {
      try {
        const page = await this.store.list('policies', { where: [{ field: 'enterprise', op: '=', value: ent.id }], sort: ['-period_end'], perPage: 20 });
        this._history = page.items;
      } catch {
        this._history = [];
      }
    }
  }

  /**
   * The packs for the enterprise's region on a day, from the store (kept while the day stays in
   * the answer's window). undefined, with the reason shown, when the store cannot say.
   */
  async #loadPack(region: string, day: string): Promise<EffectivePack | undefined> {
    const current = this._pack;
    if (current && current.region === region && packCovers(current, day)) return current;
    if (!this.store || !region || !day) return undefined;
    try {
      const pack = await this.store.effectivePack(region, day);
      this._pack = pack;
      this._packMessage = '';
      return pack;
    } catch (err) {
      this._pack = undefined;
      this._packMessage = isStoreError(err) ? (isEnglish(this.#locale) ? err.message_en : err.message_zh) : String(err);
      return undefined;
    }
  }

  /** The budget the packs suggest (their floor, else a default share, within any cap). */
  #suggestBudget(): void {
    const suggested = this.#rated()?.verdict.computed['suggested_prevention_budget'];
    if (typeof suggested === 'number') this.#setValue({ ...this._value, prevention_budget: suggested });
  }

  /** Starts a renewal of prev: its terms carried over, the period following it, the insured as the registry has it now. */
  async #renew(prev: StoredRecord): Promise<void> {
    if (!this._enterprise) return;
    const reg = registryOf(this._enterprise);
    const old = prev.data;
    const prevEnd = dayOf(str((old['period'] as Data | undefined)?.['end']));
    const start = prevEnd !== undefined ? isoDay(prevEnd + DAY) : isoDay(Date.now());
    const { policy_no: _no, rating, premium: _p, restrictions: _r, ...terms } = old;
    this._renewing = prev;
    this.provider = str(prev.columns['provider']);
    const pack = await this.#loadPack(str(reg['region_code']), start);
    const headcount = typeof reg['headcount'] === 'number' ? reg['headcount'] : 0;
    const value: Data = {
      ...terms,
      status: 'active',
      renewal_of: str(old['policy_no']),
      insured: { ...(old['insured'] as Data), name: str(reg['name']), region_code: str(reg['region_code']), uscc: str(reg['uscc']) },
      period: yearFrom(start),
      headcount,
      insured_persons: headcount,
    };
    if (pack && tableValue(pack, 'legal_basis') !== undefined) value['legal_basis'] = tableValue(pack, 'legal_basis');
    // last year's coefficients carry over; the registry's grades and the band are today's
    const carried = ((rating as Data | undefined)?.['coefficients'] ?? {}) as Record<string, number>;
    const next: Record<string, number> = pack ? defaultCoefficients(pack, reg, headcount) : {};
    for (const f of pack ? ratingFactors(pack) : []) {
      if (f.options && !registryOption(f, reg) && typeof carried[f.key] === 'number') next[f.key] = carried[f.key]!;
    }
    this._coefficients = next;
    this.#setValue(value);
    this.#suggestBudget();
    this.#idempotencyKey = newIdempotencyKey();
    this.#recheck();
  }

  #newPolicy(): void {
    if (this._enterprise) void this.#select(this._enterprise);
  }

  // ── premium and checks ─────────────────────────────────────────────────────────────────

  /** The policy rated and judged by the pack (undefined before a pack is known). */
  #rated(): Rated | undefined {
    const pack = this.pack;
    if (!pack || !this._enterprise) return undefined;
    return rate(pack, { enterprise: registryOf(this._enterprise), previous: this.#previous(), date: startOf(this._value), today: chinaToday() }, this._value, this._coefficients);
  }

  /**
   * The renewed policy as the packs read it: null when the record renews none or the element
   * cannot see it (the server judges that), else its data with found.
   */
  #previous(): Data | null {
    const no = str(this._value['renewal_of']);
    if (!no) return null;
    const prev = this._history.find((p) => p.data['policy_no'] === no) ?? (this._renewing?.data['policy_no'] === no ? this._renewing : undefined);
    return prev ? { ...prev.data, found: true } : null;
  }

  #check(): { refusals: readonly RuleProblem[]; warnings: readonly RuleProblem[] } {
    const rated = this.#rated();
    if (!rated) return { refusals: [], warnings: [] };
    const { refusals, warnings } = rated.verdict;
    // without cover or persons there is no rating yet: the form's own "required" says why
    return { refusals: rated.record['rating'] ? refusals : refusals.filter((p) => p.code !== 'rating_missing'), warnings };
  }

  /** After the first submit the problems follow every edit. */
  #recheck(): void {
    if (!this._attempted) return;
    const c = this.#check();
    this._problems = c.refusals;
    this._warnings = c.warnings;
  }

  #onFormInput(e: Event): void {
    const form = e.currentTarget as AzxForm;
    const before = startOf(this._value);
    this.#setValue(form.value);
    this._saved = undefined;
    this.#recheck();
    const day = startOf(this._value);
    if (day !== before && dayOf(day) !== undefined && this._pack && !packCovers(this._pack, day)) void this.#followDate(day);
  }

  /** The period moved to days other packs govern: judge by those (and their legal basis). */
  async #followDate(day: string): Promise<void> {
    const old = this._pack;
    const pack = await this.#loadPack(str(this._enterprise?.data['region_code']), day);
    if (!pack || pack === old) return;
    if (old && this._value['legal_basis'] === tableValue(old, 'legal_basis') && tableValue(pack, 'legal_basis') !== undefined) {
      this.#setValue({ ...this._value, legal_basis: tableValue(pack, 'legal_basis') });
    }
    this.#recheck();
  }

  #onCoefficient(key: string, e: Event): void {
    const v = Number((e.target as HTMLSelectElement).value);
    this._coefficients = { ...this._coefficients, [key]: v };
    this._saved = undefined;
    this.#recheck();
  }

  /** A submit attempt shows the pack's problems at once, beside the form's own errors. */
  #onSubmitClick(): void {
    this._attempted = true;
    this.#recheck();
  }

  async #onSubmit(e: CustomEvent<{ value: Data }>): Promise<void> {
    e.stopPropagation();
    // the form's own object, not the event's copy: a new object would reset what it reveals
    this.#setValue((e.currentTarget as AzxForm | null)?.value ?? e.detail.value);
    this._attempted = true;
    // the button stays focusable while a save is under way (aria-disabled): a second press waits
    if (this._busy === 'save') return;
    this.#recheck();
    if (this._problems.length > 0 || !this.pack || !this.store || !this._enterprise || !this.#definition) return;
    this._busy = 'save';
    this._refusal = undefined;
    const data = this.value;
    try {
      const columns: Data = { enterprise: this._enterprise.id };
      if (this.provider) columns['provider'] = this.provider;
      // no renewal_of column: the server links the enterprise's latest earlier policy itself and
      // judges the number in data.renewal_of (one refusal whether or not that policy exists)
      const record = await this.store.create(
        'policies',
        { definition: this.#definition.key, version: this.#definition.version, data, columns },
        { idempotencyKey: this.#idempotencyKey },
      );
      this._saved = record;
      this.#idempotencyKey = newIdempotencyKey();
      this.dispatchEvent(new CustomEvent('azx-policy-saved', { bubbles: true, composed: true, detail: { record } }));
    } catch (err) {
      if (isStoreError(err)) {
        const at: Record<string, unknown> = {};
        for (const path of Object.keys(err.fieldErrors)) at[path] = valueAtPath(data, path);
        this._refusal = { errors: { ...err.fieldErrors }, at };
        this._message = isEnglish(this.#locale) ? err.message_en : err.message_zh;
        void this.updateComplete.then(() => this.#revealRefusal());
      } else {
        this._message = String(err);
      }
    } finally {
      this._busy = '';
    }
  }

  /**
   * A refusal that names a form field is the form's to show: it moves the focus there itself. One
   * that names only the rating (or no field at all) is this element's: the focus goes to the refused
   * coefficient, else to the list of problems, so the user lands where the reason is written rather
   * than on 提交 with the reason out of view. Once per refusal, never on a later render.
   */
  #revealRefusal(): void {
    const paths = Object.keys(this._refusal?.errors ?? {});
    if (paths.length === 0 || Object.keys(formErrors(this._refusal!.errors)).length > 0) return;
    const key = paths.map((p) => /^data\.rating\.coefficients\.([\w-]+)$/.exec(p)?.[1]).find((k) => k !== undefined);
    const target =
      (key !== undefined ? this.renderRoot.querySelector<HTMLElement>(`select[data-coefficient="${key}"]`) : null) ??
      this.renderRoot.querySelector<HTMLElement>('[part="problems"]');
    target?.focus();
  }

  /** Problems and standing server errors by path, for <azx-form> (fields it shows) and the rating panel. */
  #errors(): Errors {
    const out: Errors = {};
    const data = this.value;
    if (this._refusal) {
      for (const [path, err] of Object.entries(this._refusal.errors)) {
        // a refusal stands until the user changes what it concerns
        if (JSON.stringify(valueAtPath(data, path)) === JSON.stringify(this._refusal.at[path])) out[path] = err;
      }
    }
    for (const p of this._problems) out[`data.${p.path}`] = { code: p.code, message_zh: p.message_zh, message_en: p.message_en };
    return out;
  }

  /**
   * Prints a stored policy alone, as a document on A4 (none of the page, the search or the form
   * prints): `record`, else the policy just submitted. Its fields by group with regions named and
   * money to the fen, then the insurer's signature, the day it was stored and room for the seal.
   * Resolves true when the print dialog opened, false when there is nothing to print or a
   * listener of `azx-print` took the print over.
   */
  async print(record: StoredRecord | undefined = this._saved): Promise<boolean> {
    if (!record || !this.store) return false;
    return printDocument(await policyDocument(this.store, record, this.#locale), { from: this });
  }

  #printButton(record: StoredRecord): TemplateResult {
    const no = str(record.data['policy_no']);
    return html`<button part="button print" type="button" aria-label=${this.#t('printPolicy', { no })} @click=${() => void this.print(record)}>${this.#t('print')}</button>`;
  }

  // ── rendering ──────────────────────────────────────────────────────────────────────────

  protected override render(): TemplateResult {
    const errors = this.#errors();
    return html`
      ${this.#renderSearch()}
      ${this._enterprise ? this.#renderEnterprise() : nothing}
      ${this._enterprise ? this.#renderHistory() : nothing}
      ${this._enterprise
        ? renderProvider({
            locale: this.#locale,
            providers: this._providers,
            chosen: this.provider,
            disabled: this.disabled,
            onChange: (id) => {
              this.provider = id;
              this._saved = undefined;
            },
          })
        : nothing}
      ${this._enterprise ? this.#renderRating(errors) : nothing}
      ${this.#renderProblems(errors)} ${this.#renderWarnings()}
      ${this._enterprise && this.#displaySchema
        ? html`<azx-form
            .schema=${this.#displaySchema}
            .value=${this._value}
            .serverErrors=${formErrors(errors)}
            lang=${this.#locale}
            ?disabled=${this.disabled}
            definition-key="policy"
            @input=${this.#onFormInput}
            @change=${this.#onFormInput}
            @azx-submit=${this.#onSubmit}
          >
            <div slot="actions" class="form-actions">
              <button type="submit" part="button submit" aria-disabled=${this._busy === 'save' ? 'true' : 'false'} ?disabled=${this.disabled} @click=${this.#onSubmitClick}>${this.#t('submit')}</button>
              ${this.#renderStatus()}
            </div>
          </azx-form>`
        : this.#renderStatus()}
    `;
  }

  #renderSearch(): TemplateResult {
    if (!this.store) return html`<p part="status" role="status">${this.#t('noStore')}</p>`;
    const results = this._results;
    return html`
      <form part="search" class="search" role="search" @submit=${this.#search}>
        <label for="q">${this._enterprise ? this.#t('change') : this.#t('find')}</label>
        <input
          id="q"
          name="q"
          .value=${this._query}
          placeholder=${this.#t('findPlaceholder')}
          aria-describedby="q-hint"
          autocomplete="off"
          @input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)}
        />
        <span id="q-hint" class="visually-hidden">${this.#t('findLabel')}</span>
        <button part="button" type="submit" ?disabled=${this._busy === 'search' || this.disabled}>
          ${this._busy === 'search' ? this.#t('searching') : this.#t('search')}
        </button>
      </form>
      ${results === undefined
        ? nothing
        : results.length === 0
          ? html`<p part="status" role="status">${this.#t('noMatch', { q: this._query })}</p>`
          : html`<ul part="results" class="results">
              ${results.map(
                (r) => html`<li>
                  <button part="button" type="button" @click=${() => this.#select(r)}>${this.#t('choose')}</button>
                  <span>${str(r.data['name'])}</span> <code>${str(r.data['uscc'])}</code>
                  <span class="muted">${this.#industry(str(r.data['industry']))} · ${this.#region(str(r.data['region_code']))}</span>
                </li>`,
              )}
            </ul>`}
    `;
  }

  #renderEnterprise(): TemplateResult {
    const reg = registryOf(this._enterprise!);
    const pack = this.pack;
    const en = isEnglish(this.#locale);
    const layer = pack && narrowestLayer(pack);
    const floor = pack && tableNumber(pack, 'prevention_budget_floor');
    const cap = pack && tableNumber(pack, 'prevention_budget_cap');
    const cover = pack && tableNumber(pack, 'min_cover_per_person');
    const drafts = pack?.proposed?.layers.filter((l) => l.legal_status === 'draft_for_comment') ?? [];
    return html`
      <section part="enterprise" class="panel" aria-label=${this.#t('chosen')}>
        <h2 id="enterprise-title" tabindex="-1">${this.#t('chosen')}：${str(reg['name'])}</h2>
        <dl>
          <dt>统一社会信用代码</dt><dd><code>${str(reg['uscc'])}</code></dd>
          <dt>${this.#t('region')}</dt><dd title=${str(reg['region_code'])}>${this.#region(str(reg['region_code']))}</dd>
          <dt>${this.#t('industry')}</dt><dd>${this.#industry(str(reg['industry']))}</dd>
          <dt>${this.#t('headcount')}</dt><dd>${this.#t('persons', { n: String(reg['headcount'] ?? '') })}</dd>
          <dt>${this.#t('pack')}</dt>
          ${pack && layer
            ? html`<dd data-pack=${layer.key} data-packs=${pack.layers.map((l) => l.key).join(' ')}>
                ${en ? layer.title_en : layer.title}
                <span class="muted">${this.#t('layers', { layers: pack.layers.map((l) => (en ? l.title_en : l.title)).join(' → ') })}</span>
              </dd>`
            : html`<dd class="error" role="alert">${this._packMessage || this.#t('noPack')}</dd>`}
        </dl>
        ${pack
          ? html`<ul class="pack-rules">
              ${cover !== undefined ? html`<li>${this.#t('packRules', { cover: formatMoney(cover, this.#locale) })}</li>` : nothing}
              ${floor !== undefined ? html`<li>${this.#t('ratioMin', { ratio: percent(floor) })}</li>` : nothing}
              ${cap !== undefined ? html`<li>${this.#t('ratioMax', { ratio: percent(cap) })}</li>` : nothing}
              ${drafts.map((l) => html`<li class="draft" data-draft=${l.key}>${this.#t('draftPack', { title: en ? l.title_en : l.title })}</li>`)}
            </ul>`
          : nothing}
      </section>
    `;
  }

  #renderHistory(): TemplateResult {
    const renewing = this._renewing;
    return html`
      <section part="history" class="panel" aria-label=${this.#t('history')}>
        <h2>${this.#t('history')}</h2>
        ${renewing
          ? html`<p class="renewing">
              ${this.#t('renewing', {
                no: str(renewing.data['policy_no']),
                start: str((renewing.data['period'] as Data | undefined)?.['start']),
                end: str((renewing.data['period'] as Data | undefined)?.['end']),
              })}
              <button part="button" type="button" @click=${this.#newPolicy}>${this.#t('newPolicy')}</button>
            </p>`
          : nothing}
        ${this._history.length === 0
          ? html`<p class="muted">${this.#t('noHistory')}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">${this.#t('colPolicy')}</th>
                  <th scope="col">${this.#t('colPeriod')}</th>
                  <th scope="col">${this.#t('colPremium')}</th>
                  <th scope="col">${this.#t('colStatus')}</th>
                  <th scope="col">${this.#t('colAction')}</th>
                </tr>
              </thead>
              <tbody>
                ${this._history.map((p) => {
                  const period = (p.data['period'] ?? {}) as Data;
                  return html`<tr>
                    <td><code>${str(p.data['policy_no'])}</code></td>
                    <td>${str(period['start'])} – ${str(period['end'])}</td>
                    <td>${String(p.data['premium'] ?? '')}</td>
                    <td>${termLabel(POLICY_STATUS, str(p.columns['status'] ?? p.data['status']), this.#locale)}</td>
                    <td><button part="button" type="button" @click=${() => this.#renew(p)}>${this.#t('renew')}</button> ${this.#printButton(p)}</td>
                  </tr>`;
                })}
              </tbody>
            </table>`}
      </section>
    `;
  }

  #renderRating(errors: Errors): TemplateResult | typeof nothing {
    const pack = this.pack;
    if (!pack) return nothing;
    const reg = registryOf(this._enterprise!);
    const rated = this.#rated();
    const rates = baseRates(pack);
    const rate = rates?.rates[str(reg['industry'])];
    const en = isEnglish(this.#locale);
    const msg = (path: string): TemplateResult | typeof nothing => {
      const e = errors[`data.${path}`];
      return e ? html`<span class="error" part="error" role="alert">${en ? e.message_en : e.message_zh}</span>` : nothing;
    };
    return html`
      <section part="rating" class="panel" aria-label=${this.#t('rating')}>
        <h2>${this.#t('rating')}${isExample(pack, 'base_rates') ? html` <small class="muted">（${this.#t('example')}）</small>` : nothing}</h2>
        <p>
          ${this.#t('baseRate')}：
          ${rates && rate !== undefined && rated?.base !== undefined
            ? this.#t('baseRateOf', {
                rate: String(rate),
                industry: this.#industry(str(reg['industry'])),
                basis: formatMoney(rates.basis_cover, this.#locale),
                cover: formatMoney(this._value['cover_per_person'], this.#locale),
                base: String(rated.base),
              })
            : this.#t('noRate')}
        </p>
        ${msg('rating.base_rate')} ${msg('rating')}
        <div class="coefficients">
          ${(rated?.lines ?? []).map((line) => {
            const f = line.factor;
            const id = `coef-${f.key}`;
            const title = en ? f.en : f.zh;
            if (f.bands) {
              return html`<div class="coef">
                <label for=${id}>${title}</label>
                <output id=${id} data-coefficient=${f.key}>${line.label ? (en ? line.label.en : line.label.zh) : ''} ×${String(line.value)}</output>
                <span class="muted">${this.#t('fixedByBand')}</span>
                ${msg(`rating.coefficients.${f.key}`)}
              </div>`;
            }
            const listed = (f.options ?? []).some((o) => o.value === line.value);
            return html`<div class="coef">
              <label for=${id}>${title}</label>
              <select id=${id} part="control" data-coefficient=${f.key} ?disabled=${line.fixed} @change=${(e: Event) => this.#onCoefficient(f.key, e)}>
                ${listed ? nothing : html`<option value=${String(line.value)} selected>${this.#t('notInPack', { value: String(line.value) })}</option>`}
                ${(f.options ?? []).map(
                  (o) => html`<option value=${String(o.value)} ?selected=${o.value === line.value}>${en ? o.en : o.zh} ×${String(o.value)}</option>`,
                )}
              </select>
              ${line.fixed ? html`<span class="muted">${this.#t('fixedByRegistry')}</span>` : nothing}
              ${msg(`rating.coefficients.${f.key}`)}
            </div>`;
          })}
        </div>
        <p part="breakdown" class="breakdown" aria-live="polite">
          ${rated?.base !== undefined && rated.premium !== undefined
            ? html`${this.#t('premium')}：${this.#t('formula', {
                base: String(rated.base),
                coefs: rated.lines.map((l) => String(l.value)).join(' × '),
                persons: String(this._value['insured_persons'] ?? ''),
                premium: String(rated.premium),
              })}`
            : nothing}
        </p>
        ${msg('rating.premium_by_rate')}
      </section>
    `;
  }

  #renderProblems(errors: Errors): TemplateResult | typeof nothing {
    const list = Object.entries(errors);
    if (!this._attempted && !this._refusal) return nothing;
    if (list.length === 0) return nothing;
    const en = isEnglish(this.#locale);
    return html`<div part="problems" class="problems" role="alert" tabindex="-1">
      <p>${this._refusal && this._problems.length === 0 ? this.#t('refused') : this.#t('problems')}</p>
      <ul>
        ${list.map(([path, e]) => html`<li data-path=${path} data-code=${e.code ?? ''}>${en ? e.message_en : e.message_zh}</li>`)}
      </ul>
    </div>`;
  }

  /** What the packs only warn about: live after a submit attempt, and the server's for a stored policy. */
  #renderWarnings(): TemplateResult | typeof nothing {
    const stored = this._saved?.columns['rule_warnings'];
    const list = this._saved && Array.isArray(stored) ? (stored as RuleProblem[]) : this._attempted ? this._warnings : [];
    if (list.length === 0) return nothing;
    const en = isEnglish(this.#locale);
    return html`<div part="warnings" class="warnings" role="status">
      <p>${this.#t('warnings')}</p>
      <ul>
        ${list.map((w) => html`<li data-path=${`data.${w.path}`} data-code=${w.code}>${en ? w.message_en : w.message_zh}</li>`)}
      </ul>
    </div>`;
  }

  #renderStatus(): TemplateResult | typeof nothing {
    if (this._busy === 'save') return html`<p part="status" role="status">${this.#t('saving')}</p>`;
    if (this._saved) return html`<p part="status" class="saved" role="status">${this.#t('saved', { no: str(this._saved.data['policy_no']) })} ${this.#printButton(this._saved)}</p>`;
    if (this._message && !this._refusal) return html`<p part="status" role="status">${this._message}</p>`;
    return nothing;
  }
}

/** The statutory cover items of the packs, all ticked for a new policy. */
function statutoryCover(pack: EffectivePack): string[] | undefined {
  const items = tableValue(pack, 'statutory_cover');
  return Array.isArray(items) ? items.map((i) => str((i as Data)['code'])).filter((c) => c !== '') : undefined;
}

/** The value at a server path ("data.insured.name"), or a column path's undefined. */
function valueAtPath(data: Data, path: string): unknown {
  if (!path.startsWith('data.')) return undefined;
  let cur: unknown = data;
  for (const k of path.slice(5).split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Data)[k];
  }
  return cur;
}

/** The errors <azx-form> shows by its fields: everything but the rating, which the element shows itself. */
function formErrors(errors: Errors): Errors {
  const out: Errors = {};
  for (const [path, e] of Object.entries(errors)) {
    if (path === 'data.rating' || path.startsWith('data.rating.') || path === 'data.premium') continue;
    out[path] = e;
  }
  return out;
}

/**
 * The policy definition as the form shows it: the rating and the premium it gives are the
 * element's own panel, the rest is the definition's.
 */
function displaySchema(schema: JsonSchema): JsonSchema {
  const props = { ...((schema['properties'] as Record<string, JsonSchema> | undefined) ?? {}) };
  delete props['rating'];
  delete props['premium'];
  const required = ((schema['required'] as string[] | undefined) ?? []).filter((k) => k !== 'premium');
  return { ...schema, properties: props, required };
}
