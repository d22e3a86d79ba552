/**
 * The outbox: a create that could not reach the server (offline, a dropped connection, a
 * server that did not answer) waits here, in IndexedDB, and is sent again when the browser is
 * back online, or on the next retry tick. Each entry keeps the idempotency key of its first
 * attempt, so a create whose answer was lost is never stored twice (Store.create semantics).
 *
 * A refusal by the server (validation, access) is not retried: it is final, and the entry is
 * dropped with an `azx-outbox-refused` event so the page can tell the user.
 */
import { isStoreError } from './errors.js';
import type { BusinessCollection, NewRecord, Store, StoredRecord } from './store.js';

export interface OutboxEntry {
  /** The idempotency key: also the entry's key in the outbox. */
  readonly idempotencyKey: string;
  readonly collection: BusinessCollection;
  readonly record: NewRecord;
  /** Who queued it (Party.userId): only that user's session sends it. */
  readonly owner: string;
  /** ISO 8601. */
  readonly queuedAt: string;
  readonly attempts: number;
}

/** The outcome of `submit()`: stored now, waiting in the outbox, or refused by the server. */
export type SubmitOutcome =
  | { readonly status: 'stored'; readonly record: StoredRecord }
  | { readonly status: 'queued'; readonly entry: OutboxEntry }
  | { readonly status: 'refused'; readonly error: unknown };

export interface OutboxDetail {
  readonly entry: OutboxEntry;
  readonly record?: StoredRecord;
  readonly error?: unknown;
}

interface Shelf {
  put(entry: OutboxEntry): Promise<void>;
  delete(key: string): Promise<void>;
  all(): Promise<OutboxEntry[]>;
}

/** Whether an error means "the server did not decide" (so trying again is right). */
export function isTransient(err: unknown): boolean {
  if (isStoreError(err)) return err.code === 'network' || err.status === 0 || err.status >= 500 || err.status === 429;
  // fetch's own TypeError ("Failed to fetch") when no store wrapped it
  return err instanceof TypeError;
}

class MemoryShelf implements Shelf {
  readonly #entries = new Map<string, OutboxEntry>();
  async put(entry: OutboxEntry) {
    this.#entries.set(entry.idempotencyKey, entry);
  }
  async delete(key: string) {
    this.#entries.delete(key);
  }
  async all() {
    return [...this.#entries.values()];
  }
}

class IndexedDbShelf implements Shelf {
  #db: Promise<IDBDatabase> | null = null;
  constructor(readonly name: string) {}
  #open(): Promise<IDBDatabase> {
    this.#db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(this.name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('entries', { keyPath: 'idempotencyKey' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return this.#db;
  }
  async #run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const store = (await this.#open()).transaction('entries', mode).objectStore('entries');
    return new Promise((resolve, reject) => {
      const req = op(store);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  async put(entry: OutboxEntry) {
    await this.#run('readwrite', (s) => s.put(entry));
  }
  async delete(key: string) {
    await this.#run('readwrite', (s) => s.delete(key));
  }
  async all() {
    return (await this.#run('readonly', (s) => s.getAll())) as OutboxEntry[];
  }
}

/**
 * One outbox per page and store. Fires on itself: `azx-outbox-stored` (a queued create went
 * through), `azx-outbox-refused` (the server refused it), `azx-outbox-change` (size changed).
 */
export class Outbox extends EventTarget {
  readonly #shelf: Shelf;
  readonly #store: Store;
  #flushing: Promise<void> | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #onOnline = () => void this.flush();

  /**
   * @param options.persist false keeps the queue in memory (tests, stories); default IndexedDB.
   * @param options.retryMs how often waiting entries are tried while the page is open.
   */
  constructor(store: Store, options: { persist?: boolean; databaseName?: string; retryMs?: number } = {}) {
    super();
    this.#store = store;
    const persist = options.persist ?? typeof indexedDB !== 'undefined';
    this.#shelf = persist ? new IndexedDbShelf(options.databaseName ?? 'azx-outbox') : new MemoryShelf();
    if (typeof window !== 'undefined') window.addEventListener('online', this.#onOnline);
    this.#timer = setInterval(() => void this.flush(), options.retryMs ?? 30_000);
  }

  /** Stops listening and retrying (the queue itself stays). */
  dispose(): void {
    if (typeof window !== 'undefined') window.removeEventListener('online', this.#onOnline);
    clearInterval(this.#timer);
  }

  /**
   * Creates the record now if the server answers; otherwise queues it with its key. The same
   * key submitted twice is the same create: the second resolves with the stored record.
   */
  async submit(collection: BusinessCollection, record: NewRecord, idempotencyKey: string): Promise<SubmitOutcome> {
    const owner = this.#store.party?.userId ?? '';
    try {
      const stored = await this.#store.create(collection, record, { idempotencyKey });
      await this.#shelf.delete(idempotencyKey);
      return { status: 'stored', record: stored };
    } catch (err) {
      if (!isTransient(err)) return { status: 'refused', error: err };
      const entry: OutboxEntry = { idempotencyKey, collection, record, owner, queuedAt: new Date().toISOString(), attempts: 1 };
      await this.#shelf.put(entry);
      this.dispatchEvent(new CustomEvent('azx-outbox-change'));
      return { status: 'queued', entry };
    }
  }

  /** The entries waiting, oldest first (the signed-in user's only). */
  async pending(): Promise<OutboxEntry[]> {
    const owner = this.#store.party?.userId ?? '';
    return (await this.#shelf.all()).filter((e) => e.owner === owner).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  }

  /** Sends every waiting entry once, in order; stops at the first that still cannot get through. */
  flush(): Promise<void> {
    this.#flushing ??= this.#flushOnce().finally(() => (this.#flushing = null));
    return this.#flushing;
  }

  async #flushOnce(): Promise<void> {
    for (const entry of await this.pending()) {
      try {
        const record = await this.#store.create(entry.collection, entry.record, { idempotencyKey: entry.idempotencyKey });
        await this.#shelf.delete(entry.idempotencyKey);
        this.dispatchEvent(new CustomEvent<OutboxDetail>('azx-outbox-stored', { detail: { entry, record } }));
      } catch (err) {
        if (isTransient(err)) {
          await this.#shelf.put({ ...entry, attempts: entry.attempts + 1 });
          return;
        }
        await this.#shelf.delete(entry.idempotencyKey);
        this.dispatchEvent(new CustomEvent<OutboxDetail>('azx-outbox-refused', { detail: { entry, error: err } }));
      }
      this.dispatchEvent(new CustomEvent('azx-outbox-change'));
    }
  }
}

const outboxes = new WeakMap<Store, Outbox>();

/** The page's outbox for a store (one per store, so every element shares the queue). */
export function outboxFor(store: Store): Outbox {
  let box = outboxes.get(store);
  if (!box) outboxes.set(store, (box = new Outbox(store)));
  return box;
}
