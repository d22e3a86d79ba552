/**
 * The Store contract: everything an AZX element reads or writes goes through it.
 *
 * Elements receive a `Store` from context (`storeContext`) and never import a backend SDK.
 * `PocketBaseStore` is the default implementation, `MemoryStore` serves stories, tests and
 * offline demos, and a portal with its own backend implements this same interface.
 *
 * The shapes follow the data-model contract in backend/README.md: every business row carries
 * the definition key and version it was validated against, a revision, the record itself in
 * `data`, and indexed columns the server derives (region, industry, premium, ...).
 */

export type { FieldError, FieldErrors, StoreErrorCode } from './errors.js';
export { StoreError, isStoreError } from './errors.js';
// Roles, organization kinds, definition statuses and region levels are vocabularies
// (schemas/vocabularies → vocab.ts), exported from the package beside this contract.
import type { DefinitionStatus, OrganizationKind, RegionLevel, Role, ServiceReportStatus } from './vocab.js';
import type { IndustryEntry, RegionEntry, RegionQuery } from './reference.js';

/** How wide a regulator sees: the GB/T 2260 level its `regionScope` code names. */
export type ScopeLevel = RegionLevel;

/** The signed-in party: who the user is and on whose behalf they act. */
export interface Party {
  /** The `users` record id. */
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** The `organizations` record id the user acts for; empty when the user has none. */
  readonly organizationId: string;
  /** The organization's display name, when the store could read it. */
  readonly organizationName?: string;
  /** Regulators only: the level of `regionScope`. */
  readonly scopeLevel?: ScopeLevel;
  /** Regulators only: a GB/T 2260 region code (6 digits). */
  readonly regionScope?: string;
}

/** A party's organization (`organizations`), readable by every signed-in user. */
export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  /** Unified social credit code; empty for authorities without one. */
  readonly uscc: string;
  /** GB/T 2260 code of the organization's seat. */
  readonly regionCode: string;
}

export interface OrganizationQuery {
  readonly kind?: OrganizationKind;
  /** Only these ids (e.g. the insurers of a page of policies). */
  readonly ids?: readonly string[];
}

/** A JSON Schema (draft 2020-12) with AZX `x-` annotations; typed loosely on purpose. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** One version of one form definition (`form_definitions`). */
export interface FormDefinition {
  readonly id: string;
  /** The stable key records name in `definition`, e.g. "policy". */
  readonly key: string;
  readonly version: number;
  readonly status: DefinitionStatus;
  readonly title: string;
  /** The industry this variant serves; empty for the generic form. */
  readonly industry: string;
  /** The key this definition extends, if any. */
  readonly base: string;
  readonly schema: JsonSchema;
  /** The server's hash of the canonical schema. */
  readonly hash: string;
  /** ISO 8601; empty for drafts. */
  readonly publishedAt: string;
}

export interface DefinitionQuery {
  /** Only versions of this key. */
  readonly key?: string;
  /** Only these statuses. Non-admins only ever see published and retired versions. */
  readonly status?: readonly DefinitionStatus[];
}

/** What an administrator edits: a draft version of a form definition. */
export interface DefinitionDraft {
  readonly key: string;
  /** The caller picks it, usually the highest existing version + 1. */
  readonly version: number;
  readonly title: string;
  readonly industry?: string;
  readonly base?: string;
  readonly schema: JsonSchema;
}

/** The collections whose rows are records of a form definition. */
export type BusinessCollection = 'enterprises' | 'policies' | 'service_reports' | 'hazards' | 'claims';

/** The generic shape of a record's `data` until generated types narrow it. */
export type RecordData = Record<string, unknown>;

