import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../data/context.js';
import type { BusinessCollection, Condition, FormDefinition, RecordRevision, Store, StoredRecord } from '../data/store.js';
import { referenceOf, type ReferenceReader } from '../data/reference.js';
import { reloadOnPartyChange } from '../data/party-controller.js';
import { LANG_PROPERTY, isEnglish, type Locale } from '../core/locale.js';
import { LocaleController } from '../core/lang-controller.js';
import { nameLang } from '../core/proper-name.js';
import { download, toCsv, toXlsx, CSV_TYPE, XLSX_TYPE, type Cell } from '../core/export/index.js';
import '../core/index.js';
import { printRecord, type NameOf } from '../core/document/index.js';
import type { JsonSchema } from '../core/schema.js';
import { columnLabel, columnsOf, isColumn, type ListColumn } from './columns.js';
import { cellText, exportCell } from './cells.js';
import { renderDetail } from './detail.js';
import { recordListStyles } from './record-list.styles.js';
import { t } from './text.js';

/** An action the page offers on an opened record (e.g. "use as template"). */
export interface RecordAction {
  readonly key: string;
  readonly label: { readonly zh: string; readonly en: string };
}

/** Rows read per request when exporting, and the most an export takes. */
const EXPORT_PAGE = 500;
const EXPORT_LIMIT = 20_000;
/** Below this width (px) of the element, rows become cards and the filters fold. */
const NARROW = 640;

interface Opened {
  readonly record: StoredRecord;
  readonly definition: FormDefinition | undefined;
  readonly history: readonly RecordRevision[] | undefined;
}

/**
 * A list of any business collection a party may read (policies, service records, hazards,
 * enterprises): columns from the form definition's `x-column` hints with their labels, values
 * as people read them (enum titles, region and industry names, 12,345.60 元, dates in China
 * time), filters, search, sort, paging, CSV and Excel export of every row of the filters, and a
 * row that opens the record read-only (under the definition version it was made with) with its
 * history, printable. On a narrow screen the rows become cards and the filters fold.
 *
 * Focus: opening a row puts it on the record's heading; "back" returns it to that row's button
 * (or the list's count when the row is gone); paging and sorting keep it on the button pressed.
 *
 * @summary A generic, accessible list of stored records.
 *
 * @event azx-loaded - `CustomEvent<{ total: number }>`: the rows of the current filters are on screen and counted.
 * @event azx-open - Bubbling, composed `CustomEvent<{ record: StoredRecord }>`: a record was opened.
 * @event azx-print - Bubbling, composed, cancelable `CustomEvent<{ document: Document, html(): string }>`: the open record is about to print alone (`print()` or its 打印 button); cancel it to print another way.
 * @event azx-record-action - Bubbling, composed `CustomEvent<{ action: string, record: StoredRecord }>`: one of `actions` was chosen on an opened record.
 *
 * @csspart toolbar - Search, filters and export.
 * @csspart control - Every input and select.
 * @csspart button - Every button (also `open`, `sort`, `page`, `export`, `back`, `print`, `action`).
 * @csspart table - The table (cards on a narrow element).
 * @csspart row - One record's row.
 * @csspart count - The line that counts the rows (a live region).
 * @csspart pager - Previous and next page.
 * @csspart detail - The opened record.
 * @csspart history - Its revisions.
 */
export class AzxRecordList extends LitElement {
  static override styles = recordListStyles;

  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  accessor store: Store | undefined = undefined;

  /** The language; empty: the nearest `lang` above the element, else `<html lang>`. */
  @property(LANG_PROPERTY) override accessor lang: string = '';
  readonly #lang = new LocaleController(this);
  // a sign-in on the page after the list rendered: the definition and rows of the new party
  readonly #party = reloadOnPartyChange(this);

  /** The collection listed: `policies`, `service_reports`, `hazards` or `enterprises`. */
  @property() accessor collection: BusinessCollection = 'policies';

