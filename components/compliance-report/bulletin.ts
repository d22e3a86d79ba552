/**
 * The bulletin (检查通报) as the document a regulator issues and as the workbook it exports, both
 * from one set of tables: the problems found, then by region, by insurer and by industry, then
 * the five lists. The body's figures are taken from the same rows as the tables and carry the
 * same keys, so the text and its tables agree (the browser test holds them equal); the lists are
 * numbered attachments after the body, wide tables on landscape pages.
 */
import type { Locale } from '../core/locale.js';
import type { CellValue, Sheet, Table, TableColumn } from '../core/export/index.js';
import { tableSheet } from '../core/export/index.js';
import { cellText, documentDate, documentNumber, sentence, tableWidthMm, type Attachment, type Block, type Inline, type OfficialDocument } from '../core/document/index.js';
import type { ComplianceReport, CoverageMetric, CoverageRecord, CoverageRecordPage, Figures } from '../data/store.js';
import { termLabel } from '../data/terms.js';
import { POLICY_STATUS, type Glossary } from '../data/vocab.js';
import { term } from '../data/glossary.js';
import { LISTS, categoryLabel, t, type TextKey } from './text.js';

/** The parts of the document the issuing office decides (each has a default). */
export interface BulletinParts {
  /** 发文机关. */
  readonly issuer: string;
  /** 发文字号. */
  readonly number: string;
  /** 主送机关. */
  readonly addressees: string;
  /** 成文日期, YYYY-MM-DD. */
  readonly date: string;
  /** 抄送. */
  readonly copyTo?: string;
  /** 印发机关. */
  readonly printer: string;
}

export interface ProblemRow {
  readonly label: string;
  readonly count: number;
  readonly policies?: number;
  readonly source: string;
  readonly metric: CoverageMetric;
  /** The figure of the region table that the count is (records' problems only). */
  readonly figure?: keyof Figures;
  /**
   * A sampled category: what the records show for it beside the inspectors' count (null: the
   * category names no figure), in its unit, and the policies imports flagged with its rules.
   */
  readonly records?: number | null;
  readonly unit?: 'enterprise' | 'policy';
  readonly flagged?: number;
}

/** Problem rows: the round's categories (sample), then what the records show everywhere. */
export function problemRows(r: ComplianceReport, l: Locale): ProblemRow[] {
  const rows: ProblemRow[] = [];
  const beside = new Map((r.categories ?? []).map((c) => [c.category, c]));
  for (const c of r.round?.categories ?? []) {
    const b = beside.get(c.category);
    rows.push({
      label: categoryLabel(c, l),
      count: c.count,
      policies: c.policies,
      source: t(l, 'sourceSample'),
      metric: `finding:${c.category}`,
      ...(b ? { records: b.records, unit: b.unit, flagged: b.flagged } : {}),
    });
  }
  const auto: [TextKey, CoverageMetric, keyof Figures][] = [
    ['uninsured', 'uninsured', 'uninsured'],
    ['notFullyInsured', 'not_fully_insured', 'notFullyInsured'],
    ['lapsed', 'lapsed', 'lapsed'],
    ['uploadedLate', 'uploaded_late', 'uploadedLate'],
    ['noPreventionClause', 'no_prevention_clause', 'noPreventionClause'],
    ['coverHeadcountMismatch', 'cover_headcount_mismatch', 'coverHeadcountMismatch'],
    ['coverBelowMinimum', 'cover_below_minimum', 'coverBelowMinimum'],
    ['lowPreventionBudget', 'low_prevention_budget', 'lowPreventionBudget'],
    ['behindPlan', 'behind_plan', 'behindPlan'],
    ['noAssistance', 'no_assistance', 'noAssistance'],
  ];
  for (const [key, metric, figure] of auto) {
    const label = t(l, key);
    rows.push({ label, count: r.total[figure] as number, source: t(l, 'sourceRecords'), metric, figure });
  }
  return rows;
}