/** A stored business row. */
export interface StoredRecord<TData = RecordData> {
  readonly id: string;
  readonly collection: BusinessCollection;
  /** The definition key the record was validated against. */
  readonly definition: string;
  /** The definition version the record was validated against. */
  readonly version: number;
  /** 1 on create, +1 on every correction. */
  readonly revision: number;
  readonly data: TData;
  /**
   * Every other column of the row: relations (`enterprise`, `insurer`, ...), server-derived
   * columns (`region_code`, `premium`, ...), statuses, and file fields (lists of file names).
   * Loosely typed until types are generated from schemas/.
   */
  readonly columns: Readonly<Record<string, unknown>>;
  /** ISO 8601 timestamps kept by the store. */
  readonly created: string;
  readonly updated: string;
}

/** One revision of a record: its creation or a correction. */
export interface RecordRevision {
  /** 1 for the creation; each correction adds one. */
  readonly revision: number;
  readonly action: 'create' | 'correct';
  /** ISO 8601. */
  readonly at: string;
  /** Why the record was corrected; empty for the creation. */
  readonly reason: string;
  /** Who wrote it, by role and organization; `system` when code or an administrator did. */
  readonly actor: {
    readonly role: Role | '';
    readonly organization: string;
    readonly organizationName: string;
    readonly system: boolean;
  };
}

/** Files to attach, by file field name (e.g. `evidence`, `photos`). */
export type FileFields = Readonly<Record<string, readonly (File | Blob)[]>>;

/** What a client sends to create a record. */
export interface NewRecord<TData = RecordData> {
  readonly definition: string;
  readonly version: number;
  readonly data: TData;
  /**
   * Columns the client decides: relations (`enterprise`, `insurer`, `policy`) and statuses.
   * Derived columns sent here are overwritten by the server.
   */
  readonly columns?: Readonly<Record<string, unknown>>;
  readonly files?: FileFields;
}

export interface CreateOptions {
  /**
   * Makes a retry safe: the same key never stores twice; a retry of a stored create resolves
   * with the stored record. Use `newIdempotencyKey()` once per submit and reuse it on retry.
   */
  readonly idempotencyKey?: string;
}

/** A correction of a stored record; the server keeps the previous state with the reason. */
export interface Correction<TData = RecordData> {
  /** The whole corrected record (replaces `data`); omit to change only columns or files. */
  readonly data?: TData;
  readonly columns?: Readonly<Record<string, unknown>>;
  /** Files appended to their file fields. */
  readonly files?: FileFields;
  /** Why the record changes; required and non-blank. */
  readonly reason: string;
}

export type FilterOp = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | 'in';
export type FilterScalar = string | number | boolean | null;

/** One condition. `field` is a column name or `data.<path>` (dots into the record). */
export interface Condition {
  readonly field: string;
  readonly op: FilterOp;
  /** An array only with `in`. `~` is a case-insensitive "contains". */
  readonly value: FilterScalar | readonly FilterScalar[];
}

export interface ListQuery {
  /** All conditions must hold. */
  readonly where?: readonly Condition[];
  /** Fields to sort by, a leading "-" for descending, e.g. ["-period_start", "policy_no"]. */
  readonly sort?: readonly string[];
  /** 1-based; default 1. */
  readonly page?: number;
  /** Default 30, at most 500. */
  readonly perPage?: number;
  /**
   * Do not count the matching rows: `totalItems` and `totalPages` come back as -1. Counting
   * under the access rules is the slow part of a list over a large collection; a list shows
   * its first rows without it and counts separately (a second list with perPage 1).
   */
  readonly skipTotal?: boolean;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly perPage: number;
  readonly totalItems: number;
  readonly totalPages: number;
}

export type ChangeAction = 'create' | 'update' | 'delete';

export interface RecordChange<TData = RecordData> {
  readonly action: ChangeAction;
  readonly record: StoredRecord<TData>;
}

export interface SubscribeOptions {
  /** Only changes of this record. */
  readonly id?: string;
}

/** Stops a subscription; safe to call twice. */
export type Unsubscribe = () => Promise<void>;

export interface FileUrlOptions {
  /** A thumbnail size such as "100x100", for images. */
  readonly thumb?: string;
}

