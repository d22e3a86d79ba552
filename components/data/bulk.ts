/**
 * Bulk upload (POST /api/azx/bulk/{policies|enterprises}): a CSV (UTF-8 or GBK/GB18030), XLSX
 * or JSON file, every row validated like a single record on the server. Import mode stores
 * historic records as they were and flags their rule-pack violations instead of refusing them.
 */
import type { FieldError } from './errors.js';

export type BulkKind = 'policies' | 'enterprises';

/** `entry`: the packs refuse, as in the forms; `import`: historic records, violations flagged. */
export type BulkMode = 'entry' | 'import';

export interface BulkUploadOptions {
  readonly mode?: BulkMode;
  /**
   * Names the upload, so a file sent again after a dropped connection is recognised: rows
   * already stored come back `unchanged` and their flags are not written twice.
   */
  readonly upload?: string;
  /** Bytes sent so far of the request's total, while the file goes up. */
  readonly onProgress?: (sent: number, total: number) => void;
}

/** A refused row: nothing of it was stored. */
export interface BulkFailure {
  /** The 1-based data row (a CSV's or sheet's header is not counted). */
  readonly row: number;
  readonly key: string;
  readonly errors: Readonly<Record<string, FieldError>>;
}

/** A rule of the packs an imported row breaks, stored as a system finding. */
export interface BulkRuleFlag {
  readonly code: string;
  readonly path: string;
  readonly source: string;
  readonly source_en?: string;
  readonly message_zh: string;
  readonly message_en: string;
}

/** A row stored in import mode with the rules it breaks. */
export interface BulkFlagged {
  readonly row: number;
  readonly key: string;
  readonly rules: readonly BulkRuleFlag[];
}

/** Every refused and flagged row of an upload (`BulkResult.results`). */
export interface BulkProblems {
  readonly failed: readonly BulkFailure[];
  readonly flagged: readonly BulkFlagged[];
}

export interface BulkResult extends BulkProblems {
  readonly created: number;
  readonly unchanged: number;
  /** How many rows were refused and flagged: `failed` and `flagged` hold the first 100 of each. */
  readonly failed_count: number;
  readonly flagged_count: number;
  /** `failed` and `flagged` are every refused and flagged row; otherwise fetch `results`. */
  readonly complete: boolean;
  /** The server's path of every refused and flagged row of the upload (kept a day). */
  readonly results: string;
  readonly mode: BulkMode;
  /** What the file was read as: `utf-8`, `gb18030`, `xlsx`. */
  readonly encoding: string;
}
