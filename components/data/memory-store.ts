/**
 * An in-memory Store for stories, tests and offline demos. Same shapes and error codes as
 * PocketBaseStore, but it enforces no server rules: it checks only what keeps its own state
 * coherent (a known definition, a correction reason, unique ids). Plug `validate` in to get
 * field errors from the browser-side validator, and `canRead` to mimic access rules.
 */
import { fieldError, StoreError, storeError, type FieldErrors } from './errors.js';
import { comparator, matches, paging, toStoredEvent, toStoredRecord, type Row } from './rows.js';
import { packCovers, type EffectivePack, type PackCheck, type PackDocument, type RulePack } from './rule-packs.js';
import {
  EVENT_SUBJECT,
  isIdempotencyKey,
  newIdempotencyKey,
  type BusinessCollection,
  type CreateOptions,
  type Correction,
  type DefinitionDraft,
  type DefinitionQuery,
  type EventCollection,
  type NewEvent,
  type RecordRevision,
  type StoredEvent,
  type FileFields,
  type FileUrlOptions,
  type FormDefinition,
  type ListQuery,
  type NewRecord,
  type Organization,
  type OrganizationQuery,
  type Page,
  type Party,
  type RecordChange,
  type RecordData,
  type OverBudgetReason,
  type ServiceLedger,
  type ComplianceQuery,
  type ComplianceReport,
  type CoverageFigures,
  type CoverageQuery,
  type CoverageRecordPage,
  type CoverageRecordsQuery,
  type Finding,
  type FindingsSheetResult,
  type InspectionAssignment,
  type InspectionRound,
  type RoundSamplePage,
  type NewFinding,
  type NewInspectionRound,
  type BulkKind,
  type BulkProblems,
  type BulkResult,
  type BulkUploadOptions,
  type Store,
  type StoredRecord,
  type SubscribeOptions,
  type Unsubscribe,
} from './store.js';
import type { IndustryEntry, RegionEntry, RegionQuery } from './reference.js';
import { codesOf, codesWith } from './terms.js';
import { DEFINITION_STATUS, INDUSTRY, REGION_LEVEL, SERVICE_REPORT_STATUS, type DefinitionStatus, type ServiceReportStatus } from './vocab.js';

/** The built-in industries (the server loads the same list into its industries collection). */
const BUILTIN_INDUSTRIES: readonly IndustryEntry[] = INDUSTRY.terms.map((t) => ({ code: t.code, name: t.zh, nameEn: t.en, gbt4754: [] }));

/** A user the MemoryStore lets sign in. */
export interface MemoryUser extends Party {
  readonly password: string;
}

export interface MemoryStoreOptions {
  readonly users?: readonly MemoryUser[];
  readonly definitions?: readonly FormDefinition[];
  readonly organizations?: readonly Organization[];
  /** GB/T 2260 divisions the store names (default none: codes show as themselves). */
  readonly regions?: readonly RegionEntry[];
  /** The industry classification; default the built-in one (schemas/reference/industries.json). */
  readonly industries?: readonly IndustryEntry[];
  /** Initial rows per collection, flat like PocketBase rows (`id`, `definition`, `data`, columns...). */
  readonly records?: Partial<Record<BusinessCollection, readonly Row[]>>;
  /** Initial rows of append-only histories, flat (`id`, `hazard`, `action`, ...). */
  readonly events?: Partial<Record<EventCollection, readonly Row[]>>;
  /** Field errors for a record about to be stored (create and correction); null or {} accepts it. */
  readonly validate?: (collection: BusinessCollection, record: NewRecord) => FieldErrors | null;
  /** Which rows a party sees; everything by default. */
  readonly canRead?: (party: Party | null, collection: BusinessCollection, row: Readonly<Row>) => boolean;
  /** Sign this user (by email) in at once, for stories that start signed in. */
  readonly signedInAs?: string;
  /**
   * Effective rule packs as the server answers them, each for its region and days; the store
   * merges nothing (test/fixtures/effective-packs.json holds the server's answers for a few regions).
   */
  readonly rulePacks?: readonly EffectivePack[];
  /** Stored pack versions (rule_packs rows), for the pack editor. */
  readonly packs?: readonly RulePack[];
  /**
   * The server's dry run of a pack (POST /api/azx/packs/check): a MemoryStore does not merge or
   * judge packs, so a story that previews gives the answer; without it `checkRulePack` says so.
   */
  readonly checkPack?: (document: PackDocument) => PackCheck;
  readonly lang?: 'zh' | 'en';
}

type Listener = (change: RecordChange<RecordData>) => void;