/**
 * Append-only workflow histories: rows without a definition, never updated or deleted
 * (`hazard_events` moves a hazard's status, `claim_events` a claim's; the server checks who may
 * make which move, and a claim event's payments against the policy's limits).
 */
export type EventCollection = 'hazard_events' | 'claim_events';

/** The record each event collection moves, and the event's column naming it. */
export const EVENT_SUBJECT: Readonly<Record<EventCollection, { readonly collection: BusinessCollection; readonly field: string }>> = {
  hazard_events: { collection: 'hazards', field: 'hazard' },
  claim_events: { collection: 'claims', field: 'claim' },
};

/** One stored event: its columns as the server keeps them (`hazard`, `action`, `from_status`, ...). */
export interface StoredEvent {
  readonly id: string;
  readonly collection: EventCollection;
  readonly fields: Readonly<Record<string, unknown>>;
  /** ISO 8601. */
  readonly created: string;
}

export interface NewEvent {
  /** The event's columns, e.g. `{ hazard, action: 'rectify', to_status: 'rectified', note }`. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly files?: FileFields;
}

// ── <azx-service-report> ─────────────────────────────────────────────────────────────────
/**
 * A policy's dedicated prevention-fee ledger (专门台账): delivered services at actual cost
 * against the prevention budget the policy states, and the agreed service plan against what
 * was delivered. Served by GET /api/azx/services/ledger?policy=<id>.
 */
export interface ServiceLedger {
  readonly policy: string;
  readonly policyNo: string;
  /** The policy's prevention budget (yuan). */
  readonly budget: number;
  readonly premium: number;
  /** Cost of delivered and confirmed services. */
  readonly spent: number;
  /** Budgeted cost of services still planned (not booked: spending is never accrued). */
  readonly planned: number;
  /** budget − spent; negative when over budget. */
  readonly remaining: number;
  readonly overBudget: boolean;
  /** spent / premium, 0 without a premium. */
  readonly shareOfPremium: number;
  /** Booked services whose cost went beyond the remaining budget, with the reason the server required. */
  readonly overBudgetReasons: readonly OverBudgetReason[];
  /** Number of services per status (every status of the vocabulary, 0 when none). */
  readonly services: Readonly<Record<ServiceReportStatus, number>>;
  /** Services a year the policy agreed; 0 when not stated. */
  readonly frequency: number;
  /** Service type codes the policy agreed, those delivered, and agreed ones not yet delivered. */
  readonly agreedItems: readonly string[];
  readonly deliveredTypes: readonly string[];
  readonly missingItems: readonly string[];
  /** Hazards recorded under the policy, and how many are major. */
  readonly hazards: number;
  readonly majorHazards: number;
  /**
   * The policy's provider in the regulator's lists of the enterprise's region: `blacklisted`,
   * `not_whitelisted` (a white list exists there without it), `allowed`, or '' when the insurer
   * serves itself. The server refuses reports of a provider that is not allowed.
   */
  readonly providerStanding: ProviderStanding;
  /**
   * Delivery against the service plan of the enterprise's risk grade, as the server measures it
   * from the stored reports by today (the rule packs' service_plan_by_grade and
   * service_delivery). Absent from a store that does not hold the packs (the MemoryStore).
   */
  readonly delivery?: ServiceDelivery;
}

/** A policy's booked visits against its plan (the server's measure; see ServiceLedger.delivery). */
export interface ServiceDelivery {
  readonly riskGrade: string;
  /** Visits a year the grade's plan asks for; 0 when the packs plan nothing for it. */
  readonly planVisits: number;
  /** Over the policy's period; of them due by today (pro rata); delivered (booked, in the period). */
  readonly visitsPlanned: number;
  readonly visitsDue: number;
  readonly visitsDelivered: number;
  /** Assistance visits (帮扶) a period asks for, and those delivered. */
  readonly assistanceRequired: number;
  readonly assistanceDelivered: number;
  readonly behindPlan: boolean;
  /** Past the packs' share of the period without its assistance visits. */
  readonly noAssistance: boolean;
}

export type ProviderStanding = 'allowed' | 'blacklisted' | 'not_whitelisted' | '';

/** A service booked beyond the remaining prevention budget, and why (data.over_budget_reason). */
export interface OverBudgetReason {
  readonly report: string;
  readonly reportNo: string;
  readonly cost: number;
  readonly reason: string;
}

export interface Store {
  // ── the signed-in party ───────────────────────────────────────────────────────────────
  /** The signed-in party, or null. */
  readonly party: Party | null;
  /** Signs in with email and password; rejects with a StoreError `auth_failed`. */
  signIn(email: string, password: string): Promise<Party>;
  /** Forgets the session and ends its realtime subscriptions. `party` is null afterwards. */
  signOut(): Promise<void>;
  /** Calls `listener` on every change of `party` (sign-in, sign-out, expiry). Returns the remover. */
  onPartyChange(listener: (party: Party | null) => void): () => void;

