/**
 * 隐患整改告知书: the written notice of a hazard (DOMAIN.md: "notified in writing to the
 * enterprise"; Beijing: to its principal), as a document after GB/T 9704: title, number, the
 * enterprise's principal as addressee, what was found where, the facts of the record in a form,
 * what to do by when, the notifying unit's signature with the date and room for its seal, and a
 * receipt to sign. Labels of coded fields come from the hazard's own definition.
 */
import type { StoredRecord } from '../data/store.js';
import type { JsonSchema } from '../core/schema.js';
import type { Locale } from '../core/locale.js';
import { documentDate, fieldText, sentence, type Field, type OfficialDocument } from '../core/document/index.js';
import { noticeText as t } from './notice-text.js';

export interface NoticeParties {
  /** The notifying organization (the hazard's provider, else its insurer). */
  readonly from: string;
  readonly enterprise: string;
  /** The hazard's definition schema (its version's): the words of its coded fields. */
  readonly schema?: JsonSchema;
}

export function noticeNumber(hazardNo: string): string {
  return `${hazardNo || '—'}-TZ`;
}

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The notice of hazard `h`, dated `date` (YYYY-MM-DD: the day it is issued). */
export function noticeDocument(h: StoredRecord, parties: NoticeParties, locale: Locale, date: string): OfficialDocument {
  const d = h.data as Data;
  const major = d['is_major'] === true;
  const schema = parties.schema ?? {};
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const label = (key: string, value: unknown, of: JsonSchema | undefined = props[key]) => (of ? fieldText(of, value, schema, locale) : undefined) ?? str(value);
  const criterion = (d['major_criterion'] ?? {}) as Data;
  const standard = label('standard_id', criterion['standard_id'], (props['major_criterion']?.properties ?? {})['standard_id']);
  const rectifier = (d['rectifier'] ?? {}) as Data;
  const deadline = d['deadline'] ? documentDate(str(d['deadline']), locale) : t(locale, 'unknown');
  const rows: Field[] = [
    { label: t(locale, 'description'), value: str(d['description']) },
    ...(d['category'] ? [{ label: t(locale, 'category'), value: label('category', d['category']) }] : []),
    { label: t(locale, 'grade'), value: t(locale, major ? 'gradeMajor' : 'gradeGeneral') },
    ...(d['basis'] ? [{ label: t(locale, 'basis'), value: str(d['basis']) }] : []),
    ...(major ? [{ label: t(locale, 'criterion'), value: [standard ? `《${standard}》` : '', str(criterion['item']), criterion['title'] ? `：${str(criterion['title'])}` : ''].join('') }] : []),
    { label: t(locale, 'recommendation'), value: str(d['recommendation']) },
    { label: t(locale, 'rectifier'), value: `${str(rectifier['name'])}${rectifier['mobile'] ? `（${str(rectifier['mobile'])}）` : ''}` },
    { label: t(locale, 'deadline'), value: t(locale, 'before', { date: deadline }) },
  ];
  return {
    lang: locale,
    title: t(locale, major ? 'titleMajor' : 'title'),
    compact: true,
    number: t(locale, 'number', { no: noticeNumber(str(d['hazard_no'])) }),
    addressees: t(locale, 'to', { enterprise: parties.enterprise || '__________' }),
    body: [
      {
        kind: 'paragraph',
        content: sentence(t.template(locale, 'intro'), {
          found: d['found_at'] ? documentDate(str(d['found_at']), locale) : t(locale, 'unknown'),
          location: { strong: str(d['location']) },
          kind: major ? { strong: t(locale, 'kindMajor') } : t(locale, 'kindGeneral'),
        }),
      },
      { kind: 'fields', rows },
      { kind: 'paragraph', content: [t(locale, 'request', { deadline }), ...(major ? [t(locale, 'escalate')] : [])] },
    ],
    signature: { issuer: parties.from || '__________', date },
    note: t(locale, 'copies'),
    after: [
      {
        kind: 'sign-lines',
        parties: [
          { label: t(locale, 'notifier'), lines: [t(locale, 'phone')] },
          { label: t(locale, 'receiver'), ...(parties.enterprise ? { name: parties.enterprise } : {}), lines: [t(locale, 'signer'), t(locale, 'signed')] },
        ],
      },
    ],
  };
}