/** The region table's columns: a figure's field, its words and format. */
const REGION_COLUMNS: readonly [keyof Figures, TextKey, TableColumn['format']][] = [
  ['mustInsure', 'mustInsure', 'integer'],
  ['insuredMustInsure', 'insuredMustInsure', 'integer'],
  ['uninsured', 'uninsured', 'integer'],
  ['coverageRate', 'coverageRate', 'percent'],
  ['notFullyInsured', 'notFullyInsured', 'integer'],
  ['activePolicies', 'activePolicies', 'integer'],
  ['workers', 'workers', 'integer'],
  ['premium', 'premium', 'money'],
  ['lapsed', 'lapsed', 'integer'],
  ['uploadedLate', 'uploadedLate', 'integer'],
  ['lowPreventionBudget', 'lowPreventionBudget', 'integer'],
  ['preventionShare', 'preventionShare', 'percent'],
];
const INSURER_COLUMNS: readonly [keyof Figures, TextKey, TableColumn['format']][] = [
  ['activePolicies', 'activePolicies', 'integer'],
  ['insuredByPolicies', 'insuredByPolicies', 'integer'],
  ['workers', 'workers', 'integer'],
  ['premium', 'premium', 'money'],
  ['preventionBudget', 'budget', 'money'],
  ['preventionSpent', 'preventionSpent', 'money'],
  ['preventionShare', 'preventionShare', 'percent'],
  ['lapsed', 'lapsed', 'integer'],
  ['uploadedLate', 'uploadedLate', 'integer'],
  ['lowPreventionBudget', 'lowPreventionBudget', 'integer'],
];
const INDUSTRY_COLUMNS: readonly [keyof Figures, TextKey, TableColumn['format']][] = [
  ['enterprises', 'enterprises', 'integer'],
  ['mustInsure', 'mustInsure', 'integer'],
  ['insuredMustInsure', 'insuredMustInsure', 'integer'],
  ['coverageRate', 'coverageRate', 'percent'],
  ['insured', 'insured', 'integer'],
];
const SAMPLE_COLUMNS: readonly [keyof Figures, TextKey, TableColumn['format']][] = [
  ['sampled', 'sampled', 'integer'],
  ['withProblems', 'withProblems', 'integer'],
];

const value = (f: Figures, k: keyof Figures): CellValue => (f[k] as number | null | string) ?? null;
const sum = (rows: readonly Figures[], k: keyof Figures): number => rows.reduce((n, f) => n + ((f[k] as number | null) ?? 0), 0);

function figuresTable(
  title: string,
  first: TextKey,
  rows: readonly Figures[],
  rowKey: (f: Figures) => string,
  columns: readonly [keyof Figures, TextKey, TableColumn['format']][],
  total: { key: string; of: (k: keyof Figures) => CellValue } | undefined,
  l: Locale,
): Table {
  return {
    title,
    columns: [{ label: t(l, first), key: 'name' }, ...columns.map(([k, label, format]) => ({ label: t(l, label), format, key: k }))],
    rows: rows.map((f) => [f.name || f.code, ...columns.map(([k]) => value(f, k))]),
    rowKeys: rows.map(rowKey),
    ...(total ? { total: [t(l, 'total'), ...columns.map(([k]) => total.of(k))], totalKey: total.key } : {}),
  };
}

/** One list of records, every fact in its own column (the workbook's); the print shows some. */
export interface BulletinList {
  readonly metric: CoverageMetric;
  readonly name: string;
  /** Enterprises (家) or policies (份). */
  readonly kind: 'enterprise' | 'policy';
  /** Every row the server has (the table holds those loaded). */
  readonly totalItems: number;
  /** The figure of the region table it lists. */
  readonly figure: keyof Figures;
  readonly table: Table;
  /** Columns (keys) the printed attachment shows. */
  readonly printed: readonly string[];
}

const LIST_FIGURES: Readonly<Record<string, keyof Figures>> = {
  lapsed: 'lapsed',
  not_fully_insured: 'notFullyInsured',
  uploaded_late: 'uploadedLate',
  uninsured: 'uninsured',
  low_prevention_budget: 'lowPreventionBudget',
};

const PRINTED: Readonly<Record<string, readonly string[]>> = {
  lapsed: ['seq', 'name', 'uscc', 'policyNo', 'insurer', 'periodEnd'],
  not_fully_insured: ['seq', 'name', 'uscc', 'region', 'headcount', 'insuredPersons'],
  uploaded_late: ['seq', 'name', 'policyNo', 'insurer', 'periodStart', 'uploadedOn'],
  uninsured: ['seq', 'name', 'uscc', 'region', 'industry', 'headcount'],
  low_prevention_budget: ['seq', 'name', 'policyNo', 'insurer', 'premium', 'budget'],
};

