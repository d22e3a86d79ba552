import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../data/context.js';
import { reloadOnPartyChange } from '../data/party-controller.js';
import { referenceOf } from '../data/reference.js';
import { isStoreError, newIdempotencyKey, type FormDefinition, type Organization, type Store, type StoredRecord } from '../data/store.js';
import type { AzxForm, JsonSchema, Locale } from '../core/index.js';
import { LANG_PROPERTY, isEnglish } from '../core/locale.js';
import { LocaleController } from '../core/lang-controller.js';
import { FormAssociated, VALID, validityOf, type ControlValidity } from '../core/form-control.js';
import '../core/index.js';
import { FACTOR_ORDER, packForRegion, type FactorKey, type Pack } from './pack.js';
import { coef, percent, ratioFen, yuan } from './money.js';
import { checkPolicy, dayOf, type PreviousPolicy, type Problem, type RegistryEnterprise } from './rules.js';
import { breakdown, defaultCoefficients, ratingOf, type Breakdown } from './rating.js';
import { policyEntryStyles } from './policy-entry.styles.js';
import { text, type TextKey } from './text.js';
import { renderProvider } from './provider.js';

type Data = Record<string, unknown>;
type Errors = Record<string, { code?: string; message_zh: string; message_en: string }>;

const USCC_LIKE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const DAY = 86_400_000;
const FULL_SCOPE = ['employee_injury', 'third_party_injury', 'third_party_property', 'rescue', 'medical_aid', 'investigation', 'legal'];

function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
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

/** The registry's view of an enterprise record (what the server compares with). */
function registryOf(r: StoredRecord): RegistryEnterprise {
  const d = r.data;
  return {
    name: str(d['name']),
    region_code: str(d['region_code']),
    industry: str(d['industry']),
    headcount: typeof d['headcount'] === 'number' ? d['headcount'] : 0,
    standardization_level: str(d['standardization_level']),
    safety_credit: str(d['safety_credit']),
    dual_prevention: str(d['dual_prevention']),
  };
}

