import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { consume } from '@lit/context';
import '../core/index.js';
import type { AzxForm } from '../core/index.js';
import { LANG_PROPERTY, isEnglish, type Locale } from '../core/locale.js';
import { LocaleController } from '../core/lang-controller.js';
import { FormAssociated, VALID, validityOf, type ControlValidity } from '../core/form-control.js';
import { printRecord } from '../core/document/index.js';
import { schemaText, type JsonSchema } from '../core/schema.js';
import {
  isStoreError,
  newIdempotencyKey,
  storeContext,
  type FieldError,
  type FormDefinition,
  type Party,
  type ServiceLedger,
  type Store,
  type StoredRecord,
  type Unsubscribe,
} from '../data/index.js';
import type { ServiceReportRecord } from '../../schemas/types/service-report.js';
import { renderLedger, yuan } from './ledger.js';
import { labelOfColumn } from './paths.js';
import { serviceReportStyles } from './service-report.styles.js';
import { t } from './text.js';
import { loadFiling } from '../data/filing.js';

const MAX_FILES = 20;
const MAX_FILE_BYTES = 10 << 20;
const WRITERS: ReadonlySet<Party['role']> = new Set(['insurer', 'provider']);

type Json = Readonly<Record<string, unknown>>;

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A report number in the definition's pattern: SR-<date>-<4 random>. */
/** Hazards listed in a report value, ordinary and major. */
function hazardCounts(value: Json): { ordinary: number; major: number } {
  const list = Array.isArray(value['hazards']) ? (value['hazards'] as Json[]) : [];
  const major = list.filter((h) => h?.['is_major'] === true).length;
  return { ordinary: list.length - major, major };
}

/**
 * A prevention-service report (事故预防服务记录, AQ 9010-2019) for one policy: the service, its
 * provider and staff, participants, hours and cost, the hazards it found and its evidence. The
 * cost goes into the policy's prevention ledger, shown as spent against budget; a planned
 * service is delivered later by correcting it. The server refuses a provider that is
 * black-listed in the enterprise's region or missing from a white list kept there, and turns
 * each hazard found into a hazard record of the ledger in the report's own transaction.
 *
 * Reads its Store from context (`storeContext`). Insurers and providers record services;
 * enterprises and regulators see the ledger and the services. `print()` (and 打印 on a row of
 * the services) prints a stored report alone, as a document (GB/T 9704 layout): its fields by the
 * definition version it was made with, signed by the service provider, dated the day it was stored.
 *
 * @summary Records a prevention service against a policy and shows its fee ledger.
 *
 * @event azx-saved - Bubbling, composed `CustomEvent<{ record: StoredRecord, hazards: number }>`: the server stored the report (and `hazards` hazard records).
 * @event azx-policy-change - Bubbling, composed `CustomEvent<{ policy: string }>`: the user picked another policy.
 * @event azx-print - Bubbling, composed, cancelable `CustomEvent<{ document: Document, html(): string }>`: a service report is about to print alone (`print()`, 打印); cancel it to print another way.
 *
 * @csspart picker - The policy filter and select.
 * @csspart policy-select - The select of policies.
 * @csspart parties - The enterprise and provider of the policy.
 * @csspart provider - The provider's name.
 * @csspart provider-warning - The provider is black-listed, or missing from the region's white list.
 * @csspart ledger - The fee ledger panel (also `ledger-title`, `ledger-figures`, `meter`, `ledger-facts`, `missing-items`, `over-budget`, `over-budget-reasons`: the services booked beyond the budget with their reasons; `delivery`, `behind-plan`, `no-assistance`: the server's measure of the visits against the service plan of the enterprise's risk grade and its 帮扶 visit).
 * @csspart reports - The table of the policy's services (its 打印 buttons: `print`).
 * @csspart form - The `<azx-form>` of the report.
 * @csspart evidence - The evidence file picker and its list.
 * @csspart errors - The server's refusal, field by field.
 * @csspart notice - Status messages (saved, read-only).
 * @csspart submit - The submit button.
 */