  /** Organizations by kind or id, ordered by name; for showing names of relation columns. */
  listOrganizations(query?: OrganizationQuery): Promise<readonly Organization[]>;

  // ── reference data (any signed-in party; read it through `referenceOf(store)`) ───────────
  /** GB/T 2260 divisions by code or by parent, ordered by code. */
  listRegions(query: RegionQuery): Promise<readonly RegionEntry[]>;
  /** Every industry of the classification, in its order. */
  listIndustries(): Promise<readonly IndustryEntry[]>;

  // ── form definitions ──────────────────────────────────────────────────────────────────
  /** Definitions visible to the party, ordered by key then version. */
  listDefinitions(query?: DefinitionQuery): Promise<readonly FormDefinition[]>;
  /** One version; rejects with `not_found` if it does not exist or is not visible. */
  getDefinition(key: string, version: number): Promise<FormDefinition>;
  /** The published version with the highest number; rejects with `not_found` if none. */
  latestDefinition(key: string): Promise<FormDefinition>;

  /**
   * Administrators: stores a draft, or replaces the existing draft of that key and version.
   * Rejects with `validation` when that version is already published or retired.
   */
  saveDefinitionDraft(draft: DefinitionDraft): Promise<FormDefinition>;
  /** Administrators: moves a version draft → published → retired, never back. */
  setDefinitionStatus(key: string, version: number, status: Exclude<DefinitionStatus, 'draft'>): Promise<FormDefinition>;
  /** Administrators: deletes a draft; published and retired versions stay forever. */
  deleteDefinitionDraft(key: string, version: number): Promise<void>;

  // ── records ───────────────────────────────────────────────────────────────────────────
  list<TData = RecordData>(collection: BusinessCollection, query?: ListQuery): Promise<Page<StoredRecord<TData>>>;
  /** Rejects with `not_found` if it does not exist or the party may not read it. */
  get<TData = RecordData>(collection: BusinessCollection, id: string): Promise<StoredRecord<TData>>;
  /**
   * The record's revisions, oldest first: its creation and each correction with its reason
   * (GET /api/azx/records/{collection}/{id}/history). Rejects with `not_found` like `get`.
   */
  history(collection: BusinessCollection, id: string): Promise<readonly RecordRevision[]>;
  /** Rejects with a StoreError `validation` carrying field errors when the record is refused. */
  create<TData = RecordData>(
    collection: BusinessCollection,
    record: NewRecord<TData>,
    options?: CreateOptions,
  ): Promise<StoredRecord<TData>>;
  /** Updates a record with a reason; the revision goes up by one. */
  correct<TData = RecordData>(
    collection: BusinessCollection,
    id: string,
    correction: Correction<TData>,
  ): Promise<StoredRecord<TData>>;
  /**
   * A URL that serves one file of a record to the signed-in party. Async because protected
   * files need a short-lived access token; fetch the URL when you need it, don't keep it.
   */
  fileUrl(record: StoredRecord<unknown>, filename: string, options?: FileUrlOptions): Promise<string>;