/**
 * Entry of a work-safety liability policy (安责险保单) by an insurer, checked against the
 * jurisdiction rule pack of the insured's region: find the enterprise in the must-insure
 * registry, renew an earlier policy or start a new one, choose the floating coefficients and
 * see the premium computed live with its breakdown. Every problem of the Suzhou 2024 bulletin
 * (cover not matching headcount, not everyone insured, coefficients not the regulator's, no
 * prevention clause, budget off the ratio, irregular entry) is refused before submitting, with
 * a message naming the rule and its source; the server checks the same pack again.
 *
 * @summary Policy entry with rule-pack checks and live premium.
 *
 * @event azx-enterprise-selected - Bubbling, composed `CustomEvent<{ enterprise: StoredRecord; pack: string }>`: an enterprise was chosen.
 * @event azx-policy-saved - Bubbling, composed `CustomEvent<{ record: StoredRecord }>`: the server stored the policy.
 *
 * @csspart search - The registry search (label, input, button).
 * @csspart results - The list of matching enterprises.
 * @csspart enterprise - The chosen enterprise and its rule pack.
 * @csspart history - The enterprise's earlier policies, each with a renew button.
 * @csspart provider - The choice of the prevention-service provider the policy names.
 * @csspart rating - The coefficient choices and the premium breakdown.
 * @csspart breakdown - The premium formula line.
 * @csspart problems - The list of rule-pack problems that block the submit.
 * @csspart status - Submitting / submitted / refused messages.
 * @csspart button - Every button.
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

  /** The deployment's pack for regions no regional pack claims (the server's AZX_PACK). */
  @property({ attribute: 'default-pack' }) accessor defaultPack: string = 'national';

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
  @state() accessor _problems: readonly Problem[] = [];
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

  /** The pack of the chosen enterprise's region. */
  get pack(): Pack | undefined {
    return this._enterprise ? packForRegion(registryOf(this._enterprise).region_code, this.defaultPack) : undefined;
  }

  /** The policy as it would be stored: the form's fields, the premium and its rating. */
  get value(): Data {
    const b = this.#breakdown();
    const rating = b && ratingOf(b);
    return rating ? { ...this._value, premium: rating.premium_by_rate, rating } : { ...this._value };
  }

  /**
   * Sets the form's fields. The premium and its rating are not among them (the rating panel
   * shows them), so the form's value stays the user's own object while they type.
   */
  #setValue(v: Data): void {
    const { premium: _premium, rating: _rating, ...fields } = v;
    this._value = 'premium' in v || 'rating' in v ? fields : v;
  }

  /** The problems the rule pack finds in the current policy (empty before an enterprise is chosen). */
  get problems(): readonly Problem[] {
    return this._problems;
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
   * rule pack's, the server's standing refusal, then the form's own fields.
   */
  protected override formValidity(): ControlValidity {
    if (!this._enterprise) return this.required ? { flags: { valueMissing: true }, message: this.#t('find') } : VALID;
    const en = isEnglish(this.#locale);
    const problem = this.#check()[0];
    if (problem) return { flags: { customError: true }, message: en ? problem.en : problem.zh };
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
        this.#renew(prev);
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
    this.#idempotencyKey = newIdempotencyKey();
    const reg = registryOf(ent);
    const pack = this.pack!;
    const cover = Number(pack.cover_minimum['2025'] ?? 400000);
    const today = isoDay(Date.now());
    this._coefficients = defaultCoefficients(pack, reg, reg.headcount);
    this.#setValue({
      legal_basis: '2025',
      status: 'active',
      insured: { uscc: str(ent.data['uscc']), name: reg.name, region_code: reg.region_code },
      period: yearFrom(today),
      headcount: reg.headcount,
      insured_persons: reg.headcount,
      cover_per_person: cover,
      coverage_scope: FULL_SCOPE,
      prevention_clause: true,
      prevention_items: ['01', '03'],
    });
    this.#suggestBudget();
    this.dispatchEvent(new CustomEvent('azx-enterprise-selected', { bubbles: true, composed: true, detail: { enterprise: ent, pack: pack.id } }));
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

  /** A budget inside the pack's ratio: its minimum, else 20% within any cap. */
  #suggestBudget(): void {
    const pack = this.pack;
    const b = this.#breakdown();
    if (!pack || b?.premiumFen === undefined) return;
    const r = pack.prevention_ratio;
    let budget = ratioFen(b.premiumFen, r.min ?? 0.2, true);
    if (r.max !== undefined) budget = Math.min(budget, ratioFen(b.premiumFen, r.max, false));
    this.#setValue({ ...this._value, prevention_budget: budget / 100 });
  }

  /** Starts a renewal of prev: its terms carried over, the period following it, the insured as the registry has it now. */
  #renew(prev: StoredRecord): void {
    if (!this._enterprise) return;
    const reg = registryOf(this._enterprise);
    const pack = this.pack!;
    const old = prev.data;
    const prevEnd = dayOf(str((old['period'] as Data | undefined)?.['end']));
    const start = prevEnd !== undefined ? isoDay(prevEnd + DAY) : isoDay(Date.now());
    const { policy_no: _no, rating, premium: _p, restrictions: _r, ...terms } = old;
    this._renewing = prev;
    this.provider = str(prev.columns['provider']);
    const value: Data = {
      ...terms,
      status: 'active',
      legal_basis: '2025',
      renewal_of: str(old['policy_no']),
      insured: { ...(old['insured'] as Data), name: reg.name, region_code: reg.region_code, uscc: str(this._enterprise.data['uscc']) },
      period: yearFrom(start),
      headcount: reg.headcount,
      insured_persons: reg.headcount,
    };
    // last year's coefficients carry over; the registry's grades and the band are today's
    const carried = ((rating as Data | undefined)?.['coefficients'] ?? {}) as Record<string, number>;
    const fresh = defaultCoefficients(pack, reg, reg.headcount);
    const next: Record<string, number> = { ...fresh };
    for (const key of FACTOR_ORDER) {
      const f = pack.coefficients[key];
      if (f?.options && !f.from_enterprise && typeof carried[key] === 'number') next[key] = carried[key];
      if (f?.from_enterprise && !reg[f.from_enterprise as keyof RegistryEnterprise] && typeof carried[key] === 'number') next[key] = carried[key];
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

  #breakdown(): Breakdown | undefined {
    const pack = this.pack;
    if (!pack || !this._enterprise) return undefined;
    const cover = typeof this._value['cover_per_person'] === 'number' ? this._value['cover_per_person'] : undefined;
    const persons = typeof this._value['insured_persons'] === 'number' ? Math.trunc(this._value['insured_persons']) : 0;
    const coefs = { ...this._coefficients };
    const band = pack.coefficients['headcount_band'];
    if (band?.bands) coefs['headcount_band'] = (breakdownBand(pack, persons) ?? 100) / 100;
    return breakdown(pack, registryOf(this._enterprise), cover, persons, coefs);
  }

  #previous(): PreviousPolicy | null {
    const no = str(this._value['renewal_of']);
    if (!no) return null;
    const prev = this._history.find((p) => p.data['policy_no'] === no) ?? (this._renewing?.data['policy_no'] === no ? this._renewing : undefined);
    if (!prev) return null; // not visible here: the server judges it
    return { found: true, end: str((prev.data['period'] as Data | undefined)?.['end']) };
  }

  #check(): Problem[] {
    const pack = this.pack;
    if (!pack || !this._enterprise) return [];
    const value = this.value;
    const problems = checkPolicy(pack, registryOf(this._enterprise), value, this.#previous());
    // without cover or persons there is no rating yet: the form's own "required" says why
    return value['rating'] ? problems : problems.filter((p) => p.code !== 'rating_missing');
  }

  /** After the first submit the problems follow every edit. */
  #recheck(): void {
    if (this._attempted) this._problems = this.#check();
  }

  #onFormInput(e: Event): void {
    const form = e.currentTarget as AzxForm;
    this.#setValue(form.value);
    this._saved = undefined;
    this.#recheck();
  }

  #onCoefficient(key: FactorKey, e: Event): void {
    const v = Number((e.target as HTMLSelectElement).value);
    this._coefficients = { ...this._coefficients, [key]: v };
    this._saved = undefined;
    this.#recheck();
  }

  /** A submit attempt shows the pack's problems at once, beside the form's own errors. */
  #onSubmitClick(): void {
    this._attempted = true;
    this._problems = this.#check();
  }

  async #onSubmit(e: CustomEvent<{ value: Data }>): Promise<void> {
    e.stopPropagation();
    // the form's own object, not the event's copy: a new object would reset what it reveals
    this.#setValue((e.currentTarget as AzxForm | null)?.value ?? e.detail.value);
    this._attempted = true;
    this._problems = this.#check();
    if (this._problems.length > 0 || !this.store || !this._enterprise || !this.#definition) return;
    this._busy = 'save';
    this._refusal = undefined;
    const data = this.value;
    try {
      const columns: Data = { enterprise: this._enterprise.id };
      if (this.provider) columns['provider'] = this.provider;
      if (this._renewing && this._renewing.data['policy_no'] === data['renewal_of']) columns['renewal_of'] = this._renewing.id;
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
      } else {
        this._message = String(err);
      }
    } finally {
      this._busy = '';
    }
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
    for (const p of this._problems) out[`data.${p.path}`] = { code: p.code, message_zh: p.zh, message_en: p.en };
    return out;
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
      ${this.#renderProblems(errors)}
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
            <button slot="actions" type="submit" part="button submit" ?disabled=${this._busy === 'save' || this.disabled} @click=${this.#onSubmitClick}>${this.#t('submit')}</button>
          </azx-form>`
        : nothing}
      ${this.#renderStatus()}
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
          aria-label=${this.#t('findLabel')}
          autocomplete="off"
          @input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)}
        />
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
    const ent = this._enterprise!;
    const reg = registryOf(ent);
    const pack = this.pack!;
    const r = pack.prevention_ratio;
    const en = isEnglish(this.#locale);
    return html`
      <section part="enterprise" class="panel" aria-label=${this.#t('chosen')}>
        <h3>${this.#t('chosen')}：${reg.name}</h3>
        <dl>
          <dt>统一社会信用代码</dt><dd><code>${str(ent.data['uscc'])}</code></dd>
          <dt>${this.#t('region')}</dt><dd title=${reg.region_code}>${this.#region(reg.region_code)}</dd>
          <dt>${this.#t('industry')}</dt><dd>${this.#industry(reg.industry)}</dd>
          <dt>${this.#t('headcount')}</dt><dd>${this.#t('persons', { n: reg.headcount })}</dd>
          <dt>${this.#t('pack')}</dt>
          <dd data-pack=${pack.id}>${en ? pack.title_en : pack.title}</dd>
        </dl>
        <ul class="pack-rules">
          <li>${this.#t('packRules', { cover: String(pack.cover_minimum['2025'] ?? '') })}</li>
          ${r.min !== undefined ? html`<li>${this.#t('ratioMin', { ratio: percent(r.min) })}</li>` : nothing}
          ${r.max !== undefined ? html`<li>${this.#t('ratioMax', { ratio: percent(r.max) })}</li>` : nothing}
        </ul>
      </section>
    `;
  }

  #renderHistory(): TemplateResult {
    const renewing = this._renewing;
    return html`
      <section part="history" class="panel" aria-label=${this.#t('history')}>
        <h3>${this.#t('history')}</h3>
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
                    <td>${str(p.columns['status'] ?? p.data['status'])}</td>
                    <td><button part="button" type="button" @click=${() => this.#renew(p)}>${this.#t('renew')}</button></td>
                  </tr>`;
                })}
              </tbody>
            </table>`}
      </section>
    `;
  }

  #renderRating(errors: Errors): TemplateResult {
    const pack = this.pack!;
    const ent = registryOf(this._enterprise!);
    const b = this.#breakdown();
    const en = isEnglish(this.#locale);
    const msg = (path: string): TemplateResult | typeof nothing => {
      const e = errors[`data.${path}`];
      return e ? html`<span class="error" part="error" role="alert">${en ? e.message_en : e.message_zh}</span>` : nothing;
    };
    return html`
      <section part="rating" class="panel" aria-label=${this.#t('rating')}>
        <h3>${this.#t('rating')}${pack.base_rates.example ? html` <small class="muted">（${this.#t('example')}）</small>` : nothing}</h3>
        <p>
          ${this.#t('baseRate')}：
          ${b?.rateFen !== undefined && b.baseFen !== undefined
            ? this.#t('baseRateOf', {
                rate: yuan(b.rateFen),
                industry: this.#industry(ent.industry),
                basis: String(pack.base_rates.basis_cover),
                cover: String(this._value['cover_per_person'] ?? ''),
                base: yuan(b.baseFen),
              })
            : this.#t('noRate')}
        </p>
        ${msg('rating.base_rate')} ${msg('rating')}
        <div class="coefficients">
          ${(b?.lines ?? []).map((line) => {
            const f = pack.coefficients[line.key]!;
            const id = `coef-${line.key}`;
            const title = en ? f.title_en : f.title;
            if (f.bands) {
              return html`<div class="coef">
                <label for=${id}>${title}</label>
                <output id=${id} data-coefficient=${line.key}>${line.label ? (en ? line.label.en : line.label.zh) : ''} ×${coef(line.h)}</output>
                <span class="muted">${this.#t('fixedByBand')}</span>
                ${msg(`rating.coefficients.${line.key}`)}
              </div>`;
            }
            const listed = (f.options ?? []).some((o) => Math.round(o.value * 100) === line.h);
            return html`<div class="coef">
              <label for=${id}>${title}</label>
              <select id=${id} part="control" data-coefficient=${line.key} ?disabled=${line.fixed} @change=${(e: Event) => this.#onCoefficient(line.key, e)}>
                ${listed ? nothing : html`<option value=${String(line.h / 100)} selected>${this.#t('notInPack', { value: coef(line.h) })}</option>`}
                ${(f.options ?? []).map(
                  (o) => html`<option value=${String(o.value)} ?selected=${Math.round(o.value * 100) === line.h}>${en ? o.title_en : o.title} ×${String(o.value)}</option>`,
                )}
              </select>
              ${line.fixed ? html`<span class="muted">${this.#t('fixedByRegistry')}</span>` : nothing}
              ${msg(`rating.coefficients.${line.key}`)}
            </div>`;
          })}
        </div>
        <p part="breakdown" class="breakdown" aria-live="polite">
          ${b?.baseFen !== undefined && b.premiumFen !== undefined
            ? html`${this.#t('premium')}：${this.#t('formula', {
                base: yuan(b.baseFen),
                coefs: b.lines.map((l) => coef(l.h)).join(' × '),
                persons: b.persons,
                premium: yuan(b.premiumFen),
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
    return html`<div part="problems" class="problems" role="alert">
      <p>${this._refusal && this._problems.length === 0 ? this.#t('refused') : this.#t('problems')}</p>
      <ul>
        ${list.map(([path, e]) => html`<li data-path=${path} data-code=${e.code ?? ''}>${en ? e.message_en : e.message_zh}</li>`)}
      </ul>
    </div>`;
  }

  #renderStatus(): TemplateResult | typeof nothing {
    if (this._busy === 'save') return html`<p part="status" role="status">${this.#t('saving')}</p>`;
    if (this._saved) return html`<p part="status" class="saved" role="status">${this.#t('saved', { no: str(this._saved.data['policy_no']) })}</p>`;
    if (this._message && !this._refusal) return html`<p part="status" role="status">${this._message}</p>`;
    return nothing;
  }
}

function breakdownBand(pack: Pack, persons: number): number | undefined {
  const f = pack.coefficients['headcount_band'];
  const band = f?.bands?.find((b) => b.max === null || persons <= b.max);
  return band ? Math.round(band.value * 100) : undefined;
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
