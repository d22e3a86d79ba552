// Field errors the server sent back (a 400 with `data.<path>` keys), shown by their fields like
// the form's own errors until the user changes what they concern.
import { getAt } from './pointer.js';
import type { Issue } from './validator.js';

/** What the store reports per refused field (components/data StoreError.fieldErrors). */
export interface ServerFieldError {
  readonly code?: string;
  readonly message_zh: string;
  readonly message_en: string;
}

export type ServerErrors = Readonly<Record<string, ServerFieldError>>;

/** A server error with the value it was about, so an edit there retires it. */
export interface ServerIssue {
  readonly issue: Issue;
  readonly valueAt: unknown;
}

/**
 * `data.insured.uscc` → `/insured/uscc`; `data.items.0.name` → `/items/0/name`. Keys outside
 * `data` (a relation column, the record as a whole) belong to the form as a whole: pointer ''.
 */
export function serverPathToPointer(path: string): string {
  if (path === 'data' || !path.startsWith('data.')) return '';
  return '/' + path.slice(5).split('.').map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

export function toServerIssues(errors: ServerErrors | undefined, value: unknown): ServerIssue[] {
  if (!errors) return [];
  return Object.entries(errors).map(([path, e]) => {
    const pointer = serverPathToPointer(path);
    return {
      issue: { pointer, keyword: 'server', params: { zh: e.message_zh, en: e.message_en, code: e.code ?? '' }, schemaPath: '' },
      valueAt: pointer === '' ? undefined : getAt(value, pointer),
    };
  });
}

/** The server issues still standing: the user has not changed the value they concern. */
export function standingServerIssues(issues: readonly ServerIssue[], value: unknown): Issue[] {
  return issues.filter((s) => s.issue.pointer === '' || getAt(value, s.issue.pointer) === s.valueAt).map((s) => s.issue);
}