function listTable(title: string, items: readonly CoverageRecord[], policies: boolean, l: Locale): Table {
  // a domain word comes from the glossary (one name everywhere), the rest from the report's words
  const columns: { key: string; label: TextKey | { term: Glossary }; format?: TableColumn['format']; of: (x: CoverageRecord, i: number) => CellValue }[] = [
    { key: 'seq', label: 'seq', format: 'integer', of: (_, i) => i + 1 },
    { key: 'name', label: 'enterpriseName', of: (x) => x.name },
    { key: 'uscc', label: 'uscc', of: (x) => x.uscc },
    { key: 'region', label: 'region', of: (x) => x.regionName || x.regionCode },
    { key: 'regionCode', label: 'regionCode', of: (x) => x.regionCode },
    { key: 'industry', label: 'industry', of: (x) => x.industryName || x.industry },
    { key: 'headcount', label: { term: 'headcount' }, format: 'integer', of: (x) => x.headcount },
  ];
  if (policies || items.some((x) => x.policyNo)) {
    columns.push(
      { key: 'policyNo', label: 'policyNo', of: (x) => x.policyNo ?? '' },
      { key: 'insurer', label: 'insurer', of: (x) => x.insurerName ?? '' },
      { key: 'status', label: 'status', of: (x) => (x.status ? termLabel(POLICY_STATUS, x.status, l) : '') },
      { key: 'periodStart', label: 'periodStart', format: 'date', of: (x) => x.periodStart ?? null },
      { key: 'periodEnd', label: 'periodEnd', format: 'date', of: (x) => x.periodEnd ?? null },
      { key: 'insuredPersons', label: { term: 'insured_persons' }, format: 'integer', of: (x) => x.insuredPersons ?? null },
      { key: 'premium', label: 'premium', format: 'money', of: (x) => x.premium ?? null },
      { key: 'budget', label: 'budget', format: 'money', of: (x) => x.preventionBudget ?? null },
      { key: 'uploadedOn', label: 'uploadedOn', format: 'date', of: (x) => x.uploadedAt || null },
    );
  }
  return {
    title,
    columns: columns.map((c) => ({ label: typeof c.label === 'string' ? t(l, c.label) : term(c.label.term, l), format: c.format ?? 'text', key: c.key })),
    rows: items.map((x, i) => columns.map((c) => c.of(x, i))),
  };
}

/** The columns of `table` named by `keys`, in that order. */
function pick(table: Table, keys: readonly string[]): Table {
  const at = keys.map((k) => table.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0);
  return { ...table, columns: at.map((i) => table.columns[i]!), rows: table.rows.map((r) => at.map((i) => r[i] ?? null)) };
}

export interface BulletinTables {
  readonly problems: Table;
  readonly regions: Table;
  readonly insurers: Table;
  readonly industries: Table;
  readonly lists: readonly BulletinList[];
  /** The round's cross-inspection table (Zhejiang publishes it as an annex), when it has one: the last attachment. */
  readonly assignments?: Table;
}