  // ── append-only histories ────────────────────────────────────────────────────────────
  /** Events the party may see, e.g. `{ where: [{ field: 'hazard', op: '=', value: id }], sort: ['created'] }`. */
  listEvents(collection: EventCollection, query?: ListQuery): Promise<Page<StoredEvent>>;
  /** Appends one event; rejects with `validation` (e.g. on `to_status`) when the move is refused. */
  appendEvent(collection: EventCollection, event: NewEvent, options?: CreateOptions): Promise<StoredEvent>;

  // ── realtime ──────────────────────────────────────────────────────────────────────────
  /** Delivers changes the party may see; resolves once the subscription is live. */
  subscribe<TData = RecordData>(
    collection: BusinessCollection,
    listener: (change: RecordChange<TData>) => void,
    options?: SubscribeOptions,
  ): Promise<Unsubscribe>;
  /** Delivers each new event the party may see. */
  subscribeEvents(collection: EventCollection, listener: (event: StoredEvent) => void): Promise<Unsubscribe>;

  // ── <azx-service-report> ──────────────────────────────────────────────────────────────
  /** The prevention ledger of a policy; rejects with `not_found` when the party may not see the policy. */
  serviceLedger(policyId: string): Promise<ServiceLedger>;

  // ── <azx-coverage-map>, <azx-compliance-report> ───────────────────────────────────────
  // Regulators only (others get `forbidden`); everything is limited to the regulator's region.
  /** A region's figures and its children's (GET /api/azx/coverage/figures). */
  coverageFigures(query?: CoverageQuery): Promise<CoverageFigures>;
  /** The records behind one figure, a page at a time (GET /api/azx/coverage/records). */
  coverageRecords(query: CoverageRecordsQuery): Promise<CoverageRecordPage>;
  /** The bulletin of a region, with a round's sample and findings (GET /api/azx/compliance/report). */
  complianceReport(query?: ComplianceQuery): Promise<ComplianceReport>;
  /** Inspection rounds in a region (default: the regulator's scope), newest first. */
  listInspectionRounds(region?: string): Promise<readonly InspectionRound[]>;
  /** Draws a reproducible sample of policies on the server and stores the round. */
  drawSample(round: NewInspectionRound): Promise<InspectionRound>;
  /** Publishes a draft round: the bulletin rests on it and it can no longer be deleted (`round_published` when it already is). */
  publishRound(roundId: string): Promise<InspectionRound>;
  /** Deletes a draft round with its findings; a published one is refused (`round_published`). */
  deleteRound(roundId: string): Promise<void>;
  /** A round's findings. */
  listFindings(roundId: string): Promise<readonly Finding[]>;
  /**
   * Replaces a draft round's cross-inspection table; `validation` with errors by line and field
   * (`assignments.<line>.inspector` / `.inspected`), `round_published` for a published round.
   */
  setRoundAssignments(roundId: string, assignments: readonly InspectionAssignment[]): Promise<InspectionRound>;
  /**
   * A page of a round's sample with the categories a finding may name: a regulator of the
   * round's region sees all of it, an assigned cross-inspection team the regions it inspects.
   */
  roundSample(roundId: string, page?: number, perPage?: number): Promise<RoundSamplePage>;