/** PocketBase's timestamp format, so sorting and display match. */
function now(): string {
  return new Date().toISOString().replace('T', ' ');
}

/** What every client of one in-memory "server" shares. */
interface Shared {
  readonly options: MemoryStoreOptions;
  readonly users: readonly MemoryUser[];
  readonly definitions: FormDefinition[];
  readonly packs: RulePack[];
  readonly regions: RegionEntry[];
  readonly rows: Map<BusinessCollection, Row[]>;
  readonly events: Map<EventCollection, Row[]>;
  readonly files: Map<string, Blob>;
  readonly fileUrls: Map<string, string>;
  readonly subscribers: Set<Subscriber>;
  readonly eventSubscribers: Set<EventSubscriber>;
  /** Revisions written through this store, by collection/id (rows given as options have none). */
  readonly revisions: Map<string, RecordRevision[]>;
}

interface EventSubscriber {
  readonly client: MemoryStore;
  readonly collection: EventCollection;
  readonly listener: (event: StoredEvent) => void;
}

interface Subscriber {
  readonly client: MemoryStore;
  readonly collection: BusinessCollection;
  readonly listener: Listener;
  readonly id?: string;
}

export class MemoryStore implements Store {
  #shared: Shared;
  readonly #partyListeners = new Set<(party: Party | null) => void>();
  #party: Party | null = null;