  /** The form definition whose `x-column` hints and titles give the columns (its latest published version). */
  @property({ attribute: 'definition-key' }) accessor definitionKey: string = 'policy';

  /**
   * Columns in order: x-column names, `region_code`, `industry`, or `data.<path>` (shown, not
   * sortable). Default: every x-column hint. As an attribute: names separated by spaces.
   */
  @property({ converter: { fromAttribute: (v: string | null) => (v ?? '').split(/\s+/).filter(Boolean) } })
  accessor columns: readonly string[] = [];

  /** The sort: a column name, `-` first for descending (ties go by id). */
  @property() accessor sort: string = '-created';

  /** Rows per page. */
  @property({ type: Number, attribute: 'per-page' }) accessor perPage: number = 20;

  /** Conditions the page always applies (e.g. one enterprise's records); the user's filters come on top. */
  @property({ attribute: false }) accessor where: readonly Condition[] = [];

  /** Buttons offered on an opened record; choosing one fires `azx-record-action`. */
  @property({ attribute: false }) accessor actions: readonly RecordAction[] = [];

  @state() private accessor _definition: FormDefinition | undefined = undefined;
  @state() private accessor _columns: readonly ListColumn[] = [];
  @state() private accessor _filters: Readonly<Record<string, string>> = {};
  @state() private accessor _search = '';
  @state() private accessor _page = 1;
  @state() private accessor _rows: readonly StoredRecord[] | undefined = undefined;
  @state() private accessor _total: number | undefined = undefined;
  @state() private accessor _error = '';
  @state() private accessor _message = '';
  @state() private accessor _exporting = false;
  @state() private accessor _open: Opened | undefined = undefined;
  @state() private accessor _narrow = false;
  @state() private accessor _filtersOpen = false;

  #names: ReferenceReader | undefined;
  /** Names of codes for the open record's form, one function per reader and locale (its render is cached by it). */
  #namer: { reader: ReferenceReader; locale: Locale; name: NameOf } | undefined;
  #queryId = 0;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #resize: ResizeObserver | undefined;
  /** After an update: where the focus goes (a row's open button, the detail heading, the count). */
  #focusAfter: string | undefined;

