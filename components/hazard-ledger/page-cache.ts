/**
 * Rows of one query, fetched from the Store a page at a time as the virtual list needs them.
 * A new query makes a new cache; it shows the previous cache's rows until its own arrive, so a
 * refresh never flashes empty rows.
 */
import type { Page } from '../data/store.js';

/** How long a page whose fetch failed waits before it is fetched again. */
export const RETRY_MS = 2000;

export class PageCache<T> {
  readonly #fetch: (page: number, perPage: number) => Promise<Page<T>>;
  readonly #perPage: number;
  readonly #pages = new Map<number, readonly T[]>();
  readonly #pending = new Map<number, Promise<void>>();
  /** Pages whose fetch failed, and when: retried after RETRY_MS, not in a tight loop. */
  readonly #failed = new Map<number, number>();
  #fallback: PageCache<T> | undefined;
  #total: number | undefined;
  /** Rows known to exist while the count is not in (pages fetched without counting). */
  #estimate: number | undefined;
  readonly #count: (() => Promise<number>) | undefined;
  readonly #onCount: (() => void) | undefined;
  #countStarted = false;
  error: unknown;

  /**
   * @param count With it, pages are expected without a total (Store `skipTotal`): the rows show
   *   as soon as they arrive and the count, asked once after the first page, follows (`onCount`).
   */
  constructor(
    fetch: (page: number, perPage: number) => Promise<Page<T>>,
    perPage = 100,
    fallback?: PageCache<T>,
    count?: () => Promise<number>,
    onCount?: () => void,
  ) {
    this.#fetch = fetch;
    this.#perPage = perPage;
    this.#fallback = fallback;
    this.#count = count;
    this.#onCount = onCount;
  }

  /** Rows in the query: counted, or known so far (one more than fetched while pages are full). */
  get total(): number | undefined {
    return this.#total ?? this.#estimate ?? this.#fallback?.total;
  }

  /** The first rows have come back. */
  get loaded(): boolean {
    return this.#total !== undefined || this.#estimate !== undefined;
  }

  /** The total is counted, not estimated. */
  get counted(): boolean {
    return this.#total !== undefined;
  }

  #noteUncounted(page: number, rows: number): void {
    const known = (page - 1) * this.#perPage + rows + (rows === this.#perPage ? 1 : 0);
    this.#estimate = Math.max(this.#estimate ?? 0, known);
    if (this.#countStarted || !this.#count) return;
    this.#countStarted = true;
    this.#count().then(
      (n) => {
        this.#total = n;
        this.#onCount?.();
      },
      (err: unknown) => {
        // the rows stay; the count is asked again with the next page that arrives
        this.error = err;
        this.#countStarted = false;
        this.#onCount?.();
      },
    );
  }

  at(index: number): T | undefined {
    const page = this.#pages.get(Math.floor(index / this.#perPage) + 1);
    if (page) return page[index % this.#perPage];
    return this.#fallback?.at(index);
  }

  /** Replaces a row (realtime update) wherever it is cached. */
  replace(match: (row: T) => boolean, row: T): boolean {
    let hit = false;
    for (const [n, rows] of this.#pages) {
      const i = rows.findIndex(match);
      if (i >= 0) {
        const copy = [...rows];
        copy[i] = row;
        this.#pages.set(n, copy);
        hit = true;
      }
    }
    return hit;
  }

  /** Fetches every page holding rows start..end-1 that is not cached yet; null when none is missing. */
  ensure(start: number, end: number): Promise<void> | null {
    const first = Math.floor(Math.max(0, start) / this.#perPage) + 1;
    const last = Math.floor(Math.max(0, end - 1) / this.#perPage) + 1;
    const waits: Promise<void>[] = [];
    for (let p = first; p <= last; p++) {
      if (this.#pages.has(p)) continue;
      const failed = this.#failed.get(p);
      if (failed !== undefined && Date.now() - failed < RETRY_MS) continue;
      const bound = this.#total ?? this.#estimate;
      if (bound !== undefined && (p - 1) * this.#perPage >= bound && p > 1) continue;
      let pending = this.#pending.get(p);
      if (!pending) {
        pending = this.#fetch(p, this.#perPage).then(
          (page) => {
            this.#pages.set(p, page.items);
            if (page.totalItems >= 0) this.#total = page.totalItems;
            else if (this.#total === undefined) this.#noteUncounted(p, page.items.length);
            this.#failed.delete(p);
            this.error = undefined;
            this.#pending.delete(p);
            if (this.#pages.size === 1) this.#fallback = undefined;
          },
          (err: unknown) => {
            this.error = err;
            this.#failed.set(p, Date.now());
            this.#pending.delete(p);
          },
        );
        this.#pending.set(p, pending);
      }
      waits.push(pending);
    }
    return waits.length ? Promise.all(waits).then(() => undefined) : null;
  }
}