  // ── bulk upload (<azx-bulk-upload>) ─────────────────────────────────────────────────────
  /**
   * Uploads a CSV (UTF-8 or GBK/GB18030), XLSX or JSON file of policies (insurers; regulators
   * in import mode) or registry enterprises (regulators); every row is validated on the server.
   * Rejects with `network` (status 0) when the connection dropped: send the same file with the
   * same `upload` again and nothing is stored twice.
   */
  bulkUpload(kind: BulkKind, file: Blob, options?: BulkUploadOptions): Promise<BulkResult>;
  /**
   * Every refused and flagged row of an upload: the answer itself when it is `complete`, else
   * fetched from its `results` (a large upload's answer holds the first 100 of each).
   */
  bulkProblems(result: BulkResult): Promise<BulkProblems>;
  /** The upload template of the current definition: XLSX (notes, drop-down lists) or CSV. */
  bulkTemplate(kind: BulkKind, format: 'xlsx' | 'csv'): Promise<Blob>;
  /** Records a finding against a sampled policy; `validation` when the policy is not in the sample. */
  recordFinding(finding: NewFinding): Promise<Finding>;
  /**
   * Imports the inspectors' findings sheet for a draft round (XLSX, CSV in UTF-8 or GBK, JSON:
   * policy number, category code or title, note; headers in Chinese or English). Refused rows
   * come back per field; a sheet sent again stores nothing twice.
   */
  importFindings(roundId: string, file: Blob): Promise<FindingsSheetResult>;

  // ── rule packs (<azx-policy-entry>) ───────────────────────────────────────────────────
  /**
   * The rule packs in force for a region (GB/T 2260) on a day (YYYY-MM-DD), merged, to judge a
   * record with core's `judge` as the server will (GET /api/azx/packs/effective).
   */
  effectivePack(region: string, date: string): Promise<EffectivePack>;

  // ── rule packs: administrators (<azx-pack-editor>) ───────────────────────────────────
  /** Every pack version the party may see (administrators: drafts too), by key then version. */
  listRulePacks(): Promise<readonly RulePack[]>;
  /** Administrators: stores a draft, or replaces the draft of that key and version; `validation` with errors by document path. */
  saveRulePackDraft(version: number, document: PackDocument): Promise<RulePack>;
  /** Administrators: draft → published (its tests must pass) → retired, never back. */
  setRulePackStatus(key: string, version: number, status: Exclude<DefinitionStatus, 'draft'>): Promise<RulePack>;
  /** Administrators: deletes a draft. */
  deleteRulePackDraft(key: string, version: number): Promise<void>;
  /** Administrators: the server's dry run of a document (errors by path, its tests' verdicts); stores nothing. */
  checkRulePack(document: PackDocument): Promise<PackCheck>;
  /**
   * Administrators: adds a GB/T 2260 division the reference data lacks, or renames one (no
   * release needed); the server sets its level and parent from the code.
   */
  saveRegion(region: { readonly code: string; readonly name: string; readonly nameEn?: string }): Promise<RegionEntry>;
}

export * from './rule-packs.js';
import type { EffectivePack, PackCheck, PackDocument, RulePack } from './rule-packs.js';

// ── <azx-coverage-map>, <azx-compliance-report> ─────────────────────────────────────────
export * from './regulator.js';
import type {
  ComplianceQuery,
  ComplianceReport,
  CoverageFigures,
  CoverageQuery,
  CoverageRecordPage,
  CoverageRecordsQuery,
  Finding,
  FindingsSheetResult,
  InspectionAssignment,
  InspectionRound,
  NewFinding,
  NewInspectionRound,
  RoundSamplePage,
} from './regulator.js';

// ── <azx-bulk-upload> ───────────────────────────────────────────────────────────────────
export type * from './bulk.js';
import type { BulkKind, BulkProblems, BulkResult, BulkUploadOptions } from './bulk.js';

/** The id format PocketBase accepts for client-chosen ids: 15 characters of [a-z0-9]. */
const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh idempotency key; one per submit, reused on its retries. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(15));
  let key = '';
  for (const b of bytes) key += KEY_ALPHABET[b % KEY_ALPHABET.length];
  return key;
}

/** Whether a string can serve as an idempotency key. */
export function isIdempotencyKey(key: string): boolean {
  return /^[a-z0-9]{15}$/.test(key);
}
