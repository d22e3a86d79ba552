import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import '../core/index.js';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { consume } from '@lit/context';
import { storeContext } from '../data/context.js';
import { referenceOf, type RegionEntry } from '../data/reference.js';
import { reloadOnPartyChange } from '../data/party-controller.js';
import {
  isStoreError,
  type ComplianceReport,
  type CoverageMetric,
  type CoverageRecord,
  type CoverageRecordPage,
  type CoverageRecordsQuery,
  type FieldErrors,
  type Figures,
  type FindingsSheetResult,
  type InspectionAssignment,
  type InspectionRound,
  type RoundCategory,
  type RoundSamplePage,
  type SampledPolicy,
  type Store,
} from '../data/store.js';
import type { AzxForm } from '../core/form.js';
import type { ServerErrors } from '../core/server-errors.js';
import { assignedTo, assignmentErrors, assignmentsOf, assignmentsSchema, renderAssignments } from './assignments.js';
import { LANG_PROPERTY, isEnglish, type Locale } from '../core/locale.js';
import { LocaleController } from '../core/lang-controller.js';
import { complianceReportStyles } from './compliance-report.styles.js';
import { LISTS, categoryLabel, money, num, pct, permille, t, type TextKey } from './text.js';
import { term } from '../data/glossary.js';
import { download, toXlsx, XLSX_TYPE, type Sheet } from '../core/export/index.js';
import { chinaToday, printDocument, type OfficialDocument } from '../core/document/index.js';
import { renderRefusedRows, sheetMessage } from './findings-sheet.js';
import { bulletinDocument, bulletinSheets, bulletinTables, defaultParts, problemRows } from './bulletin.js';

/** Rows of each list shown in the bulletin (the records panel pages through the rest). */
const LIST_ROWS = 200;
/** Sampled policies loaded at a time; "load more" pages through the rest (a round holds up to 5,000). */
const SAMPLE_ROWS = 100;

/** Where a figure's records come from: a metric, in a region, maybe one insurer's or industry's. */
interface Link {
  readonly metric: CoverageMetric;
  readonly label: string;
  readonly region?: string;
  readonly insurer?: string;
  readonly industry?: string;
}

/** A round an assigned cross-inspection team works on: its part of the sample, a page at a time. */
interface TeamRound {
  readonly round: InspectionRound;
  readonly page: RoundSamplePage;
  readonly items: readonly SampledPolicy[];
}

/** A sampled policy as the sample table shows it, whichever way it was read. */
interface SampleRow {
  readonly policyId: string;
  readonly policyNo: string;
  readonly name: string;
  readonly insurerName: string;
  readonly regionName?: string;
  readonly findings: number;
}

interface Opened {
  readonly link: Link;
  readonly page: CoverageRecordPage;
  readonly items: readonly CoverageRecord[];
}

/**
 * The compliance report (安责险工作开展情况通报): the bulletin a regulator publishes after an
 * inspection round, like Suzhou's 2024 one — enterprises insured by industry, insurers active,
 * workers covered, policies sampled and with problems, every problem category with its count,
 * the tables by region and by insurer, and the lists (lapsed renewals, not everyone insured,
 * late uploads, must-insure not insured, prevention budget below the rule).
 *
 * Every number is computed on the server from stored records and is a link to those records.
 * A round is a reproducible sample of policies drawn on the server from a seed; findings are
 * recorded against sampled policies and flow into the report. A province's round may carry a
 * cross-inspection table (city A's team inspects city B); the regulator of an assigned team sees
 * the round's sampled policies of the regions it inspects, and records findings on them.
 *
 * `print()` prints the bulletin alone as the official document GB/T 9704 lays out (版头 with the
 * issuing body and 发文字号, 主送, body, signature and 成文日期 with room for the seal, the tables
 * and lists as numbered attachments, the round's cross-inspection table last, 版记), whatever page the element is in; `sheets()` and the
 * export give the same tables as a workbook, in the document's order.
 *
 * @summary The inspection bulletin, with sampling and findings.
 *
 * @event azx-loaded - `CustomEvent<{ report: ComplianceReport }>`: the bulletin is on screen.
 * @event azx-records - Bubbling, composed `CustomEvent<{ metric: string, region: string, total: number }>`: the records behind a number opened.
 * @event azx-round-drawn - Bubbling, composed `CustomEvent<{ round: InspectionRound }>`: a sample was drawn.
 * @event azx-round-published - Bubbling, composed `CustomEvent<{ round: InspectionRound }>`: a draft round was published.
 * @event azx-round-deleted - Bubbling, composed `CustomEvent<{ id: string }>`: a draft round was deleted with its findings.
 * @event azx-assignments-saved - Bubbling, composed `CustomEvent<{ round: InspectionRound }>`: a draft round's cross-inspection table was saved.
 * @event azx-finding - Bubbling, composed `CustomEvent<{ finding: Finding }>`: a finding was recorded.
 * @event azx-findings-imported - Bubbling, composed `CustomEvent<{ result: FindingsSheetResult }>`: the inspectors' findings sheet was imported into a draft round.
 * @event azx-print - Bubbling, composed, cancelable `CustomEvent<{ document: Document, html(): string }>`: the bulletin is about to print alone; cancel it to print another way.
 *
 * @csspart toolbar - Round choice, new round, print and export. @csspart control - Inputs and selects.
 * @csspart button - Every button. @csspart report - The bulletin (what prints).
 * @csspart figure - A number that opens its records. @csspart table - The bulletin's tables.
 * @csspart records - The records behind a number. @csspart sample - The sampled policies and finding forms.
 * @csspart error - A failed load or a refusal.
 * @csspart sheet-refused - The rows of an imported findings sheet that were refused, each with its reason.
 * @csspart assignments - A round's cross-inspection table: a form (`<azx-form>`) while the round is a draft, a table once published.
 * @csspart inspection - A round as an assigned cross-inspection team sees it: its table and the sampled policies of the regions it inspects.
 * @csspart overrides - Enterprises whose must-insure a regulator set against the packs, with the reason.
 * @csspart over-budget - Services booked beyond their policy's prevention budget, with the reason.
 *
 * @cssprop --azx-document-font - Body of the printed bulletin (仿宋); a free CJK serif when unset.
 * @cssprop --azx-document-title-font - Its title and the issuing body's mark (小标宋).
 * @cssprop --azx-document-heading-font - Its first-level headings and table headings (黑体).
 * @cssprop --azx-document-kai-font - Its second-level headings (楷体).
 * @cssprop --azx-document-number-font - Its page numbers (宋体).
 * @cssprop --azx-document-red - The red of the issuing body's mark and rule.
 */
export class AzxComplianceReport extends LitElement {
  static override styles = complianceReportStyles;

  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  accessor store: Store | undefined = undefined;

  /**
   * Language of the words (a BCP 47 tag: zh-CN, en, zh-TW, or any a portal registered). Empty: the
   * nearest `lang` up the tree, then `<html lang>`, then zh-CN.
   */
  @property(LANG_PROPERTY) override accessor lang: string = '';
  readonly #lang = new LocaleController(this);
  /** The region reported on; empty: the round's, else the regulator's scope. */
  @property({ reflect: true }) accessor region: string = '';
  /** The inspection round (id) whose sample and findings the report includes; empty: none. */
  @property({ reflect: true }) accessor round: string = '';
  @property({ reflect: true }) accessor industry: string = '';
  /** Period window (YYYY-MM-DD, both or neither); default: the round's, else policies in force now. */
  @property({ reflect: true }) accessor from: string = '';
  @property({ reflect: true }) accessor to: string = '';
  @property({ reflect: true }) accessor at: string = '';
  /**
   * A minimum prevention budget to judge every policy by, percent of premium; unset (the
   * default): each policy by the floor of the rule packs in force for it.
   */
  @property({ type: Number, attribute: 'min-share' }) accessor minShare: number | undefined = undefined;