/** Every table of the bulletin, from the report and the lists the element loaded. */
export function bulletinTables(
  r: ComplianceReport,
  lists: Readonly<Record<string, CoverageRecordPage | undefined>>,
  l: Locale,
  regionName: (code: string) => string = (code) => code,
): BulletinTables {
  const lines = r.round?.assignments ?? [];
  const sampled = Boolean(r.round);
  const regionColumns = sampled ? [...REGION_COLUMNS, ...SAMPLE_COLUMNS] : REGION_COLUMNS;
  const insurerColumns = sampled ? [...INSURER_COLUMNS, ...SAMPLE_COLUMNS] : INSURER_COLUMNS;
  const problems = problemRows(r, l);
  return {
    problems: {
      title: t(l, 'sheetProblems'),
      // the records' figure of a sampled category stands beside the inspectors' count, in its unit
      columns: [
        { label: t(l, 'category') },
        { label: t(l, 'findings'), format: 'integer' },
        { label: t(l, 'policies'), format: 'integer' },
        { label: t(l, 'inRecords'), format: 'integer' },
        { label: t(l, 'recordsUnit') },
        { label: t(l, 'flaggedOnImport'), format: 'integer' },
        { label: t(l, 'source') },
      ],
      rows: problems.map((p) => [
        p.label,
        p.count,
        p.policies ?? null,
        p.records ?? null,
        p.records === undefined || p.records === null ? null : t(l, p.unit === 'enterprise' ? 'unitEnterprise' : 'unitPolicy'),
        p.flagged ?? null,
        p.source,
      ]),
      figures: problems.map((p) => [undefined, p.figure ? `total.${p.figure}` : `${p.metric}.count`, p.policies === undefined ? undefined : `${p.metric}.policies`]),
    },
    regions: figuresTable(t(l, 'docA1'), 'region', r.rows, (f) => f.code, regionColumns, { key: 'total', of: (k) => value(r.total, k) }, l),
    // an insurer's figures are its policies': they add up to the insurers' total
    insurers: figuresTable(t(l, 'docA2'), 'insurer', r.byInsurer, (f) => `insurer.${f.code}`, insurerColumns, {
      key: 'insurers',
      of: (k) => (k === 'preventionShare' ? (sum(r.byInsurer, 'premium') ? sum(r.byInsurer, 'preventionSpent') / sum(r.byInsurer, 'premium') : null) : sum(r.byInsurer, k)),
    }, l),
    industries: figuresTable(t(l, 'docA3'), 'industry', r.byIndustry, (f) => `industry.${f.code}`, INDUSTRY_COLUMNS, { key: 'total', of: (k) => value(r.total, k) }, l),
    lists: LISTS.map((x) => {
      const page = lists[x.metric];
      const items = page?.items ?? [];
      const policies = items.some((i) => i.kind !== 'enterprise');
      const name = t(l, x.key);
      return {
        metric: x.metric,
        name,
        kind: policies ? 'policy' : 'enterprise',
        totalItems: page?.totalItems ?? 0,
        figure: LIST_FIGURES[x.metric]!,
        table: listTable(t(l, 'docList', { name }), items, policies, l),
        printed: PRINTED[x.metric] ?? [],
      } satisfies BulletinList;
    }),
    ...(lines.length
      ? {
          assignments: {
            title: t(l, 'assignments'),
            columns: [{ label: t(l, 'seq'), format: 'integer' }, { label: t(l, 'assignInspector') }, { label: t(l, 'assignInspected') }],
            rows: lines.map((a, i) => [i + 1, regionName(a.inspector), regionName(a.inspected)]),
          } satisfies Table,
        }
      : {}),
  };
}

/** The workbook: the tables in the document's order, the lists with every fact. */
export function bulletinSheets(tables: BulletinTables, l: Locale): Sheet[] {
  const attachments = [tables.regions, tables.insurers, tables.industries, ...tables.lists.map((x) => x.table), ...(tables.assignments ? [tables.assignments] : [])];
  return [tableSheet(tables.problems), ...attachments.map((table, i) => tableSheet(table, t(l, 'sheetAttachment', { n: i + 1, title: table.title })))];
}

/** The issuing office's parts as the report suggests them: its region's bureau, today. */
export function defaultParts(r: ComplianceReport, l: Locale, set: Partial<BulletinParts> & { readonly organization?: string }, today: string): BulletinParts {
  const region = r.region.name;
  const issuer = set.issuer || set.organization || t(l, r.region.level === 'province' ? 'docIssuerProvince' : 'docIssuerOther', { region });
  const addressees = set.addressees || t(l, r.childLevel === 'city' ? 'docToProvince' : r.childLevel === 'county' ? 'docToCity' : 'docToCounty');
  const date = set.date || today;
  return {
    issuer,
    number: set.number || documentNumber('', date.slice(0, 4)),
    addressees,
    date,
    ...(set.copyTo ? { copyTo: set.copyTo } : {}),
    printer: set.printer || t(l, 'docPrinter', { issuer }),
  };
}

