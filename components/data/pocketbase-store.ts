/**
 * The default Store over the PocketBase JS SDK. This is the only file that imports the SDK;
 * elements see nothing of it. Access rules and validation live on the server; this class
 * only translates shapes and errors.
 */
import PocketBase, { BaseAuthStore, LocalAuthStore, type RecordModel, type RecordSubscription } from 'pocketbase';
import { fieldError, isStoreError, storeError, StoreError } from './errors.js';
import { fromPocketBaseError } from './pocketbase-errors.js';
import { paging, toStoredEvent, toStoredRecord, type Row } from './rows.js';
import type { EffectivePack, PackCheck, PackDocument, RulePack } from './rule-packs.js';
import { KEYSET_FROM_OFFSET, keysetFilter, keysetSortable } from './keyset.js';
import {
  isIdempotencyKey,
  type BusinessCollection,
  type Condition,
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
  type FilterScalar,
  type ListQuery,
  type NewRecord,
  type Organization,
  type OrganizationQuery,
  type Page,
  type Party,
  type RecordChange,
  type RecordData,
  type ScopeLevel,
  type ServiceDelivery,
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
import { codesOf } from './terms.js';
import { REGION_LEVEL, ROLE, SERVICE_REPORT_STATUS, type DefinitionStatus, type Role, type ServiceReportStatus } from './vocab.js';

export interface PocketBaseStoreOptions {
  /** The server's base URL, e.g. "http://127.0.0.1:8090". */
  readonly url: string;
  /**
   * Keep the session in localStorage under this key, so a reload stays signed in. Omit for a
   * session that lives only as long as this object (tests, several parties in one page).
   */
  readonly persistKey?: string;
  /** The language of `message` in errors; both languages are always present. Default zh. */
  readonly lang?: 'zh' | 'en';
  /**
   * The fetch every request goes through; default the page's. A portal may pass its own
   * (instrumented, proxied); tests pass one that drops the connection on demand.
   */
  readonly fetch?: (url: RequestInfo | URL, config?: RequestInit) => Promise<Response>;
  /**
   * Uncounted pages (`skipTotal`) starting at this offset or deeper are read by key through the
   * server's /api/azx/paging route instead of with OFFSET (see keyset.ts). Default 1000.
   */
  readonly keysetFromOffset?: number;
}

const ROLES: ReadonlySet<string> = new Set(codesOf(ROLE));
const SCOPES: ReadonlySet<string> = new Set(codesOf(REGION_LEVEL));

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The party of an auth record, or null when it is not an AZX user. */
function partyOf(record: RecordModel | null): Party | null {
  if (!record) return null;
  const role = str(record['role']);
  if (!ROLES.has(role)) return null;
  const org = (record['expand'] as Record<string, unknown> | undefined)?.['organization'] as Row | undefined;
  const scope = str(record['scope_level']);
  return {
    userId: record.id,
    email: str(record['email']),
    name: str(record['name']),
    role: role as Role,
    organizationId: str(record['organization']),
    ...(org && typeof org['name'] === 'string' ? { organizationName: org['name'] } : {}),
    ...(SCOPES.has(scope) ? { scopeLevel: scope as ScopeLevel, regionScope: str(record['region_scope']) } : {}),
  };
}

function organizationOf(row: RecordModel): Organization {
  return {
    id: row.id,
    name: str(row['name']),
    kind: str(row['kind']) as Organization['kind'],
    uscc: str(row['uscc']),
    regionCode: str(row['region_code']),
  };
}

function regionOf(row: RecordModel): RegionEntry {
  return {
    code: str(row['code']),
    name: str(row['name']),
    nameEn: str(row['name_en']),
    level: str(row['level']) as RegionEntry['level'],
    parent: str(row['parent']),
  };
}

function industryOf(row: RecordModel): IndustryEntry {
  const sections = row['gbt4754'];
  return {
    code: str(row['code']),
    name: str(row['name']),
    nameEn: str(row['name_en']),
    gbt4754: Array.isArray(sections) ? sections.filter((s): s is string => typeof s === 'string') : [],
  };
}

const PACK_JSON = ['sources', 'tables', 'computations', 'rules', 'tests'] as const;

function rulePackOf(row: RecordModel): RulePack {
  const list = (k: string): never => (Array.isArray(row[k]) ? row[k] : []) as never;
  return {
    id: row.id,
    key: str(row['key']),
    version: Number(row['version']),
    status: str(row['status']) as RulePack['status'],
    title: str(row['title']),
    title_en: str(row['title_en']),
    jurisdiction: str(row['jurisdiction']),
    legal_status: str(row['legal_status']) as RulePack['legal_status'],
    effective_from: str(row['effective_from']),
    effective_to: str(row['effective_to']) || null,
    extends: str(row['extends']) || null,
    note: row['note'] ?? null,
    sources: list('sources'),
    tables: (row['tables'] && typeof row['tables'] === 'object' ? row['tables'] : {}) as RulePack['tables'],
    computations: list('computations'),
    rules: list('rules'),
    tests: list('tests'),
    publishedAt: str(row['published_at']),
  };
}

/** A document as the rule_packs columns take it (JSON columns whole; null dates as empty). */
function packBody(document: PackDocument): Record<string, unknown> {
  const body: Record<string, unknown> = { ...document, effective_to: document.effective_to ?? '', extends: document.extends ?? '' };
  for (const k of PACK_JSON) body[k] = document[k] ?? (k === 'tables' ? {} : []);
  return body;
}

/** Codes per regions request: a filter of 100 codes stays well inside a URL. */
const REGION_CHUNK = 100;

function definitionOf(row: RecordModel): FormDefinition {
  return {
    id: row.id,
    key: str(row['key']),
    version: Number(row['version'] ?? 0),
    status: str(row['status']) as FormDefinition['status'],
    title: str(row['title']),
    industry: str(row['industry']),
    base: str(row['base']),
    schema: (row['schema'] ?? {}) as FormDefinition['schema'],
    hash: str(row['hash']),
    publishedAt: str(row['published_at']),
  };
}

const FILTER_FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

export class PocketBaseStore implements Store {
  readonly #pb: PocketBase;
  readonly #lang: 'zh' | 'en';
  #party: Party | null;
  readonly #listeners = new Set<(party: Party | null) => void>();

  readonly #keysetFrom: number;

  constructor(options: PocketBaseStoreOptions) {
    const auth = options.persistKey ? new LocalAuthStore(options.persistKey) : new BaseAuthStore();
    this.#lang = options.lang ?? 'zh';
    this.#keysetFrom = options.keysetFromOffset ?? KEYSET_FROM_OFFSET;
    this.#pb = new PocketBase(options.url, auth, this.#lang === 'en' ? 'en' : 'zh-CN');
    // Elements legitimately issue the same request twice (two lists of one collection);
    // the SDK's default would cancel the first.
    this.#pb.autoCancellation(false);
    const ownFetch = options.fetch;
    if (ownFetch) this.#pb.beforeSend = (url, init) => ({ url, options: { ...init, fetch: ownFetch } });
    this.#party = auth.isValid ? partyOf(auth.record) : null;
    auth.onChange((_token, record) => this.#setParty(auth.isValid ? partyOf(record) : null));
  }

  get party(): Party | null {
    return this.#party;
  }

  #setParty(party: Party | null): void {
    if (JSON.stringify(party) === JSON.stringify(this.#party)) return;
    this.#party = party;
    for (const listener of [...this.#listeners]) listener(party);
  }

  #error(err: unknown): StoreError {
    const e = isStoreError(err) ? err : fromPocketBaseError(err, this.#lang);
    // An expired or revoked session: say so to party listeners, so the UI asks to sign in again.
    if (e.status === 401) this.#pb.authStore.clear();
    return e;
  }

  async signIn(email: string, password: string): Promise<Party> {
    let record: RecordModel;
    try {
      ({ record } = await this.#pb.collection('users').authWithPassword(email, password, { expand: 'organization' }));
    } catch (err) {
      const e = this.#error(err);
      throw e.status === 400 ? storeError('auth_failed', 400, e.fieldErrors, err) : e;
    }
    const party = partyOf(record);
    if (!party) {
      this.#pb.authStore.clear();
      throw storeError('forbidden', 403);
    }
    return party;
  }

  async signOut(): Promise<void> {
    // The server keeps a realtime connection's auth from when it subscribed; end it.
    await this.#pb.realtime.unsubscribe().catch(() => undefined);
    this.#pb.authStore.clear();
  }

  onPartyChange(listener: (party: Party | null) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async listOrganizations(query: OrganizationQuery = {}): Promise<readonly Organization[]> {
    if (query.ids && query.ids.length === 0) return [];
    const where: Condition[] = [];
    if (query.kind) where.push({ field: 'kind', op: '=', value: query.kind });
    if (query.ids) where.push({ field: 'id', op: 'in', value: query.ids });
    try {
      const rows = await this.#pb.collection('organizations').getFullList({ filter: this.#filter(where), sort: 'name', batch: 500 });
      return rows.map(organizationOf);
    } catch (err) {
      throw this.#error(err);
    }
  }

  async listRegions(query: RegionQuery): Promise<readonly RegionEntry[]> {
    const read = async (where: Condition[]) =>
      (await this.#pb.collection('regions').getFullList({ filter: this.#filter(where), sort: 'code', batch: 500 })).map(regionOf);
    try {
      if (query.parent !== undefined) return await read([{ field: 'parent', op: '=', value: query.parent }]);
      const codes = [...new Set(query.codes ?? [])];
      const out: RegionEntry[] = [];
      for (let i = 0; i < codes.length; i += REGION_CHUNK) {
        out.push(...(await read([{ field: 'code', op: 'in', value: codes.slice(i, i + REGION_CHUNK) }])));
      }
      return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    } catch (err) {
      throw this.#error(err);
    }
  }

  async listIndustries(): Promise<readonly IndustryEntry[]> {
    try {
      return (await this.#pb.collection('industries').getFullList({ sort: 'sort,code', batch: 500 })).map(industryOf);
    } catch (err) {
      throw this.#error(err);
    }
  }

  async listDefinitions(query: DefinitionQuery = {}): Promise<readonly FormDefinition[]> {
    const where: Condition[] = [];
    if (query.key !== undefined) where.push({ field: 'key', op: '=', value: query.key });
    if (query.status) where.push({ field: 'status', op: 'in', value: query.status });
    try {
      const rows = await this.#pb.collection('form_definitions').getFullList({
        filter: this.#filter(where),
        sort: 'key,version',
        batch: 200,
      });
      return rows.map(definitionOf);
    } catch (err) {
      throw this.#error(err);
    }
  }

  async getDefinition(key: string, version: number): Promise<FormDefinition> {
    try {
      const row = await this.#pb
        .collection('form_definitions')
        .getFirstListItem(this.#pb.filter('key = {:key} && version = {:version}', { key, version }));
      return definitionOf(row);
    } catch (err) {
      throw this.#error(err);
    }
  }

  async latestDefinition(key: string): Promise<FormDefinition> {
    let items: RecordModel[];
    try {
      ({ items } = await this.#pb.collection('form_definitions').getList(1, 1, {
        filter: this.#pb.filter('key = {:key} && status = "published"', { key }),
        sort: '-version',
        skipTotal: true,
      }));
    } catch (err) {
      throw this.#error(err);
    }
    const [first] = items;
    if (!first) throw storeError('not_found', 404);
    return definitionOf(first);
  }

  /** The row of one version, or null (admins see drafts too). */
  async #definitionRow(key: string, version: number): Promise<RecordModel | null> {
    try {
      const { items } = await this.#pb.collection('form_definitions').getList(1, 1, {
        filter: this.#pb.filter('key = {:key} && version = {:version}', { key, version }),
        skipTotal: true,
      });
      return items[0] ?? null;
    } catch (err) {
      throw this.#error(err);
    }
  }

  async saveDefinitionDraft(draft: DefinitionDraft): Promise<FormDefinition> {
    const body = {
      key: draft.key,
      version: draft.version,
      title: draft.title,
      industry: draft.industry ?? '',
      base: draft.base ?? '',
      schema: draft.schema,
      status: 'draft',
    };
    const existing = await this.#definitionRow(draft.key, draft.version);
    try {
      const row = existing
        ? await this.#pb.collection('form_definitions').update(existing.id, body)
        : await this.#pb.collection('form_definitions').create(body);
      return definitionOf(row);
    } catch (err) {
      throw this.#error(err);
    }
  }

  async setDefinitionStatus(key: string, version: number, status: Exclude<DefinitionStatus, 'draft'>): Promise<FormDefinition> {
    const existing = await this.#definitionRow(key, version);
    if (!existing) throw storeError('not_found', 404);
    try {
      return definitionOf(await this.#pb.collection('form_definitions').update(existing.id, { status }));
    } catch (err) {
      throw this.#error(err);
    }
  }

  async deleteDefinitionDraft(key: string, version: number): Promise<void> {
    const existing = await this.#definitionRow(key, version);
    if (!existing) throw storeError('not_found', 404);
    // The server's delete rule hides non-drafts (a 404); say why instead.
    if (existing['status'] !== 'draft') {
      throw storeError('validation', 400, {
        status: fieldError('definition_not_draft', '只能删除草稿', 'Only drafts can be deleted.', this.#lang),
      });
    }
    try {
      await this.#pb.collection('form_definitions').delete(existing.id);
    } catch (err) {
      throw this.#error(err);
    }
  }

  async list<TData = RecordData>(collection: BusinessCollection, query: ListQuery = {}): Promise<Page<StoredRecord<TData>>> {
    return this.#page(collection, query, (row) => toStoredRecord<TData>(collection, row));
  }

  async #page<T>(collection: string, query: ListQuery, map: (row: RecordModel) => T): Promise<Page<T>> {
    const { page, perPage } = paging(query);
    const sort = query.sort ?? [];
    const offset = (page - 1) * perPage;
    try {
      const filter = this.#filter(query.where ?? []);
      if (query.skipTotal && offset >= this.#keysetFrom && offset > 0 && keysetSortable(sort)) {
        return { ...(await this.#pageAfterKey(collection, filter, sort, offset, perPage, map)), page };
      }
      const result = await this.#pb.collection(collection).getList(page, perPage, {
        filter,
        sort: sort.join(','),
        ...(query.skipTotal ? { skipTotal: true } : {}),
      });
      return {
        items: result.items.map(map),
        page: result.page,
        perPage: result.perPage,
        totalItems: result.totalItems,
        totalPages: result.totalPages,
      };
    } catch (err) {
      throw this.#error(err);
    }
  }

  /** A deep page read by key (see keyset.ts): the key of the row before it, then the rows after that key. */
  async #pageAfterKey<T>(collection: string, filter: string, sort: readonly string[], offset: number, perPage: number, map: (row: RecordModel) => T): Promise<Page<T>> {
    const { key } = await this.#pb.send<{ key: Record<string, FilterScalar> | null }>(`/api/azx/paging/${encodeURIComponent(collection)}/key`, {
      query: { offset: offset - 1, sort: sort.join(','), ...(filter ? { filter } : {}) },
    });
    if (!key) return { items: [], page: 1, perPage, totalItems: -1, totalPages: -1 };
    const after = keysetFilter(sort, key);
    const afterFilter = this.#pb.filter(after.expr, after.params);
    const result = await this.#pb.collection(collection).getList(1, perPage, {
      filter: filter ? `(${filter}) && (${afterFilter})` : afterFilter,
      sort: sort.join(','),
      skipTotal: true,
    });
    return { items: result.items.map(map), page: 1, perPage: result.perPage, totalItems: -1, totalPages: -1 };
  }

  async get<TData = RecordData>(collection: BusinessCollection, id: string): Promise<StoredRecord<TData>> {
    try {
      return toStoredRecord<TData>(collection, await this.#pb.collection(collection).getOne(id));
    } catch (err) {
      throw this.#error(err);
    }
  }

  async history(collection: BusinessCollection, id: string): Promise<readonly RecordRevision[]> {
    try {
      const r = await this.#pb.send<{ items: Row[] }>(`/api/azx/records/${encodeURIComponent(collection)}/${encodeURIComponent(id)}/history`, {});
      return r.items.map((i) => {
        const actor = (i['actor'] ?? {}) as Row;
        return {
          revision: Number(i['revision']),
          action: i['action'] === 'correct' ? 'correct' : 'create',
          at: String(i['at'] ?? ''),
          reason: String(i['reason'] ?? ''),
          actor: {
            role: String(actor['role'] ?? '') as Role | '',
            organization: String(actor['organization'] ?? ''),
            organizationName: String(actor['organization_name'] ?? ''),
            system: actor['system'] === true,
          },
        };
      });
    } catch (err) {
      throw this.#error(err);
    }
  }

  async create<TData = RecordData>(
    collection: BusinessCollection,
    record: NewRecord<TData>,
    options: CreateOptions = {},
  ): Promise<StoredRecord<TData>> {
    const body: Row = {
      ...record.columns,
      definition: record.definition,
      version: record.version,
      data: record.data,
      ...fileBody(record.files, ''),
    };
    return toStoredRecord<TData>(collection, await this.#createRow(collection, body, options.idempotencyKey));
  }

  async listEvents(collection: EventCollection, query: ListQuery = {}): Promise<Page<StoredEvent>> {
    return this.#page(collection, query, (row) => toStoredEvent(collection, row));
  }

  async appendEvent(collection: EventCollection, event: NewEvent, options: CreateOptions = {}): Promise<StoredEvent> {
    const body: Row = { ...event.fields, ...fileBody(event.files, '') };
    return toStoredEvent(collection, await this.#createRow(collection, body, options.idempotencyKey));
  }

  /** Creates a row; an idempotency key becomes its id, so the primary key makes a retry unable to store twice. */
  async #createRow(collection: string, body: Row, key: string | undefined): Promise<RecordModel> {
    if (key !== undefined && !isIdempotencyKey(key)) {
      throw storeError('validation', 400, {
        id: fieldError('invalid_idempotency_key', '提交编号格式不正确', 'The idempotency key is malformed.', this.#lang),
      });
    }
    try {
      return await this.#pb.collection(collection).create(key ? { ...body, id: key } : body);
    } catch (err) {
      const e = this.#error(err);
      if (key && e.status === 400) {
        // A row with our key means our own earlier attempt went through and only its answer
        // was lost (the server may refuse the retry on a unique column before the id).
        const stored = await this.#pb.collection(collection).getOne(key).catch(() => null);
        if (stored) return stored;
      }
      throw e;
    }
  }

  async correct<TData = RecordData>(
    collection: BusinessCollection,
    id: string,
    correction: Correction<TData>,
  ): Promise<StoredRecord<TData>> {
    const body: Row = {
      ...correction.columns,
      ...(correction.data !== undefined ? { data: correction.data } : {}),
      ...fileBody(correction.files, '+'),
      // Sent as given: the server decides what a valid reason is.
      correction_reason: correction.reason,
    };
    try {
      return toStoredRecord<TData>(collection, await this.#pb.collection(collection).update(id, body));
    } catch (err) {
      throw this.#error(err);
    }
  }

  async fileUrl(record: StoredRecord<unknown>, filename: string, options: FileUrlOptions = {}): Promise<string> {
    let token = '';
    if (this.#pb.authStore.isValid) {
      try {
        token = await this.#pb.files.getToken();
      } catch (err) {
        throw this.#error(err);
      }
    }
    return this.#pb.files.getURL({ id: record.id, collectionName: record.collection }, filename, {
      ...(options.thumb ? { thumb: options.thumb } : {}),
      ...(token ? { token } : {}),
    });
  }

  async subscribe<TData = RecordData>(
    collection: BusinessCollection,
    listener: (change: RecordChange<TData>) => void,
    options: SubscribeOptions = {},
  ): Promise<Unsubscribe> {
    return this.#subscribe(collection, options.id ?? '*', (action, row) =>
      listener({ action, record: toStoredRecord<TData>(collection, row) }),
    );
  }

  async subscribeEvents(collection: EventCollection, listener: (event: StoredEvent) => void): Promise<Unsubscribe> {
    return this.#subscribe(collection, '*', (action, row) => {
      if (action === 'create') listener(toStoredEvent(collection, row));
    });
  }

  async #subscribe(
    collection: string,
    topic: string,
    deliver: (action: RecordChange['action'], row: RecordModel) => void,
  ): Promise<Unsubscribe> {
    let unsubscribe: () => Promise<void>;
    try {
      unsubscribe = await this.#pb.collection(collection).subscribe(topic, (event: RecordSubscription<RecordModel>) => {
        const action = event.action === 'create' || event.action === 'update' || event.action === 'delete' ? event.action : null;
        if (action) deliver(action, event.record);
      });
    } catch (err) {
      throw this.#error(err);
    }
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      await unsubscribe().catch(() => undefined);
    };
  }

  /** Conditions to a PocketBase filter; values always go through the SDK's escaping. */
  #filter(where: readonly Condition[]): string {
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    let n = 0;
    const param = (value: unknown): string => {
      const name = `p${n++}`;
      params[name] = value;
      return `{:${name}}`;
    };
    for (const c of where) {
      if (!FILTER_FIELD.test(c.field)) {
        throw storeError('validation', 400, {
          [c.field]: fieldError('invalid_filter_field', '筛选字段无效', 'The filter field is invalid.', this.#lang),
        });
      }
      if (c.op === 'in') {
        const values = Array.isArray(c.value) ? c.value : [c.value];
        // An empty list matches nothing; no row has an empty id.
        parts.push(values.length ? `(${values.map((v) => `${c.field} = ${param(v)}`).join(' || ')})` : `id = ""`);
      } else {
        parts.push(`${c.field} ${c.op} ${param(c.value)}`);
      }
    }
    return parts.length ? this.#pb.filter(parts.join(' && '), params) : '';
  }

  // ── <azx-service-report> ──────────────────────────────────────────────────────────────
  async serviceLedger(policyId: string): Promise<ServiceLedger> {
    try {
      const row = await this.#pb.send<Row>('/api/azx/services/ledger', { query: { policy: policyId } });
      return ledgerOf(row);
    } catch (err) {
      throw this.#error(err);
    }
  }

  // ── rule packs ────────────────────────────────────────────────────────────────────────
  async effectivePack(region: string, date: string): Promise<EffectivePack> {
    try {
      return await this.#pb.send<EffectivePack>('/api/azx/packs/effective', { query: { region, date } });
    } catch (err) {
      throw this.#error(err);
    }
  }

  async listRulePacks(): Promise<readonly RulePack[]> {
    try {
      return (await this.#pb.collection('rule_packs').getFullList({ sort: 'key,version', batch: 200 })).map(rulePackOf);
    } catch (err) {
      throw this.#error(err);
    }
  }

  async #packRow(key: string, version: number): Promise<RecordModel | null> {
    try {
      const { items } = await this.#pb.collection('rule_packs').getList(1, 1, {
        filter: this.#pb.filter('key = {:key} && version = {:version}', { key, version }),
        skipTotal: true,
      });
      return items[0] ?? null;
    } catch (err) {
      throw this.#error(err);
    }
  }

  async saveRulePackDraft(version: number, document: PackDocument): Promise<RulePack> {
    const body = { ...packBody(document), version, status: 'draft' };
    const existing = await this.#packRow(document.key, version);
    try {
      const row = existing
        ? await this.#pb.collection('rule_packs').update(existing.id, body)
        : await this.#pb.collection('rule_packs').create(body);
      return rulePackOf(row);
    } catch (err) {
      throw this.#error(err);
    }
  }

  async setRulePackStatus(key: string, version: number, status: Exclude<DefinitionStatus, 'draft'>): Promise<RulePack> {
    const existing = await this.#packRow(key, version);
    if (!existing) throw storeError('not_found', 404);
    try {
      return rulePackOf(await this.#pb.collection('rule_packs').update(existing.id, { status }));
    } catch (err) {
      throw this.#error(err);
    }
  }

  async deleteRulePackDraft(key: string, version: number): Promise<void> {
    const existing = await this.#packRow(key, version);
    if (!existing) throw storeError('not_found', 404);
    try {
      await this.#pb.collection('rule_packs').delete(existing.id);
    } catch (err) {
      throw this.#error(err);
    }
  }

  async checkRulePack(document: PackDocument): Promise<PackCheck> {
    try {
      // the route reads a document (null for an open end or no parent), not the record's columns
      return await this.#pb.send<PackCheck>('/api/azx/packs/check', { method: 'POST', body: document });
    } catch (err) {
      throw this.#error(err);
    }
  }

  async saveRegion(region: { readonly code: string; readonly name: string; readonly nameEn?: string }): Promise<RegionEntry> {
    const body = { code: region.code, name: region.name, name_en: region.nameEn ?? '' };
    try {
      const { items } = await this.#pb.collection('regions').getList(1, 1, { filter: this.#pb.filter('code = {:c}', { c: region.code }), skipTotal: true });
      const row = items[0]
        ? await this.#pb.collection('regions').update(items[0].id, { name: body.name, name_en: body.name_en })
        : await this.#pb.collection('regions').create(body);
      return regionOf(row);
    } catch (err) {
      throw this.#error(err);
    }
  }

  // ── <azx-coverage-map>, <azx-compliance-report> ───────────────────────────────────────
  // The server's JSON is already in these shapes (backend/internal/coverage).
  async #regulator<T>(path: string, query: object, body?: object, method?: 'DELETE'): Promise<T> {
    const q: Record<string, string> = {};
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '') continue;
      q[k === 'minSharePct' ? 'min_share' : k] = String(v);
    }
    try {
      return await this.#pb.send<T>(path, method ? { method, query: q } : body ? { method: 'POST', body, query: q } : { query: q });
    } catch (err) {
      const e = this.#error(err);
      // these routes say why in both languages (e.g. "outside this account's scope"): keep it
      const r = (err as { response?: { message_zh?: unknown; message_en?: unknown } }).response;
      if (typeof r?.message_zh !== 'string' || typeof r.message_en !== 'string') throw e;
      throw new StoreError({ code: e.code, status: e.status, message_zh: r.message_zh, message_en: r.message_en, fieldErrors: e.fieldErrors, cause: err });
    }
  }

  coverageFigures(query: CoverageQuery = {}): Promise<CoverageFigures> {
    return this.#regulator('/api/azx/coverage/figures', query);
  }

  coverageRecords(query: CoverageRecordsQuery): Promise<CoverageRecordPage> {
    return this.#regulator('/api/azx/coverage/records', query);
  }

  complianceReport(query: ComplianceQuery = {}): Promise<ComplianceReport> {
    return this.#regulator('/api/azx/compliance/report', query);
  }

  listInspectionRounds(region?: string): Promise<readonly InspectionRound[]> {
    return this.#regulator('/api/azx/compliance/rounds', { region });
  }

  drawSample(round: NewInspectionRound): Promise<InspectionRound> {
    return this.#regulator('/api/azx/compliance/rounds', {}, round);
  }

  publishRound(roundId: string): Promise<InspectionRound> {
    return this.#regulator(`/api/azx/compliance/rounds/${encodeURIComponent(roundId)}/publish`, {}, {});
  }

  setRoundAssignments(roundId: string, assignments: readonly InspectionAssignment[]): Promise<InspectionRound> {
    return this.#regulator(`/api/azx/compliance/rounds/${encodeURIComponent(roundId)}/assignments`, {}, { assignments });
  }

  roundSample(roundId: string, page?: number, perPage?: number): Promise<RoundSamplePage> {
    return this.#regulator(`/api/azx/compliance/rounds/${encodeURIComponent(roundId)}/sample`, { page, perPage });
  }

  async deleteRound(roundId: string): Promise<void> {
    await this.#regulator(`/api/azx/compliance/rounds/${encodeURIComponent(roundId)}`, {}, undefined, 'DELETE');
  }

  bulkUpload(kind: BulkKind, file: Blob, options: BulkUploadOptions = {}): Promise<BulkResult> {
    const url = new URL(this.#pb.buildURL(`/api/azx/bulk/${kind}`));
    if (options.mode === 'import') url.searchParams.set('mode', 'import');
    if (options.upload) url.searchParams.set('upload', options.upload);
    const form = new FormData();
    form.append('file', file, file instanceof File ? file.name : 'upload');
    // XMLHttpRequest, not fetch: only it reports the bytes sent while a large file goes up
    return new Promise<BulkResult>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      if (this.#pb.authStore.token) xhr.setRequestHeader('Authorization', this.#pb.authStore.token);
      xhr.setRequestHeader('Accept-Language', this.#lang === 'en' ? 'en' : 'zh-CN');
      xhr.upload.onprogress = (e) => options.onProgress?.(e.loaded, e.total);
      const dropped = () => reject(storeError('network', 0));
      xhr.onerror = dropped;
      xhr.onabort = dropped;
      xhr.ontimeout = dropped;
      xhr.onload = () => {
        let body: unknown;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = {};
        }
        if (xhr.status === 200) {
          const r = body as BulkResult;
          const failed = r.failed ?? [];
          const flagged = r.flagged ?? [];
          resolve({ ...r, failed, flagged, failed_count: r.failed_count ?? failed.length, flagged_count: r.flagged_count ?? flagged.length, complete: r.complete ?? true });
          return;
        }
        const e = this.#error({ status: xhr.status, response: body });
        const m = body as { message_zh?: unknown; message_en?: unknown };
        reject(
          typeof m.message_zh === 'string' && typeof m.message_en === 'string'
            ? new StoreError({ code: e.code, status: e.status, message_zh: m.message_zh, message_en: m.message_en, fieldErrors: e.fieldErrors })
            : e,
        );
      };
      xhr.send(form);
    });
  }

  async bulkProblems(result: BulkResult): Promise<BulkProblems> {
    if (result.complete || !result.results) return { failed: result.failed, flagged: result.flagged };
    const all = await this.#regulator<Partial<BulkProblems>>(result.results, {});
    return { failed: all.failed ?? [], flagged: all.flagged ?? [] };
  }

  async bulkTemplate(kind: BulkKind, format: 'xlsx' | 'csv'): Promise<Blob> {
    // a file, not JSON: the SDK's send reads every answer as JSON
    const headers: Record<string, string> = this.#pb.authStore.token ? { Authorization: this.#pb.authStore.token } : {};
    let res: Response;
    try {
      res = await fetch(this.#pb.buildURL(`/api/azx/bulk/${kind}/template.${format}`), { headers });
    } catch (err) {
      throw storeError('network', 0, undefined, err);
    }
    if (!res.ok) throw this.#error({ status: res.status, response: await res.json().catch(() => ({})) });
    return res.blob();
  }

  listFindings(roundId: string): Promise<readonly Finding[]> {
    return this.#regulator(`/api/azx/compliance/rounds/${encodeURIComponent(roundId)}/findings`, {});
  }

  recordFinding(finding: NewFinding): Promise<Finding> {
    const { round, ...body } = finding;
    return this.#regulator(`/api/azx/compliance/rounds/${encodeURIComponent(round)}/findings`, {}, body);
  }

  async importFindings(roundId: string, file: Blob): Promise<FindingsSheetResult> {
    const form = new FormData();
    form.append('file', file, file instanceof File ? file.name : 'findings');
    const r = await this.#regulator<FindingsSheetResult>(`/api/azx/compliance/rounds/${encodeURIComponent(roundId)}/findings/import`, {}, form);
    return { ...r, failed: r.failed ?? [] };
  }
}

