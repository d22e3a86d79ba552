import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../data/context.js';
import { reloadOnPartyChange } from '../data/party-controller.js';
import type { CoverageFigures, CoverageRecord, CoverageRecordPage, Figures, Store } from '../data/store.js';
import { LANG_PROPERTY, isEnglish, type Locale } from '../core/locale.js';
import { LocaleController } from '../core/lang-controller.js';
import { formatCount, formatDate } from '../core/format.js';
import { properName, withNames } from '../core/proper-name.js';
import { coverageMapStyles } from './coverage-map.styles.js';
import { CLASSES, METRICS, breaks, classLabel, classOf, formatValue, formatYuan, listMetric, metricLabel, metricOf, tableValue, valueOf, type MapMetric } from './metrics.js';
import { neighbour, neighbourByPoint, placeTiles, type Direction, type PlacedTile, type TileLayout } from './layout.js';
import { project, type GeoFeatureCollection, type ShapePath } from './geo.js';
import { CSV_TYPE, download, toCsv } from '../core/export/index.js';
import { printDocument, type OfficialDocument } from '../core/document/index.js';
import { coverageDocument } from './document.js';
import { cssomStyle } from './cssom-style.js';
import { t } from './text.js';
import { referenceOf, type IndustryEntry } from '../data/reference.js';
import { termLabel } from '../data/terms.js';
import { CLAIM_STATUS, HAZARD_STATUS, POLICY_STATUS } from '../data/vocab.js';

const SVG_W = 800;
const SVG_H = 560;
const PER_PAGE = 50;
const ARROWS: ReadonlySet<string> = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

interface RecordsView {
  readonly region: Figures;
  readonly metric: MapMetric;
  readonly page: CoverageRecordPage;
  readonly items: readonly CoverageRecord[];
}

/**
 * The coverage map (安责险覆盖情况): a region's figures by its cities or counties — coverage
 * rate, must-insure but not insured, not everyone insured, renewal rate, late uploads,
 * prevention spending as a share of premium, open and overdue major hazards — aggregated on
 * the server within the regulator's own region.
 *
 * The default view is a tile grid (one square per region, positions from `layout`, no borders
 * drawn); with a portal's approved `geojson` it is a choropleth. Arrow keys move between
 * regions (one tab stop), Enter drills down province → city → county → the records behind the
 * figure, Backspace goes back up. The table view shows the same figures for screen readers
 * and exports them to CSV. `print()` (and 打印) prints the figures on screen alone, as a document
 * (GB/T 9704 layout, landscape): the table of every figure by region with its 合计, signed by the
 * printing party and dated, none of the host page.
 *
 * @summary Coverage and compliance figures per region, with drill-down.
 *
 * @event azx-loaded - `CustomEvent<{ figures: CoverageFigures }>`: figures of a region are on screen.
 * @event azx-region-change - Bubbling, composed `CustomEvent<{ region: string }>`: the user drilled to another region.
 * @event azx-records - Bubbling, composed `CustomEvent<{ region: string, metric: string, total: number }>`: the records behind a figure opened.
 * @event azx-print - Bubbling, composed, cancelable `CustomEvent<{ document: Document, html(): string }>`: the figures are about to print alone (`print()`, 打印); cancel it to print another way.
 *
 * @csspart toolbar - Filters, view switch and export. @csspart control - Every select and input.
 * @csspart button - Every button. @csspart path - The breadcrumb.
 * @csspart tiles - The tile grid. @csspart tile - One region's tile. @csspart map - The choropleth SVG.
 * @csspart legend - The legend. @csspart tooltip - The figures of the region under the pointer or focus.
 * @csspart table - The table view. @csspart records - The records behind a figure. @csspart error - A failed load.
 *
 * @cssprop [--azx-map-c0=#eef2f6] - The best of the five classes a region is coloured by.
 * @cssprop [--azx-map-c1=#fde2c4] - The second class.
 * @cssprop [--azx-map-c2=#f6a66b] - The third class.
 * @cssprop [--azx-map-c3=#c2410c] - The fourth class.
 * @cssprop [--azx-map-c4=#7c2d12] - The worst class.
 */
export class AzxCoverageMap extends LitElement {
  static override styles = coverageMapStyles;

  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  accessor store: Store | undefined = undefined;