  /** 发文机关 of the printed bulletin; default: the signed-in regulator's organization, else the region's bureau. */
  @property() accessor issuer: string = '';
  /** 发文字号 (浙应急〔2026〕12号); default: the year with the serial left blank to fill in. */
  @property({ attribute: 'document-number' }) accessor documentNumber: string = '';
  /** 主送机关, without the colon; default: the bureaus of the regions below and the insurers. */
  @property() accessor addressees: string = '';
  /** 成文日期 (YYYY-MM-DD); default: today in China. */
  @property() accessor issued: string = '';
  /** 抄送 of the 版记; none by default. */
  @property({ attribute: 'copy-to' }) accessor copyTo: string = '';
  /** 印发机关 of the 版记; default: the issuer's office. */
  @property({ attribute: 'printed-by' }) accessor printedBy: string = '';

  /** How the insurers are listed: by name (pinyin) or by size (policies in force, most first); default by the server's order. */
  @property({ attribute: 'insurer-order' }) accessor insurerOrder: '' | 'name' | 'size' = '';

  @state() private accessor _report: ComplianceReport | undefined = undefined;
  @state() private accessor _lists: Readonly<Record<string, CoverageRecordPage>> = {};
  @state() private accessor _rounds: readonly InspectionRound[] = [];
  @state() private accessor _sample: readonly CoverageRecord[] = [];
  /** The sample's last page loaded (its totalItems: every sampled policy). */
  @state() private accessor _samplePage: CoverageRecordPage | undefined = undefined;
  @state() private accessor _error = '';
  @state() private accessor _opened: Opened | undefined = undefined;
  @state() private accessor _drawErrors: FieldErrors = {};
  @state() private accessor _drawing = false;
  @state() private accessor _findingFor = '';
  @state() private accessor _findingErrors: FieldErrors = {};
  @state() private accessor _message = '';
  /** The answer to the last findings sheet imported into the round on screen. */
  @state() private accessor _sheet: FindingsSheetResult | undefined = undefined;
  @state() private accessor _importing = false;
  /** The divisions under each region a round may be drawn in, for the cross-inspection pickers. */
  @state() private accessor _divisions: Readonly<Record<string, readonly RegionEntry[]>> = {};
  /** The server's refusals of the table in the new-round form, and of a draft's table. */
  @state() private accessor _drawTableErrors: ServerErrors | undefined = undefined;
  @state() private accessor _tableErrors: ServerErrors | undefined = undefined;
  /** The round on screen when the signed-in regulator's team was assigned to it (no report). */
  @state() private accessor _team: TeamRound | undefined = undefined;

  #query = 0;
  /** The figure whose records are open: closing them returns the focus there. */
  #opener: HTMLElement | undefined;
  #reloading: Promise<void> = Promise.resolve();
  /** The report whose lists are loaded: the document and the workbook wait for them. */
  #listsOf: ComplianceReport | undefined;

  constructor() {
    super();
    // a sign-in on the page loads the figures again
    reloadOnPartyChange(this);
  }