  get #locale(): Locale {
    return this.#lang.locale;
  }

  /** Rows matching the filters (undefined until counted). */
  get total(): number | undefined {
    return this._total;
  }

  /** Reads the current page again (after the page stored a record, say). */
  async reload(): Promise<void> {
    await this.#load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      this.#resize = new ResizeObserver((entries) => {
        const width = entries[0]?.contentRect.width ?? 0;
        const narrow = width > 0 && width < NARROW;
        // applied in the next frame: re-laying out inside the observer's callback loops it
        if (narrow !== this._narrow) requestAnimationFrame(() => (this._narrow = narrow));
      });
      this.#resize.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.#names = this.store ? referenceOf(this.store) : undefined;
    if (changed.has('store') || changed.has('definitionKey')) void this.#loadDefinition();
    else if (changed.has('columns') && this._definition) this._columns = columnsOf(this._definition.schema, this.columns);
    if (changed.has('collection') || changed.has('sort') || changed.has('perPage') || changed.has('where')) {
      if (this._definition) void this.#load();
    }
  }

  protected override updated(): void {
    const target = this.#focusAfter;
    if (!target) return;
    this.#focusAfter = undefined;
    const el = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(target)}`) ?? this.renderRoot.querySelector<HTMLElement>('#count');
    el?.focus();
  }

  async #loadDefinition(): Promise<void> {
    const store = this.store;
    void this.#party;
    if (!store?.party || !this.definitionKey) {
      this._rows = undefined;
      this._total = undefined;
      this._open = undefined;
      this._definition = undefined;
      return;
    }
    try {
      const definition = await store.latestDefinition(this.definitionKey);
      if (store !== this.store) return;
      this._definition = definition;
      this._columns = columnsOf(definition.schema, this.columns);
      await this.#load();
    } catch (err) {
      this._error = t(this.#locale, 'failed', { message: (err as Error).message });
    }
  }

  /** The user's filters and the page's conditions, as the store's query. */
  #conditions(): Condition[] {
    const out: Condition[] = [...this.where];
    for (const c of this._columns) {
      if (!isColumn(c)) continue;
      const column = c.source.column;
      const v = this._filters[c.key];
      if (v) out.push({ field: column, op: '=', value: c.kind === 'boolean' ? v === 'true' : v });
      const from = this._filters[`${c.key}:from`];
      const to = this._filters[`${c.key}:to`];
      if (from) out.push({ field: column, op: '>=', value: from });
      // the whole "to" day: before the next one
      if (to) out.push({ field: column, op: '<', value: nextDay(to) });
    }
    const search = this._search.trim();
    const field = this.#searchColumn();
    if (search && field) out.push({ field: isColumn(field) ? field.source.column : `data.${(field.source as { path: string[] }).path.join('.')}`, op: '~', value: search });
    return out;
  }

  /** The first text column is what the search box searches. */
  #searchColumn(): ListColumn | undefined {
    return this._columns.find((c) => c.kind === 'text');
  }

  #sortFields(): string[] {
    const field = this.sort.replace(/^-/, '');
    return field === 'id' ? [this.sort] : [this.sort, `${this.sort.startsWith('-') ? '-' : ''}id`];
  }

  async #load(): Promise<void> {
    const store = this.store;
    if (!store || !this._definition) return;
    const id = ++this.#queryId;
    this._error = '';
    try {
      const page = await store.list(this.collection, {
        where: this.#conditions(),
        sort: this.#sortFields(),
        page: this._page,
        perPage: this.perPage,
      });
      await this.#names?.load(page.items.map((r) => String(r.columns['region_code'] ?? '')));
      if (id !== this.#queryId) return;
      this._rows = page.items;
      this._total = page.totalItems;
      this.dispatchEvent(new CustomEvent('azx-loaded', { detail: { total: page.totalItems } }));
    } catch (err) {
      if (id !== this.#queryId) return;
      this._rows = [];
      this._total = 0;
      this._error = t(this.#locale, 'failed', { message: (err as Error).message });
    }
  }

  #setFilter(key: string, value: string): void {
    this._filters = { ...this._filters, [key]: value };
    this._page = 1;
    void this.#load();
  }

  #onSearch(value: string, now: boolean): void {
    this._search = value;
    clearTimeout(this.#searchTimer);
    const run = () => {
      this._page = 1;
      void this.#load();
    };
    if (now) run();
    else this.#searchTimer = setTimeout(run, 300);
  }

  #sortBy(c: ListColumn): void {
    if (!isColumn(c)) return;
    const field = c.source.column;
    this.sort = this.sort === field ? `-${field}` : field;
    this._page = 1;
  }

  #go(page: number): void {
    const pages = this.#pages();
    if (page < 1 || page > pages || page === this._page) return;
    this._page = page;
    void this.#load();
  }

  #pages(): number {
    return Math.max(1, Math.ceil((this._total ?? 0) / this.perPage));
  }

  async #openRecord(record: StoredRecord): Promise<void> {
    const store = this.store;
    if (!store) return;
    this._open = { record, definition: undefined, history: undefined };
    this.#focusAfter = 'detail-title';
    this.dispatchEvent(new CustomEvent('azx-open', { detail: { record }, bubbles: true, composed: true }));
    // a record shows with the definition version it was validated against, not the latest
    const [definition, history] = await Promise.all([
      store.getDefinition(record.definition, record.version).catch(() => undefined),
      store.history(record.collection, record.id).catch(() => [] as RecordRevision[]),
    ]);
    await this.#names?.load([String(record.columns['region_code'] ?? '')]);
    if (this._open?.record.id !== record.id) return;
    this._open = { ...this._open, definition, history };
  }

  #close(): void {
    const id = this._open?.record.id;
    this._open = undefined;
    // back to the row it came from; when that row is no longer listed, to the count
    this.#focusAfter = id && this._rows?.some((r) => r.id === id) ? `open-${id}` : 'count';
  }

  /**
   * Prints the open record alone, as a document (GB/T 9704 layout, core/document): its fields by
   * the definition version it was made with, regions by name, signed by the party printing it and
   * dated the day it was stored. Resolves true when the print dialog opened, false when no record
   * is open or a listener of `azx-print` took the print over.
   */
  async print(): Promise<boolean> {
    const open = this._open;
    const store = this.store;
    if (!open || !store) return false;
    const definition = open.definition ?? (await store.getDefinition(open.record.definition, open.record.version));
    const names = this.#names;
    const locale = this.#locale;
    await names?.load([String(open.record.columns['region_code'] ?? '')]).catch(() => undefined);
    return printRecord(
      {
        schema: definition.schema as JsonSchema,
        value: open.record.data,
        locale,
        title: this.#title(),
        // 保单号：… — the record's naming column, as the list heads it
        number: this._columns[0] ? `${columnLabel(this._columns[0], locale)}${isEnglish(locale) ? ': ' : '：'}${this.#heading(open.record)}` : this.#heading(open.record),
        issuer: store.party?.organizationName || '__________',
        date: open.record.created,
        ...(names ? { name: this.#codeNames(names, locale) } : {}),
      },
      { from: this },
    );
  }

  #codeNames(reader: ReferenceReader, locale: Locale): NameOf {
    if (this.#namer?.reader !== reader || this.#namer.locale !== locale) {
      this.#namer = { reader, locale, name: (format, code) => (format === 'cn-region' ? reader.regionName(code, locale) : undefined) };
    }
    return this.#namer.name;
  }

  async #export(format: 'csv' | 'xlsx'): Promise<void> {
    const store = this.store;
    if (!store || this._exporting) return;
    const locale = this.#locale;
    this._exporting = true;
    this._message = t(locale, 'exporting');
    try {
      const rows: StoredRecord[] = [];
      for (let page = 1; rows.length < EXPORT_LIMIT; page++) {
        const got = await store.list(this.collection, { where: this.#conditions(), sort: this.#sortFields(), page, perPage: EXPORT_PAGE, skipTotal: true });
        rows.push(...got.items);
        if (got.items.length < EXPORT_PAGE) break;
      }
      await this.#names?.load(rows.map((r) => String(r.columns['region_code'] ?? '')));
      const yesNo = [t(locale, 'yes'), t(locale, 'no')] as const;
      const cells: Cell[][] = [
        this._columns.map((c) => columnLabel(c, locale)),
        ...rows.map((r) => this._columns.map((c) => exportCell(c, r, locale, this.#names, yesNo))),
      ];
      const title = this.#title();
      if (format === 'csv') download(`${title}.csv`, CSV_TYPE, toCsv(cells));
      else download(`${title}.xlsx`, XLSX_TYPE, toXlsx([{ name: title, rows: cells }]));
      this._message = t(locale, 'exported', { n: rows.length });
    } catch (err) {
      this._message = t(locale, 'failed', { message: (err as Error).message });
    } finally {
      this._exporting = false;
    }
  }

  /** The definition's title in the element's language. */
  #title(): string {
    const schema = this._definition?.schema as Record<string, unknown> | undefined;
    if (isEnglish(this.#locale) && typeof schema?.['x-title-en'] === 'string') return schema['x-title-en'];
    return this._definition?.title ?? this.collection;
  }

  protected override render(): TemplateResult {
    if (!this.store?.party) return html`<p class="count" part="count">${t(this.#locale, 'signIn')}</p>`;
    const open = this._open;
    if (open) {
      return renderDetail({
        locale: this.#locale,
        title: this.#title(),
        record: open.record,
        definition: open.definition,
        history: open.history,
        heading: this.#heading(open.record),
        names: this.#names ? this.#codeNames(this.#names, this.#locale) : undefined,
        actions: this.actions,
        onBack: () => this.#close(),
        onPrint: () => void this.print(),
        onAction: (action) =>
          this.dispatchEvent(new CustomEvent('azx-record-action', { detail: { action, record: open.record }, bubbles: true, composed: true })),
      });
    }
    return html`${this.#renderToolbar()} ${this.#renderCount()} ${this.#renderTable()} ${this.#renderPager()}`;
  }

  /** What names a record: the first column's text. */
  #heading(record: StoredRecord): string {
    const first = this._columns[0];
    return first ? cellText(first, record, this.#locale, this.#names, [t(this.#locale, 'yes'), t(this.#locale, 'no')]) || record.id : record.id;
  }

  #renderToolbar(): TemplateResult {
    const l = this.#locale;
    const search = this.#searchColumn();
    const filterable = this._columns.filter((c) => isColumn(c) && (c.kind === 'enum' || c.kind === 'boolean'));
    const dated = this._columns.find((c) => isColumn(c) && (c.kind === 'date' || c.kind === 'datetime'));
    const open = !this._narrow || this._filtersOpen;
    const any = Object.values(this._filters).some(Boolean) || this._search !== '';
    return html`<div class="toolbar" part="toolbar" role="search" aria-label=${t(l, 'filters')}>
      ${search
        ? html`<label class="search"
            >${t(l, 'searchBy', { field: columnLabel(search, l) })}
            <input
              type="search"
              name="search"
              part="control"
              .value=${this._search}
              @input=${(e: Event) => this.#onSearch((e.target as HTMLInputElement).value, false)}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') this.#onSearch((e.target as HTMLInputElement).value, true);
              }}
          /></label>`
        : nothing}
      ${this._narrow && (filterable.length || dated)
        ? html`<button type="button" part="button" class="filters-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="filters" @click=${() => (this._filtersOpen = !this._filtersOpen)}>
            ${t(l, 'filters')}
          </button>`
        : nothing}
      <div id="filters" class="filters" ?hidden=${!open}>
        ${filterable.map(
          (c) => html`<label
            >${columnLabel(c, l)}
            <select name=${c.key} part="control" .value=${this._filters[c.key] ?? ''} @change=${(e: Event) => this.#setFilter(c.key, (e.target as HTMLSelectElement).value)}>
              <option value="">${t(l, 'all')}</option>
              ${c.kind === 'boolean'
                ? html`<option value="true">${t(l, 'yes')}</option><option value="false">${t(l, 'no')}</option>`
                : c.choices.map((o) => html`<option value=${o.value}>${isEnglish(l) ? o.en : o.zh}</option>`)}
            </select></label
          >`,
        )}
        ${dated
          ? (['from', 'to'] as const).map(
              (edge) => html`<label
                >${t(l, edge, { field: columnLabel(dated, l) })}
                <input
                  type="date"
                  name=${`${dated.key}:${edge}`}
                  part="control"
                  .value=${this._filters[`${dated.key}:${edge}`] ?? ''}
                  @change=${(e: Event) => this.#setFilter(`${dated.key}:${edge}`, (e.target as HTMLInputElement).value)}
              /></label>`,
            )
          : nothing}
        ${any
          ? html`<button
              type="button"
              part="button"
              class="reset"
              @click=${() => {
                this._filters = {};
                this._search = '';
                this._page = 1;
                void this.#load();
              }}
            >
              ${t(l, 'reset')}
            </button>`
          : nothing}
      </div>
      <div class="exports">
        <button type="button" part="button export" aria-disabled=${this._exporting ? 'true' : 'false'} @click=${() => void this.#export('csv')}>${t(l, 'exportCsv')}</button>
        <button type="button" part="button export" aria-disabled=${this._exporting ? 'true' : 'false'} @click=${() => void this.#export('xlsx')}>${t(l, 'exportXlsx')}</button>
      </div>
    </div>`;
  }

  #renderCount(): TemplateResult {
    const l = this.#locale;
    const text = this._error || (this._rows === undefined ? t(l, 'loading') : this._total === 0 ? t(l, 'empty') : t(l, 'total', { n: (this._total ?? 0).toLocaleString(isEnglish(l) ? 'en-US' : 'zh-CN') }));
    return html`<p id="count" class="count ${this._error ? 'error' : ''}" part="count" role="status" tabindex="-1">
      ${text}${this._message ? html`<span class="message"> · ${this._message}</span>` : nothing}
    </p>`;
  }

  #renderTable(): TemplateResult | typeof nothing {
    const rows = this._rows;
    if (!rows?.length) return nothing;
    const l = this.#locale;
    const yesNo = [t(l, 'yes'), t(l, 'no')] as const;
    const sortField = this.sort.replace(/^-/, '');
    const descending = this.sort.startsWith('-');
    return html`<div class="table-wrap">
      <table part="table" class=${this._narrow ? 'cards' : ''}>
        <caption class="visually-hidden">${t(l, 'rowsLabel', { title: this.#title() })}</caption>
        <thead>
          <tr>
            ${this._columns.map((c) => {
              const sorted = isColumn(c) && c.source.column === sortField;
              return html`<th scope="col" aria-sort=${sorted ? (descending ? 'descending' : 'ascending') : nothing} class=${c.kind === 'money' || c.kind === 'count' ? 'number' : ''}>
                ${isColumn(c)
                  ? html`<button type="button" part="button sort" class="sort" @click=${() => this.#sortBy(c)}>
                      ${columnLabel(c, l)}<span class="arrow" aria-hidden="true">${sorted ? (descending ? ' ↓' : ' ↑') : ''}</span>
                    </button>`
                  : columnLabel(c, l)}
              </th>`;
            })}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr part="row" data-id=${r.id}>
              ${this._columns.map((c, i) => {
                const text = cellText(c, r, l, this.#names, yesNo);
                const label = html`<span class="cell-label" aria-hidden="true">${columnLabel(c, l)}</span>`;
                return html`<td class=${c.kind === 'money' || c.kind === 'count' ? 'number' : ''} lang=${c.kind === 'text' || c.kind === 'region' || c.kind === 'industry' ? nameLang(text, l) : nothing}>
                  ${label}${i === 0
                    ? html`<button type="button" part="button open" class="open" id=${`open-${r.id}`} aria-label=${t(l, 'open', { no: text || r.id })} @click=${() => void this.#openRecord(r)}>
                        ${text || r.id}
                      </button>`
                    : text}
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderPager(): TemplateResult | typeof nothing {
    const pages = this.#pages();
    if (!this._rows?.length || pages <= 1) return nothing;
    const l = this.#locale;
    const page = this._page;
    // the buttons stay focusable at either end (aria-disabled): a disabled button would drop the focus
    return html`<nav class="pager" part="pager" aria-label=${t(l, 'pages')}>
      <button type="button" part="button page" aria-disabled=${page <= 1 ? 'true' : 'false'} @click=${() => this.#go(page - 1)}>${t(l, 'prev')}</button>
      <span>${t(l, 'page', { page, pages })}</span>
      <button type="button" part="button page" aria-disabled=${page >= pages ? 'true' : 'false'} @click=${() => this.#go(page + 1)}>${t(l, 'next')}</button>
    </nav>`;
  }
}

/** The day after a YYYY-MM-DD date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Date(d.getTime() + 86400e3).toISOString().slice(0, 10);
}
