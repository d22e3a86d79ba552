/**
 * The figures on screen as a document to print (core/document, GB/T 9704 layout): a title naming
 * the region, one sentence saying what the table counts (level, industry, period, the day), the
 * table of every figure by region with the 合计 row once at its end, on landscape pages (fourteen
 * figures do not fit a portrait page), then the printing party and the day with room for the seal.
 */
import { chinaToday, documentDate, type OfficialDocument } from '../core/document/index.js';
import type { CellFormat, Table } from '../core/export/table.js';
import { isEnglish, type Locale } from '../core/locale.js';
import type { CoverageFigures } from '../data/store.js';
import { METRICS, metricLabel, tableValue, type MapMetric } from './metrics.js';
import { t } from './text.js';

const FORMAT: Record<MapMetric['kind'], CellFormat> = { rate: 'percent', count: 'integer', money: 'money' };

export interface CoverageDocumentParts {
  /** Who prints it (the regulator's organization); a blank to write on without one. */
  readonly issuer: string;
  /** The industry's name when the figures are of one industry. */
  readonly industry?: string;
  /** The day the figures are of (YYYY-MM-DD); default today in China. */
  readonly date?: string;
}

/** The table of the figures: a row per region, the region's own figures as the 合计 row. */
export function coverageTable(data: CoverageFigures, l: Locale): Table {
  const columns = [{ label: t(l, 'region') }, ...METRICS.map((m) => ({ label: metricLabel(m, l), format: m.permille ? ('decimal' as const) : FORMAT[m.kind], key: m.key }))];
  return {
    title: t(l, 'documentTable', { region: data.region.name, level: t(l, data.childLevel) }),
    columns,
    rows: data.rows.map((f) => [f.name, ...METRICS.map((m) => tableValue(f, m))]),
    rowKeys: data.rows.map((f) => f.code),
    total: [t(l, 'total'), ...METRICS.map((m) => tableValue(data.total, m))],
  };
}

export function coverageDocument(data: CoverageFigures, parts: CoverageDocumentParts, l: Locale): OfficialDocument {
  const day = parts.date || data.at || chinaToday();
  const scope = [
    parts.industry ? t(l, 'documentIndustry', { industry: parts.industry }) : '',
    data.from && data.to ? t(l, 'documentPeriod', { from: documentDate(data.from, l), to: documentDate(data.to, l) }) : '',
  ].filter(Boolean);
  const [comma, stop] = isEnglish(l) ? ['; ', '.'] : ['，', '。'];
  const lead = t(l, 'documentLead', { region: data.region.name, level: t(l, data.childLevel), day: documentDate(day, l) });
  const table = coverageTable(data, l);
  return {
    lang: l,
    title: t(l, 'documentTitle', { region: data.region.name }),
    landscape: true,
    body: [
      {
        kind: 'paragraph',
        content: [`${[lead, ...scope].join(comma)}${stop}`],
      },
      { kind: 'table', table },
    ],
    signature: { issuer: parts.issuer, date: day },
  };
}
