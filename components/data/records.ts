/**
 * Record types generated from the built-in definitions (schemas/types, `npm run types`),
 * fitted to the Store's shapes so elements can write `RecordOf<'policy'>` instead of
 * `StoredRecord<Record<string, unknown>>`.
 *
 * These describe version 1 of each built-in definition. A record stored under a later
 * version an administrator published may differ; code that reads arbitrary versions keeps
 * the generic `RecordData`.
 */
import type { DefinitionRecords } from '../../schemas/types/index.js';
import type { Correction, NewRecord, RecordChange, StoredRecord } from './store.js';

export type {
  DefinitionRecords,
  EnterpriseRecord,
  HazardRecord,
  PolicyRecord,
  ServiceReportRecord,
} from '../../schemas/types/index.js';

/** The key of a built-in definition: "enterprise", "policy", "service-report", "hazard". */
export type DefinitionKey = keyof DefinitionRecords;

/** A stored record of a built-in definition, e.g. `RecordOf<'policy'>`. */
export type RecordOf<K extends DefinitionKey> = StoredRecord<DefinitionRecords[K]>;

/** What a client sends to create a record of a built-in definition. */
export type NewRecordOf<K extends DefinitionKey> = NewRecord<DefinitionRecords[K]>;

/** A correction of a record of a built-in definition. */
export type CorrectionOf<K extends DefinitionKey> = Correction<DefinitionRecords[K]>;

/** A realtime change of a record of a built-in definition. */
export type RecordChangeOf<K extends DefinitionKey> = RecordChange<DefinitionRecords[K]>;