  /**
   * Language of the words (a BCP 47 tag: zh-CN, en, zh-TW, or any a portal registered). Empty: the
   * nearest `lang` up the tree, then `<html lang>`, then zh-CN.
   */
  @property(LANG_PROPERTY) override accessor lang: string = '';
  readonly #lang = new LocaleController(this);
  /** The region shown (a GB/T 2260 code); empty: the regulator's own scope. Follows drill-down. */
  @property({ reflect: true }) accessor region: string = '';
  /** The figure the map is coloured by (a key of METRICS, e.g. `coverageRate`, `lapsed`). */
  @property({ reflect: true }) accessor metric: string = 'coverageRate';
  /** One industry code, or empty for all. */
  @property({ reflect: true }) accessor industry: string = '';
  /** Period window (YYYY-MM-DD, both or neither): policies in force during it. */
  @property({ reflect: true }) accessor from: string = '';
  @property({ reflect: true }) accessor to: string = '';
  /** "Today" for overdue deadlines (YYYY-MM-DD); default the server's today. */
  @property({ reflect: true }) accessor at: string = '';
  /** A minimum prevention budget to judge every policy by, percent of premium; unset: each policy by its rule packs' floor. */
  @property({ type: Number, attribute: 'min-share' }) accessor minShare: number | undefined = undefined;
  /** `map` (default) or `table`. */
  @property({ reflect: true }) accessor view: 'map' | 'table' = 'map';
  /** Tile positions by region code (rows and columns from 1); unplaced regions follow below. */
  @property({ attribute: false }) accessor layout: TileLayout | undefined = undefined;
  /** The portal's approved boundaries; features name their code in `code` or `adcode`. */
  @property({ attribute: false }) accessor geojson: GeoFeatureCollection | undefined = undefined;

  @state() private accessor _data: CoverageFigures | undefined = undefined;
  @state() private accessor _error = '';
  @state() private accessor _focus = '';
  @state() private accessor _tip: { code: string; x: number; y: number } | undefined = undefined;
  @state() private accessor _records: RecordsView | undefined = undefined;
  /** The industry filter's choices: the store's reference data (administrators add industries). */
  @state() private accessor _industries: readonly IndustryEntry[] = [];

  #query = 0;

  constructor() {
    super();
    // a sign-in on the page loads the figures again
    reloadOnPartyChange(this);
  }
  #focusAfterRender = false;

