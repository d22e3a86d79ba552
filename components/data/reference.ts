/**
 * Names of regions and industries for any province (GB/T 2260 divisions and the industry
 * classification), read through the Store (`listRegions`, `listIndustries`: the server's
 * regions and industries collections, which administrators extend) and kept per store, so
 * every element on a page shares one copy. An element asks for the codes it is about to show
 * (`load`), then names them synchronously (`regionName`, `industryName`); a code the store does
 * not know shows as itself.
 */
import type { Store } from './store.js';
import type { RegionLevel } from './vocab.js';
import { isEnglish } from './language.js';

/** One GB/T 2260 division. */
export interface RegionEntry {
  readonly code: string;
  /** Chinese name. */
  readonly name: string;
  /** English or pinyin name; empty when no source gives one. */
  readonly nameEn: string;
  readonly level: RegionLevel;
  /** The division above; empty for a province. */
  readonly parent: string;
}

/** One industry of the classification the registry and the rule packs use. */
export interface IndustryEntry {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** GB/T 4754-2017 sections (门类). */
  readonly gbt4754: readonly string[];
}

/** Regions by code, or the children of one region. */
export interface RegionQuery {
  readonly codes?: readonly string[];
  readonly parent?: string;
}

/** A locale-aware name: the English name where there is one, else the Chinese. */
function nameIn(entry: { readonly name: string; readonly nameEn: string }, locale: string): string {
  return isEnglish(locale) && entry.nameEn ? entry.nameEn : entry.name;
}

export class ReferenceReader {
  readonly #store: Store;
  readonly #regions = new Map<string, RegionEntry | null>();
  readonly #children = new Map<string, Promise<readonly RegionEntry[]>>();
  /** Reads in flight, by code. */
  readonly #reading = new Map<string, Promise<void>>();
  #industries: Promise<readonly IndustryEntry[]> | undefined;
  #industryList: readonly IndustryEntry[] = [];

  constructor(store: Store) {
    this.#store = store;
  }

  /**
   * Reads the regions among `codes` not read yet, and the industries once. Resolves when
   * `regionName`/`industryName` can name them; never rejects (a failed read names by code).
   */
  async load(regionCodes: Iterable<string> = []): Promise<void> {
    const codes = [...new Set(regionCodes)].filter((c) => /^\d{6}$/.test(c));
    const missing = codes.filter((c) => !this.#regions.has(c));
    // codes another call is reading: wait for that read rather than answer before it lands
    const work: Promise<unknown>[] = [this.industries(), ...new Set(codes.flatMap((c) => this.#reading.get(c) ?? []))];
    if (missing.length > 0) {
      for (const c of missing) this.#regions.set(c, null);
      const read = this.#store
        .listRegions({ codes: missing })
        .then((rows) => rows.forEach((r) => this.#regions.set(r.code, r)))
        .catch(() => missing.forEach((c) => this.#regions.delete(c)))
        .finally(() => missing.forEach((c) => this.#reading.delete(c)));
      for (const c of missing) this.#reading.set(c, read);
      work.push(read);
    }
    await Promise.all(work);
  }

  /** The industries of the classification, in order (read once). */
  industries(): Promise<readonly IndustryEntry[]> {
    this.#industries ??= this.#store.listIndustries().then(
      (list) => (this.#industryList = list),
      () => {
        this.#industries = undefined; // try again next time
        return [];
      },
    );
    return this.#industries;
  }

  /** The divisions directly under `code`, ordered by code. */
  children(code: string): Promise<readonly RegionEntry[]> {
    let p = this.#children.get(code);
    if (!p) {
      p = this.#store.listRegions({ parent: code }).then((rows) => {
        rows.forEach((r) => this.#regions.set(r.code, r));
        return rows;
      });
      p.catch(() => this.#children.delete(code));
      this.#children.set(code, p);
    }
    return p;
  }

  /** A region just written (an administrator added or renamed it): named at once, without reading again. */
  remember(entry: RegionEntry): void {
    this.#regions.set(entry.code, entry);
    this.#children.delete(entry.parent);
  }

  /** A region read before, or undefined. */
  region(code: string): RegionEntry | undefined {
    return this.#regions.get(code) ?? undefined;
  }

  /** A region's name in the locale; its code until it is loaded or when nobody knows it. */
  regionName(code: string, locale: string): string {
    const r = this.#regions.get(code);
    return r ? nameIn(r, locale) : code;
  }

  /** An industry's name in the locale; its code when unknown (or not loaded yet). */
  industryName(code: string, locale: string): string {
    const i = this.#industryList.find((x) => x.code === code);
    return i ? nameIn(i, locale) : code;
  }
}

const readers = new WeakMap<Store, ReferenceReader>();

/** The page's one reader of a store's reference data. */
export function referenceOf(store: Store): ReferenceReader {
  let r = readers.get(store);
  if (!r) {
    r = new ReferenceReader(store);
    readers.set(store, r);
  }
  return r;
}
