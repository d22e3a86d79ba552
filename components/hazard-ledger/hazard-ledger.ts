import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../data/context.js';
import type { JsonSchema } from '../core/schema.js';
import { isStoreError, newIdempotencyKey, type FieldErrors, type FormDefinition, type Party, type Store, type StoredEvent, type StoredRecord, type Unsubscribe } from '../data/store.js';
import { LANG_PROPERTY, isEnglish, type Locale } from '../core/locale.js';
import { LocaleController } from '../core/lang-controller.js';
import { FormAssociated, VALID, type ControlValidity } from '../core/form-control.js';
import { ledgerStyles } from './hazard-ledger.styles.js';
import { DEFAULT_SORT, NO_FILTERS, filterProblems, isOverdue, toConditions, toSort, type LedgerFilters, type Sort } from './filters.js';
import { industryLabel, regionLabel, statusLabel, t, actionLabel } from './labels.js';
import { STATUSES, actionsFor, isStatus, needsEvidence, needsNote, recipientsOf, targetOf, type HazardAction } from './loop.js';
import { referenceOf, type IndustryEntry, type ReferenceReader, type RegionEntry } from '../data/reference.js';
import { PageCache, RETRY_MS } from './page-cache.js';
import { ACTION_FIELDS, renderDetail } from './detail.js';
import { formatDate } from '../core/format.js';
import { nameLang, properName } from '../core/proper-name.js';
import { noticeDocument, type NoticeParties } from './notice.js';
import { chinaToday, printDocument, renderDocument } from '../core/document/index.js';
import { renderRecord } from './record.js';
import { ledgerDocument, ledgerTable, table, toCsv, toXlsx } from './export.js';
import { download } from '../core/export/index.js';
import { EnterpriseSuggestions, renderEnterpriseField, type EnterpriseChoice } from './enterprise-picker.js';

/** Every row is this tall (px): the virtual list computes positions from it. */
export const ROW_HEIGHT = 40;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 6;
/** Rows of the printed ledger (the export has them all). */
const PRINT_ROWS = 500;
const PER_PAGE = 50;

type Row = StoredRecord;

const COLUMNS: readonly { key: string; label: (l: Locale) => string; sort?: Sort['field'] }[] = [
  { key: 'no', label: (l) => t(l, 'hazardNo') },
  { key: 'enterprise', label: (l) => t(l, 'enterprise') },
  { key: 'region', label: (l) => t(l, 'region'), sort: 'region_code' },
  { key: 'industry', label: (l) => t(l, 'industry'), sort: 'industry' },
  { key: 'grade', label: (l) => t(l, 'grade') },
  { key: 'status', label: (l) => t(l, 'status'), sort: 'status' },
  { key: 'found', label: (l) => t(l, 'foundAt'), sort: 'found_at' },
  { key: 'deadline', label: (l) => t(l, 'deadline'), sort: 'deadline' },
];

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
/** "name USCC" → name. */
const enterpriseName = (v: unknown) => str(v).replace(/\s+[0-9A-HJ-NPQRTUWXY]{18}$/, '');

/**
 * The hazard ledger (隐患台账): every hazard the signed-in party may see, filtered, sorted and
 * searched, in a virtual list that renders only the visible rows and pages them from the Store,
 * so 100,000 hazards scroll like 100. A row opens the detail view with the full history and the
 * actions of the closed loop the party may take now; `print()` prints the open hazard's written
 * notice (隐患整改告知书) alone as a document after GB/T 9704 (with none open, the ledger); the
 * filtered ledger exports to CSV and XLSX (days as dates, one fact per column). A regulator is alerted at once when a major
 * hazard in its region is escalated.
 *
 * The server enforces the loop; the ledger only offers the moves that can succeed.
 *
 * @summary The hazard ledger and its closed loop.
 *
 * @event azx-rows - `Event`: the first rows of the current filters are on screen (their count may still be coming).
 * @event azx-loaded - `CustomEvent<{ total: number }>`: the rows of the current filters are on screen and counted.
 * @event azx-select - Bubbling, composed `CustomEvent<{ hazard: StoredRecord }>`: a hazard's detail opened.
 * @event azx-transition - Bubbling, composed `CustomEvent<{ event: StoredEvent, hazard: StoredRecord }>`: an action was stored.
 * @event azx-escalated - Bubbling, composed `CustomEvent<{ hazard: StoredRecord }>`: (regulators) a major hazard in scope was escalated.
 * @event azx-print - Bubbling, composed, cancelable `CustomEvent<{ document: Document, html(): string }>`: a notice or the ledger is about to print alone; cancel it to print another way.
 *
 * @csspart toolbar - The filters, count and export buttons.
 * @csspart control - Every filter input and select, and the action form's fields.
 * @csspart button - Every button (also `submit`, `action`, `notice-button`, `export`, `open`).
 * @csspart table - The list (role=table).
 * @csspart viewport - The scrolling area of the list.
 * @csspart row - One hazard row (also `overdue-row`, `major-row`).
 * @csspart alert - A realtime alert of an escalated major hazard.
 * @csspart detail - The detail view.
 * @csspart status - A status badge. @csspart major - The major-hazard badge. @csspart overdue - The overdue badge.
 * @csspart actions - The action buttons. @csspart action-form - The form of the chosen action.
 * @csspart history - The history list. @csspart history-entry - One event.
 * @csspart error - Refusals from the server. @csspart notice - The notice as it prints.
 *
 * @cssprop [--azx-ledger-height=448px] - Height of the list's scrolling area.
 * @cssprop --azx-document-font - Body of the printed notice and ledger (仿宋); a free CJK serif when unset.
 * @cssprop --azx-document-title-font - Their titles (小标宋).
 * @cssprop --azx-document-heading-font - Their table headings (黑体).
 * @cssprop --azx-document-number-font - Their page numbers (宋体).
 */
