import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import '../core/index.js';
import { isEnglish } from '../core/locale.js';
import { StoreElement } from '../core/store-element.js';
import { schemaText, type JsonSchema } from '../core/schema.js';
import {
  CLAIM_ACTION,
  CLAIM_PARTY,
  CLAIM_PERSON_OUTCOME,
  isStoreError,
  newIdempotencyKey,
  termLabel,
  type FieldError,
  type FormDefinition,
  type Party,
  type Store,
  type StoredEvent,
  type StoredRecord,
  type Unsubscribe,
} from '../data/index.js';
import type { ClaimRecord } from '../../schemas/types/claim.js';
import { claimStyles } from './claim.styles.js';
import { renderFigures, renderTimeline } from './timeline.js';
import { t } from './text.js';
import { loadFiling } from '../data/filing.js';

/** Who reports an accident on a policy (the server checks it is their policy). */
const REPORTERS: ReadonlySet<Party['role']> = new Set(['insurer', 'enterprise']);
const MAX_FILES = 20;

type Json = Readonly<Record<string, unknown>>;
/** One payment being entered: to a person of the claim (`person:<index>`) or under a head (`head:<code>`). */
interface PaymentRow {
  target: string;
  amount: string;
}

/**
 * A claim (理赔) under one policy: the insurer or the enterprise reports an accident (报案) through
 * the `claim` definition (each person killed or injured, third-party property, rescue and the
 * other heads apart); the claim's stages show as a timeline of its claim events (查勘, 预赔付 for a
 * serious accident, 结案 or 拒赔) with the server's stage deadline (快速理赔, overdue marked) and
 * what was paid against the policy's limits. The insurer records the next step with its documents
 * and payments; the server decides status, seriousness, deadline and amounts, and its refusals
 * show by their fields. Regulators, industry authorities and financial regulators read only what
 * the server lets them read.
 *
 * Reads its Store from `store`, else from context (`storeContext`).
 *
 * @summary Reports an accident on a policy and follows the claim through survey, advance payment and settlement.
 *
 * @event azx-saved - Bubbling, composed `CustomEvent<{ record: StoredRecord }>`: the server stored the report of an accident.
 * @event azx-claim-step - Bubbling, composed `CustomEvent<{ event: StoredEvent, claim: StoredRecord }>`: the server recorded a step of the claim.
 * @event azx-policy-change - Bubbling, composed `CustomEvent<{ policy: string }>`: the user picked another policy.
 *
 * @csspart picker - The policy and claim selects.
 * @csspart policy-select - The select of policies.
 * @csspart claim-select - The select of the policy's claims.
 * @csspart figures - The claim's status, stage deadline (`overdue` when past), casualties, paid and limits.
 * @csspart timeline - The claim's stages, oldest first.
 * @csspart step - The insurer's next step: action, note, documents, payments.
 * @csspart form - The `<azx-form>` of the report.
 * @csspart errors - The server's refusal, field by field.
 * @csspart notice - Status messages (saved, read-only).
 * @csspart submit - The submit buttons.
 */
export class AzxClaim extends StoreElement {
  static override styles = claimStyles;

  /** The policy (`policies` id) whose claims are shown; the user may pick another. */
  @property({ reflect: true }) accessor policy: string = '';

  /** The claim (`claims` id) shown; empty: a new report (reporters) or none chosen. */
  @property({ reflect: true }) accessor claim: string = '';

  @state() accessor #definition: FormDefinition | null = null;
  @state() accessor #policies: readonly StoredRecord[] = [];
  @state() accessor #policyRecord: StoredRecord | null = null;
  @state() accessor #claims: readonly StoredRecord<ClaimRecord>[] = [];
  @state() accessor #claimRecord: StoredRecord<ClaimRecord> | null = null;
  @state() accessor #events: readonly StoredEvent[] = [];
  @state() accessor #action = '';
  @state() accessor #note = '';
  @state() accessor #files: readonly File[] = [];
  @state() accessor #payments: readonly PaymentRow[] = [];
  @state() accessor #errors: readonly [string, FieldError][] = [];
  /** The server's errors inside the report, for the form to show by their fields. */
  @state() accessor #dataErrors: Record<string, FieldError> | undefined = undefined;
  @state() accessor #notice = '';
  @state() accessor #busy = false;
  @state() accessor #loadError = '';
  @state() accessor #formValue: Record<string, unknown> = {};