export class AzxServiceReport extends FormAssociated(LitElement) {
  static override styles = serviceReportStyles;

  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  accessor store: Store | undefined = undefined;

  /** The policy (`policies` id) the services are for; the user may pick another. */
  @property({ reflect: true }) accessor policy: string = '';

  /**
   * Language of the words (a BCP 47 tag: zh-CN, en, zh-TW, or any a portal registered). Empty: the
   * nearest `lang` up the tree, then `<html lang>`, then zh-CN.
   */
  @property(LANG_PROPERTY) override accessor lang: string = '';
  readonly #lang = new LocaleController(this);

  /** The name under which the report being entered (JSON) is submitted with a surrounding form. */
  @property({ reflect: true }) accessor name: string = '';

  /** A surrounding form cannot be submitted until a report is entered here. */
  @property({ type: Boolean, reflect: true }) accessor required: boolean = false;


  @state() accessor #party: Party | null = null;
  @state() accessor #definition: FormDefinition | null = null;
  @state() accessor #policies: readonly StoredRecord[] = [];
  @state() accessor #filter = '';
  @state() accessor #policyRecord: StoredRecord | null = null;
  @state() accessor #providerName = '';
  @state() accessor #ledger: ServiceLedger | null = null;
  @state() accessor #reports: readonly StoredRecord<ServiceReportRecord>[] = [];
  @state() accessor #formValue: Record<string, unknown> = {};
  @state() accessor #delivering: StoredRecord<ServiceReportRecord> | null = null;
  @state() accessor #files: readonly File[] = [];
  @state() accessor #errors: readonly [string, FieldError][] = [];
  /**
   * The server's errors inside the record, for the form to show by their fields (an object
   * binding is re-set on every render: kept as one object per refusal).
   */
  @state() accessor #dataErrors: Record<string, FieldError> | undefined = undefined;
  @state() accessor #notice = '';
  /** The report stored last (what print() prints by default). */
  #saved: StoredRecord<ServiceReportRecord> | undefined;
  @state() accessor #busy = false;
  @state() accessor #loadError = '';
  /** Evidence links of a report, resolved when its list is opened (file URLs are short-lived). */
  @state() accessor #evidenceUrls: ReadonlyMap<string, readonly { name: string; url: string }[]> = new Map();

  #unwatch: (() => void) | undefined;
  /** The realtime subscription to the policy's services (another party's report moves the ledger too). */
  #unsubscribe: Unsubscribe | undefined;
  #watching: Store | undefined;
  #idempotencyKey = newIdempotencyKey();
  #loadedPolicy = '';

