/**
 * The policy record (保单) as a document: its fields by the definition's groups, labelled by their
 * titles, regions by name and money to the fen (core/document/record.ts), under the number; the
 * insurer signs with the day the policy was stored and room for its seal. Nothing of the form's
 * machinery (definition key, version, empty lists) prints.
 */
import type { Store, StoredRecord } from '../data/store.js';
import { referenceOf } from '../data/reference.js';
import type { JsonSchema } from '../core/schema.js';
import type { Locale } from '../core/locale.js';
import { recordDocument, type OfficialDocument } from '../core/document/index.js';
import { text } from './text.js';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The stored policy as a document, with what it needs read from the Store (its version's schema, the insurer's name, region names). */
export async function policyDocument(store: Store, record: StoredRecord, locale: Locale): Promise<OfficialDocument> {
  const insurer = str(record.columns['insurer']);
  const names = referenceOf(store);
  const insured = (record.data['insured'] ?? {}) as Record<string, unknown>;
  const [definition, orgs] = await Promise.all([
    store.getDefinition(record.definition, record.version),
    // the name is a courtesy: without it the signature is a blank to write on
    (insurer ? store.listOrganizations({ ids: [insurer] }) : Promise.resolve([])).catch(() => []),
    names.load([str(insured['region_code'])]).catch(() => undefined),
  ]);
  return recordDocument({
    schema: definition.schema as JsonSchema,
    value: record.data,
    locale,
    compact: true,
    title: text(locale, 'documentTitle'),
    number: text(locale, 'documentNumber', { no: str(record.data['policy_no']) }),
    omit: ['policy_no'],
    issuer: orgs.find((o) => o.id === insurer)?.name ?? '__________',
    date: record.created,
    name: (format, code) => (format === 'cn-region' ? names.regionName(code, locale) : undefined),
  });
}