/** The bulletin as an official document (GB/T 9704). */
export function bulletinDocument(r: ComplianceReport, tables: BulletinTables, parts: BulletinParts, l: Locale): OfficialDocument {
  const T = r.total;
  const fig = (key: string, v: CellValue, format: TableColumn['format'] = 'integer'): Inline => ({ figure: key, text: cellText(v, format, l) });
  const total = (k: keyof Figures, format: TableColumn['format'] = 'integer') => fig(`total.${k}`, value(T, k), format);
  const industries = r.byIndustry.filter((f) => f.insured > 0);
  const industryRuns: Inline[] = [];
  industries.forEach((f, i) => {
    if (i) industryRuns.push('、');
    industryRuns.push(...sentence(t.template(l, 'docIndustry'), { name: f.name || f.code, n: fig(`industry.${f.code}.insured`, f.insured) }));
  });
  const insurersActive = r.byInsurer.filter((f) => f.activePolicies > 0).length;
  const scope = r.from ? t(l, 'docPeriod', { from: documentDate(r.from, l), to: documentDate(r.to, l) }) : t(l, 'docAsOf', { at: documentDate(r.at, l) });
  const firstList = 4;
  const body: Block[] = [
    { kind: 'heading', level: 1, text: t(l, 's1') },
    {
      kind: 'paragraph',
      content: [
        ...sentence(t.template(l, 'docOverview'), {
          scope,
          region: r.region.name,
          mustInsure: total('mustInsure'),
          insuredMustInsure: total('insuredMustInsure'),
          coverageRate: total('coverageRate', 'percent'),
          uninsured: total('uninsured'),
        }),
        ...sentence(t.template(l, 'docInsured'), {
          insured: total('insured'),
          industries: industries.length ? sentence(t.template(l, 'docIndustries'), { list: industryRuns }) : [],
          insurers: fig('insurers.active', r.insurersActive),
          activePolicies: total('activePolicies'),
          workers: total('workers'),
          premium: total('premium', 'money'),
        }),
        ...(r.round ? sentence(t.template(l, 'docSample'), { sampled: total('sampled'), withProblems: total('withProblems') }) : []),
      ],
    },
    {
      kind: 'paragraph',
      content: [
        ...sentence(t.template(l, 'docOthers'), {
          uploadedLate: total('uploadedLate'),
          notFullyInsured: total('notFullyInsured'),
          lapsed: total('lapsed'),
          lowPreventionBudget: total('lowPreventionBudget'),
          first: String(firstList),
          last: String(firstList + tables.lists.length - 1),
        }),
        t(l, 'docTables'),
      ],
    },
    { kind: 'heading', level: 1, text: t(l, 's2') },
    { kind: 'paragraph', content: [tables.problems.rows.some((row) => Number(row[1]) > 0) ? t(l, 'docProblems') : t(l, 'docNoProblems')] },
    { kind: 'table', table: tables.problems },
    { kind: 'heading', level: 1, text: t(l, 's3Require') },
    { kind: 'paragraph', content: [t(l, 'docRequire')] },
  ];
  // landscape when even small type would not fit a portrait page
  const wide = (table: Table) => tableWidthMm(table, l, 9) > 156;
  const attachments: Attachment[] = [
    { title: tables.regions.title, blocks: [{ kind: 'table', table: tables.regions }], landscape: wide(tables.regions) },
    {
      title: tables.insurers.title,
      blocks: [
        { kind: 'paragraph', content: sentence(t.template(l, 'docInsurers'), { n: fig('insurers.active', insurersActive) }), indent: false },
        { kind: 'table', table: tables.insurers },
      ],
      landscape: wide(tables.insurers),
    },
    { title: tables.industries.title, blocks: [{ kind: 'table', table: tables.industries }], landscape: wide(tables.industries) },
    ...tables.lists.map((x): Attachment => {
      const shown = x.table.rows.length;
      const printed: Table = {
        ...pick(x.table, x.printed.filter((k) => x.table.columns.some((c) => c.key === k))),
        ...(shown < x.totalItems ? { note: t(l, 'docListShown', { shown }) } : {}),
      };
      return {
        title: x.table.title,
        blocks: [
          { kind: 'paragraph', content: sentence(t.template(l, x.kind === 'policy' ? 'docListPolicies' : 'docListEnterprises'), { n: fig(`total.${x.figure}`, x.totalItems) }), indent: false },
          ...(shown ? [{ kind: 'table' as const, table: printed }] : []),
        ],
        landscape: shown > 0 && wide(printed),
      };
    }),
    ...(tables.assignments ? [{ title: tables.assignments.title, blocks: [{ kind: 'table' as const, table: tables.assignments }] }] : []),
  ];
  return {
    lang: l,
    title: t(l, 'title', { region: r.region.name }),
    head: { issuer: parts.issuer, number: parts.number },
    addressees: parts.addressees,
    body,
    attachments,
    signature: { issuer: parts.issuer, date: parts.date },
    record: { ...(parts.copyTo ? { copyTo: parts.copyTo } : {}), printer: parts.printer, printed: parts.date },
  };
}
