/**
 * Local drafts: what a user typed is kept in the browser (IndexedDB) until the server accepts
 * it, so a dropped connection or a closed tab loses nothing. A draft keeps the idempotency key
 * of its submit, so submitting again after a lost answer never stores twice.
 *
 * Drafts are local by design (never sent anywhere), and scoped by user so two people sharing a
 * browser never see each other's drafts.
 */
import { newIdempotencyKey } from './store.js';

export interface Draft<TData = Record<string, unknown>> {
  /** Where the draft belongs, from `draftScope()`. */
  readonly scope: string;
  readonly definition: string;
  readonly version: number;
  readonly data: TData;
  /** Reused on every submit of this draft; see `CreateOptions.idempotencyKey`. */
  readonly idempotencyKey: string;
  /** ISO 8601. */
  readonly savedAt: string;
}

export interface DraftBox {
  /** Keeps (or replaces) the draft of a scope; a new draft gets a fresh idempotency key. */
  save<TData>(scope: string, draft: Pick<Draft<TData>, 'definition' | 'version' | 'data'>): Promise<Draft<TData>>;
  load<TData>(scope: string): Promise<Draft<TData> | null>;
  /** Call once the server accepted the record. */
  remove(scope: string): Promise<void>;
  /** Drafts whose scope starts with `prefix`, e.g. one user's. */
  list(prefix: string): Promise<readonly Draft[]>;
}

/**
 * The scope of a draft: one user, one collection, one record (`new` for a record not yet
 * stored, optionally with a name to keep several new ones apart).
 */
export function draftScope(userId: string, collection: string, recordId = 'new'): string {
  return `${userId}/${collection}/${recordId}`;
}

function stamp<TData>(
  scope: string,
  draft: Pick<Draft<TData>, 'definition' | 'version' | 'data'>,
  previous: Draft<TData> | null,
): Draft<TData> {
  return {
    scope,
    definition: draft.definition,
    version: draft.version,
    data: structuredClone(draft.data),
    idempotencyKey: previous?.idempotencyKey ?? newIdempotencyKey(),
    savedAt: new Date().toISOString(),
  };
}

/** Drafts in memory: for stories, tests, and browsers without IndexedDB. */
export class MemoryDraftBox implements DraftBox {
  readonly #drafts = new Map<string, Draft<unknown>>();

  async save<TData>(scope: string, draft: Pick<Draft<TData>, 'definition' | 'version' | 'data'>): Promise<Draft<TData>> {
    const next = stamp(scope, draft, (this.#drafts.get(scope) as Draft<TData> | undefined) ?? null);
    this.#drafts.set(scope, next);
    return structuredClone(next);
  }

  async load<TData>(scope: string): Promise<Draft<TData> | null> {
    const d = this.#drafts.get(scope);
    return d ? (structuredClone(d) as Draft<TData>) : null;
  }

  async remove(scope: string): Promise<void> {
    this.#drafts.delete(scope);
  }

  async list(prefix: string): Promise<readonly Draft[]> {
    return [...this.#drafts.values()].filter((d) => d.scope.startsWith(prefix)).map((d) => structuredClone(d) as Draft);
  }
}

const STORE = 'drafts';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Drafts in IndexedDB, one object store keyed by scope. */
export class IndexedDbDraftBox implements DraftBox {
  readonly #name: string;
  #db: Promise<IDBDatabase> | null = null;

  constructor(databaseName = 'azx-drafts') {
    this.#name = databaseName;
  }

  #open(): Promise<IDBDatabase> {
    this.#db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(this.#name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'scope' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return this.#db;
  }

  async #store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await this.#open()).transaction(STORE, mode).objectStore(STORE);
  }

  async save<TData>(scope: string, draft: Pick<Draft<TData>, 'definition' | 'version' | 'data'>): Promise<Draft<TData>> {
    const next = stamp(scope, draft, await this.load<TData>(scope));
    await request((await this.#store('readwrite')).put(next));
    return next;
  }

  async load<TData>(scope: string): Promise<Draft<TData> | null> {
    return ((await request((await this.#store('readonly')).get(scope))) as Draft<TData> | undefined) ?? null;
  }

  async remove(scope: string): Promise<void> {
    await request((await this.#store('readwrite')).delete(scope));
  }

  async list(prefix: string): Promise<readonly Draft[]> {
    // Scopes that start with prefix sort between prefix and prefix + the highest code unit.
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    return (await request((await this.#store('readonly')).getAll(range))) as Draft[];
  }

  /** Closes the connection (tests; a page never needs to). */
  async close(): Promise<void> {
    if (this.#db) (await this.#db).close();
    this.#db = null;
  }
}