/** The ledger route's JSON (snake_case) as a ServiceLedger. */
function ledgerOf(row: Row): ServiceLedger {
  const num = (k: string) => (typeof row[k] === 'number' ? (row[k] as number) : 0);
  const list = (k: string) => (Array.isArray(row[k]) ? (row[k] as unknown[]).filter((v): v is string => typeof v === 'string') : []);
  const services = (row['services'] ?? {}) as Record<string, unknown>;
  const count = (k: string) => (typeof services[k] === 'number' ? (services[k] as number) : 0);
  return {
    policy: str(row['policy']),
    policyNo: str(row['policy_no']),
    budget: num('budget'),
    premium: num('premium'),
    spent: num('spent'),
    planned: num('planned'),
    remaining: num('remaining'),
    overBudget: row['over_budget'] === true,
    shareOfPremium: num('share_of_premium'),
    overBudgetReasons: (Array.isArray(row['over_budget_reasons']) ? (row['over_budget_reasons'] as Row[]) : []).map((x) => ({
      report: str(x['report']),
      reportNo: str(x['report_no']),
      cost: typeof x['cost'] === 'number' ? x['cost'] : 0,
      reason: str(x['reason']),
    })),
    services: Object.fromEntries(codesOf(SERVICE_REPORT_STATUS).map((s) => [s, count(s)])) as Record<ServiceReportStatus, number>,
    frequency: num('frequency'),
    agreedItems: list('agreed_items'),
    deliveredTypes: list('delivered_types'),
    missingItems: list('missing_items'),
    hazards: num('hazards'),
    majorHazards: num('major_hazards'),
    providerStanding: (['allowed', 'blacklisted', 'not_whitelisted'] as const).find((x) => x === row['provider_standing']) ?? '',
    ...(row['delivery'] && typeof row['delivery'] === 'object' ? { delivery: deliveryOf(row['delivery'] as Row) } : {}),
  };
}

function deliveryOf(row: Row): ServiceDelivery {
  const num = (k: string) => (typeof row[k] === 'number' ? (row[k] as number) : 0);
  return {
    riskGrade: str(row['risk_grade']),
    planVisits: num('plan_visits'),
    visitsPlanned: num('visits_planned'),
    visitsDue: num('visits_due'),
    visitsDelivered: num('visits_delivered'),
    assistanceRequired: num('assistance_required'),
    assistanceDelivered: num('assistance_delivered'),
    behindPlan: row['behind_plan'] === true,
    noAssistance: row['no_assistance'] === true,
  };
}

/** File fields for the SDK's multipart body; `suffix` "+" appends instead of replacing. */
function fileBody(files: FileFields | undefined, suffix: '' | '+'): Row {
  const body: Row = {};
  for (const [field, list] of Object.entries(files ?? {})) if (list.length) body[`${field}${suffix}`] = [...list];
  return body;
}
