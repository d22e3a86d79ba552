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
 * `data.insured.uscc` → `/insured/uscc`; `data.items.0.name` → `/items/0/name`. A column the
 * server derives from a property (`policy_no` from `x-column: "policy_no"`; a duplicate number
 * is refused there) is that property's field. Other keys outside `data` (a relation column, the
 * record as a whole) belong to the form as a whole: pointer ''.
 */
export function serverPathToPointer(path: string, columns: ReadonlyMap<string, string> = NO_COLUMNS): string {
  const column = columns.get(path);
  if (column !== undefined) return column;
  if (path === 'data' || !path.startsWith('data.')) return '';
  return '/' + path.slice(5).split('.').map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

const NO_COLUMNS: ReadonlyMap<string, string> = new Map();

/** The x-column hints of a schema along its properties: column name → JSON pointer of the property. */
export function columnPointers(schema: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, pointer: string, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 16) return;
    const n = node as Record<string, unknown>;
    if (typeof n['x-column'] === 'string' && pointer && !out.has(n['x-column'])) out.set(n['x-column'], pointer);
    const props = n['properties'];
    if (props && typeof props === 'object') {
      for (const [k, v] of Object.entries(props)) walk(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1);
    }
  };
  walk(schema, '', 0);
  return out;
}

export function toServerIssues(errors: ServerErrors | undefined, value: unknown, columns?: ReadonlyMap<string, string>): ServerIssue[] {
  if (!errors) return [];
  return Object.entries(errors).map(([path, e]) => {
    const pointer = serverPathToPointer(path, columns);
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

/** The errors' content, so a new object holding the same errors is told apart from a change. */
export function serverErrorsKey(errors: ServerErrors | undefined): string {
  if (!errors) return '';
  return JSON.stringify(
    Object.keys(errors)
      .sort()
      .map((k) => [k, errors[k]!.code ?? '', errors[k]!.message_zh, errors[k]!.message_en]),
  );
}