  get #locale(): Locale {
    return this.#lang.locale;
  }

  /** The figures on screen (undefined until loaded). */
  get figures(): CoverageFigures | undefined {
    return this._data;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // after this update has finished: both change state (no update scheduled from inside one)
    if (changed.has('store') && this.store) {
      const store = this.store;
      void referenceOf(store)
        .industries()
        .then((list) => {
          if (this.store === store) this._industries = list;
        });
    }
    if (['store', 'region', 'industry', 'from', 'to', 'at', 'minShare'].some((k) => changed.has(k as keyof AzxCoverageMap))) {
      queueMicrotask(() => void this.reload());
    }
    if (this.#focusAfterRender) {
      this.#focusAfterRender = false;
      queueMicrotask(() => (this.renderRoot.querySelector('[data-code][tabindex="0"]') as HTMLElement | null)?.focus());
    }
  }

  /** Loads the figures of the current region and filters again. */
  async reload(): Promise<void> {
    const store = this.store;
    if (!store) return;
    const id = ++this.#query;
    try {
      const data = await store.coverageFigures({
        ...(this.region ? { region: this.region } : {}),
        ...(this.industry ? { industry: this.industry } : {}),
        ...(this.from && this.to ? { from: this.from, to: this.to } : {}),
        ...(this.at ? { at: this.at } : {}),
        ...(this.minShare !== undefined ? { minSharePct: this.minShare } : {}),
      });
      if (id !== this.#query) return;
      this._data = data;
      this._error = '';
      if (!data.rows.some((r) => r.code === this._focus)) this._focus = data.rows[0]?.code ?? '';
      this.dispatchEvent(new CustomEvent('azx-loaded', { detail: { figures: data } }));
    } catch (err) {
      if (id !== this.#query) return;
      this._data = undefined;
      const e = err as { message_zh?: string; message_en?: string; message?: string };
      this._error = t(this.#locale, 'errorLoad', { message: (isEnglish(this.#locale) ? e.message_en : e.message_zh) ?? e.message ?? String(err) });
    }
  }

  /** Shows the figures of `code` (a child of the current region, or one on the path). */
  drillTo(code: string): void {
    if (code === this._data?.region.code) return;
    this._records = undefined;
    this._tip = undefined;
    this.region = code;
    this.#focusAfterRender = true;
    this.dispatchEvent(new CustomEvent('azx-region-change', { detail: { region: code }, bubbles: true, composed: true }));
  }

  /** Goes one level up, within the regulator's scope. */
  up(): void {
    const path = this._data?.path ?? [];
    if (path.length > 1) this.drillTo(path[path.length - 2]!.code);
  }

  /** Opens the records behind `metric` (default: the map's) in the region `code`. */
  async openRecords(code: string, metricKey: string = this.metric): Promise<void> {
    const store = this.store;
    const region = this._data?.rows.find((r) => r.code === code) ?? (this._data?.total.code === code ? this._data.total : undefined);
    if (!store || !region) return;
    const metric = metricOf(metricKey);
    // closing the list brings the focus back to what opened it (a tile, a figure of the table)
    let opener: Element | null = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (opener?.closest('.records')) opener = null;
    this.#recordsOpener = opener instanceof HTMLElement || opener instanceof SVGElement ? opener : undefined;
    const page = await this.#page(store, code, metric, 1);
    this._records = { region, metric, page, items: page.items };
    this.dispatchEvent(
      new CustomEvent('azx-records', { detail: { region: code, metric: metric.records, total: page.totalItems }, bubbles: true, composed: true }),
    );
    await this.updateComplete;
    (this.renderRoot.querySelector('#records-title') as HTMLElement | null)?.focus();
  }

  #recordsOpener: HTMLElement | SVGElement | undefined;

  /** Closes the list; the focus returns to the tile or figure it came from, else the map's tab stop. */
  async #closeRecords(): Promise<void> {
    this._records = undefined;
    await this.updateComplete;
    const opener = this.#recordsOpener?.isConnected ? this.#recordsOpener : this.renderRoot.querySelector<HTMLElement>('[part="tile"][tabindex="0"], .shape[tabindex="0"]');
    opener?.focus();
    this.#recordsOpener = undefined;
  }

  #page(store: Store, region: string, metric: MapMetric, page: number): Promise<CoverageRecordPage> {
    return store.coverageRecords({
      region,
      metric: metric.records,
      page,
      perPage: PER_PAGE,
      ...(this.industry ? { industry: this.industry } : {}),
      ...(this.from && this.to ? { from: this.from, to: this.to } : {}),
      ...(this.at ? { at: this.at } : {}),
      ...(this.minShare !== undefined ? { minSharePct: this.minShare } : {}),
    });
  }

  async #more(): Promise<void> {
    const r = this._records;
    if (!r || !this.store) return;
    const page = await this.#page(this.store, r.region.code, r.metric, r.page.page + 1);
    this._records = { ...r, page, items: [...r.items, ...page.items] };
  }

  /** Drill down from a region: to its children, or at a county to the records. */
  #activate(code: string): void {
    const data = this._data;
    if (!data) return;
    if (data.region.level === 'county') void this.openRecords(code);
    else this.drillTo(code);
  }

  #onKey(e: KeyboardEvent, points: readonly PlacedTile[] | readonly ShapePath[], byPoint: boolean): void {
    const code = (e.currentTarget as HTMLElement).dataset['code'] ?? '';
    if (ARROWS.has(e.key)) {
      e.preventDefault();
      const next = byPoint
        ? neighbourByPoint(points as readonly ShapePath[], code, e.key as Direction)
        : neighbour(points as readonly PlacedTile[], code, e.key as Direction);
      this.#moveFocus(next);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const codes = points.map((p) => p.code).sort();
      this.#moveFocus((e.key === 'Home' ? codes[0] : codes[codes.length - 1]) ?? code);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#activate(code);
    } else if (e.key === 'Backspace' || e.key === 'Escape') {
      e.preventDefault();
      if (this._records) this._records = undefined;
      else this.up();
    }
  }

  #moveFocus(code: string): void {
    this._focus = code;
    this.#focusAfterRender = true;
    this.requestUpdate();
  }

  #showTip(code: string, target: Element): void {
    const stage = this.renderRoot.querySelector('.stage');
    if (!stage) return;
    const a = target.getBoundingClientRect();
    const s = stage.getBoundingClientRect();
    this._tip = { code, x: a.left - s.left + a.width / 2, y: a.bottom - s.top + 6 };
  }

  /** The figures on screen as a printable document (undefined until they are loaded). */
  officialDocument(): OfficialDocument | undefined {
    const data = this._data;
    if (!data) return undefined;
    const l = this.#locale;
    return coverageDocument(
      data,
      {
        issuer: this.store?.party?.organizationName || '__________',
        ...(data.industry ? { industry: this.#industryName(data.industry, l) } : {}),
      },
      l,
    );
  }

  /**
   * Prints the figures on screen alone, as a document on A4 (landscape; none of the host page).
   * Resolves true when the print dialog opened, false before the figures load or when a listener
   * of `azx-print` took the print over.
   */
  async print(): Promise<boolean> {
    await this.updateComplete;
    const doc = this.officialDocument();
    return doc ? printDocument(doc, { from: this }) : false;
  }

  #exportCsv(): void {
    const data = this._data;
    if (!data) return;
    const l = this.#locale;
    const rows: (string | number)[][] = [[t(l, 'region'), 'code', ...METRICS.map((m) => metricLabel(m, l))]];
    for (const f of [...data.rows, data.total]) {
      rows.push([f === data.total ? `${t(l, 'total')} ${f.name}` : f.name, f.code, ...METRICS.map((m) => csvValue(tableValue(f, m), m))]);
    }
    download(`coverage-${data.region.code}.csv`, CSV_TYPE, toCsv(rows));
  }

  protected override render(): TemplateResult {
    const l = this.#locale;
    const data = this._data;
    return html`
      ${this.#renderToolbar(l)}
      ${data ? this.#renderPath(data, l) : nothing}
      ${this._error ? html`<p part="error" class="error" role="alert">${this._error}</p>` : nothing}
      ${!data && !this._error ? html`<p aria-live="polite">${t(l, 'loading')}</p>` : nothing}
      ${data ? (this.view === 'table' ? this.#renderTable(data, l) : this.#renderMap(data, l)) : nothing}
      ${this._records ? this.#renderRecords(this._records, l) : nothing}
    `;
  }

  #renderToolbar(l: Locale): TemplateResult {
    return html`<div class="toolbar" part="toolbar">
      <label
        >${t(l, 'metric')}
        <select part="control" name="metric" @change=${(e: Event) => (this.metric = (e.target as HTMLSelectElement).value)}>
          ${METRICS.map((m) => html`<option value=${m.key} ?selected=${m.key === this.metric}>${metricLabel(m, l)}</option>`)}
        </select></label
      >
      <label
        >${t(l, 'industry')}
        <select part="control" name="industry" @change=${(e: Event) => (this.industry = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.industry}>${t(l, 'allIndustries')}</option>
          ${this._industries.map((i) => html`<option value=${i.code} ?selected=${i.code === this.industry}>${this.#industryName(i.code, l)}</option>`)}
        </select></label
      >
      <label>${t(l, 'from')} <input part="control" type="date" name="from" .value=${this.from} @change=${this.#onPeriod} /></label>
      <label>${t(l, 'to')} <input part="control" type="date" name="to" .value=${this.to} @change=${this.#onPeriod} /></label>
      <div role="group" aria-label=${t(l, 'mapView') + ' / ' + t(l, 'tableView')}>
        <button type="button" part="button" aria-pressed=${this.view === 'map'} @click=${() => (this.view = 'map')}>${t(l, 'mapView')}</button>
        <button type="button" part="button" aria-pressed=${this.view === 'table'} @click=${() => (this.view = 'table')}>${t(l, 'tableView')}</button>
      </div>
      <button type="button" part="button" ?disabled=${!this._data} @click=${this.#exportCsv}>${t(l, 'exportCsv')}</button>
      <button type="button" part="button" ?disabled=${!this._data} @click=${() => void this.print()}>${t(l, 'print')}</button>
    </div>`;
  }

  /** A period applies once both dates are set (or both cleared). */
  #onPeriod = (): void => {
    const from = (this.renderRoot.querySelector('input[name="from"]') as HTMLInputElement).value;
    const to = (this.renderRoot.querySelector('input[name="to"]') as HTMLInputElement).value;
    if ((from && to && from <= to) || (!from && !to)) {
      this.from = from;
      this.to = to;
    }
  };

  #renderPath(data: CoverageFigures, l: Locale): TemplateResult {
    return html`<nav class="path" part="path" aria-label=${t(l, 'region')}>
      <ol>
        ${data.path.map((p, i) =>
          i === data.path.length - 1
            ? html`<li aria-current="page">${properName(p.name, l)}</li>`
            : html`<li><button type="button" part="button" @click=${() => this.drillTo(p.code)}>${properName(p.name, l)}</button></li>`,
        )}
      </ol>
    </nav>`;
  }

  #renderMap(data: CoverageFigures, l: Locale): TemplateResult {
    const metric = metricOf(this.metric);
    const values = data.rows.map((r) => valueOf(r, metric));
    const bounds = breaks(metric, values);
    const level = t(l, data.childLevel);
    const label = t(l, 'mapLabel', { region: data.region.name, level, metric: metricLabel(metric, l) });
    const shapes = this.geojson ? project(this.geojson, new Set(data.rows.map((r) => r.code)), SVG_W, SVG_H) : [];
    const focus = data.rows.some((r) => r.code === this._focus) ? this._focus : (data.rows[0]?.code ?? '');
    const tip = this._tip ? data.rows.find((r) => r.code === this._tip!.code) : undefined;
    return html`<div class="stage" @mouseleave=${() => (this._tip = undefined)}>
        <p class="help" id="help">${t(l, 'mapHelp')}</p>
        ${shapes.length
          ? this.#renderShapes(data, shapes, metric, bounds, focus, label, l)
          : this.#renderTiles(data, metric, bounds, focus, label, l)}
        ${tip ? this.#renderTip(tip, l) : nothing}
      </div>
      ${this.#renderLegend(metric, bounds, l)}
      ${data.region.level !== 'county' || !focus
        ? nothing
        : html`<button type="button" part="button" @click=${() => void this.openRecords(focus)}>
            ${t(l, 'openList', { region: data.region.name, metric: metricLabel(metric, l) })}
          </button>`}`;
  }

  #tileLabel(f: Figures, metric: MapMetric, l: Locale): string {
    return t(l, 'tileLabel', { name: f.name, metric: metricLabel(metric, l), value: formatValue(valueOf(f, metric), metric, l) });
  }

  #renderTiles(data: CoverageFigures, metric: MapMetric, bounds: readonly number[], focus: string, label: string, l: Locale): TemplateResult {
    const tiles = placeTiles(
      data.rows.map((r) => r.code),
      this.layout,
    );
    const cols = Math.max(...tiles.map((p) => p.col), 1);
    const byCode = new Map(data.rows.map((r) => [r.code, r]));
    return html`<div
      class="tiles"
      part="tiles"
      role="group"
      aria-label=${label}
      aria-describedby="help"
      style=${cssomStyle({ 'grid-template-columns': `repeat(${cols}, minmax(0, 1fr))` })}
    >
      ${tiles.map((p) => {
        const f = byCode.get(p.code)!;
        const v = valueOf(f, metric);
        const cls = classOf(v, metric, bounds);
        return html`<button
          type="button"
          part="tile"
          class="tile ${cls < 0 ? 'cn' : `c${cls}`}"
          data-code=${p.code}
          tabindex=${p.code === focus ? 0 : -1}
          aria-describedby=${this._tip?.code === p.code ? 'tip' : nothing}
          style=${cssomStyle({ 'grid-row': String(p.row), 'grid-column': String(p.col) })}
          @click=${() => {
            this._focus = p.code;
            this.#activate(p.code);
          }}
          @keydown=${(e: KeyboardEvent) => this.#onKey(e, tiles, false)}
          @focus=${(e: FocusEvent) => {
            this._focus = p.code;
            this.#showTip(p.code, e.currentTarget as Element);
          }}
          @mouseenter=${(e: MouseEvent) => this.#showTip(p.code, e.currentTarget as Element)}
        >
          <!-- what the tile shows is read once: by its label below, not by these as well -->
          <span class="name" aria-hidden="true">${f.name}</span>
          <span class="value" aria-hidden="true">${formatValue(v, metric, l)}</span>
          <span class="visually-hidden">${withNames(l, (vars) => t(l, 'tileLabel', { ...vars, metric: metricLabel(metric, l), value: formatValue(v, metric, l) }), { name: f.name })}</span>
        </button>`;
      })}
    </div>`;
  }

  #renderShapes(
    data: CoverageFigures,
    shapes: readonly ShapePath[],
    metric: MapMetric,
    bounds: readonly number[],
    focus: string,
    label: string,
    l: Locale,
  ): TemplateResult {
    const byCode = new Map(data.rows.map((r) => [r.code, r]));
    const drawn = new Set(shapes.map((s) => s.code));
    const focusable = drawn.has(focus) ? focus : (shapes[0]?.code ?? '');
    return html`<svg part="map" viewBox="0 0 ${SVG_W} ${SVG_H}" role="group" aria-label=${label} aria-describedby="help">
      ${shapes.map((s) => {
        const f = byCode.get(s.code)!;
        const cls = classOf(valueOf(f, metric), metric, bounds);
        return svg`<path
          class="shape ${cls < 0 ? 'cn' : `c${cls}`} ${s.code === focus ? 'focused' : ''}"
          d=${s.d}
          data-code=${s.code}
          role="button"
          tabindex=${s.code === focusable ? 0 : -1}
          aria-label=${this.#tileLabel(f, metric, l)}
          @click=${() => {
            this._focus = s.code;
            this.#activate(s.code);
          }}
          @keydown=${(e: KeyboardEvent) => this.#onKey(e, shapes, true)}
          @focus=${(e: FocusEvent) => {
            this._focus = s.code;
            this.#showTip(s.code, e.currentTarget as Element);
          }}
          @mouseenter=${(e: MouseEvent) => this.#showTip(s.code, e.currentTarget as Element)}
        ></path>`;
      })}
    </svg>`;
  }

  #renderTip(f: Figures, l: Locale): TemplateResult {
    const shown = ['coverageRate', 'uninsured', 'notFullyInsured', 'renewalRate', 'uploadedLate', 'preventionShare', 'majorOpen', 'majorOverdue'];
    return html`<div
      id="tip"
      class="tooltip"
      part="tooltip"
      role="tooltip"
      style=${cssomStyle({ left: `${Math.max(0, this._tip!.x - 96)}px`, top: `${this._tip!.y}px` })}
    >
      <strong>${properName(f.name, l)}</strong>
      <dl>
        ${shown.map((k) => {
          const m = metricOf(k);
          return html`<dt>${metricLabel(m, l)}</dt>
            <dd>${formatValue(valueOf(f, m), m, l)}</dd>`;
        })}
      </dl>
    </div>`;
  }

  #renderLegend(metric: MapMetric, bounds: readonly number[], l: Locale): TemplateResult {
    return html`<ul class="legend" part="legend" aria-label=${`${t(l, 'legend')}：${metricLabel(metric, l)}`}>
      ${Array.from(
        { length: CLASSES },
        (_, i) => html`<li><span class="swatch c${i}" aria-hidden="true"></span>${classLabel(i, metric, bounds, l)}</li>`,
      )}
      <li><span class="swatch cn" aria-hidden="true"></span>${t(l, 'noData')}</li>
    </ul>`;
  }

  #renderTable(data: CoverageFigures, l: Locale): TemplateResult {
    const cell = (f: Figures, m: MapMetric) => {
      const text = formatValue(valueOf(f, m), m, l);
      return html`<td>
        <button
          type="button"
          class="figure"
          aria-label=${`${text} · ${f.name} ${metricLabel(m, l)}, ${t(l, 'recordsOf')}`}
          @click=${() => void this.openRecords(f.code, m.key)}
        >
          ${text}
        </button>
      </td>`;
    };
    return html`<div class="table-wrap">
      <table part="table">
        <caption>
          ${withNames(l, (vars) => t(l, 'mapLabel', { ...vars, level: t(l, data.childLevel), metric: t(l, 'title') }), { region: data.region.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t(l, 'region')}</th>
            ${METRICS.map((m) => html`<th scope="col">${metricLabel(m, l)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${data.rows.map(
            (f) => html`<tr>
              <th scope="row">
                ${data.region.level === 'county'
                  ? properName(f.name, l)
                  : html`<button type="button" class="figure" @click=${() => this.drillTo(f.code)}>${properName(f.name, l)}</button>`}
              </th>
              ${METRICS.map((m) => cell(f, m))}
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${t(l, 'total')}</th>
            ${METRICS.map((m) => cell(data.total, m))}
          </tr>
        </tfoot>
      </table>
    </div>`;
  }

  /** An industry's name from the store's reference data, else the server's, else its code. */
  #industryName(code: string, l: Locale, fromServer?: string): string {
    const name = this.store ? referenceOf(this.store).industryName(code, l) : code;
    return name === code && fromServer ? fromServer : name;
  }

  #renderRecords(r: RecordsView, l: Locale): TemplateResult {
    const kind = r.items[0]?.kind ?? 'enterprise';
    return html`<section class="records" part="records" aria-labelledby="records-title">
      <header>
        <h2 id="records-title" tabindex="-1">${withNames(l, (vars) => t(l, 'records', { ...vars, metric: metricLabel(listMetric(r.metric), l), n: formatCount(r.page.totalItems, l) }), { region: r.region.name })}</h2>
        <button type="button" part="button" @click=${() => void this.#closeRecords()}>${t(l, 'closeRecords')}</button>
      </header>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${t(l, 'enterprise')}</th>
              <th scope="col">${t(l, 'uscc')}</th>
              <th scope="col">${t(l, 'industry')}</th>
              <th scope="col">${t(l, 'headcount')}</th>
              ${kind !== 'enterprise'
                ? html`<th scope="col">${t(l, 'policyNo')}</th>
                    <th scope="col">${t(l, 'insurer')}</th>
                    <th scope="col">${t(l, 'status')}</th>`
                : nothing}
              ${kind === 'hazard' ? html`<th scope="col">${t(l, 'deadline')}</th>` : nothing}
              ${kind === 'claim'
                ? html`<th scope="col">${t(l, 'claimNo')}</th>
                    <th scope="col">${t(l, 'accidentDate')}</th>
                    <th scope="col">${t(l, 'paid')}</th>`
                : nothing}
            </tr>
          </thead>
          <tbody>
            ${r.items.map(
              (x) => html`<tr>
                <td class="text">${properName(x.name, l)}</td>
                <td class="text">${x.uscc}</td>
                <td class="text">${properName(this.#industryName(x.industry, l, x.industryName), l)}</td>
                <td>${formatCount(x.headcount, l)}</td>
                ${kind !== 'enterprise'
                  ? html`<td class="text">${x.policyNo ?? ''}</td>
                      <td class="text">${properName(x.insurerName ?? '', l)}</td>
                      <td class="text">${termLabel(kind === 'hazard' ? HAZARD_STATUS : kind === 'claim' ? CLAIM_STATUS : POLICY_STATUS, x.status ?? '', l)}</td>`
                  : nothing}
                ${kind === 'hazard' ? html`<td class="text">${formatDate((x.deadline ?? '').slice(0, 10), l)}</td>` : nothing}
                ${kind === 'claim'
                  ? html`<td class="text">${x.claimNo ?? ''}</td>
                      <td class="text">${formatDate(x.accidentDate ?? '', l)}</td>
                      <td>${formatYuan(x.paid ?? 0, l)}</td>`
                  : nothing}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${r.items.length < r.page.totalItems
        ? html`<button type="button" part="button" @click=${() => void this.#more()}>${t(l, 'more')}</button>`
        : nothing}
    </section>`;
  }
}

/** A CSV cell: rates as decimals with 4 places (a per-mille rate: its ‰), counts as numbers, nothing for no value. */
function csvValue(v: number | null, m: MapMetric): string | number {
  if (v === null) return '';
  return m.kind === 'rate' ? Math.round(v * 10000) / 10000 : v;
}