  get #l(): Locale {
    return this.#lang.locale;
  }

  /** The bulletin on screen (undefined until loaded). */
  get report(): ComplianceReport | undefined {
    return this._report;
  }

  /**
   * The round on screen as the signed-in regulator's cross-inspection team works on it (no
   * bulletin then): the round, and how many sampled policies of its regions there are.
   */
  get inspection(): { readonly round: InspectionRound; readonly sampled: number } | undefined {
    return this._team ? { round: this._team.round, sampled: this._team.page.totalItems } : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // a findings sheet's answer, and the table's refusals, belong to the round they concern
    if (changed.has('round')) {
      this._sheet = undefined;
      this._tableErrors = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (['store', 'region', 'round', 'industry', 'from', 'to', 'at', 'minShare', 'insurerOrder'].some((k) => changed.has(k as keyof AzxComplianceReport))) {
      queueMicrotask(() => void this.reload());
    }
    // the content under the focus went away (a form closed, a sample drawn): the focus goes to
    // where the work goes on, once that is on screen
    const next = this.#focusNext && this.renderRoot.querySelector<HTMLElement>(this.#focusNext);
    if (next) {
      this.#focusNext = undefined;
      next.focus();
    }
  }

  /**
   * Where the focus goes after the next render that shows it: the sample's heading after a draw,
   * the policy's 记录问题 button after a finding is saved or its form cancelled, the first invalid
   * field after a refusal.
   */
  #focusNext: string | undefined;

  #filters(): Pick<CoverageRecordsQuery, 'industry' | 'from' | 'to' | 'at' | 'minSharePct'> {
    const r = this._report;
    return {
      ...(r?.industry ? { industry: r.industry } : {}),
      ...(r?.from && r.to ? { from: r.from, to: r.to } : {}),
      ...(r?.at ? { at: r.at } : {}),
      ...(this.minShare !== undefined ? { minSharePct: this.minShare } : {}),
    };
  }

  /** Builds the bulletin again from the store; resolves when its figures and lists are loaded. */
  reload(): Promise<void> {
    return (this.#reloading = this.#load());
  }

  async #load(): Promise<void> {
    const store = this.store;
    if (!store) return;
    const id = ++this.#query;
    try {
      const report = await store
        .complianceReport({
        ...(this.region ? { region: this.region } : {}),
        ...(this.round ? { round: this.round } : {}),
        ...(this.industry ? { industry: this.industry } : {}),
        ...(this.from && this.to ? { from: this.from, to: this.to } : {}),
        ...(this.at ? { at: this.at } : {}),
        ...(this.minShare !== undefined ? { minSharePct: this.minShare } : {}),
        ...(this.insurerOrder ? { insurers: this.insurerOrder } : {}),
        })
        .catch(async (err: unknown) => {
          // a round this regulator cannot read in full may be one its team was assigned to inspect
          if (this.round && isStoreError(err) && err.code === 'not_found' && (await this.#loadTeam(store, id))) return undefined;
          throw err;
        });
      if (!report || id !== this.#query) return;
      this._report = report;
      this._team = undefined;
      this._error = '';
      const base = { region: report.region.code, ...this.#filters() };
      // the counties of the rows listed beside the figures, named from the store's reference data
      const named = referenceOf(store).load([
        ...[...(report.mustInsureOverrides ?? []), ...(report.overBudget ?? [])].map((x) => x.region),
        ...(report.round?.assignments ?? []).flatMap((a) => [a.inspector, a.inspected]),
      ]);
      void this.#loadDivisions(store, [this.region || report.region.code, ...(report.round ? [report.round.region] : [])]);
      const [, rounds, sample, ...lists] = await Promise.all([
        named,
        store.listInspectionRounds(this.region || undefined).catch(() => [] as readonly InspectionRound[]),
        report.round
          ? store.coverageRecords({ ...base, metric: 'sampled', round: report.round.id, perPage: SAMPLE_ROWS })
          : Promise.resolve(undefined),
        ...LISTS.map((x) => store.coverageRecords({ ...base, metric: x.metric, perPage: LIST_ROWS })),
      ]);
      if (id !== this.#query) return;
      this._rounds = rounds;
      this._samplePage = sample;
      this._sample = sample?.items ?? [];
      this._lists = Object.fromEntries(LISTS.map((x, i) => [x.metric, lists[i]!]));
      this.#listsOf = report;
      this.dispatchEvent(new CustomEvent('azx-loaded', { detail: { report } }));
    } catch (err) {
      if (id !== this.#query) return;
      this._report = undefined;
      this._team = undefined;
      this._error = t(this.#l, 'errorLoad', { message: this.#message(err) });
    }
  }

  /**
   * The round as the signed-in regulator's cross-inspection team sees it, when the round's table
   * assigns its region a team: the sample's policies of the regions it inspects (the server
   * limits them), with the categories a finding may name. False when it is not such a round.
   */
  async #loadTeam(store: Store, id: number): Promise<boolean> {
    const rounds = await store.listInspectionRounds().catch(() => [] as readonly InspectionRound[]);
    const round = rounds.find((r) => r.id === this.round);
    if (!round || !assignedTo(round, store.party?.regionScope)) return false;
    const [page] = await Promise.all([
      store.roundSample(round.id, 1, SAMPLE_ROWS),
      referenceOf(store).load([round.region, ...round.assignments.flatMap((a) => [a.inspector, a.inspected])]),
    ]);
    if (id !== this.#query) return true;
    this._rounds = rounds;
    this._report = undefined;
    this._error = '';
    this._team = { round, page, items: page.items };
    return true;
  }

  /** The divisions under the regions a round is drawn or edited in: the table's pickers offer them. */
  async #loadDivisions(store: Store, codes: readonly string[]): Promise<void> {
    // an empty list is read again next time: the party may have signed in since
    const missing = [...new Set(codes)].filter((c) => c && !this._divisions[c]?.length);
    if (!missing.length) return;
    const lists = await Promise.all(missing.map((c) => referenceOf(store).children(c).catch(() => [] as readonly RegionEntry[])));
    this._divisions = { ...this._divisions, ...Object.fromEntries(missing.map((c, i) => [c, lists[i]!])) };
  }

  /** The sample's next page, appended: the inspectors page through every sampled policy. */
  async #moreSample(): Promise<void> {
    const store = this.store;
    const team = this._team;
    if (store && team) {
      try {
        const page = await store.roundSample(team.round.id, team.page.page + 1, SAMPLE_ROWS);
        if (this._team === team) this._team = { ...team, page, items: [...team.items, ...page.items] };
      } catch (err) {
        this._message = t(this.#l, 'errorLoad', { message: this.#message(err) });
      }
      return;
    }
    const last = this._samplePage;
    const report = this._report;
    if (!store || !last || !report?.round) return;
    const id = this.#query;
    try {
      const page = await store.coverageRecords({
        region: report.region.code,
        ...this.#filters(),
        metric: 'sampled',
        round: report.round.id,
        perPage: SAMPLE_ROWS,
        page: last.page + 1,
      });
      if (id !== this.#query) return;
      this._samplePage = page;
      this._sample = [...this._sample, ...page.items];
    } catch (err) {
      this._message = t(this.#l, 'errorLoad', { message: this.#message(err) });
    }
  }

  #message(err: unknown): string {
    if (isStoreError(err)) return isEnglish(this.#l) ? err.message_en : err.message_zh;
    return err instanceof Error ? err.message : String(err);
  }

  /** Opens the records behind a number. */
  async openRecords(link: Link): Promise<void> {
    const store = this.store;
    const report = this._report;
    if (!store || !report) return;
    const page = await store.coverageRecords(this.#recordsQuery(link, 1));
    this._opened = { link, page, items: page.items };
    this.dispatchEvent(
      new CustomEvent('azx-records', {
        detail: { metric: link.metric, region: link.region ?? report.region.code, total: page.totalItems },
        bubbles: true,
        composed: true,
      }),
    );
    await this.updateComplete;
    const drawer = this.renderRoot.querySelector<HTMLDialogElement>('dialog.records');
    if (drawer && !drawer.open) drawer.showModal();
    (this.renderRoot.querySelector('.records h3') as HTMLElement | null)?.focus();
  }

  /** The records drawer closed (its button, Escape): the figure that opened it has the focus again. */
  #closed(): void {
    this._opened = undefined;
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
  }

  #recordsQuery(link: Link, page: number): CoverageRecordsQuery {
    const r = this._report!;
    return {
      region: link.region ?? r.region.code,
      metric: link.metric,
      page,
      perPage: 50,
      ...this.#filters(),
      ...(link.industry ? { industry: link.industry } : {}),
      ...(link.insurer ? { insurer: link.insurer } : {}),
      ...(r.round ? { round: r.round.id } : {}),
    };
  }

  async #more(): Promise<void> {
    const o = this._opened;
    if (!o || !this.store) return;
    const page = await this.store.coverageRecords(this.#recordsQuery(o.link, o.page.page + 1));
    this._opened = { ...o, page, items: [...o.items, ...page.items] };
  }

  async #draw(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const store = this.store;
    if (!store) return;
    const form = e.target as HTMLFormElement;
    const fd = new FormData(form);
    const l = this.#l;
    const errors: Record<string, { code: string; message: string; message_zh: string; message_en: string }> = {};
    const name = String(fd.get('name') ?? '').trim();
    const seed = Number(fd.get('seed'));
    const size = Number(fd.get('size'));
    // the inspectors' own list (pasted from their sheet): one number a line, or separated by commas or spaces
    const listed = [...new Set(String(fd.get('policies') ?? '').split(/[\s,，;；]+/).filter(Boolean))];
    const bad = (field: string, zh: string, en: string) =>
      (errors[field] = { code: 'invalid', message: isEnglish(l) ? en : zh, message_zh: zh, message_en: en });
    if (!name) bad('name', '请填写检查轮次名称', 'Give the round a name');
    if (listed.length > 5000) bad('policies', '保单号清单最多 5000 个', 'The list holds at most 5000 policy numbers');
    if (!listed.length && (!Number.isInteger(seed) || seed < 0)) bad('seed', '随机种子须为非负整数', 'The seed must be a non-negative whole number');
    if (!listed.length && (!Number.isInteger(size) || size < 1 || size > 5000)) bad('size', '抽查份数须为 1–5000 之间的整数', 'The sample size must be a whole number from 1 to 5000');
    this._drawErrors = errors;
    const table = form.querySelector<AzxForm>('azx-form');
    let assignments: InspectionAssignment[] = [];
    if (table) {
      // the table's own checks (a line half filled) show by their fields; with no other error
      // the form focuses its first, else the first field above takes the focus
      let value: unknown;
      const take = (ev: Event) => {
        ev.preventDefault();
        ev.stopPropagation();
        value = (ev as CustomEvent<{ value: unknown }>).detail.value;
      };
      table.addEventListener('azx-submit', take);
      if (Object.keys(errors).length) table.reportValidity();
      else table.requestSubmit();
      table.removeEventListener('azx-submit', take);
      if (!Object.keys(errors).length && value === undefined) return;
      assignments = assignmentsOf(value);
    }
    if (Object.keys(errors).length) {
      this.#focusNext = 'form.draw [aria-invalid="true"]';
      return;
    }
    if (this._drawing) return;
    this._drawing = true;
    try {
      const r = this._report;
      const round = await store.drawSample({
        name,
        ...(listed.length ? { policies: listed } : { seed, size }),
        ...(assignments.length ? { assignments } : {}),
        ...(this.region || r ? { region: this.region || r!.region.code } : {}),
        ...(this.industry ? { industry: this.industry } : {}),
        ...(this.from && this.to ? { from: this.from, to: this.to } : {}),
      });
      this.dispatchEvent(new CustomEvent('azx-round-drawn', { detail: { round }, bubbles: true, composed: true }));
      form.reset();
      this._drawTableErrors = undefined;
      if (table) table.value = {};
      this.round = round.id;
      this.#focusNext = '#sample-title';
    } catch (err) {
      const fieldErrors = isStoreError(err) ? err.fieldErrors : {};
      const tableErrors = assignmentErrors(fieldErrors);
      const others = Object.fromEntries(Object.entries(fieldErrors).filter(([k]) => !(k === 'assignments' || k.startsWith('assignments.'))));
      this._drawTableErrors = tableErrors;
      if (table) this.#refusedLines.set(table, linesOf(table));
      // the refusal as a whole stays in words beside the button; its fields are marked where they are
      this._drawErrors = Object.keys(others).length ? others : { form: errorOf(err, l) };
      if (Object.keys(others).length) this.#focusNext = 'form.draw [aria-invalid="true"]';
      else if (tableErrors && table) void this.#focusRefused(table);
    } finally {
      this._drawing = false;
    }
  }

  /** The round findings go into: the bulletin's, or the one the team was assigned to. */
  #workRound(): { readonly id: string; readonly categories: readonly RoundCategory[] } | undefined {
    if (this._team) return { id: this._team.round.id, categories: this._team.page.categories };
    const round = this._report?.round;
    return round ? { id: round.id, categories: round.categories } : undefined;
  }

  /** The first field of a table the server refused takes the focus, once it shows the refusal. */
  async #focusRefused(table: AzxForm): Promise<void> {
    await this.updateComplete;
    await table.updateComplete;
    table.shadowRoot?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** How many lines each table had when the server refused it. */
  #refusedLines = new WeakMap<AzxForm, number>();

  /**
   * A line added or removed moves the lines below it: the server's refusals, kept by line
   * number, no longer point at the lines they were about, so they go (the next save is judged
   * again). An edit within the lines keeps them until that field changes, as the form does.
   */
  #tableEdited(e: Event, which: '_drawTableErrors' | '_tableErrors'): void {
    const table = e.currentTarget as AzxForm;
    if (this[which] && this.#refusedLines.get(table) !== linesOf(table)) this[which] = undefined;
  }

  /** A draft round's table saved (its form's submit); refused lines are shown by their pickers. */
  async #saveTable(e: CustomEvent<{ value: unknown }>): Promise<void> {
    e.preventDefault();
    e.stopPropagation();
    const store = this.store;
    const round = this._report?.round;
    const table = e.currentTarget as AzxForm;
    if (!store || !round) return;
    try {
      const saved = await store.setRoundAssignments(round.id, assignmentsOf(e.detail.value));
      this._tableErrors = undefined;
      this._message = t(this.#l, 'assignmentsSaved');
      this.dispatchEvent(new CustomEvent('azx-assignments-saved', { detail: { round: saved }, bubbles: true, composed: true }));
      await this.reload();
    } catch (err) {
      this._tableErrors = isStoreError(err) ? assignmentErrors(err.fieldErrors) : undefined;
      this.#refusedLines.set(table, linesOf(table));
      this._message = errorOf(err, this.#l).message;
      if (this._tableErrors) void this.#focusRefused(table);
    }
  }

  async #recordFinding(e: SubmitEvent, policy: string): Promise<void> {
    e.preventDefault();
    const store = this.store;
    const round = this.#workRound();
    if (!store || !round) return;
    const fd = new FormData(e.target as HTMLFormElement);
    const category = String(fd.get('category') ?? '');
    const l = this.#l;
    if (!round.categories.some((c) => c.category === category)) {
      this._findingErrors = { category: { code: 'required', message: t(l, 'chooseCategory'), message_zh: t('zh-CN', 'chooseCategory'), message_en: t('en', 'chooseCategory') } };
      this.#focusNext = 'form.finding select';
      return;
    }
    try {
      const finding = await store.recordFinding({ round: round.id, policy, category, note: String(fd.get('note') ?? '') });
      this._findingErrors = {};
      this._findingFor = '';
      this._message = t(l, 'saved');
      this.#focusNext = `[part="sample"] button[data-policy="${CSS.escape(policy)}"]`;
      this.dispatchEvent(new CustomEvent('azx-finding', { detail: { finding }, bubbles: true, composed: true }));
      await this.reload();
    } catch (err) {
      this._findingErrors = isStoreError(err) && Object.keys(err.fieldErrors).length ? err.fieldErrors : { form: errorOf(err, l) };
    }
  }

  /** Printing (the button or the browser's own command) shows every list; afterwards they fold again. */
  #openLists = (): void => {
    for (const d of this.renderRoot.querySelectorAll<HTMLDetailsElement>('details.list-body')) {
      if (!d.open) {
        d.open = true;
        d.dataset['printOpened'] = '';
      }
    }
  };

  #foldLists = (): void => {
    for (const d of this.renderRoot.querySelectorAll<HTMLDetailsElement>('details.list-body[data-print-opened]')) {
      d.open = false;
      delete d.dataset['printOpened'];
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.#openLists);
    window.addEventListener('afterprint', this.#foldLists);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.#openLists);
    window.removeEventListener('afterprint', this.#foldLists);
  }

  /** The bulletin as an official document (GB/T 9704), or undefined until its figures and lists are loaded. */
  officialDocument(): OfficialDocument | undefined {
    const r = this._report;
    if (!r || this.#listsOf !== r) return undefined;
    const l = this.#l;
    const party = this.store?.party;
    const parts = defaultParts(
      r,
      l,
      {
        issuer: this.issuer,
        number: this.documentNumber,
        addressees: this.addressees,
        date: this.issued,
        copyTo: this.copyTo,
        printer: this.printedBy,
        ...(party?.role === 'regulator' && party.organizationName ? { organization: party.organizationName } : {}),
      },
      chinaToday(),
    );
    return bulletinDocument(r, bulletinTables(r, this._lists, l, this.#regionName(l)), parts, l);
  }

  /**
   * Prints the bulletin alone, as an official document on A4 (none of the host page prints).
   * Resolves true when the print dialog opened, false before the bulletin loads or when a listener
   * of `azx-print` took the print over.
   */
  async print(): Promise<boolean> {
    // a property set just before: its reload first
    await this.updateComplete;
    await null;
    await this.#reloading;
    const doc = this.officialDocument();
    return doc ? printDocument(doc, { from: this }) : false;
  }

  /** The bulletin's tables as XLSX sheets, in the document's order, with the printed figures (none until its lists are loaded). */
  sheets(): Sheet[] {
    const r = this._report;
    return r && this.#listsOf === r ? bulletinSheets(bulletinTables(r, this._lists, this.#l, this.#regionName(this.#l)), this.#l) : [];
  }

  #exportXlsx(): void {
    const r = this._report;
    if (!r) return;
    download(`compliance-${r.region.code}${r.round ? `-${r.round.id}` : ''}.xlsx`, XLSX_TYPE, toXlsx(this.sheets()));
  }

  /** Problem rows with the records behind each. */
  #problemRows(): { label: string; count: number; policies?: number; records?: string; source: string; link: Link }[] {
    const l = this.#l;
    return problemRows(this._report!, l).map((p) => {
      // a sampled category: what the records show for it, in its own unit, beside the inspectors' count
      const parts = [
        ...(p.records !== undefined && p.records !== null ? [t(l, p.unit === 'enterprise' ? 'nEnterprises' : 'nPolicies', { n: num(p.records, l) })] : []),
        ...(p.flagged ? [t(l, 'nFlagged', { n: num(p.flagged, l) })] : []),
      ];
      const { records: _records, ...row } = p;
      return { ...row, ...(parts.length ? { records: parts.join(t(l, 'listSeparator')) } : {}), link: { metric: p.metric, label: p.label } };
    });
  }

  /** A number that opens the records behind it. */
  #fig(value: string | number, link: Link): TemplateResult {
    const text = typeof value === 'number' ? num(value, this.#l) : value;
    return html`<button type="button" part="figure" class="figure" title=${link.label} aria-haspopup="dialog" @click=${(e: Event) => {
      this.#opener = e.currentTarget as HTMLElement;
      void this.openRecords(link);
    }}>${text}</button>`;
  }

  protected override render(): TemplateResult {
    const l = this.#l;
    const r = this._report;
    return html`
      ${this.#renderToolbar(l)}
      ${this._error ? html`<p part="error" class="error" role="alert">${this._error}</p>` : nothing}
      ${!r && !this._error && !this._team ? html`<p aria-live="polite">${t(l, 'loading')}</p>` : nothing}
      ${r ? this.#renderReport(r, l) : nothing}
      ${r?.round ? this.#renderRoundTable(r.round, l) : nothing}
      ${r?.round ? this.#renderReportSample(r, l) : nothing}
      ${this._team ? this.#renderTeam(this._team, l) : nothing}
      ${this._opened ? this.#renderRecords(this._opened, l) : nothing}
    `;
  }

  #renderToolbar(l: Locale): TemplateResult {
    const err = (f: string) => (this._drawErrors[f] ? html`<span class="error" id="draw-${f}-error">${this._drawErrors[f]!.message}</span>` : nothing);
    return html`<div class="toolbar no-print" part="toolbar">
      <label
        >${t(l, 'round')}
        <select part="control" name="round" @change=${(e: Event) => (this.round = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.round}>${t(l, 'noRound')}</option>
          ${this._rounds.map(
            (x) =>
              html`<option value=${x.id} ?selected=${x.id === this.round}>${x.name}（${x.regionName}${assignedTo(x, this.store?.party?.regionScope) ? ` · ${t(l, 'assignedTag')}` : ''}）</option>`,
          )}
        </select>
      </label>
      ${this.#roundActions(l)}
      <details>
        <summary>${t(l, 'newRound')}</summary>
        <form class="draw" novalidate @submit=${(e: SubmitEvent) => void this.#draw(e)}>
          <label
            >${t(l, 'roundName')}
            <input part="control" name="name" required aria-invalid=${this._drawErrors['name'] ? 'true' : 'false'} aria-describedby="draw-name-error" />
            ${err('name')}</label
          >
          <label
            >${t(l, 'seed')}
            <input part="control" name="seed" type="number" min="0" step="1" required .value=${String(new Date().getFullYear())} aria-invalid=${this._drawErrors['seed'] ? 'true' : 'false'} aria-describedby="draw-seed-error" />
            ${err('seed')}</label
          >
          <label
            >${t(l, 'size')}
            <input part="control" name="size" type="number" min="1" max="5000" step="1" required value="50" aria-invalid=${this._drawErrors['size'] ? 'true' : 'false'} aria-describedby="draw-size-error" />
            ${err('size')}</label
          >
          <label class="wide"
            >${t(l, 'policyList')}
            <textarea part="control" name="policies" rows="3" aria-invalid=${this._drawErrors['policies'] ? 'true' : 'false'} aria-describedby="draw-policies-error"></textarea>
            ${err('policies')}</label
          >
          ${this.#renderDrawTable(l)}
          <button part="button" type="submit" aria-disabled=${this._drawing ? 'true' : 'false'}>${this._drawing ? t(l, 'drawing') : t(l, 'draw')}</button>
          ${err('form')}${err('region')}
        </form>
      </details>
      <button type="button" part="button" ?disabled=${!this._report} @click=${() => void this.print()}>${t(l, 'print')}</button>
      <button type="button" part="button" ?disabled=${!this._report} @click=${this.#exportXlsx}>${t(l, 'exportXlsx')}</button>
    </div>`;
  }

  /** The divisions a round in `region` may assign (none for a county: no table then). */
  #divisionsOf(region: string): readonly RegionEntry[] {
    return this._divisions[region] ?? [];
  }

  /** The new round's cross-inspection table, when the region has divisions to assign. */
  #renderDrawTable(l: Locale): TemplateResult | typeof nothing {
    const region = this.region || this._report?.region.code || '';
    const divisions = this.#divisionsOf(region);
    if (!divisions.length) return nothing;
    return html`<azx-form class="wide draw-table" part="assignments" lang=${l} .schema=${this.#tableSchema(divisions, l)} .serverErrors=${this._drawTableErrors}
      @input=${(e: Event) => this.#tableEdited(e, '_drawTableErrors')}>
      <span slot="actions"></span>
    </azx-form>`;
  }

  #schemas = new WeakMap<readonly RegionEntry[], Map<string, ReturnType<typeof assignmentsSchema>>>();

  /** One schema object per list of divisions and language, so the form keeps what is typed across renders. */
  #tableSchema(divisions: readonly RegionEntry[], l: Locale): ReturnType<typeof assignmentsSchema> {
    let byLang = this.#schemas.get(divisions);
    if (!byLang) this.#schemas.set(divisions, (byLang = new Map()));
    let schema = byLang.get(l);
    if (!schema) byLang.set(l, (schema = assignmentsSchema(divisions, l)));
    return schema;
  }

  /** The draft table's value as last loaded: a reload of the same table keeps what is being typed. */
  #tableValue: { readonly key: string; readonly value: Record<string, unknown> } | undefined;

  /**
   * A round's table: a form while the round is a draft (saved on its own), read-only once it is
   * published; nothing for a round drawn without one that can no longer take one.
   */
  #renderRoundTable(round: InspectionRound, l: Locale): TemplateResult | typeof nothing {
    const divisions = this.#divisionsOf(round.region);
    const name = this.#regionName(l);
    if (round.status !== 'draft' || !divisions.length) {
      if (!round.assignments.length) return nothing;
      return html`<section class="assignments no-print" part="assignments">${renderAssignments(round.assignments, name, l)}</section>`;
    }
    const key = JSON.stringify([round.id, round.assignments]);
    if (this.#tableValue?.key !== key) this.#tableValue = { key, value: { assignments: round.assignments.map((a) => ({ ...a })) } };
    const value = this.#tableValue.value;
    // an object binding is set again on every render: guarded, the form keeps what is typed
    return html`<section class="assignments no-print" aria-label=${t(l, 'assignments')}>
      <azx-form
        part="assignments"
        lang=${l}
        .schema=${this.#tableSchema(divisions, l)}
        .value=${guard([key], () => value)}
        .serverErrors=${this._tableErrors}
        @input=${(e: Event) => this.#tableEdited(e, '_tableErrors')}
        @azx-submit=${(e: CustomEvent<{ value: unknown }>) => void this.#saveTable(e)}
      >
        <div slot="actions"><button type="submit" part="button" class="save-table">${t(l, 'saveAssignments')}</button></div>
      </azx-form>
    </section>`;
  }

  /** The round as the assigned team works on it: its table, then its part of the sample with the finding forms. */
  #renderTeam(team: TeamRound, l: Locale): TemplateResult {
    const name = this.#regionName(l);
    const scope = this.store?.party?.regionScope;
    const mine = team.round.assignments.filter((a) => a.inspector === scope).map((a) => name(a.inspected));
    const rows: SampleRow[] = team.items.map((x) => ({
      policyId: x.id,
      policyNo: x.policyNo,
      name: x.enterpriseName,
      insurerName: x.insurerName,
      regionName: x.regionName || x.region,
      findings: x.findings.length,
    }));
    return html`<section class="inspection" part="inspection" aria-labelledby="inspection-title">
      <h1 id="inspection-title">${t(l, 'teamTitle', { name: team.round.name, region: name(team.round.region) })}</h1>
      <p class="meta">${t(l, 'teamScope', { regions: mine.join(t(l, 'listSeparator')) })}</p>
      ${renderAssignments(team.round.assignments, name, l)}
      ${team.round.status === 'draft' ? this.#importControl(l) : nothing}
    </section>
    ${this.#renderSample(rows, team.page.totalItems, team.page.categories, true, l)}`;
  }

  /** A draft round is published (the bulletin rests on it) or deleted with its findings; a published one stays. */
  #roundActions(l: Locale): TemplateResult | typeof nothing {
    const round = this._report?.round;
    if (!round || round.id !== this.round) return nothing;
    if (round.status === 'published') return html`<span class="round-status">${t(l, 'published')}</span>`;
    return html`<button type="button" part="button" class="publish" @click=${() => void this.#roundLife('publish')}>${t(l, 'publish')}</button>
      <button type="button" part="button" class="delete-round" @click=${() => void this.#roundLife('delete')}>${t(l, 'deleteDraft')}</button>
      ${this.#importControl(l)}`;
  }

  /** The inspectors' findings sheet into a draft round (its own team's, or an assigned team's part). */
  #importControl(l: Locale): TemplateResult {
    return html`<label class="import-findings"
        >${t(l, this._importing ? 'importingFindings' : 'importFindings')}
        <input
          part="control"
          type="file"
          name="findings-sheet"
          accept=".xlsx,.csv,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          ?disabled=${this._importing}
          @change=${(e: Event) => void this.#importFindings(e.target as HTMLInputElement)}
      /></label>`;
  }

  /** The inspectors' findings sheet into the draft round on screen; the refused rows are listed under the sample. */
  async #importFindings(input: HTMLInputElement): Promise<void> {
    const store = this.store;
    const id = this.round;
    const file = input.files?.[0];
    if (!store || !id || !file) return;
    this._importing = true;
    try {
      const result = await store.importFindings(id, file);
      this._sheet = result;
      this._message = sheetMessage(result, this.#l);
      this.dispatchEvent(new CustomEvent('azx-findings-imported', { detail: { result }, bubbles: true, composed: true }));
      await this.reload();
    } catch (err) {
      this._sheet = undefined;
      this._message = t(this.#l, 'errorLoad', { message: this.#message(err) });
    } finally {
      this._importing = false;
      input.value = ''; // the same file, corrected, can be chosen again
    }
  }

  async #roundLife(action: 'publish' | 'delete'): Promise<void> {
    const store = this.store;
    const id = this.round;
    if (!store || !id) return;
    try {
      if (action === 'publish') {
        const round = await store.publishRound(id);
        this.dispatchEvent(new CustomEvent('azx-round-published', { detail: { round }, bubbles: true, composed: true }));
        await this.reload();
      } else {
        await store.deleteRound(id);
        this.dispatchEvent(new CustomEvent('azx-round-deleted', { detail: { id }, bubbles: true, composed: true }));
        this.round = '';
      }
    } catch (err) {
      this._message = t(this.#l, 'errorLoad', { message: this.#message(err) });
    }
  }

  #renderReport(r: ComplianceReport, l: Locale): TemplateResult {
    const T = r.total;
    const region = r.region.name;
    const inds = r.byIndustry.filter((f) => f.insured > 0);
    return html`<article class="sheet" part="report" aria-labelledby="report-title">
      <h1 id="report-title">${t(l, 'title', { region })}</h1>
      <p class="meta">
        ${r.from ? t(l, 'period', { from: r.from, to: r.to }) : t(l, 'asOf', { at: r.at })}
        ${r.round
          ? html`<br />${r.round.source === 'list'
                ? t(l, 'roundListMeta', { name: r.round.name, size: r.round.sampleSize, unmatched: r.round.unmatched.length })
                : t(l, 'roundMeta', { name: r.round.name, seed: r.round.seed, size: r.round.sampleSize, population: r.round.population })}`
          : nothing}
      </p>
      <h2>${t(l, 's1')}</h2>
      <p class="summary">
        ${t(l, 'summaryA', { region })}${this.#fig(T.insured, { metric: 'insured', label: t(l, 'insured') })}${t(l, 'summaryB')}${inds.map(
          (f, i) => html`${i ? '、' : ''}${f.name}${this.#fig(f.insured, { metric: 'insured', industry: f.code, label: `${f.name} ${t(l, 'insured')}` })}`,
        )}${t(l, 'summaryC')}${this.#fig(r.insurersActive, { metric: 'active', label: t(l, 'activePolicies') })}${t(l, 'summaryD')}${this.#fig(T.workers, {
          metric: 'active',
          label: t(l, 'workers'),
        })}${t(l, 'summaryE')}
        ${r.round
          ? (r.round.findings ?? []).length === 0
            ? html`${t(l, 'summarySample')}${this.#fig(r.round.sampled, { metric: 'sampled', label: t(l, 'sampled') })}${t(l, 'summarySampleNone')}`
            : html`${t(l, 'summarySample')}${this.#fig(r.round.sampled, { metric: 'sampled', label: t(l, 'sampled') })}${t(l, 'summarySampleB')}${this.#fig(
                r.round.withProblems,
                { metric: 'with_problems', label: t(l, 'withProblems') },
              )}${t(l, 'summarySampleC')}`
          : nothing}
        ${t(l, 'summaryF')}${this.#fig(T.uploadedLate, { metric: 'uploaded_late', label: t(l, 'uploadedLate') })}${t(l, 'summaryG')}${this.#fig(T.uninsured, {
          metric: 'uninsured',
          label: t(l, 'uninsured'),
        })}${t(l, 'summaryH')}${this.#fig(T.notFullyInsured, { metric: 'not_fully_insured', label: t(l, 'notFullyInsured') })}${t(l, 'summaryI')}${this.#fig(
          T.lapsed,
          { metric: 'lapsed', label: t(l, 'lapsed') },
        )}${t(l, 'summaryJ')}
      </p>
      <h2>${t(l, 's2')}</h2>
      ${this.#renderProblems(l)}
      <h2>${t(l, 's3')}</h2>
      ${this.#renderFigures(r.rows, 'region', l, (f) => ({ region: f.code }), r.total)}
      ${T.insured !== T.insuredMustInsure
        ? html`<p class="note" part="note">${t(l, 'insuredNote', { all: num(T.insured, l), must: num(T.insuredMustInsure, l) })}</p>`
        : nothing}
      <h2>${t(l, 's4')}</h2>
      ${this.#renderFigures(r.byInsurer, 'insurer', l, (f) => ({ insurer: f.code }))}
      <h2>${t(l, 's5')}</h2>
      ${this.#renderIndustries(r, l)}
      <h2>${t(l, 's6')}</h2>
      ${LISTS.map((x) => this.#renderList(x.metric, t(l, x.key), l))}
      ${this.#renderOverrides(r, l)} ${this.#renderOverBudget(r, l)}
    </article>`;
  }

  // Figures that rest on a recorded judgement, listed with its reason so a reader can weigh them.
  #renderOverrides(r: ComplianceReport, l: Locale): TemplateResult {
    const rows = r.mustInsureOverrides ?? [];
    const region = this.#regionName(l);
    const industry = (code: string) => r.byIndustry.find((f) => f.code === code)?.name || code;
    return html`<section class="judgement overrides" part="overrides" aria-label=${t(l, 'overridesTitle', { n: rows.length })}>
      <h3>${t(l, 'overridesTitle', { n: rows.length })}</h3>
      ${rows.length === 0
        ? html`<p>${t(l, 'none')}</p>`
        : html`<div class="table-wrap"><table part="table">
            <thead>
              <tr>
                <th scope="col">${t(l, 'enterprise')}</th>
                <th scope="col">${t(l, 'uscc')}</th>
                <th scope="col">${t(l, 'region')}</th>
                <th scope="col">${t(l, 'industry')}</th>
                <th scope="col">${t(l, 'overrideSet')}</th>
                <th scope="col">${t(l, 'reason')}</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (x) => html`<tr>
                  <th scope="row" class="text">${x.name}</th>
                  <td class="text">${x.uscc}</td>
                  <td class="text">${region(x.region)}</td>
                  <td class="text">${industry(x.industry)}</td>
                  <td class="text">${t(l, x.mustInsure ? 'overrideMust' : 'overrideNotMust')}</td>
                  <td class="text">${x.reason}</td>
                </tr>`,
              )}
            </tbody>
          </table></div>`}
    </section>`;
  }

  /** A county's name from the store's reference data (read when the report loaded), else its code. */
  #regionName(l: Locale): (code: string) => string {
    const names = this.store ? referenceOf(this.store) : undefined;
    return (code) => (names ? names.regionName(code, l) : code);
  }

  #renderOverBudget(r: ComplianceReport, l: Locale): TemplateResult {
    const rows = r.overBudget ?? [];
    const insurer = (id: string) => r.byInsurer.find((f) => f.code === id)?.name || id;
    const region = this.#regionName(l);
    return html`<section class="judgement over-budget" part="over-budget" aria-label=${t(l, 'overBudgetTitle', { n: rows.length })}>
      <h3>${t(l, 'overBudgetTitle', { n: rows.length })}</h3>
      ${rows.length === 0
        ? html`<p>${t(l, 'none')}</p>`
        : html`<div class="table-wrap"><table part="table">
            <thead>
              <tr>
                <th scope="col">${t(l, 'reportNo')}</th>
                <th scope="col">${t(l, 'insurer')}</th>
                <th scope="col">${t(l, 'region')}</th>
                <th scope="col">${t(l, 'cost')}</th>
                <th scope="col">${t(l, 'overBudgetReason')}</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (x) => html`<tr>
                  <th scope="row" class="text">${x.reportNo || x.report}</th>
                  <td class="text">${insurer(x.insurer)}</td>
                  <td class="text">${region(x.region)}</td>
                  <td>${money(x.cost, l)}</td>
                  <td class="text">${x.reason}</td>
                </tr>`,
              )}
            </tbody>
          </table></div>`}
    </section>`;
  }

  #renderProblems(l: Locale): TemplateResult {
    return html`<div class="table-wrap"><table part="table">
      <thead>
        <tr>
          <th scope="col">${t(l, 'category')}</th>
          <th scope="col">${t(l, 'findings')}</th>
          <th scope="col">${t(l, 'policies')}</th>
          <th scope="col">${t(l, 'inRecords')}</th>
          <th scope="col">${t(l, 'source')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.#problemRows().map(
          (p) => html`<tr>
            <th scope="row">${p.label}</th>
            <td>${this.#fig(p.count, p.link)}</td>
            <td>${p.policies ?? ''}</td>
            <td class="text">${p.records ?? ''}</td>
            <td class="text">${p.source}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  #renderFigures(rows: readonly Figures[], first: TextKey, l: Locale, scope: (f: Figures) => Partial<Link>, total?: Figures): TemplateResult {
    const byInsurer = first === 'insurer';
    const sampled = Boolean(this._report?.round);
    const row = (f: Figures, link: Partial<Link>, head: string) => html`<tr>
      <th scope="row">${head}</th>
      ${byInsurer
        ? nothing
        : html`<td>${this.#fig(f.mustInsure, { ...link, metric: 'must_insure', label: `${head} ${t(l, 'mustInsure')}` })}</td>
            <td>${this.#fig(f.insuredMustInsure, { ...link, metric: 'insured_must_insure', label: `${head} ${t(l, 'insuredMustInsure')}` })}</td>
            <td>${this.#fig(pct(f.coverageRate, l), { ...link, metric: 'uninsured', label: `${head} ${t(l, 'uninsured')}` })}</td>
            <td>${this.#fig(f.uninsured, { ...link, metric: 'uninsured', label: `${head} ${t(l, 'uninsured')}` })}</td>
            <td>${this.#fig(f.notFullyInsured, { ...link, metric: 'not_fully_insured', label: `${head} ${t(l, 'notFullyInsured')}` })}</td>`}
      <td>${this.#fig(f.activePolicies, { ...link, metric: 'active', label: `${head} ${t(l, 'activePolicies')}` })}</td>
      <td>${this.#fig(f.workers, { ...link, metric: 'active', label: `${head} ${t(l, 'workers')}` })}</td>
      <td>${money(f.premium, l)}</td>
      <td>${this.#fig(f.lapsed, { ...link, metric: 'lapsed', label: `${head} ${t(l, 'lapsed')}` })}</td>
      <td>${this.#fig(f.uploadedLate, { ...link, metric: 'uploaded_late', label: `${head} ${t(l, 'uploadedLate')}` })}</td>
      <td>${this.#fig(f.lowPreventionBudget, { ...link, metric: 'low_prevention_budget', label: `${head} ${t(l, 'lowPreventionBudget')}` })}</td>
      <td>${pct(f.preventionShare, l)}</td>
      <td>${this.#fig(f.behindPlan, { ...link, metric: 'behind_plan', label: `${head} ${t(l, 'behindPlan')}` })}</td>
      <td>${this.#fig(f.noAssistance, { ...link, metric: 'no_assistance', label: `${head} ${t(l, 'noAssistance')}` })}</td>
      <td>${this.#fig(money(f.claimsPaid, l), { ...link, metric: 'claims_paid', label: `${head} ${t(l, 'claimsPaid')}` })}</td>
      <td>${pct(f.lossRatio, l)}</td>
      <td>${permille(f.pureLossRate, l)}</td>
      ${sampled
        ? html`<td>${this.#fig(f.sampled, { ...link, metric: 'sampled', label: `${head} ${t(l, 'sampled')}` })}</td>
            <td>${this.#fig(f.withProblems, { ...link, metric: 'with_problems', label: `${head} ${t(l, 'withProblems')}` })}</td>`
        : nothing}
    </tr>`;
    return html`<div class="table-wrap">
      <table part="table">
        <thead>
          <tr>
            <th scope="col">${t(l, first)}</th>
            ${byInsurer
              ? nothing
              : html`<th scope="col">${t(l, 'mustInsure')}</th>
                  <th scope="col">${t(l, 'insuredMustInsure')}</th>
                  <th scope="col">${t(l, 'coverageRate')}</th>
                  <th scope="col">${t(l, 'uninsured')}</th>
                  <th scope="col">${t(l, 'notFullyInsured')}</th>`}
            <th scope="col">${t(l, 'activePolicies')}</th>
            <th scope="col">${t(l, 'workers')}</th>
            <th scope="col">${t(l, 'premium')}</th>
            <th scope="col">${t(l, 'lapsed')}</th>
            <th scope="col">${t(l, 'uploadedLate')}</th>
            <th scope="col">${t(l, 'lowPreventionBudget')}</th>
            <th scope="col">${t(l, 'preventionShare')}</th>
            <th scope="col">${t(l, 'behindPlan')}</th>
            <th scope="col">${t(l, 'noAssistance')}</th>
            <th scope="col">${t(l, 'claimsPaid')}</th>
            <th scope="col">${t(l, 'lossRatio')}</th>
            <th scope="col">${t(l, 'pureLossRate')}</th>
            ${sampled
              ? html`<th scope="col">${t(l, 'sampled')}</th>
                  <th scope="col">${t(l, 'withProblems')}</th>`
              : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map((f) => row(f, scope(f), f.name || f.code))}
        </tbody>
        ${total
          ? html`<tfoot>
              ${row(total, {}, t(l, 'total'))}
            </tfoot>`
          : nothing}
      </table>
    </div>`;
  }

  #renderIndustries(r: ComplianceReport, l: Locale): TemplateResult {
    return html`<div class="table-wrap"><table part="table">
      <thead>
        <tr>
          <th scope="col">${t(l, 'industry')}</th>
          <th scope="col">${t(l, 'enterprises')}</th>
          <th scope="col">${t(l, 'mustInsure')}</th>
          <th scope="col">${t(l, 'insured')}</th>
          <th scope="col">${t(l, 'coverageRate')}</th>
        </tr>
      </thead>
      <tbody>
        ${r.byIndustry.map(
          (f) => html`<tr>
            <th scope="row">${f.name}</th>
            <td>${this.#fig(f.enterprises, { metric: 'enterprises', industry: f.code, label: `${f.name} ${t(l, 'enterprises')}` })}</td>
            <td>${this.#fig(f.mustInsure, { metric: 'must_insure', industry: f.code, label: `${f.name} ${t(l, 'mustInsure')}` })}</td>
            <td>${this.#fig(f.insured, { metric: 'insured', industry: f.code, label: `${f.name} ${t(l, 'insured')}` })}</td>
            <td>${pct(f.coverageRate, l)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  #renderList(metric: CoverageMetric, name: string, l: Locale): TemplateResult {
    const page = this._lists[metric];
    const n = page?.totalItems ?? 0;
    // collapsed on screen (a list may run to hundreds of rows); printing opens every list
    return html`<section class="list" aria-label=${name}>
      <h3>${t(l, 'list', { name, n })}</h3>
      ${!page || n === 0
        ? html`<p>${t(l, 'none')}</p>`
        : html`<details class="list-body">
            <summary>${t(l, 'showList', { n: page.items.length })}</summary>
            ${this.#recordTable(page.items, l)}
            ${page.items.length < n ? html`<p class="meta">${t(l, 'listMore', { shown: page.items.length })}</p>` : nothing}
          </details>`}
    </section>`;
  }

  #recordTable(items: readonly CoverageRecord[], l: Locale): TemplateResult {
    const policies = items.some((x) => x.kind !== 'enterprise');
    return html`<div class="table-wrap">
      <table part="table" class="records-table">
        <thead>
          <tr>
            <th scope="col">${t(l, 'enterprise')}</th>
            <th scope="col">${t(l, 'uscc')}</th>
            <th scope="col">${term('headcount', l)}</th>
            ${policies
              ? html`<th scope="col">${t(l, 'policyNo')}</th>
                  <th scope="col">${t(l, 'insurer')}</th>
                  <th scope="col">${term('insured_persons', l)}</th>
                  <th scope="col">${t(l, 'periodCol')}</th>`
              : nothing}
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (x) => html`<tr>
              <td class="text">${x.name}</td>
              <td class="text">${x.uscc}</td>
              <td>${x.headcount}</td>
              ${policies
                ? html`<td class="text">${x.policyNo ?? ''}</td>
                    <td class="text">${x.insurerName ?? ''}</td>
                    <td>${x.insuredPersons ?? ''}</td>
                    <td class="text">${day(x.periodStart)}–${day(x.periodEnd)}</td>`
                : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderReportSample(r: ComplianceReport, l: Locale): TemplateResult {
    const findings = r.round?.findings ?? [];
    const count = (policy: string) => findings.filter((f) => f.policy === policy).length;
    const rows: SampleRow[] = this._sample.map((x) => ({
      policyId: x.policyId ?? '',
      policyNo: x.policyNo ?? '',
      name: x.name,
      insurerName: x.insurerName ?? '',
      findings: count(x.policyId ?? ''),
    }));
    return this.#renderSample(rows, this._samplePage?.totalItems ?? this._sample.length, r.round?.categories ?? [], false, l);
  }

  /** Sampled policies with a finding form each; `byRegion` adds the region (a team inspects several). */
  #renderSample(rows: readonly SampleRow[], total: number, categories: readonly RoundCategory[], byRegion: boolean, l: Locale): TemplateResult {
    const err = (f: string) => (this._findingErrors[f] ? html`<span class="error" id="finding-${f}-error">${this._findingErrors[f]!.message}</span>` : nothing);
    return html`<section class="sample no-print" part="sample" aria-labelledby="sample-title">
      <h2 id="sample-title" tabindex="-1">${t(l, 'sample', { n: total })}</h2>
      <p class="message" part="message" role="status">${this._message}</p>
      ${this._sheet ? renderRefusedRows(this._sheet, l, isEnglish(l)) : nothing}
      <div class="table-wrap"><table part="table">
        <thead>
          <tr>
            <th scope="col">${t(l, 'policyNo')}</th>
            <th scope="col">${t(l, 'enterprise')}</th>
            ${byRegion ? html`<th scope="col">${t(l, 'region')}</th>` : nothing}
            <th scope="col">${t(l, 'insurer')}</th>
            <th scope="col">${t(l, 'findings')}</th>
            <th scope="col"><span class="visually-hidden">${t(l, 'recordFinding')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (x) => html`<tr>
                <td class="text">${x.policyNo}</td>
                <td class="text">${x.name}</td>
                ${byRegion ? html`<td class="text">${x.regionName ?? ''}</td>` : nothing}
                <td class="text">${x.insurerName}</td>
                <td>${x.findings ? t(l, 'nFindings', { n: x.findings }) : ''}</td>
                <td>
                  <button
                    type="button"
                    part="button"
                    data-policy=${x.policyId}
                    aria-expanded=${this._findingFor === x.policyId}
                    @click=${() => {
                      this._findingFor = this._findingFor === x.policyId ? '' : x.policyId;
                      this._findingErrors = {};
                      this._message = '';
                    }}
                  >
                    ${t(l, 'recordFinding')}
                  </button>
                </td>
              </tr>
              ${this._findingFor === x.policyId
                ? html`<tr>
                    <td colspan=${byRegion ? 6 : 5}>
                      <form class="finding" novalidate aria-label=${t(l, 'findingFor', { no: x.policyNo })} @submit=${(e: SubmitEvent) => void this.#recordFinding(e, x.policyId)}>
                        <label
                          >${t(l, 'category')}
                          <select part="control" name="category" required aria-invalid=${this._findingErrors['category'] ? 'true' : 'false'} aria-describedby="finding-category-error">
                            <option value="">${t(l, 'choose')}</option>
                            ${categories.map((c) => html`<option value=${c.category}>${categoryLabel(c, l)}</option>`)}
                          </select>
                          ${err('category')}
                        </label>
                        <label>${t(l, 'note')} <textarea part="control" name="note" maxlength="2000" rows="2"></textarea>${err('note')}</label>
                        <button part="button" type="submit">${t(l, 'save')}</button>
                        <button part="button" type="button" @click=${() => {
                          this._findingFor = '';
                          this.#focusNext = `[part="sample"] button[data-policy="${CSS.escape(x.policyId)}"]`;
                        }}>${t(l, 'cancel')}</button>
                        ${err('form')}${err('policy')}
                      </form>
                    </td>
                  </tr>`
                : nothing}`,
          )}
        </tbody>
      </table></div>
      ${rows.length < total
        ? html`<button type="button" part="button" class="more-sample" @click=${() => void this.#moreSample()}>${t(l, 'moreSample', { shown: rows.length, n: total })}</button>`
        : nothing}
    </section>`;
  }

  /**
   * The records behind a figure in a drawer at the side (a modal dialog): the report stays where
   * it was, Escape or 关闭 closes it and the focus is back on the figure.
   */
  #renderRecords(o: Opened, l: Locale): TemplateResult {
    return html`<dialog class="records no-print" part="records" aria-labelledby="records-title" @close=${() => this.#closed()}>
      <header>
        <h3 id="records-title" tabindex="-1">${t(l, 'recordsTitle', { label: o.link.label, n: o.page.totalItems })}</h3>
        <button type="button" part="button" @click=${(e: Event) => (e.currentTarget as HTMLElement).closest('dialog')?.close()}>${t(l, 'close')}</button>
      </header>
      ${this.#recordTable(o.items, l)}
      ${o.items.length < o.page.totalItems ? html`<button type="button" part="button" @click=${() => void this.#more()}>${t(l, 'more')}</button>` : nothing}
    </dialog>`;
  }
}

/** The lines a table's form holds, filled or not. */
function linesOf(table: AzxForm): number {
  const lines = (table.value as { assignments?: unknown }).assignments;
  return Array.isArray(lines) ? lines.length : 0;
}

/** A stored UTC time as its Beijing calendar date (policy periods start at midnight in Beijing). */
function day(s: string | undefined): string {
  const ms = Date.parse((s ?? '').replace(' ', 'T'));
  return Number.isNaN(ms) ? '' : new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

function errorOf(err: unknown, l: Locale): { code: string; message: string; message_zh: string; message_en: string } {
  const zh = isStoreError(err) ? err.message_zh : String(err);
  const en = isStoreError(err) ? err.message_en : String(err);
  return { code: 'refused', message: `${t(l, 'refused')} ${isEnglish(l) ? en : zh}`, message_zh: zh, message_en: en };
}