  /** The realtime subscription to claim events (another party's step moves the claim shown). */
  #unsubscribe: Unsubscribe | undefined;
  #following: Store | undefined;
  /** Set when the store (or its party) was just made ready: that load covers policy and claim. */
  #reloading = false;
  #idempotencyKey = newIdempotencyKey();
  #loaded = { policy: '', claim: '' };

  get #party(): Party | null {
    return this.activeStore?.party ?? null;
  }

  get #canReport(): boolean {
    return !!this.#party && REPORTERS.has(this.#party.role);
  }

  /** The actions the signed-in party may take on the claim in its status (the vocabulary's from and roles). */
  get #actions(): readonly string[] {
    const status = String(this.#claimRecord?.columns['status'] ?? '');
    const role = this.#party?.role ?? '';
    return CLAIM_ACTION.terms
      .filter((a) => a.from.split(' ').includes(status) && a.roles.split(' ').includes(role))
      .map((a) => a.code);
  }

  protected override storeReady(store: Store): void {
    this.#reloading = true;
    void this.#loadAll();
    void this.#follow(store);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#following = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const store = this.activeStore;
    if (store && !this.#following) void this.#follow(store);
  }

  /** Follows the claim events the party may see; one of the claim shown reloads it. */
  async #follow(store: Store): Promise<void> {
    const previous = this.#unsubscribe;
    this.#unsubscribe = undefined;
    this.#following = store;
    await previous?.();
    if (!store.party || !this.isConnected) return;
    try {
      const stop = await store.subscribeEvents('claim_events', (event) => {
        if (store === this.activeStore && this.claim && event.fields['claim'] === this.claim && !this.#busy) void this.#reloadClaim(store, this.claim);
      });
      if (store !== this.#following || !this.isConnected || this.#unsubscribe) await stop();
      else this.#unsubscribe = stop;
    } catch {
      // without realtime the claim still follows this element's own steps
    }
  }

  /** Reloads the claim and its events, keeping the step being entered. */
  async #reloadClaim(store: Store, id: string): Promise<void> {
    const [claim, events] = await Promise.all([
      store.get<ClaimRecord>('claims', id),
      store.listEvents('claim_events', { where: [{ field: 'claim', op: '=', value: id }], sort: ['created'], perPage: 200 }),
    ]);
    if (id !== this.claim || store !== this.activeStore) return;
    this.#claimRecord = claim;
    this.#events = events.items;
    if (!this.#actions.includes(this.#action)) this.#action = this.#actions[0] ?? '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#reloading) this.#reloading = false;
    else if (changed.has('policy') && this.policy !== this.#loaded.policy) void this.#loadPolicy();
    else if (changed.has('claim') && this.claim !== this.#loaded.claim) void this.#loadClaim();
  }

  #message(err: unknown): string {
    return isStoreError(err) ? (isEnglish(this.locale) ? err.message_en : err.message_zh) : String(err);
  }

  async #loadAll(): Promise<void> {
    const store = this.activeStore;
    this.#definition = null;
    this.#policies = [];
    this.#loadError = '';
    if (!store?.party) return;
    try {
      const { definition, policies } = await loadFiling(store, 'claim');
      if (store !== this.activeStore) return;
      this.#definition = definition;
      this.#policies = policies;
      await this.#loadPolicy();
    } catch (err) {
      this.#loadError = this.#message(err);
    }
  }

  async #loadPolicy(): Promise<void> {
    const store = this.activeStore;
    const id = this.policy;
    this.#loaded = { ...this.#loaded, policy: id };
    this.#errors = [];
    this.#loadError = '';
    if (!store?.party || !id) {
      this.#policyRecord = null;
      this.#claims = [];
      await this.#loadClaim();
      return;
    }
    try {
      const [policy, claims] = await Promise.all([store.get('policies', id), this.#listClaims(store, id)]);
      if (id !== this.policy) return;
      this.#policyRecord = policy;
      this.#claims = claims;
      this.#resetReport();
      await this.#loadClaim();
    } catch (err) {
      this.#policyRecord = null;
      this.#loadError = this.#message(err);
    }
  }

  async #listClaims(store: Store, policy: string): Promise<readonly StoredRecord<ClaimRecord>[]> {
    const page = await store.list<ClaimRecord>('claims', { where: [{ field: 'policy', op: '=', value: policy }], sort: ['-accident_date'], perPage: 100 });
    return page.items;
  }

  async #loadClaim(): Promise<void> {
    const store = this.activeStore;
    const id = this.claim;
    this.#loaded = { ...this.#loaded, claim: id };
    this.#resetStep();
    if (!store?.party || !id) {
      this.#claimRecord = null;
      this.#events = [];
      return;
    }
    try {
      this.#action = '';
      await this.#reloadClaim(store, id);
    } catch (err) {
      this.#claimRecord = null;
      this.#loadError = this.#message(err);
    }
  }

  #resetReport(): void {
    this.#idempotencyKey = newIdempotencyKey();
    this.#formValue = { persons: [] };
    this.#dataErrors = undefined;
  }

  #resetStep(): void {
    this.#idempotencyKey = newIdempotencyKey();
    this.#note = '';
    this.#files = [];
    this.#payments = [];
    this.#errors = [];
  }

  #pickPolicy(id: string): void {
    this.policy = id;
    this.claim = '';
    this.#notice = '';
    this.dispatchEvent(new CustomEvent('azx-policy-change', { detail: { policy: id }, bubbles: true, composed: true }));
  }

  #pickClaim(id: string): void {
    this.claim = id;
    this.#notice = '';
  }

  #hasFocus(): boolean {
    return !!this.shadowRoot?.activeElement;
  }

  /**
   * After a save: when the focus was in the element and what had it went away (the report form,
   * the last step's form), the claim's heading takes it; the outcome just said, below the claim,
   * is brought into view.
   */
  async #showNotice(focused: boolean): Promise<void> {
    await this.updateComplete;
    if (focused && !this.#hasFocus()) this.renderRoot.querySelector<HTMLElement>('#claim-title')?.focus();
    this.renderRoot.querySelector('[part="notice"][role="status"]')?.scrollIntoView({ block: 'nearest' });
  }

  /** Shows a refusal: fields inside the report go to the form, the others to the list. */
  async #refused(err: unknown): Promise<void> {
    if (isStoreError(err) && Object.keys(err.fieldErrors).length) {
      this.#notice = '';
      this.#errors = Object.entries(err.fieldErrors);
      this.#dataErrors = Object.fromEntries(this.#errors.filter(([path]) => path.startsWith('data')));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.errors')?.focus();
    } else {
      this.#notice = t(this.locale, 'failed', { msg: this.#message(err) });
    }
  }

  async #submitReport(event: CustomEvent<{ value: Record<string, unknown> }>): Promise<void> {
    const store = this.activeStore;
    const definition = this.#definition;
    const policy = this.#policyRecord;
    if (!store || !definition || !policy || this.#busy) return;
    const focused = this.#hasFocus();
    this.#busy = true;
    this.#errors = [];
    this.#dataErrors = undefined;
    this.#notice = t(this.locale, 'saving');
    try {
      const record = await store.create<ClaimRecord>(
        'claims',
        { definition: definition.key, version: definition.version, data: event.detail.value as unknown as ClaimRecord, columns: { policy: policy.id } },
        { idempotencyKey: this.#idempotencyKey },
      );
      this.#notice = t(this.locale, 'reported', { no: String(record.data.claim_no ?? '') });
      this.dispatchEvent(new CustomEvent('azx-saved', { detail: { record }, bubbles: true, composed: true }));
      this.#claims = await this.#listClaims(store, policy.id);
      this.#resetReport();
      this.claim = record.id;
      // loaded here (not by the update the new id schedules), so the outcome shows with the claim
      await this.#loadClaim();
      void this.#showNotice(focused);
    } catch (err) {
      await this.#refused(err);
    } finally {
      this.#busy = false;
    }
  }

  /** The payments as the server takes them: `{ head, person?, amount }`. */
  #paymentsValue(): { head: string; person?: number; amount: number }[] {
    const persons = this.#claimRecord?.data.persons ?? [];
    return this.#payments.map((p) => {
      const amount = Number(p.amount);
      const [kind, key = ''] = p.target.split(':');
      if (kind === 'person') {
        const index = Number(key);
        const party = persons[index]?.party ?? '';
        const head = CLAIM_PARTY.terms.find((x) => x.code === party)?.head ?? '';
        return { head, person: index, amount };
      }
      return { head: key, amount };
    });
  }

  async #submitStep(event: Event): Promise<void> {
    event.preventDefault();
    const store = this.activeStore;
    const claim = this.#claimRecord;
    if (!store || !claim || !this.#action || this.#busy) return;
    const focused = this.#hasFocus();
    this.#busy = true;
    this.#errors = [];
    this.#notice = t(this.locale, 'saving');
    const pays = CLAIM_ACTION.terms.some((a) => a.code === this.#action && 'pays' in a && a.pays);
    try {
      const stored = await store.appendEvent(
        'claim_events',
        {
          fields: {
            claim: claim.id,
            action: this.#action,
            note: this.#note,
            ...(pays ? { payments: this.#paymentsValue() } : {}),
          },
          ...(this.#files.length ? { files: { documents: this.#files } } : {}),
        },
        { idempotencyKey: this.#idempotencyKey },
      );
      const action = termLabel(CLAIM_ACTION, this.#action, this.locale);
      await this.#loadClaim();
      this.#claims = await this.#listClaims(store, String(claim.columns['policy'] ?? this.policy));
      this.#notice = t(this.locale, 'stepSaved', { action });
      void this.#showNotice(focused);
      this.dispatchEvent(new CustomEvent('azx-claim-step', { detail: { event: stored, claim: this.#claimRecord }, bubbles: true, composed: true }));
    } catch (err) {
      await this.#refused(err);
    } finally {
      this.#busy = false;
    }
  }

  #onFiles(event: Event): void {
    const input = event.currentTarget as HTMLInputElement;
    this.#files = [...this.#files, ...(input.files ?? [])].slice(0, MAX_FILES);
    input.value = '';
  }

  #setPayment(i: number, patch: Partial<PaymentRow>): void {
    this.#payments = this.#payments.map((p, j) => (j === i ? { ...p, ...patch } : p));
  }

  /** What a payment can go to: each person of the claim, and each other head the report claims. */
  #targets(): { value: string; label: string }[] {
    const l = this.locale;
    const claim = this.#claimRecord;
    if (!claim) return [];
    const persons = claim.data.persons ?? [];
    const out = persons.map((p, i) => ({
      value: `person:${i}`,
      label: `${p.name}（${termLabel(CLAIM_PARTY, p.party, l)} · ${termLabel(CLAIM_PERSON_OUTCOME, p.outcome, l)}）`,
    }));
    const props = ((this.#definition?.schema['properties'] ?? {}) as Record<string, Json>);
    for (const [key, prop] of Object.entries(props)) {
      if (prop['x-group'] !== 'costs') continue;
      const claimed = (claim.data as unknown as Json)[key];
      if (typeof claimed === 'number' && claimed > 0) out.push({ value: `head:${key}`, label: schemaText(prop as JsonSchema, 'title', l) ?? key });
    }
    return out;
  }

  /** A name for a path of a refusal outside the report: the step's fields, a payment's. */
  #pathLabel(path: string): string {
    const l = this.locale;
    const payment = /^payments\.(\d+)\./.exec(path);
    if (payment) return `${t(l, 'payments')} ${Number(payment[1]) + 1}`;
    const known: Record<string, string> = { action: t(l, 'action'), note: t(l, 'note'), documents: t(l, 'documentsField'), payments: t(l, 'payments') };
    return known[path] ?? path;
  }

  /** The server's refusal at `path` or inside it, with its own path. */
  #errorAt(path: string): readonly [string, FieldError] | undefined {
    return this.#errors.find(([p]) => p === path || p.startsWith(`${path}.`));
  }

  #renderPicker() {
    const l = this.locale;
    return html`<div class="picker" part="picker">
      <label
        >${t(l, 'policy')}
        <select id="policy" part="policy-select" @change=${(e: Event) => this.#pickPolicy((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.policy}>${t(l, 'choosePolicy')}</option>
          ${this.#policies.map((p) => {
            const insured = (p.data['insured'] ?? {}) as Json;
            return html`<option value=${p.id} ?selected=${p.id === this.policy}>${String(p.data['policy_no'] ?? p.id)} · ${String(insured['name'] ?? '')}</option>`;
          })}
        </select></label
      >
      ${this.#policyRecord
        ? html`<label
            >${t(l, 'claims')}
            <select id="claim" part="claim-select" @change=${(e: Event) => this.#pickClaim((e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this.claim}>${this.#canReport ? t(l, 'newClaim') : t(l, 'chooseClaim')}</option>
              ${this.#claims.map(
                (c) => html`<option value=${c.id} ?selected=${c.id === this.claim}>${String(c.data.claim_no ?? c.id)} · ${c.data.accident_date}</option>`,
              )}
            </select></label
          >`
        : nothing}
    </div>`;
  }

  #renderErrors() {
    if (!this.#errors.length) return nothing;
    const l = this.locale;
    const outside = this.#errors.filter(([path]) => !path.startsWith('data'));
    return html`<div class="errors" part="errors" role="alert" tabindex="-1">
      ${t(l, 'refused')} ${outside.length < this.#errors.length ? t(l, 'refusedFields') : nothing}
      ${outside.length
        ? html`<ul>
            ${outside.map(
              ([path, e]) => html`<li data-path=${path} data-code=${e.code}>
                <strong>${this.#pathLabel(path)}</strong>：${isEnglish(l) ? e.message_en : e.message_zh}
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  #renderPayments() {
    const l = this.locale;
    const targets = this.#targets();
    return html`<fieldset class="payments">
      <legend>${t(l, 'payments')}</legend>
      ${this.#payments.map((p, i) => {
        const err = this.#errorAt(`payments.${i}`);
        return html`<div class="step-row" data-payment=${i}>
          <label
            >${t(l, 'head')}
            <select class="target" @change=${(e: Event) => this.#setPayment(i, { target: (e.target as HTMLSelectElement).value })}>
              ${targets.map((o) => html`<option value=${o.value} ?selected=${o.value === p.target}>${o.label}</option>`)}
            </select></label
          >
          <label
            >${t(l, 'amountField')}
            <input
              class="amount"
              type="number"
              min="0"
              step="0.01"
              aria-invalid=${err ? 'true' : 'false'}
              .value=${p.amount}
              @input=${(e: Event) => this.#setPayment(i, { amount: (e.target as HTMLInputElement).value })}
          /></label>
          <button type="button" @click=${() => (this.#payments = this.#payments.filter((_, j) => j !== i))}>${t(l, 'removePayment')}</button>
          ${err ? html`<span class="overdue" role="alert" data-error=${err[0]}>${isEnglish(l) ? err[1].message_en : err[1].message_zh}</span>` : nothing}
        </div>`;
      })}
      <button
        type="button"
        class="add-payment"
        @click=${() => (this.#payments = [...this.#payments, { target: targets[0]?.value ?? '', amount: '' }])}
      >
        ${t(l, 'addPayment')}
      </button>
    </fieldset>`;
  }

  #renderStep() {
    const l = this.locale;
    const actions = this.#actions;
    if (!actions.length) return nothing;
    const pays = CLAIM_ACTION.terms.some((a) => a.code === this.#action && 'pays' in a && a.pays);
    return html`<form class="step" part="step" @submit=${this.#submitStep}>
      <h2>${t(l, 'nextStep')}</h2>
      <div class="step-row">
        <label
          >${t(l, 'action')}
          <select id="action" @change=${(e: Event) => ((this.#action = (e.target as HTMLSelectElement).value), (this.#errors = []))}>
            ${actions.map((a) => html`<option value=${a} ?selected=${a === this.#action}>${termLabel(CLAIM_ACTION, a, l)}</option>`)}
          </select></label
        >
        <label
          >${t(l, 'documentsField')}
          <input id="documents" type="file" multiple accept="image/*,application/pdf" @change=${this.#onFiles}
        /></label>
      </div>
      ${this.#files.length ? html`<ul class="files">${this.#files.map((f) => html`<li>${f.name}</li>`)}</ul>` : nothing}
      <label
        >${t(l, 'note')} <span class="help">${t(l, 'noteHelp')}</span>
        <textarea id="note" rows="2" .value=${this.#note} @input=${(e: Event) => (this.#note = (e.target as HTMLTextAreaElement).value)}></textarea
      ></label>
      ${pays ? this.#renderPayments() : nothing}
      <p>
        <button type="submit" class="primary" part="submit" aria-disabled=${this.#busy ? 'true' : 'false'}>${t(l, 'submitStep')}</button>
      </p>
    </form>`;
  }

  #renderClaim(claim: StoredRecord<ClaimRecord>) {
    const l = this.locale;
    return html`<section class="claim" aria-labelledby="claim-title">
      <h2 id="claim-title" tabindex="-1">${String(claim.data.claim_no ?? '')} · ${claim.data.place}</h2>
      ${renderFigures(claim, this.#policyRecord, l)}
      <h2>${t(l, 'timeline')}</h2>
      ${renderTimeline(claim, this.#events, l)}
    </section>
    ${this.#renderStep()}`;
  }

  override render() {
    const l = this.locale;
    if (!this.activeStore?.party) return html`<p class="notice" part="notice">${t(l, 'signIn')}</p>`;
    if (this.#loadError && !this.#definition) return html`<p class="notice errors" part="notice" role="alert">${this.#loadError}</p>`;
    if (!this.#definition) return html`<p class="notice" part="notice">${t(l, 'loading')}</p>`;
    const policy = this.#policyRecord;
    const claim = this.claim ? this.#claimRecord : null;
    const readOnly = policy && !this.#canReport && !this.#actions.length;
    return html`
      ${this.#loadError ? html`<p class="notice errors" part="notice" role="alert">${this.#loadError}</p>` : nothing}
      ${this.#policies.length ? this.#renderPicker() : html`<p class="notice" part="notice">${t(l, 'noPolicies')}</p>`}
      ${policy && !this.#claims.length && !this.#canReport ? html`<p class="notice" part="notice">${t(l, 'noClaims')}</p>` : nothing}
      ${claim ? this.#renderClaim(claim) : nothing}
      ${policy && !this.claim && this.#canReport
        ? html`<h2>${t(l, 'report')}</h2>
            <azx-form
              part="form"
              lang=${l}
              .schema=${this.#definition.schema}
              .value=${guard([this.#formValue], () => this.#formValue)}
              .serverErrors=${this.#dataErrors}
              ?disabled=${this.#busy}
              @azx-submit=${this.#submitReport}
            >
              <div slot="actions" class="form-actions">
                <button type="submit" class="primary" part="submit" aria-disabled=${this.#busy ? 'true' : 'false'}>${t(l, 'submitReport')}</button>
              </div>
            </azx-form>`
        : nothing}
      ${readOnly ? html`<p class="notice" part="notice" data-read-only>${t(l, 'readOnly')}</p>` : nothing}
      ${this.#renderErrors()}
      <p class="notice" part="notice" role="status" aria-live="polite">${this.#notice}</p>
    `;
  }
}