  constructor(options: MemoryStoreOptions = {}) {
    const rows = new Map<BusinessCollection, Row[]>();
    for (const [collection, list] of Object.entries(options.records ?? {})) {
      rows.set(collection as BusinessCollection, (list ?? []).map((r) => structuredClone(r)));
    }
    const events = new Map<EventCollection, Row[]>();
    for (const [collection, list] of Object.entries(options.events ?? {})) {
      events.set(collection as EventCollection, (list ?? []).map((r) => structuredClone(r)));
    }
    this.#shared = {
      options,
      users: options.users ?? [],
      definitions: [...(options.definitions ?? [])],
      packs: structuredClone([...(options.packs ?? [])]),
      regions: [...(options.regions ?? [])],
      rows,
      events,
      files: new Map(),
      fileUrls: new Map(),
      subscribers: new Set(),
      eventSubscribers: new Set(),
      revisions: new Map(),
    };
    if (options.signedInAs) {
      const user = this.#shared.users.find((u) => u.email === options.signedInAs);
      if (user) this.#party = partyFrom(user);
    }
  }

  /**
   * Another client of the same in-memory data, signed out: what a second browser would be.
   * Its writes reach this client's subscriptions and the other way round.
   */
  newClient(): MemoryStore {
    const client = new MemoryStore();
    client.#shared = this.#shared;
    return client;
  }


  get #lang(): 'zh' | 'en' {
    return this.#shared.options.lang ?? 'zh';
  }

  get party(): Party | null {
    return this.#party;
  }

  #setParty(party: Party | null): void {
    if (this.#party === party) return;
    this.#party = party;
    for (const listener of [...this.#partyListeners]) listener(party);
  }

  async signIn(email: string, password: string): Promise<Party> {
    const user = this.#shared.users.find((u) => u.email.toLowerCase() === email.trim().toLowerCase());
    if (!user || user.password !== password) throw storeError('auth_failed', 400);
    const party = partyFrom(user);
    this.#setParty(party);
    return party;
  }

  async signOut(): Promise<void> {
    // Like the server: a signed-out client receives no more changes.
    for (const s of [...this.#shared.subscribers]) if (s.client === this) this.#shared.subscribers.delete(s);
    for (const s of [...this.#shared.eventSubscribers]) if (s.client === this) this.#shared.eventSubscribers.delete(s);
    this.#setParty(null);
  }

  onPartyChange(listener: (party: Party | null) => void): () => void {
    this.#partyListeners.add(listener);
    return () => this.#partyListeners.delete(listener);
  }

  async listOrganizations(query: OrganizationQuery = {}): Promise<readonly Organization[]> {
    if (!this.#party) return [];
    return (this.#shared.options.organizations ?? [])
      .filter((o) => (!query.kind || o.kind === query.kind) && (!query.ids || query.ids.includes(o.id)))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((o) => ({ ...o }));
  }

  async listRegions(query: RegionQuery): Promise<readonly RegionEntry[]> {
    if (!this.#party) return [];
    return this.#shared.regions
      .filter((r) => (query.parent !== undefined ? r.parent === query.parent : (query.codes ?? []).includes(r.code)))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((r) => ({ ...r }));
  }

  async listIndustries(): Promise<readonly IndustryEntry[]> {
    if (!this.#party) return [];
    return (this.#shared.options.industries ?? BUILTIN_INDUSTRIES).map((i) => ({ ...i }));
  }

  /** Drafts only for administrators, as on the server. */
  #visibleDefinitions(): FormDefinition[] {
    const admin = this.#party?.role === 'admin';
    return this.#shared.definitions.filter((d) => admin || d.status !== 'draft');
  }

  async listDefinitions(query: DefinitionQuery = {}): Promise<readonly FormDefinition[]> {
    return this.#visibleDefinitions()
      .filter((d) => (query.key === undefined || d.key === query.key) && (!query.status || query.status.includes(d.status)))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.version - b.version))
      .map((d) => structuredClone(d));
  }

  async getDefinition(key: string, version: number): Promise<FormDefinition> {
    const found = this.#visibleDefinitions().find((d) => d.key === key && d.version === version);
    if (!found) throw storeError('not_found', 404);
    return structuredClone(found);
  }

  async latestDefinition(key: string): Promise<FormDefinition> {
    const published = this.#visibleDefinitions().filter((d) => d.key === key && d.status === 'published');
    const latest = published.sort((a, b) => b.version - a.version)[0];
    if (!latest) throw storeError('not_found', 404);
    return structuredClone(latest);
  }

  #requireAdmin(): void {
    if (!this.#party) throw storeError('unauthenticated', 401);
    if (this.#party.role !== 'admin') throw storeError('forbidden', 403);
  }

  #definitionError(field: string, code: string, zh: string, en: string) {
    return storeError('validation', 400, { [field]: fieldError(code, zh, en, this.#lang) });
  }

  async saveDefinitionDraft(draft: DefinitionDraft): Promise<FormDefinition> {
    this.#requireAdmin();
    const defs = this.#shared.definitions;
    const i = defs.findIndex((d) => d.key === draft.key && d.version === draft.version);
    const existing = defs[i];
    if (existing && existing.status !== 'draft') {
      throw this.#definitionError('schema', 'definition_immutable', '已发布的表单定义不能修改', 'A published definition never changes.');
    }
    const next: FormDefinition = {
      id: existing?.id ?? newIdempotencyKey(),
      key: draft.key,
      version: draft.version,
      status: 'draft',
      title: draft.title,
      industry: draft.industry ?? '',
      base: draft.base ?? '',
      schema: structuredClone(draft.schema),
      hash: '',
      publishedAt: '',
    };
    if (existing) defs[i] = next;
    else defs.push(next);
    return structuredClone(next);
  }

  async setDefinitionStatus(key: string, version: number, status: Exclude<DefinitionStatus, 'draft'>): Promise<FormDefinition> {
    this.#requireAdmin();
    const defs = this.#shared.definitions;
    const i = defs.findIndex((d) => d.key === key && d.version === version);
    const existing = defs[i];
    if (!existing) throw storeError('not_found', 404);
    // the lifecycle is the vocabulary's: each status names the one it moves to (draft → published → retired)
    const allowed = DEFINITION_STATUS.terms.some((t) => t.code === existing.status && 'next' in t && t.next === status);
    if (!allowed) {
      throw this.#definitionError(
        'status',
        'definition_status_transition',
        `表单定义状态只能由草稿→已发布→已停用，不能从 ${existing.status} 改为 ${status}`,
        `A definition moves only draft → published → retired, not ${existing.status} → ${status}`,
      );
    }
    const next: FormDefinition = { ...existing, status, publishedAt: existing.publishedAt || now() };
    defs[i] = next;
    return structuredClone(next);
  }

  async deleteDefinitionDraft(key: string, version: number): Promise<void> {
    this.#requireAdmin();
    const defs = this.#shared.definitions;
    const i = defs.findIndex((d) => d.key === key && d.version === version);
    const existing = defs[i];
    if (!existing) throw storeError('not_found', 404);
    if (existing.status !== 'draft') {
      throw this.#definitionError('status', 'definition_not_draft', '只能删除草稿', 'Only drafts can be deleted.');
    }
    defs.splice(i, 1);
  }

  /** Adds a definition (as an administrator's tool or a story would). */
  putDefinition(definition: FormDefinition): void {
    const i = this.#shared.definitions.findIndex((d) => d.key === definition.key && d.version === definition.version);
    if (i >= 0) this.#shared.definitions[i] = structuredClone(definition);
    else this.#shared.definitions.push(structuredClone(definition));
  }

  #table(collection: BusinessCollection): Row[] {
    let rows = this.#shared.rows.get(collection);
    if (!rows) this.#shared.rows.set(collection, (rows = []));
    return rows;
  }

  #readable(collection: BusinessCollection, row: Row): boolean {
    return this.#shared.options.canRead ? this.#shared.options.canRead(this.#party, collection, row) : true;
  }

  async list<TData = RecordData>(collection: BusinessCollection, query: ListQuery = {}): Promise<Page<StoredRecord<TData>>> {
    const { page, perPage } = paging(query);
    const where = query.where ?? [];
    const rows = this.#table(collection)
      .filter((r) => this.#readable(collection, r) && where.every((c) => matches(r, c)))
      .sort(comparator(query.sort));
    return {
      items: rows.slice((page - 1) * perPage, page * perPage).map((r) => toStoredRecord<TData>(collection, structuredClone(r))),
      page,
      perPage,
      totalItems: query.skipTotal ? -1 : rows.length,
      totalPages: query.skipTotal ? -1 : Math.ceil(rows.length / perPage),
    };
  }

  async get<TData = RecordData>(collection: BusinessCollection, id: string): Promise<StoredRecord<TData>> {
    const row = this.#table(collection).find((r) => r['id'] === id);
    if (!row || !this.#readable(collection, row)) throw storeError('not_found', 404);
    return toStoredRecord<TData>(collection, structuredClone(row));
  }

  #requireParty(): void {
    if (!this.#party) throw storeError('unauthenticated', 401);
  }

  #check(collection: BusinessCollection, record: NewRecord): void {
    const known = this.#shared.definitions.some((d) => d.key === record.definition && d.version === record.version && d.status !== 'draft');
    if (!known) {
      throw storeError('validation', 400, {
        definition: fieldError(
          'unknown_definition',
          `表单定义 ${record.definition} 第 ${record.version} 版不存在或未发布`,
          `Form definition ${record.definition} version ${record.version} does not exist or is not published.`,
          this.#lang,
        ),
      });
    }
    const errors = this.#shared.options.validate?.(collection, record);
    if (errors && Object.keys(errors).length) throw storeError('validation', 400, errors);
  }

  async create<TData = RecordData>(
    collection: BusinessCollection,
    record: NewRecord<TData>,
    options: CreateOptions = {},
  ): Promise<StoredRecord<TData>> {
    this.#requireParty();
    const key = options.idempotencyKey;
    if (key !== undefined && !isIdempotencyKey(key)) {
      throw storeError('validation', 400, {
        id: fieldError('invalid_idempotency_key', '提交编号格式不正确', 'The idempotency key is malformed.', this.#lang),
      });
    }
    const table = this.#table(collection);
    const existing = key ? table.find((r) => r['id'] === key) : undefined;
    if (existing) return toStoredRecord<TData>(collection, structuredClone(existing));
    this.#check(collection, record as NewRecord);
    const id = key ?? newIdempotencyKey();
    const at = now();
    const row: Row = {
      ...structuredClone(record.columns ?? {}),
      ...this.#storeFiles(id, record.files, {}),
      id,
      definition: record.definition,
      version: record.version,
      revision: 1,
      data: structuredClone(record.data),
      created: at,
      updated: at,
    };
    table.push(row);
    this.#revise(collection, id, { revision: 1, action: 'create', at, reason: '' });
    this.#emit(collection, 'create', row);
    return toStoredRecord<TData>(collection, structuredClone(row));
  }

  async correct<TData = RecordData>(
    collection: BusinessCollection,
    id: string,
    correction: Correction<TData>,
  ): Promise<StoredRecord<TData>> {
    this.#requireParty();
    const row = this.#table(collection).find((r) => r['id'] === id);
    if (!row || !this.#readable(collection, row)) throw storeError('not_found', 404);
    if (!correction.reason?.trim()) {
      throw storeError('validation', 400, {
        correction_reason: fieldError('required', '更正必须填写原因', 'A correction needs a reason.', this.#lang),
      });
    }
    const next: Row = {
      ...row,
      ...structuredClone(correction.columns ?? {}),
      ...(correction.data !== undefined ? { data: structuredClone(correction.data) } : {}),
    };
    this.#check(collection, {
      definition: String(next['definition']),
      version: Number(next['version']),
      data: next['data'] as RecordData,
      columns: next,
    });
    Object.assign(next, this.#storeFiles(id, correction.files, row), {
      revision: Number(row['revision'] ?? 1) + 1,
      updated: now(),
    });
    Object.assign(row, next);
    this.#revise(collection, id, { revision: Number(next['revision']), action: 'correct', at: String(next['updated']), reason: correction.reason.trim() });
    this.#emit(collection, 'update', row);
    return toStoredRecord<TData>(collection, structuredClone(row));
  }

  async history(collection: BusinessCollection, id: string): Promise<readonly RecordRevision[]> {
    this.#requireParty();
    const row = this.#table(collection).find((r) => r['id'] === id);
    if (!row || !this.#readable(collection, row)) throw storeError('not_found', 404);
    const kept = this.#shared.revisions.get(`${collection}/${id}`);
    if (kept) return structuredClone(kept);
    // a row given with the store's options: its creation, by nobody the store knows
    return [{ revision: 1, action: 'create', at: String(row['created'] ?? ''), reason: '', actor: { role: '', organization: '', organizationName: '', system: true } }];
  }

  #revise(collection: BusinessCollection, id: string, entry: Omit<RecordRevision, 'actor'>): void {
    const party = this.#party;
    const actor = party
      ? { role: party.role, organization: party.organizationId, organizationName: party.organizationName ?? '', system: false }
      : { role: '' as const, organization: '', organizationName: '', system: true };
    const key = `${collection}/${id}`;
    // a row given with the store's options was created before it: by nobody it knows
    const created = this.#table(collection).find((r) => r['id'] === id)?.['created'];
    const list = this.#shared.revisions.get(key) ?? (entry.action === 'correct' ? [{ revision: 1, action: 'create' as const, at: String(created ?? ''), reason: '', actor: { role: '' as const, organization: '', organizationName: '', system: true } }] : []);
    list.push({ ...entry, actor });
    this.#shared.revisions.set(key, list);
  }

  /** An event is visible with the record it moves (a hazard event with its hazard, a claim event with its claim). */
  #eventReadable(collection: EventCollection, row: Row): boolean {
    const subject = EVENT_SUBJECT[collection];
    const record = this.#table(subject.collection).find((h) => h['id'] === row[subject.field]);
    return record ? this.#readable(subject.collection, record) : !this.#shared.options.canRead;
  }

  #eventTable(collection: EventCollection): Row[] {
    let rows = this.#shared.events.get(collection);
    if (!rows) this.#shared.events.set(collection, (rows = []));
    return rows;
  }

  async listEvents(collection: EventCollection, query: ListQuery = {}): Promise<Page<StoredEvent>> {
    const { page, perPage } = paging(query);
    const where = query.where ?? [];
    const rows = this.#eventTable(collection)
      .filter((r) => this.#eventReadable(collection, r) && where.every((c) => matches(r, c)))
      .sort(comparator(query.sort));
    return {
      items: rows.slice((page - 1) * perPage, page * perPage).map((r) => toStoredEvent(collection, structuredClone(r))),
      page,
      perPage,
      totalItems: rows.length,
      totalPages: Math.ceil(rows.length / perPage),
    };
  }

  /**
   * Appends an event. Like the server, an event records the status of its hazard or claim it
   * moved from and moves it; unlike it, no transition, role or payment is checked.
   */
  async appendEvent(collection: EventCollection, event: NewEvent, options: CreateOptions = {}): Promise<StoredEvent> {
    this.#requireParty();
    const key = options.idempotencyKey;
    if (key !== undefined && !isIdempotencyKey(key)) {
      throw storeError('validation', 400, {
        id: fieldError('invalid_idempotency_key', '提交编号格式不正确', 'The idempotency key is malformed.', this.#lang),
      });
    }
    const table = this.#eventTable(collection);
    const existing = key ? table.find((r) => r['id'] === key) : undefined;
    if (existing) return toStoredEvent(collection, structuredClone(existing));
    const subject = EVENT_SUBJECT[collection];
    const subjectRow = this.#table(subject.collection).find((h) => h['id'] === event.fields[subject.field]);
    if (!subjectRow || !this.#readable(subject.collection, subjectRow)) {
      throw storeError('validation', 400, {
        [subject.field]: fieldError('not_found', '记录不存在或无权访问', 'The record does not exist or you may not see it.', this.#lang),
      });
    }
    const id = key ?? newIdempotencyKey();
    const at = now();
    const row: Row = {
      ...structuredClone(event.fields),
      ...this.#storeFiles(id, event.files, {}),
      id,
      from_status: subjectRow['status'] ?? '',
      // as the server does: who acted is the signed-in party, never the caller's claim
      actor: this.#party?.userId ?? '',
      actor_role: this.#party?.role ?? '',
      actor_org: this.#party?.organizationId ?? '',
      created: at,
      updated: at,
    };
    table.push(row);
    const to = row['to_status'];
    if (typeof to === 'string' && to && to !== subjectRow['status']) {
      Object.assign(subjectRow, { status: to, updated: at });
      this.#emit(subject.collection, 'update', subjectRow);
    }
    const snapshot = structuredClone(row);
    const listeners = [...this.#shared.eventSubscribers].filter((s) => s.collection === collection && s.client.#eventReadable(collection, snapshot));
    setTimeout(() => {
      for (const { listener } of listeners) listener(toStoredEvent(collection, structuredClone(snapshot)));
    });
    return toStoredEvent(collection, structuredClone(row));
  }

  async subscribeEvents(collection: EventCollection, listener: (event: StoredEvent) => void): Promise<Unsubscribe> {
    this.#requireParty();
    const entry: EventSubscriber = { client: this, collection, listener };
    this.#shared.eventSubscribers.add(entry);
    return async () => {
      this.#shared.eventSubscribers.delete(entry);
    };
  }

  /** Keeps blobs by record and name; returns the file columns (names appended to existing ones). */
  #storeFiles(id: string, files: FileFields | undefined, row: Row): Row {
    const columns: Row = {};
    for (const [field, list] of Object.entries(files ?? {})) {
      const names = Array.isArray(row[field]) ? [...(row[field] as string[])] : [];
      for (const blob of list) {
        const base = blob instanceof File && blob.name ? blob.name : 'file';
        const name = `${newIdempotencyKey().slice(0, 10)}_${base}`;
        this.#shared.files.set(`${id}/${name}`, blob);
        names.push(name);
      }
      columns[field] = names;
    }
    return columns;
  }

  async fileUrl(record: StoredRecord<unknown>, filename: string, _options: FileUrlOptions = {}): Promise<string> {
    const key = `${record.id}/${filename}`;
    const blob = this.#shared.files.get(key);
    if (!blob) throw storeError('not_found', 404);
    let url = this.#shared.fileUrls.get(key);
    if (!url) this.#shared.fileUrls.set(key, (url = URL.createObjectURL(blob)));
    return url;
  }

  async subscribe<TData = RecordData>(
    collection: BusinessCollection,
    listener: (change: RecordChange<TData>) => void,
    options: SubscribeOptions = {},
  ): Promise<Unsubscribe> {
    this.#requireParty();
    const entry: Subscriber = {
      client: this,
      collection,
      listener: listener as unknown as Listener,
      ...(options.id ? { id: options.id } : {}),
    };
    this.#shared.subscribers.add(entry);
    return async () => {
      this.#shared.subscribers.delete(entry);
    };
  }

  // ── <azx-service-report> ──────────────────────────────────────────────────────────────
  /**
   * The same sums as the server's ledger route. Rows made here have no derived columns, so a
   * column falls back to the record's own field (cost, status, service_types, is_major, budget).
   */
  async serviceLedger(policyId: string): Promise<ServiceLedger> {
    this.#requireParty();
    const policy = this.#table('policies').find((r) => r['id'] === policyId);
    if (!policy || !this.#readable('policies', policy)) throw storeError('not_found', 404);
    const cents = (x: number) => Math.round(x * 100) / 100;
    const col = (r: Row, k: string): unknown => r[k] ?? ((r['data'] ?? {}) as Record<string, unknown>)[k];
    const services = Object.fromEntries(codesOf(SERVICE_REPORT_STATUS).map((s) => [s, 0])) as Record<ServiceReportStatus, number>;
    let spent = 0;
    let planned = 0;
    const delivered = new Set<string>();
    const overBudgetReasons: OverBudgetReason[] = [];
    for (const r of this.#table('service_reports')) {
      if (r['policy'] !== policyId) continue;
      const status = String(col(r, 'status') ?? '') as ServiceReportStatus;
      const c = col(r, 'cost');
      const cost = typeof c === 'number' ? c : 0;
      if (status in services) services[status] += 1;
      // spending is booked once the service happened, never accrued in advance
      if (!codesWith(SERVICE_REPORT_STATUS, 'booked').includes(status)) planned += status ? cost : 0;
      else {
        spent += cost;
        const reason = ((r['data'] ?? {}) as Record<string, unknown>)['over_budget_reason'];
        if (typeof reason === 'string') overBudgetReasons.push({ report: String(r['id']), reportNo: String(col(r, 'report_no') ?? ''), cost, reason });
        const types = col(r, 'service_types');
        for (const t of Array.isArray(types) ? types : []) delivered.add(String(t));
      }
    }
    const hazards = this.#table('hazards').filter((h) => h['policy'] === policyId);
    const data = (policy['data'] ?? {}) as Record<string, unknown>;
    const agreed = Array.isArray(data['prevention_items']) ? data['prevention_items'].map(String) : [];
    const num = (v: unknown) => (typeof v === 'number' ? v : 0);
    const budget = num(col(policy, 'prevention_budget'));
    const premium = num(col(policy, 'premium'));
    spent = cents(spent);
    return {
      policy: policyId,
      policyNo: String(col(policy, 'policy_no') ?? ''),
      budget,
      premium,
      spent,
      planned: cents(planned),
      remaining: cents(budget - spent),
      overBudget: spent > budget,
      shareOfPremium: premium > 0 ? Math.round((spent / premium) * 10000) / 10000 : 0,
      overBudgetReasons,
      services,
      frequency: typeof data['service_frequency'] === 'number' ? data['service_frequency'] : 0,
      agreedItems: agreed,
      deliveredTypes: [...delivered].sort(),
      missingItems: agreed.filter((t) => !delivered.has(t)),
      hazards: hazards.length,
      majorHazards: hazards.filter((h) => col(h, 'is_major') === true).length,
      // no provider lists in memory: a provider is allowed
      providerStanding: policy['provider'] ? 'allowed' : '',
    };
  }

  /** Delivered after the write resolves, as a network event would be, to clients that may read the row. */
  #emit(collection: BusinessCollection, action: RecordChange['action'], row: Row): void {
    const snapshot = structuredClone(row);
    const entries = [...this.#shared.subscribers].filter(
      (s) => s.collection === collection && (!s.id || s.id === snapshot['id']) && s.client.#readable(collection, snapshot),
    );
    if (!entries.length) return;
    setTimeout(() => {
      for (const { listener } of entries) listener({ action, record: toStoredRecord(collection, structuredClone(snapshot)) });
    });
  }

  // ── rule packs ────────────────────────────────────────────────────────────────────────
  async effectivePack(region: string, date: string): Promise<EffectivePack> {
    const pack = (this.#shared.options.rulePacks ?? []).find((p) => p.region === region && packCovers(p, date));
    if (!pack) {
      throw new StoreError({
        code: 'not_found',
        status: 404,
        message_zh: `没有 ${region} 在 ${date} 适用的规则包`,
        message_en: `No rule pack for ${region} on ${date}`,
      });
    }
    return structuredClone(pack);
  }

  async listRulePacks(): Promise<readonly RulePack[]> {
    if (!this.#party) return [];
    const admin = this.#party.role === 'admin';
    return structuredClone(this.#shared.packs.filter((p) => admin || p.status !== 'draft'))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.version - b.version));
  }

  async saveRulePackDraft(version: number, document: PackDocument): Promise<RulePack> {
    this.#requireAdmin();
    const packs = this.#shared.packs;
    const i = packs.findIndex((p) => p.key === document.key && p.version === version);
    const existing = packs[i];
    if (existing && existing.status !== 'draft') {
      throw this.#definitionError('tables', 'pack_immutable', '已发布的规则包不能修改', 'A published pack never changes.');
    }
    const next: RulePack = { ...structuredClone(document), id: existing?.id ?? newIdempotencyKey(), version, status: 'draft', publishedAt: '' };
    if (existing) packs[i] = next;
    else packs.push(next);
    return structuredClone(next);
  }

  async setRulePackStatus(key: string, version: number, status: Exclude<DefinitionStatus, 'draft'>): Promise<RulePack> {
    this.#requireAdmin();
    const packs = this.#shared.packs;
    const i = packs.findIndex((p) => p.key === key && p.version === version);
    const existing = packs[i];
    if (!existing) throw storeError('not_found', 404);
    const allowed = DEFINITION_STATUS.terms.some((t) => t.code === existing.status && 'next' in t && t.next === status);
    if (!allowed) {
      throw this.#definitionError('status', 'definition_status_transition', `规则包状态不能从 ${existing.status} 改为 ${status}`, `A pack cannot move ${existing.status} → ${status}`);
    }
    packs[i] = { ...existing, status, publishedAt: existing.publishedAt || now() };
    return structuredClone(packs[i]);
  }

  async deleteRulePackDraft(key: string, version: number): Promise<void> {
    this.#requireAdmin();
    const i = this.#shared.packs.findIndex((p) => p.key === key && p.version === version && p.status === 'draft');
    if (i < 0) throw storeError('not_found', 404);
    this.#shared.packs.splice(i, 1);
  }

  async checkRulePack(document: PackDocument): Promise<PackCheck> {
    this.#requireAdmin();
    const check = this.#shared.options.checkPack;
    if (!check) throw this.#regulatorOnly('规则包检查', 'checking rule packs');
    return structuredClone(check(document));
  }

  async saveRegion(region: { readonly code: string; readonly name: string; readonly nameEn?: string }): Promise<RegionEntry> {
    this.#requireAdmin();
    if (!/^\d{6}$/.test(region.code)) {
      throw this.#definitionError('code', 'region_invalid', '行政区划代码须为六位数字', 'A region code has six digits.');
    }
    // the level and parent by the code's form, as the server does (the region-level vocabulary's suffixes)
    const terms = REGION_LEVEL.terms;
    const at = terms.findIndex((t) => region.code.endsWith(t.suffix));
    const level = terms[at]!.code as RegionEntry['level'];
    const above = terms[at - 1];
    const parent = above ? region.code.slice(0, 6 - above.suffix.length) + above.suffix : '';
    const entry: RegionEntry = { code: region.code, name: region.name, nameEn: region.nameEn ?? '', level, parent };
    const list = this.#shared.regions;
    const i = list.findIndex((r) => r.code === region.code);
    if (i >= 0) list[i] = entry;
    else list.push(entry);
    return { ...entry };
  }

  // ── <azx-coverage-map>, <azx-compliance-report> ───────────────────────────────────────
  // Aggregation is the server's job (SQL over the whole region); a MemoryStore holds a few rows
  // for stories and tests, so it says clearly that it does not do this. Stories and tests that
  // show these elements supply a subclass with fixed figures.
  #regulatorOnly(zh: string, en: string): StoreError {
    return new StoreError({
      code: 'unknown',
      status: 501,
      message_zh: `内存存储不支持${zh}，请使用 PocketBaseStore`,
      message_en: `MemoryStore does not support ${en}; use PocketBaseStore`,
    });
  }

  async coverageFigures(_query?: CoverageQuery): Promise<CoverageFigures> {
    throw this.#regulatorOnly('覆盖率统计', 'coverage figures');
  }

  async coverageRecords(_query: CoverageRecordsQuery): Promise<CoverageRecordPage> {
    throw this.#regulatorOnly('指标明细', 'coverage records');
  }

  async complianceReport(_query?: ComplianceQuery): Promise<ComplianceReport> {
    throw this.#regulatorOnly('合规通报', 'compliance reports');
  }

  async listInspectionRounds(_region?: string): Promise<readonly InspectionRound[]> {
    throw this.#regulatorOnly('检查轮次', 'inspection rounds');
  }

  async drawSample(_round: NewInspectionRound): Promise<InspectionRound> {
    throw this.#regulatorOnly('抽样', 'sampling');
  }

  async publishRound(_roundId: string): Promise<InspectionRound> {
    throw this.#regulatorOnly('检查轮次', 'inspection rounds');
  }

  async setRoundAssignments(_roundId: string, _assignments: readonly InspectionAssignment[]): Promise<InspectionRound> {
    throw this.#regulatorOnly('检查轮次', 'inspection rounds');
  }

  async roundSample(_roundId: string, _page?: number, _perPage?: number): Promise<RoundSamplePage> {
    throw this.#regulatorOnly('抽查样本', 'inspection samples');
  }

  async deleteRound(_roundId: string): Promise<void> {
    throw this.#regulatorOnly('检查轮次', 'inspection rounds');
  }

  async bulkUpload(_kind: BulkKind, _file: Blob, _options?: BulkUploadOptions): Promise<BulkResult> {
    // reading GBK and XLSX and judging every row is the server's: the memory store has no server
    throw new StoreError({ code: 'forbidden', status: 403, message_zh: '批量上传需要连接服务器', message_en: 'Bulk upload needs the server' });
  }

  async bulkProblems(result: BulkResult): Promise<BulkProblems> {
    // the answer's own lists: a memory store's answers (a story's) are complete
    return { failed: result.failed, flagged: result.flagged };
  }

  async bulkTemplate(_kind: BulkKind, _format: 'xlsx' | 'csv'): Promise<Blob> {
    throw new StoreError({ code: 'forbidden', status: 403, message_zh: '上传模板需要连接服务器', message_en: 'Upload templates need the server' });
  }

  async importFindings(_roundId: string, _file: Blob): Promise<FindingsSheetResult> {
    // reading the sheet (GBK, XLSX) and judging it against the round is the server's
    throw this.#regulatorOnly('检查发现', 'findings');
  }

  async listFindings(_roundId: string): Promise<readonly Finding[]> {
    throw this.#regulatorOnly('检查发现', 'findings');
  }

  async recordFinding(_finding: NewFinding): Promise<Finding> {
    throw this.#regulatorOnly('检查发现', 'findings');
  }
}

function partyFrom(user: MemoryUser): Party {
  const { password: _password, ...party } = user;
  return party;
}