export class AzxHazardLedger extends FormAssociated(LitElement) {
  static override styles = ledgerStyles;

  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  accessor store: Store | undefined = undefined;

  /**
   * Language of the words (a BCP 47 tag: zh-CN, en, zh-TW, or any a portal registered). Empty: the
   * nearest `lang` up the tree, then `<html lang>`, then zh-CN.
   */
  @property(LANG_PROPERTY) override accessor lang: string = '';
  readonly #lang = new LocaleController(this);

  /** The filters in force (set to start filtered, e.g. `{ overdue: true }`). */
  @property({ attribute: false }) accessor filters: LedgerFilters = NO_FILTERS;

  @property({ attribute: false }) accessor sort: Sort = DEFAULT_SORT;

  @state() private accessor _cache: PageCache<Row> | undefined = undefined;
  @state() private accessor _scrollTop = 0;
  @state() private accessor _viewport = 448;
  @state() private accessor _selected: Row | undefined = undefined;
  @state() private accessor _events: readonly StoredEvent[] | undefined = undefined;
  /** The open hazard's definition (its version's): the words of its coded fields in the detail. */
  @state() private accessor _schema: JsonSchema | undefined = undefined;
  /** Names of organizations seen in histories (organizations are readable by every user). */
  @state() private accessor _actorNames: ReadonlyMap<string, string> = new Map();
  @state() private accessor _active: HazardAction | '' = '';
  @state() private accessor _busy = false;
  @state() private accessor _errors: FieldErrors | undefined = undefined;
  @state() private accessor _message = '';
  @state() private accessor _notice: NoticeParties | undefined = undefined;
  @state() private accessor _alerts: readonly Row[] = [];
  @state() private accessor _exporting = '';
  @state() private accessor _party: Party | null = null;
  @state() private accessor _loadError = '';
  /** A regulator's region filter offers the divisions under its scope, by name. */
  @state() private accessor _regions: readonly RegionEntry[] = [];
  /** The industries of the store's reference data (the filter's choices). */
  @state() private accessor _industries: readonly IndustryEntry[] = [];
  /** Recording a new hazard: undefined = closed; otherwise what the form needs so far. */
  @state() private accessor _recording: { definition?: FormDefinition; policies?: readonly Row[]; policy?: Row } | undefined = undefined;

  #unsubscribe: Unsubscribe[] = [];
  #offParty: (() => void) | undefined;
  #subscribedStore: Store | undefined;
  #resize: ResizeObserver | undefined;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #queryId = 0;
  #loadedWaiters: (() => void)[] = [];
  #enterpriseSuggestions = new EnterpriseSuggestions(this, () => this.store);

  /** In a surrounding form: the step being recorded (the open hazard and the chosen action) as JSON, or nothing. */
  protected override formValue(): string | null {
    const h = this._selected;
    return h && this._active ? JSON.stringify({ hazard: h.id, action: this._active }) : null;
  }

  /** The refusal the action form shows (a missing note or photo, the server's word), at its field. */
  protected override formValidity(): ControlValidity {
    const errors = this._errors;
    if (!errors || !this._active) return VALID;
    const en = isEnglish(this.#locale);
    const field = ACTION_FIELDS.find((f) => errors[f]);
    const error = field ? errors[field] : Object.values(errors)[0];
    if (!error) return VALID;
    const anchor = field ? this.renderRoot.querySelector<HTMLElement>(`#action-${field}`) ?? undefined : undefined;
    return { flags: { customError: true }, message: en ? error.message_en : error.message_zh, anchor };
  }

  get #locale(): Locale {
    return this.#lang.locale;
  }

  /** Rows in the current filters (undefined until the first page came back). */
  get total(): number | undefined {
    return this._cache?.total;
  }

  /** Applies filters (merged into the current ones); resolves when their rows are on screen. */
  setFilters(change: Partial<LedgerFilters>): Promise<void> {
    this.filters = { ...this.filters, ...change };
    return this.#nextLoaded();
  }

  /**
   * Opens the detail of a hazard by id (a portal's deep link); with `notice`, also its printable
   * rectification notice. Rejects with the Store's `not_found` when the party may not read it.
   */
  async open(id: string, { notice = false }: { notice?: boolean } = {}): Promise<void> {
    if (!this.store) throw new Error('no store');
    await this.#open(await this.store.get('hazards', id));
    if (notice) await this.#openNotice();
  }

  /** Resolves after the next `azx-loaded`. */
  #nextLoaded(): Promise<void> {
    return new Promise((resolve) => this.#loadedWaiters.push(resolve));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resubscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#stopRealtime();
    this.#offParty?.();
    this.#offParty = undefined;
    this.#subscribedStore = undefined;
  }