  get #locale(): Locale {
    return this.#lang.locale;
  }

  /** checkValidity, and shows the form's errors. */
  override reportValidity(): boolean {
    const ok = super.reportValidity();
    if (!ok) this.#reportForm()?.reportValidity();
    return ok;
  }

  #reportForm(): AzxForm | null {
    return this.renderRoot?.querySelector<AzxForm>('azx-form') ?? null;
  }

  protected override formValue(): string | null {
    const form = this.#reportForm();
    return form ? JSON.stringify(form.value) : null;
  }

  /** What blocks a surrounding form's submit: no report, the server's standing refusal, an invalid field. */
  protected override formValidity(): ControlValidity {
    const form = this.#reportForm();
    if (!form) return this.required ? { flags: { valueMissing: true }, message: t(this.#locale, 'choosePolicy') } : VALID;
    const refused = this.#errors[0];
    if (refused) return { flags: { customError: true }, message: isEnglish(this.#locale) ? refused[1].message_en : refused[1].message_zh };
    return validityOf(form);
  }

  get #canWrite(): boolean {
    return !!this.#party && WRITERS.has(this.#party.role);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watching = undefined;
    void this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.store !== this.#watching) {
      this.#unwatch?.();
      this.#watching = this.store;
      this.#unwatch = this.store?.onPartyChange((party) => {
        this.#party = party;
        void this.#loadAll();
      });
      this.#party = this.store?.party ?? null;
      void this.#loadAll();
    } else if (changed.has('policy') && this.policy !== this.#loadedPolicy) {
      void this.#loadPolicy();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // reconnected: watch the store again
    if (this.store && !this.#watching) this.requestUpdate();
  }

  async #loadAll(): Promise<void> {
    const store = this.store;
    this.#definition = null;
    this.#policies = [];
    this.#loadError = '';
    if (!store?.party) return;
    try {
      const { definition, policies } = await loadFiling(store, 'service-report');
      if (store !== this.store) return;
      this.#definition = definition;
      this.#policies = policies;
      await this.#loadPolicy();
    } catch (err) {
      this.#loadError = isStoreError(err) ? (isEnglish(this.#locale) ? err.message_en : err.message_zh) : String(err);
    }
  }

  async #loadPolicy(): Promise<void> {
    const store = this.store;
    const id = this.policy;
    this.#loadedPolicy = id;
    this.#errors = [];
    this.#delivering = null;
    this.#loadError = '';
    if (!store?.party || !id) {
      this.#policyRecord = null;
      this.#ledger = null;
      this.#reports = [];
      return;
    }
    try {
      const policy = await store.get('policies', id);
      const providerId = String(policy.columns['provider'] ?? '');
      const [ledger, reports, orgs] = await Promise.all([
        store.serviceLedger(id),
        store.list<ServiceReportRecord>('service_reports', {
          where: [{ field: 'policy', op: '=', value: id }],
          sort: ['-service_date'],
          perPage: 100,
        }),
        providerId ? store.listOrganizations({ ids: [providerId] }) : Promise.resolve([]),
      ]);
      if (id !== this.policy) return;
      this.#policyRecord = policy;
      this.#ledger = ledger;
      this.#reports = reports.items;
      this.#providerName = orgs[0]?.name ?? '';
      this.#reset();
      await this.#follow(store, id);
    } catch (err) {
      this.#policyRecord = null;
      this.#ledger = null;
      this.#loadError = isStoreError(err) ? (isEnglish(this.#locale) ? err.message_en : err.message_zh) : String(err);
    }
  }

  /** Follows the services of policy `id` as they are written, by anyone who may see them. */
  async #follow(store: Store, id: string): Promise<void> {
    const previous = this.#unsubscribe;
    this.#unsubscribe = undefined;
    await previous?.();
    if (!this.isConnected) return;
    try {
      const stop = await store.subscribe('service_reports', (change) => {
        if (change.record.columns['policy'] === id && id === this.policy && store === this.store) void this.#refresh(store, id);
      });
      if (id !== this.policy || store !== this.store || !this.isConnected || this.#unsubscribe) await stop();
      else this.#unsubscribe = stop;
    } catch {
      // without realtime the ledger still follows this element's own saves
    }
  }

  /** Reloads the ledger and the services of policy `id`. */
  async #refresh(store: Store, id: string): Promise<void> {
    const [ledger, reports] = await Promise.all([
      store.serviceLedger(id),
      store.list<ServiceReportRecord>('service_reports', {
        where: [{ field: 'policy', op: '=', value: id }],
        sort: ['-service_date'],
        perPage: 100,
      }),
    ]);
    if (id !== this.policy || store !== this.store) return;
    this.#ledger = ledger;
    this.#reports = reports.items;
  }

  /** A fresh report for the selected policy. */
  #reset(): void {
    const policy = this.#policyRecord;
    this.#delivering = null;
    this.#files = [];
    this.#idempotencyKey = newIdempotencyKey();
    if (!policy) {
      this.#formValue = {};
      return;
    }
    const insurerServes = !policy.columns['provider'];
    this.#formValue = {
      policy_no: String(policy.data['policy_no'] ?? ''),
      service_date: today(),
      service_form: 'onsite',
      status: 'delivered',
      // AQ 9010-2019: a service has a lead; the row is there to fill in
      personnel: [{ role: 'lead' }],
      ...(this.#providerName && !insurerServes ? { provider_name: this.#providerName } : {}),
    };
  }

  #typeTitle = (code: string): string => {
    const props = (this.#definition?.schema['properties'] ?? {}) as Record<string, Json>;
    const items = (props['service_types']?.['items'] ?? {}) as Json;
    const options = (items['oneOf'] ?? []) as Json[];
    const o = options.find((x) => x['const'] === code);
    const title = o ? (isEnglish(this.#locale) ? (o['x-title-en'] ?? o['title']) : o['title']) : undefined;
    return typeof title === 'string' ? title : '';
  };

  #statusTitle(status: string): string {
    const props = (this.#definition?.schema['properties'] ?? {}) as Record<string, Json>;
    const o = ((props['status']?.['oneOf'] ?? []) as Json[]).find((x) => x['const'] === status);
    const title = o ? (isEnglish(this.#locale) ? (o['x-title-en'] ?? o['title']) : o['title']) : undefined;
    return typeof title === 'string' ? title : status;
  }

  #pickPolicy(id: string): void {
    this.policy = id;
    this.#notice = '';
    this.dispatchEvent(new CustomEvent('azx-policy-change', { detail: { policy: id }, bubbles: true, composed: true }));
  }

  /** Hazards found must be counted in the report; keep the counts at least the listed ones. */
  #onFormChange(event: Event): void {
    const form = event.currentTarget as AzxForm;
    const value = form.value ?? {};
    const { ordinary, major } = hazardCounts(value);
    const given = (k: string) => (typeof value[k] === 'number' ? (value[k] as number) : 0);
    if (given('hazards_found') < ordinary || given('major_hazards_found') < major) {
      this.#formValue = {
        ...value,
        hazards_found: Math.max(given('hazards_found'), ordinary),
        major_hazards_found: Math.max(given('major_hazards_found'), major),
      };
    }
  }

  #onFiles(event: Event): void {
    const input = event.currentTarget as HTMLInputElement;
    const next = [...this.#files];
    const notes: string[] = [];
    for (const f of input.files ?? []) {
      if (f.size > MAX_FILE_BYTES) notes.push(t(this.#locale, 'tooLarge', { name: f.name }));
      else if (next.length >= MAX_FILES) notes.push(t(this.#locale, 'tooMany'));
      else next.push(f);
    }
    this.#files = next;
    this.#notice = notes.join(' ');
    input.value = '';
  }

  #removeFile(i: number): void {
    this.#files = this.#files.filter((_, j) => j !== i);
  }

  #deliver(report: StoredRecord<ServiceReportRecord>): void {
    this.#delivering = report;
    this.#errors = [];
    this.#notice = '';
    this.#files = [];
    this.#formValue = { ...(report.data as unknown as Record<string, unknown>), status: 'delivered' };
  }

  async #submit(event: CustomEvent<{ value: Record<string, unknown> }>): Promise<void> {
    const store = this.store;
    const definition = this.#definition;
    const policy = this.#policyRecord;
    if (!store || !definition || !policy || this.#busy) return;
    const data = event.detail.value as unknown as ServiceReportRecord;
    this.#busy = true;
    this.#errors = [];
    this.#dataErrors = undefined;
    this.#notice = t(this.#locale, 'saving');
    try {
      const files = this.#files.length ? { evidence: this.#files } : undefined;
      const record = this.#delivering
        ? await store.correct<ServiceReportRecord>('service_reports', this.#delivering.id, {
            data,
            reason: t('zh-CN', 'correctionReason'),
            ...(files ? { files } : {}),
          })
        : await store.create<ServiceReportRecord>(
            'service_reports',
            {
              definition: definition.key,
              version: definition.version,
              data,
              columns: { policy: policy.id },
              ...(files ? { files } : {}),
            },
            { idempotencyKey: this.#idempotencyKey },
          );
      const hazards = await store.list('hazards', {
        where: [{ field: 'service_report', op: '=', value: record.id }],
        perPage: 1,
      });
      this.#saved = record;
      // the number is the server's (x-number): the stored record has it
      this.#notice = t(this.#locale, 'saved', { no: String(record.data.report_no ?? ''), n: hazards.totalItems });
      this.dispatchEvent(
        new CustomEvent('azx-saved', { detail: { record, hazards: hazards.totalItems }, bubbles: true, composed: true }),
      );
      await this.#refresh(store, policy.id);
      this.#reset();
    } catch (err) {
      if (isStoreError(err) && Object.keys(err.fieldErrors).length) {
        this.#notice = '';
        this.#errors = Object.entries(err.fieldErrors);
        this.#dataErrors = Object.fromEntries(this.#errors.filter(([path]) => path.startsWith('data')));
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.errors')?.focus();
      } else {
        const msg = isStoreError(err) ? (isEnglish(this.#locale) ? err.message_en : err.message_zh) : String(err);
        this.#notice = t(this.#locale, 'failed', { msg });
      }
    } finally {
      this.#busy = false;
    }
  }

  /**
   * Prints a stored service report alone, as a document on A4 (none of the page, the ledger or the
   * form prints): `report`, else the one stored last. Its fields by group as the definition
   * version it was made with titles them, signed by the policy's provider (the insurer's own
   * service: the printing party), dated the day it was stored, with room for the seal. Resolves
   * true when the print dialog opened, false when there is nothing to print or a listener of
   * `azx-print` took the print over.
   */
  async print(report: StoredRecord<ServiceReportRecord> | undefined = this.#saved): Promise<boolean> {
    const store = this.store;
    if (!report || !store) return false;
    const definition = await store.getDefinition(report.definition, report.version);
    const l = this.#locale;
    const no = String(report.data.report_no ?? '');
    const schema = definition.schema as JsonSchema;
    const numberTitle = schemaText((schema.properties?.['report_no'] ?? {}) as JsonSchema, 'title', l) ?? '';
    const provider = report.columns['policy'] === this.#policyRecord?.id && this.#policyRecord?.columns['provider'] ? this.#providerName : '';
    return printRecord(
      {
        schema,
        value: report.data as unknown as Record<string, unknown>,
        locale: l,
        ...(no ? { number: `${numberTitle}${isEnglish(l) ? ': ' : '：'}${no}` } : {}),
        omit: ['report_no'],
        issuer: provider || store.party?.organizationName || '__________',
        date: report.created,
      },
      { from: this },
    );
  }

  async #openEvidence(report: StoredRecord<ServiceReportRecord>, event: Event): Promise<void> {
    const store = this.store;
    if (!store || !(event.currentTarget as HTMLDetailsElement).open) return;
    const names = Array.isArray(report.columns['evidence']) ? (report.columns['evidence'] as string[]) : [];
    try {
      const links = await Promise.all(names.map(async (name) => ({ name, url: await store.fileUrl(report, name) })));
      this.#evidenceUrls = new Map([...this.#evidenceUrls, [report.id, links]]);
    } catch (err) {
      this.#notice = t(this.#locale, 'failed', { msg: isStoreError(err) ? err.message : String(err) });
    }
  }

  #renderEvidenceCell(r: StoredRecord<ServiceReportRecord>) {
    const names = Array.isArray(r.columns['evidence']) ? (r.columns['evidence'] as string[]) : [];
    if (!names.length) return html`<td></td>`;
    const links = this.#evidenceUrls.get(r.id);
    return html`<td>
      <details class="evidence" @toggle=${(e: Event) => this.#openEvidence(r, e)}>
        <summary>${t(this.#locale, 'evidenceCount', { n: names.length })}</summary>
        ${links
          ? html`<ul>
              ${links.map((l) => html`<li><a href=${l.url} target="_blank" rel="noopener">${l.name}</a></li>`)}
            </ul>`
          : html`<span class="help">${t(this.#locale, 'loading')}</span>`}
      </details>
    </td>`;
  }

  #policyLabel(p: StoredRecord): string {
    const insured = (p.data['insured'] ?? {}) as Json;
    return `${String(p.data['policy_no'] ?? p.id)} · ${String(insured['name'] ?? '')}`;
  }

  #renderPicker() {
    const locale = this.#locale;
    const needle = this.#filter.trim().toLowerCase();
    const shown = needle
      ? this.#policies.filter((p) => {
          const insured = (p.data['insured'] ?? {}) as Json;
          return [p.data['policy_no'], insured['name'], insured['uscc']].some((v) => String(v ?? '').toLowerCase().includes(needle));
        })
      : this.#policies;
    return html`<div class="picker" part="picker">
      <label
        >${t(locale, 'findPolicy')}
        <input type="search" .value=${this.#filter} @input=${(e: Event) => (this.#filter = (e.target as HTMLInputElement).value)}
      /></label>
      <label
        >${t(locale, 'policy')}
        <select part="policy-select" id="policy" @change=${(e: Event) => this.#pickPolicy((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.policy}>${t(locale, 'choosePolicy')}</option>
          ${shown.map((p) => html`<option value=${p.id} ?selected=${p.id === this.policy}>${this.#policyLabel(p)}</option>`)}
        </select></label
      >
    </div>`;
  }

  #renderParties(policy: StoredRecord) {
    const locale = this.#locale;
    const insured = (policy.data['insured'] ?? {}) as Json;
    const standing = this.#ledger?.providerStanding ?? '';
    return html`<dl class="parties" part="parties">
      <dt>${t(locale, 'enterprise')}</dt>
      <dd>${String(insured['name'] ?? '')} <span class="help">${String(insured['uscc'] ?? '')}</span></dd>
      <dt>${t(locale, 'provider')}</dt>
      <dd part="provider" id="provider">${policy.columns['provider'] ? this.#providerName : t(locale, 'selfService')}</dd>
    </dl>
    ${standing === 'blacklisted' || standing === 'not_whitelisted'
      ? html`<p class="warning" part="provider-warning" role="alert" data-standing=${standing}>
          ${t(locale, standing === 'blacklisted' ? 'blacklisted' : 'notWhitelisted')}
        </p>`
      : nothing}`;
  }

  #renderReports() {
    const locale = this.#locale;
    if (!this.#reports.length) return nothing;
    return html`<table part="reports" id="reports">
      <caption>${t(locale, 'reports')}</caption>
      <thead>
        <tr>
          <th scope="col">${t(locale, 'date')}</th>
          <th scope="col">${t(locale, 'types')}</th>
          <th scope="col">${t(locale, 'status')}</th>
          <th scope="col">${t(locale, 'cost')}</th>
          <th scope="col">${t(locale, 'evidenceShort')}</th>
          <th scope="col">${t(locale, 'actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.#reports.map(
          (r) => html`<tr data-report=${r.id} data-status=${r.data.status}>
            <td>${String(r.data.service_date ?? '')} <span class="help">${r.data.report_no}</span></td>
            <td>${(r.data.service_types ?? []).map((c) => this.#typeTitle(c)).join('、')}</td>
            <td>${this.#statusTitle(r.data.status)}</td>
            <td class="num">${yuan(Number(r.data.cost ?? 0), locale)}</td>
            ${this.#renderEvidenceCell(r)}
            <td class="actions">
              <button type="button" part="button print" aria-label=${t(locale, 'printReport', { no: String(r.data.report_no ?? '') })} @click=${() => void this.print(r)}>
                ${t(locale, 'print')}
              </button>
              ${this.#canWrite && r.data.status === 'planned'
                ? html`<button type="button" class="deliver" @click=${() => this.#deliver(r)}>${t(locale, 'deliver')}</button>`
                : nothing}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** The refusal of what the form does not show by a field: the provider, the policy, the files. */
  #renderErrors() {
    const outside = this.#errors.filter(([path]) => !path.startsWith('data'));
    if (!this.#errors.length) return nothing;
    const locale = this.#locale;
    return html`<div class="errors" part="errors" role="alert" tabindex="-1">
      ${t(locale, 'refused')} ${outside.length < this.#errors.length ? t(locale, 'refusedFields') : nothing}
      ${outside.length
        ? html`<ul>
            ${outside.map(
              ([path, e]) => html`<li data-path=${path} data-code=${e.code}>
                <strong>${labelOfColumn(path, locale)}</strong>：${isEnglish(locale) ? e.message_en : e.message_zh}
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  #renderEvidence() {
    const locale = this.#locale;
    return html`<div class="files" part="evidence">
      <label
        >${t(locale, 'evidence')} <span class="help">${t(locale, 'evidenceHelp')}</span>
        <input id="evidence" type="file" multiple accept="image/*,application/pdf" @change=${this.#onFiles}
      /></label>
      ${this.#files.length
        ? html`<ul>
            ${this.#files.map(
              (f, i) => html`<li>
                <span>${f.name}</span>
                <button type="button" aria-label=${t(locale, 'removeFile', { name: f.name })} @click=${() => this.#removeFile(i)}>×</button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  override render() {
    const locale = this.#locale;
    if (!this.store?.party) return html`<p class="notice" part="notice">${t(locale, 'signIn')}</p>`;
    if (this.#loadError && !this.#definition) return html`<p class="notice errors" part="notice" role="alert">${this.#loadError}</p>`;
    if (!this.#definition) return html`<p class="notice" part="notice">${t(locale, 'loading')}</p>`;
    const policy = this.#policyRecord;
    return html`
      ${this.#loadError ? html`<p class="notice errors" part="notice" role="alert">${this.#loadError}</p>` : nothing}
      ${this.#policies.length ? this.#renderPicker() : html`<p class="notice" part="notice">${t(locale, 'noPolicies')}</p>`}
      ${policy ? this.#renderParties(policy) : nothing}
      ${this.#ledger ? renderLedger(this.#ledger, locale, this.#typeTitle) : nothing}
      ${policy ? this.#renderReports() : nothing}
      ${policy && !this.#canWrite ? html`<p class="notice" part="notice">${t(locale, 'readOnly')}</p>` : nothing}
      ${policy && this.#canWrite
        ? html`
            ${this.#delivering
              ? html`<p class="notice" part="notice">
                  ${t(locale, 'delivering', { no: String(this.#delivering.data.report_no ?? '') })}
                  <button type="button" @click=${() => this.#reset()}>${t(locale, 'cancelDeliver')}</button>
                </p>`
              : nothing}
            ${this.#renderEvidence()}
            <azx-form
              part="form"
              lang=${this.#locale}
              .schema=${this.#definition.schema}
              .value=${guard([this.#formValue], () => this.#formValue)}
              .serverErrors=${this.#dataErrors}
              ?disabled=${this.#busy}
              @change=${this.#onFormChange}
              @azx-submit=${this.#submit}
            >
              <div slot="actions" class="form-actions">
                <!-- focusable while saving (aria-disabled): the focus stays on it; the outcome beside it, in view -->
                <button type="submit" class="primary" part="submit" aria-disabled=${this.#busy ? 'true' : 'false'}>${t(locale, 'submit')}</button>
                <p class="notice" part="notice" role="status" aria-live="polite">${this.#notice}</p>
              </div>
            </azx-form>
            ${this.#renderErrors()}
          `
        : html`${this.#renderErrors()}
            <p class="notice" part="notice" role="status" aria-live="polite">${this.#notice}</p>`}
    `;
  }
}