  override firstUpdated(): void {
    const viewport = this.renderRoot.querySelector<HTMLElement>('.viewport');
    if (viewport && typeof ResizeObserver !== 'undefined') {
      this.#resize = new ResizeObserver(() => {
        if (viewport.clientHeight && viewport.clientHeight !== this._viewport) this._viewport = viewport.clientHeight;
      });
      this.#resize.observe(viewport);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) {
      this.#resubscribe();
      this.#readIndustries();
    }
    if (changed.has('filters') || changed.has('sort') || changed.has('store')) this.#query(false);
  }

  protected override updated(): void {
    // the notice is a modal dialog: focus moves into it, Escape closes it, the page behind is inert
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.notice-sheet');
    if (dialog && !dialog.open) dialog.showModal();
    // sizes through the CSSOM, never a style attribute: a strict CSP (style-src 'self') blocks those
    const spacer = this.renderRoot.querySelector<HTMLElement>('.spacer');
    const rows = this.renderRoot.querySelector<HTMLElement>('.rows');
    if (spacer) spacer.style.height = `${spacer.dataset['height'] ?? 0}px`;
    if (rows) rows.style.transform = `translateY(${rows.dataset['offset'] ?? 0}px)`;
    const cache = this._cache;
    if (!cache) return;
    const { start, end } = this.#range();
    // fetch what the visible rows need; render again only when something arrived
    cache.ensure(start, end)?.then(() => {
      if (cache !== this._cache) return;
      this.requestUpdate();
      // a failed page is fetched again a little later (the error is shown meanwhile)
      if (cache.error) setTimeout(() => cache === this._cache && this.requestUpdate(), RETRY_MS);
    });
    if (cache.loaded && !this.#rowsAnnounced.has(cache)) {
      this.#rowsAnnounced.add(cache);
      this.dispatchEvent(new CustomEvent('azx-rows'));
    }
    if (cache.counted && !this.#announced.has(cache)) {
      this.#announced.add(cache);
      const waiters = this.#loadedWaiters.splice(0);
      this.dispatchEvent(new CustomEvent('azx-loaded', { detail: { total: cache.total ?? 0 } }));
      for (const w of waiters) w();
    }
  }

  #announced = new WeakSet<PageCache<Row>>();
  #rowsAnnounced = new WeakSet<PageCache<Row>>();

  #range(): { start: number; end: number } {
    const total = this._cache?.total ?? PER_PAGE;
    const first = Math.floor(this._scrollTop / ROW_HEIGHT);
    const visible = Math.ceil(this._viewport / ROW_HEIGHT) + 1;
    return { start: Math.max(0, first - OVERSCAN), end: Math.min(total, first + visible + OVERSCAN) };
  }

  /** Starts the query of the current filters; keep=true shows the old rows until the new ones arrive. */
  #query(keep: boolean): void {
    const store = this.store;
    this._party = store?.party ?? null;
    if (!store || !store.party) {
      this._cache = undefined;
      return;
    }
    const where = toConditions(this.filters);
    const sort = toSort(this.sort);
    const id = ++this.#queryId;
    this._loadError = '';
    const cache: PageCache<Row> = new PageCache<Row>(
      async (page, perPage) => {
        try {
          // not counted here: the rows show at once, the count follows (below)
          const result = await store.list('hazards', { where, sort, page, perPage, skipTotal: true });
          if (id === this.#queryId && this._loadError) this._loadError = '';
          this.#nameRegions(store, result.items);
          return result;
        } catch (err) {
          if (id === this.#queryId) this._loadError = this.#errorMessage(err);
          throw err;
        }
      },
      PER_PAGE,
      keep ? this._cache : undefined,
      async () => (await store.list('hazards', { where, perPage: 1 })).totalItems,
      () => {
        if (id === this.#queryId) this.requestUpdate();
      },
    );
    this._cache = cache;
    if (!keep) {
      this._scrollTop = 0;
      const viewport = this.renderRoot?.querySelector<HTMLElement>('.viewport');
      if (viewport) viewport.scrollTop = 0;
    }
  }

  /** The industry filter's choices come from the store (administrators add industries). */
  #readIndustries(): void {
    const store = this.store;
    if (!store?.party) return;
    void referenceOf(store)
      .industries()
      .then((list) => {
        if (this.store === store) this._industries = list;
      });
    const scope = store.party.regionScope;
    if (store.party.role === 'regulator' && scope) {
      void referenceOf(store)
        .children(scope)
        .then((list) => {
          if (this.store === store) this._regions = list;
        })
        .catch(() => undefined);
    } else this._regions = [];
  }

  /** Reads the names of the rows' regions (any province), then paints them. */
  #nameRegions(store: Store, rows: readonly Row[]): void {
    const names = referenceOf(store);
    void names.load(rows.map((r) => str(r.columns['region_code']))).then(() => {
      if (this.store === store) this.requestUpdate();
    });
  }

  /** The store's reference data (names of regions and industries), if there is a store. */
  get #names(): ReferenceReader | undefined {
    return this.store ? referenceOf(this.store) : undefined;
  }

  #errorMessage(err: unknown): string {
    if (isStoreError(err)) return isEnglish(this.#locale) ? err.message_en : err.message_zh;
    return String(err);
  }

  // ── realtime ─────────────────────────────────────────────────────────────────────────
  #resubscribe(): void {
    const store = this.store;
    if (store === this.#subscribedStore) return;
    this.#stopRealtime();
    this.#offParty?.();
    this.#subscribedStore = store;
    if (!store) return;
    this.#offParty = store.onPartyChange(() => {
      this._selected = undefined;
      this._alerts = [];
      this.#stopRealtime();
      this.#startRealtime(store);
      this.#query(false);
      this.#readIndustries();
    });
    this.#startRealtime(store);
  }

  #startRealtime(store: Store): void {
    if (!store.party) return;
    const mine = this.#unsubscribe;
    store
      .subscribe('hazards', (change) => this.#onChange(change.action, change.record))
      .then((off) => (mine === this.#unsubscribe ? mine.push(off) : void off()))
      .catch(() => undefined);
    store
      .subscribeEvents('hazard_events', (ev) => {
        if (this._selected && ev.fields['hazard'] === this._selected.id) void this.#loadEvents(this._selected.id);
      })
      .then((off) => (mine === this.#unsubscribe ? mine.push(off) : void off()))
      .catch(() => undefined);
  }

  #stopRealtime(): void {
    for (const off of this.#unsubscribe) void off();
    this.#unsubscribe = [];
  }

  #onChange(action: string, record: Row): void {
    const previous = this._selected?.id === record.id ? this._selected : undefined;
    this._cache?.replace((r) => r.id === record.id, record);
    if (previous) this._selected = record;
    const c = record.columns;
    if (
      this._party?.role === 'regulator' &&
      c['status'] === 'escalated' &&
      c['is_major'] === true &&
      !this._alerts.some((a) => a.id === record.id)
    ) {
      this._alerts = [...this._alerts, record];
      this.dispatchEvent(new CustomEvent('azx-escalated', { bubbles: true, composed: true, detail: { hazard: record } }));
    }
    this.requestUpdate();
    // order and count may have changed; re-run the query quietly
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => this.#query(true), action === 'create' ? 300 : 800);
  }

  // ── detail and actions ───────────────────────────────────────────────────────────────
  async #open(row: Row): Promise<void> {
    this._recording = undefined;
    this._selected = row;
    this._active = '';
    this._errors = undefined;
    this._message = '';
    this._events = undefined;
    this._schema = undefined;
    if (this.store) this.#nameRegions(this.store, [row]);
    void this.store
      ?.getDefinition(row.definition, row.version)
      .then((d) => {
        if (this._selected?.id === row.id) this._schema = d.schema as JsonSchema;
      })
      // the words are a courtesy: the detail shows the codes without them
      .catch(() => undefined);
    this.dispatchEvent(new CustomEvent('azx-select', { bubbles: true, composed: true, detail: { hazard: row } }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
    await this.#loadEvents(row.id);
  }

  async #loadEvents(hazardId: string): Promise<void> {
    const store = this.store;
    if (!store) return;
    const all: StoredEvent[] = [];
    for (let page = 1; ; page++) {
      const p = await store.listEvents('hazard_events', { where: [{ field: 'hazard', op: '=', value: hazardId }], sort: ['created', 'id'], page, perPage: 200 });
      all.push(...p.items);
      if (page >= p.totalPages) break;
    }
    if (this._selected?.id !== hazardId) return;
    this._events = all;
    const orgs = [...new Set(all.map((ev) => str(ev.fields['actor_org'])).filter((id) => id && !this._actorNames.has(id)))];
    if (!orgs.length) return;
    try {
      const found = await store.listOrganizations({ ids: orgs });
      this._actorNames = new Map([...this._actorNames, ...found.map((o) => [o.id, o.name] as const)]);
    } catch {
      /* names are a courtesy: the role alone still says who acted */
    }
  }

  /**
   * Back to the list. The focus goes to the hazard's row; when the row is not on screen (it no
   * longer matches the filters, or scrolled out of the rendered window), to the list's count.
   */
  #close(): void {
    const id = this._selected?.id;
    this._selected = undefined;
    this._notice = undefined;
    void this.updateComplete.then(() => {
      const row = this.renderRoot.querySelector<HTMLElement>(`.rows [data-id="${CSS.escape(id ?? '')}"] button`);
      (row ?? this.renderRoot.querySelector<HTMLElement>('.count'))?.focus();
    });
  }

  /** After a refusal: the first field in error, else the summary of the errors no field holds. */
  async #focusErrors(): Promise<void> {
    await this.updateComplete;
    const field = ACTION_FIELDS.find((f) => this._errors?.[f]);
    const target = field ? this.renderRoot.querySelector<HTMLElement>(`#action-${field}`) : this.renderRoot.querySelector<HTMLElement>('#action-errors');
    target?.focus();
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const store = this.store;
    const hazard = this._selected;
    const action = this._active;
    if (!store || !hazard || !action) return;
    const form = e.currentTarget as HTMLFormElement;
    const note = (form.elements.namedItem('note') as HTMLTextAreaElement | null)?.value.trim() ?? '';
    const input = form.elements.namedItem('evidence') as HTMLInputElement | null;
    const files = input?.files ? [...input.files] : [];
    const l = this.#locale;
    const local: Record<string, { code: string; message: string; message_zh: string; message_en: string }> = {};
    if (needsEvidence(action, hazard.columns['is_major'] === true) && !files.length) {
      local['evidence'] = { code: 'evidence_required', message: t(l, 'evidenceRequired'), message_zh: t('zh-CN', 'evidenceRequired'), message_en: t('en', 'evidenceRequired') };
    }
    const major = hazard.columns['is_major'] === true;
    const notifiedTo: Record<string, string> = {};
    for (const r of recipientsOf(action, major)) {
      notifiedTo[r.code] = (form.elements.namedItem(`notified_to.${r.code}`) as HTMLInputElement | null)?.value.trim() ?? '';
    }
    if (Object.values(notifiedTo).some((name) => !name)) {
      local['notified_to'] = { code: 'recipients_required', message: t(l, 'recipientsRequired'), message_zh: t('zh-CN', 'recipientsRequired'), message_en: t('en', 'recipientsRequired') };
    }
    if (needsNote(action) && !note) {
      local['note'] = { code: 'note_required', message: '', message_zh: '请填写说明', message_en: 'Please write a note' };
    }
    if (Object.keys(local).length) {
      this._errors = local;
      await this.#focusErrors();
      return;
    }
    if (this._busy) return;
    this._busy = true;
    this._errors = undefined;
    try {
      const event = await store.appendEvent(
        'hazard_events',
        {
          fields: { hazard: hazard.id, action, to_status: targetOf(action, major), note, ...(Object.keys(notifiedTo).length ? { notified_to: notifiedTo } : {}) },
          ...(files.length ? { files: { evidence: files } } : {}),
        },
        { idempotencyKey: newIdempotencyKey() },
      );
      const fresh = await store.get('hazards', hazard.id);
      this._selected = fresh;
      this._cache?.replace((r) => r.id === fresh.id, fresh);
      this._active = '';
      this._message = t(l, 'stored', { action: actionLabel(l, action) });
      this.dispatchEvent(new CustomEvent('azx-transition', { bubbles: true, composed: true, detail: { event, hazard: fresh } }));
      // the form is gone with the focus in it: the focus goes to the hazard's heading, the new
      // status beside it; the status line says what was recorded
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
      await this.#loadEvents(hazard.id);
      clearTimeout(this.#refreshTimer);
      this.#refreshTimer = setTimeout(() => this.#query(true), 300);
    } catch (err) {
      this._errors = isStoreError(err) && Object.keys(err.fieldErrors).length
        ? err.fieldErrors
        : { _: { code: isStoreError(err) ? err.code : 'unknown', message: this.#errorMessage(err), message_zh: isStoreError(err) ? err.message_zh : String(err), message_en: isStoreError(err) ? err.message_en : String(err) } };
      this._busy = false;
      await this.#focusErrors();
    } finally {
      this._busy = false;
    }
  }

  async #openNotice(): Promise<void> {
    const parties = await this.#noticeParties();
    if (parties) this._notice = parties;
  }

  /** Who notifies whom, and the hazard's definition (the words of its coded fields). */
  async #noticeParties(): Promise<NoticeParties | undefined> {
    const h = this._selected;
    if (!h || !this.store) return undefined;
    const ids = [str(h.columns['provider']), str(h.columns['insurer'])].filter(Boolean);
    const [orgs, definition] = await Promise.all([
      // names are a courtesy; the notice prints with a blank
      (ids.length ? this.store.listOrganizations({ ids }) : Promise.resolve([])).catch(() => []),
      this.store.getDefinition(h.definition, h.version).catch(() => undefined),
    ]);
    const from = (orgs.find((o) => o.id === ids[0]) ?? orgs[0])?.name ?? '';
    return { from, enterprise: enterpriseName(h.columns['enterprise_name']), ...(definition ? { schema: definition.schema as JsonSchema } : {}) };
  }

  /**
   * Prints alone, as a document on A4 (none of the host page prints): the open hazard's
   * rectification notice (隐患整改告知书), dated today; with no hazard open, the ledger of the
   * current filters (its first rows, on landscape pages). Resolves true when the print dialog
   * opened, false when a listener of `azx-print` took the print over.
   */
  async print(): Promise<boolean> {
    const h = this._selected;
    if (h) {
      const parties = this._notice ?? (await this.#noticeParties());
      return parties ? printDocument(noticeDocument(h, parties, this.#locale, chinaToday()), { from: this }) : false;
    }
    const { rows, total } = await this.#rows(PRINT_ROWS);
    const names = referenceOf(this.store!);
    await names.load(rows.map((r) => str(r.columns['region_code'])));
    return printDocument(ledgerDocument(ledgerTable(rows, this.#locale, Date.now(), names), total, this.#locale), { from: this });
  }

  async #openEvidence(ev: StoredEvent, file: string): Promise<void> {
    if (!this.store) return;
    // fileUrl reads only id and collection; an event's files live under its own collection
    const url = await this.store.fileUrl({ id: ev.id, collection: ev.collection } as unknown as StoredRecord, file);
    window.open(url, '_blank', 'noopener');
  }

  // ── recording ────────────────────────────────────────────────────────────────────────
  async #startRecording(): Promise<void> {
    const store = this.store;
    if (!store) return;
    this._selected = undefined;
    this._recording = {};
    try {
      const [definition, policies] = await Promise.all([
        store.latestDefinition('hazard'),
        store.list('policies', { where: [{ field: 'status', op: '=', value: 'active' }], sort: ['-period_start'], perPage: 200 }),
      ]);
      this.#nameRegions(store, policies.items);
      if (this._recording) this._recording = { definition, policies: policies.items };
    } catch (err) {
      this._recording = undefined;
      this._loadError = this.#errorMessage(err);
    }
  }

  async #findPolicies(text: string): Promise<void> {
    const store = this.store;
    if (!store || !this._recording) return;
    const where = [{ field: 'status', op: '=' as const, value: 'active' }, ...(text ? [{ field: 'policy_no', op: '~' as const, value: text }] : [])];
    const found = await store.list('policies', { where, sort: ['-period_start'], perPage: 200 });
    this.#nameRegions(store, found.items);
    if (this._recording) {
      const only = found.items.length === 1 ? found.items[0] : undefined;
      this._recording = { ...this._recording, policies: found.items, ...(only ? { policy: only } : {}) };
    }
  }

  async #recorded(record: Row): Promise<void> {
    this._recording = undefined;
    this.#query(true);
    await this.#open(record);
    this._message = t(this.#locale, 'stored', { action: t(this.#locale, 'record') });
  }

  // ── export ───────────────────────────────────────────────────────────────────────────
  /** Every row of the current filters, as CSV (UTF-8 with BOM) or XLSX. */
  async exportRows(format: 'csv' | 'xlsx'): Promise<Blob> {
    const { rows } = await this.#rows(Infinity);
    const names = referenceOf(this.store!);
    await names.load(rows.map((r) => str(r.columns['region_code'])));
    const ledger = ledgerTable(rows, this.#locale, Date.now(), names);
    return format === 'csv' ? toCsv(table(ledger)) : toXlsx(ledger);
  }

  /** The rows of the current filters, up to `limit`, and how many there are. */
  async #rows(limit: number): Promise<{ rows: Row[]; total: number }> {
    const store = this.store;
    if (!store) throw new Error('no store');
    const where = toConditions(this.filters);
    const sort = toSort(this.sort);
    const rows: Row[] = [];
    let total = 0;
    try {
      for (let page = 1; ; page++) {
        const p = await store.list('hazards', { where, sort, page, perPage: Math.min(500, limit) });
        rows.push(...p.items);
        total = p.totalItems;
        this._exporting = t(this.#locale, 'exporting', { n: p.totalItems });
        if (page >= p.totalPages || rows.length >= limit) break;
      }
    } finally {
      this._exporting = '';
    }
    return { rows: rows.slice(0, limit), total };
  }

  async #download(format: 'csv' | 'xlsx'): Promise<void> {
    try {
      const blob = await this.exportRows(format);
      download(`隐患台账-${new Date().toISOString().slice(0, 10)}.${format}`, blob.type, blob);
    } catch (err) {
      this._exporting = '';
      this._loadError = this.#errorMessage(err);
    }
  }

  // ── filters ──────────────────────────────────────────────────────────────────────────
  #onFilter(e: Event): void {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    const key = el.name as keyof LedgerFilters;
    if (!(key in NO_FILTERS)) return;
    const value = el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value;
    if (key === 'search' || key === 'enterprise') {
      // the enterprise's list closes on blur, which fires change: that is not a new text
      if (key === 'enterprise' && e.type === 'change' && value === this.filters.enterprise) return;
      // typing searches after a pause, not on every keystroke; typing over a chosen enterprise un-chooses it
      const change = key === 'enterprise' ? { enterprise: value as string, enterpriseId: '' } : { search: value as string };
      if (key === 'enterprise' && e.type === 'input') this.#enterpriseSuggestions.suggest(value as string);
      clearTimeout(this.#searchTimer);
      this.#searchTimer = setTimeout(() => (this.filters = { ...this.filters, ...change }), e.type === 'change' ? 0 : 250);
      return;
    }
    // selects and checkboxes fire input and change: one query, on change
    if (e.type === 'input' || this.filters[key] === value) return;
    this.filters = { ...this.filters, [key]: value };
  }

  #pickEnterprise(choice: EnterpriseChoice): void {
    clearTimeout(this.#searchTimer);
    this.#enterpriseSuggestions.close();
    this.filters = { ...this.filters, enterprise: choice.name, enterpriseId: choice.id };
  }

  #onSort(field: Sort['field']): void {
    this.sort = this.sort.field === field ? { field, descending: !this.sort.descending } : { field, descending: field === 'found_at' };
  }

  #onScroll(e: Event): void {
    this._scrollTop = (e.target as HTMLElement).scrollTop;
  }

  /** The skip link: past the filters to the first hazard (or the list when it is empty). */
  #skipToRows(): void {
    const first = this.renderRoot.querySelector<HTMLElement>('.rows .row button.link');
    (first ?? this.renderRoot.querySelector<HTMLElement>('.viewport'))?.focus();
  }

  /** The notice closed (its button, Escape): the focus goes back to the button that opened it. */
  #noticeClosed(): void {
    this._notice = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="notice-button"]')?.focus());
  }

  /** Recording cancelled: back to the list, the focus on the button that started it. */
  #stopRecording(): void {
    this._recording = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.record-button')?.focus());
  }

  // ── render ───────────────────────────────────────────────────────────────────────────
  #renderToolbar(): TemplateResult {
    const l = this.#locale;
    const f = this.filters;
    const problems = filterProblems(f);
    const total = this._cache?.total;
    return html`<form class="toolbar" part="toolbar" role="search" aria-label=${t(l, 'filters')} @input=${this.#onFilter} @change=${this.#onFilter} @submit=${(e: Event) => e.preventDefault()}>
      <button type="button" class="skip" part="button" @click=${() => this.#skipToRows()}>${t(l, 'skipToRows')}</button>
      <label class="search">${t(l, 'search')}
        <input type="search" name="search" part="control" .value=${f.search} placeholder=${t(l, 'searchHint')} />
      </label>
      <label>${t(l, 'status')}
        <select name="status" part="control" .value=${f.status}>
          <option value="">${t(l, 'all')}</option>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${statusLabel(l, s)}</option>`)}
        </select>
      </label>
      <label>${t(l, 'grade')}
        <select name="grade" part="control" .value=${f.grade}>
          <option value="">${t(l, 'all')}</option>
          <option value="major" ?selected=${f.grade === 'major'}>${t(l, 'major')}</option>
          <option value="minor" ?selected=${f.grade === 'minor'}>${t(l, 'minor')}</option>
        </select>
      </label>
      <label class="check"><input type="checkbox" name="overdue" part="control" .checked=${f.overdue} /> ${t(l, 'overdueOnly')}</label>
      ${this._regions.length
        ? html`<label>${t(l, 'region')}
            <select name="region" part="control" .value=${f.region}>
              <option value="">${t(l, 'regionAll')}</option>
              ${this._regions.map((r) => html`<option value=${r.code} ?selected=${f.region === r.code} lang=${nameLang(regionLabel(l, r.code, this.#names), l)}>${regionLabel(l, r.code, this.#names)}</option>`)}
            </select>
          </label>`
        : html`<label>${t(l, 'regionCode')}
            <input name="region" part="control" inputmode="numeric" maxlength="6" .value=${f.region} aria-invalid=${problems.region ? 'true' : 'false'} aria-describedby=${problems.region ? 'region-error' : nothing} />
            ${problems.region ? html`<span id="region-error" class="field-error" part="error">${t(l, problems.region)}</span>` : nothing}
          </label>`}
      ${renderEnterpriseField({
        locale: l,
        text: f.enterprise,
        chosen: f.enterpriseId,
        suggestions: this.#enterpriseSuggestions,
        onPick: (c) => this.#pickEnterprise(c),
      })}
      <label>${t(l, 'industry')}
        <select name="industry" part="control" .value=${f.industry}>
          <option value="">${t(l, 'all')}</option>
          ${this._industries.map((i) => html`<option value=${i.code} ?selected=${f.industry === i.code} lang=${nameLang(industryLabel(l, i.code, this.#names), l)}>${industryLabel(l, i.code, this.#names)}</option>`)}
        </select>
      </label>
      <label>${t(l, 'foundFrom')}<input type="date" name="from" part="control" .value=${f.from} /></label>
      <label>${t(l, 'foundTo')}
        <input type="date" name="to" part="control" .value=${f.to} aria-invalid=${problems.to ? 'true' : 'false'} aria-describedby=${problems.to ? 'to-error' : nothing} />
        ${problems.to ? html`<span id="to-error" class="field-error" part="error">${t(l, problems.to)}</span>` : nothing}
      </label>
      <div class="toolbar-end">
        <button type="button" part="button" @click=${() => (this.filters = NO_FILTERS)}>${t(l, 'reset')}</button>
        ${this._party?.role === 'insurer' || this._party?.role === 'provider'
          ? html`<button type="button" part="button record-button" class="record-button" @click=${() => void this.#startRecording()}>${t(l, 'record')}</button>`
          : nothing}
        <span class="count" role="status" tabindex="-1">${total === undefined || !this._cache?.counted ? t(l, 'loading') : t(l, 'count', { n: total.toLocaleString(l) })}</span>
        <button type="button" part="button export" ?disabled=${!total || !!this._exporting} @click=${() => this.#download('csv')}>${t(l, 'exportCsv')}</button>
        <button type="button" part="button export" ?disabled=${!total || !!this._exporting} @click=${() => this.#download('xlsx')}>${t(l, 'exportXlsx')}</button>
        ${this._exporting ? html`<span role="status">${this._exporting}</span>` : nothing}
      </div>
    </form>`;
  }

  #renderRow(row: Row | undefined, index: number): TemplateResult {
    const l = this.#locale;
    if (!row) {
      return html`<div class="row placeholder" role="row" aria-rowindex=${index + 2}><span role="cell">${t(l, 'loading')}</span></div>`;
    }
    const c = row.columns;
    const d = row.data as Record<string, unknown>;
    const major = c['is_major'] === true;
    const overdue = isOverdue(c['status'], c['deadline']);
    const status = str(c['status']);
    const no = str(d['hazard_no']);
    return html`<div class="row ${major ? 'major' : ''} ${overdue ? 'overdue' : ''}" part="row${major ? ' major-row' : ''}${overdue ? ' overdue-row' : ''}" role="row" aria-rowindex=${index + 2} data-id=${row.id}>
      <span role="cell"><button type="button" part="button open" class="link" title=${no} aria-label=${t(l, 'open', { no })} @click=${() => this.#open(row)}>${no}</button></span>
      <span role="cell">${properName(enterpriseName(c['enterprise_name']), l)}</span>
      <span role="cell">${properName(regionLabel(l, str(c['region_code']), this.#names), l)}</span>
      <span role="cell">${properName(industryLabel(l, str(c['industry']), this.#names), l)}</span>
      <span role="cell">${major ? html`<span class="badge major">${t(l, 'major')}</span>` : t(l, 'minor')}</span>
      <span role="cell"><span class="badge status-${isStatus(status) ? status : 'unknown'}">${statusLabel(l, status)}</span></span>
      <span role="cell">${formatDate(str(c['found_at']), l)}</span>
      <span role="cell">${formatDate(str(c['deadline']).slice(0, 10), l)} ${overdue ? html`<span class="badge overdue">${t(l, 'overdue')}</span>` : nothing}</span>
    </div>`;
  }

  #renderList(): TemplateResult {
    const l = this.#locale;
    const cache = this._cache;
    const total = cache?.total ?? 0;
    const { start, end } = this.#range();
    const rows: TemplateResult[] = [];
    if (cache) for (let i = start; i < end; i++) rows.push(this.#renderRow(cache.at(i), i));
    return html`<div class="table" part="table" role="table" aria-label=${t(l, 'title')} aria-rowcount=${total + 1} ?hidden=${!!this._selected || !!this._recording}>
      <div class="row head" role="row" aria-rowindex="1">
        ${COLUMNS.map((col) => {
          const sorted = col.sort && this.sort.field === col.sort;
          return html`<span role="columnheader" aria-sort=${sorted ? (this.sort.descending ? 'descending' : 'ascending') : 'none'}>
            ${col.sort
              ? html`<button type="button" part="button sort" class="link" @click=${() => this.#onSort(col.sort!)}>${col.label(l)}${sorted ? (this.sort.descending ? ' ↓' : ' ↑') : ''}</button>`
              : col.label(l)}
          </span>`;
        })}
      </div>
      <div class="viewport" part="viewport" role="rowgroup" tabindex="0" @scroll=${this.#onScroll}>
        <div class="spacer" data-height=${total * ROW_HEIGHT}>
          <div class="rows" data-offset=${start * ROW_HEIGHT}>${rows}</div>
        </div>
        ${cache?.loaded && total === 0 ? html`<div class="empty" role="row"><span role="cell">${t(l, 'noRows')}</span></div>` : nothing}
      </div>
    </div>`;
  }

  #renderAlerts(): TemplateResult | typeof nothing {
    if (!this._alerts.length) return nothing;
    const l = this.#locale;
    return html`<div class="alerts" role="alert">
      ${this._alerts.map(
        (a) => html`<div class="alert" part="alert" data-id=${a.id}>
          <button type="button" part="button" class="link" @click=${() => this.#open(a)}>${t(l, 'escalatedAlert', { no: str((a.data as Record<string, unknown>)['hazard_no']), ent: enterpriseName(a.columns['enterprise_name']) })}</button>
          <button type="button" part="button" @click=${() => (this._alerts = this._alerts.filter((x) => x !== a))}>${t(l, 'dismiss')}</button>
        </div>`,
      )}
    </div>`;
  }

  protected override render(): TemplateResult {
    const l = this.#locale;
    if (!this.store?.party) return html`<p class="signin">${t(l, 'signIn')}</p>`;
    const h = this._selected;
    const status = h ? str(h.columns['status']) : '';
    return html`<div class="ledger ${this._notice ? 'printing-notice' : ''}">
      ${this.#renderToolbar()}
      ${this._loadError ? html`<p class="errors" role="alert" part="error">${this._loadError}</p>` : nothing}
      ${this.#renderAlerts()}
      ${this.#renderList()}
      ${this._recording
        ? renderRecord({
            locale: l,
            definition: this._recording.definition,
            policies: this._recording.policies,
            policy: this._recording.policy,
            onPolicy: (id) => (this._recording = { ...this._recording, policy: this._recording?.policies?.find((p) => p.id === id) }),
            onFind: (text) => void this.#findPolicies(text),
            onSaved: (record) => void this.#recorded(record),
            onCancel: () => this.#stopRecording(),
            names: this.#names,
          })
        : nothing}
      ${h
        ? renderDetail({
            locale: l,
            hazard: h,
            events: this._events,
            actorNames: this._actorNames,
            actions: isStatus(status)
              ? actionsFor(this.store.party.role, status, h.columns['is_major'] === true, {
                  organization: this.store.party.organizationId,
                  history: (this._events ?? []).map((ev) => ({ action: str(ev.fields['action']), actorOrg: str(ev.fields['actor_org']) })),
                })
              : [],
            names: this.#names,
            ...(this._schema ? { schema: this._schema } : {}),
            active: this._active,
            busy: this._busy,
            errors: this._errors,
            message: this._message,
            now: Date.now(),
            onClose: () => this.#close(),
            onChoose: (a) => {
              const was = this._active;
              this._active = a;
              this._errors = undefined;
              this._message = '';
              // choosing an action opens its form with the focus on its first field; cancelling
              // returns the focus to the action's button
              void this.updateComplete.then(() =>
                this.renderRoot.querySelector<HTMLElement>(a ? '#action-note' : `.actions button[data-action="${was}"]`)?.focus(),
              );
            },
            onSubmit: (e) => void this.#submit(e),
            onNotice: () => void this.#openNotice(),
            onEvidence: (ev, file) => void this.#openEvidence(ev, file),
          })
        : nothing}
      ${h && this._notice
        ? html`<dialog class="notice-sheet" aria-labelledby="doc-title" @close=${() => this.#noticeClosed()}>
            <div class="notice-actions">
              <button type="button" part="button" @click=${() => void this.print()}>${t(l, 'print')}</button>
              <button type="button" part="button" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${t(l, 'cancel')}</button>
            </div>
            <div part="notice" class="notice">${renderDocument(noticeDocument(h, this._notice, l, chinaToday()))}</div>
          </dialog>`
        : nothing}
    </div>`;
  }
}
