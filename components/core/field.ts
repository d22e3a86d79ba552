// What a renderer is given for one node of the schema.
import type { Locale } from './locale.js';
import type { JsonSchema } from './schema.js';
import type { UiKey } from './ui-text.js';

export interface ChildOptions {
  /** Inside a table cell: the label is kept for assistive technology but not shown. */
  compact?: boolean;
  required?: boolean;
}

export interface FieldContext {
  /** The schema node being rendered, and the whole form's schema. */
  readonly schema: JsonSchema;
  readonly root: JsonSchema;
  /** JSON Pointer of the value ('' for the root object). */
  readonly pointer: string;
  /** Put this id on the focusable control: labels, error links and focus use it. */
  readonly id: string;
  readonly value: unknown;
  readonly label: string;
  readonly help: string | undefined;
  readonly placeholder: string | undefined;
  readonly required: boolean;
  /** `readOnly` in the schema: shown and submitted, not editable. */
  readonly readOnly: boolean;
  /** The form is in mode="readonly": show values as text, no controls. */
  readonly display: boolean;
  /** Names a code of a format for display (the form's `names`), or undefined to show the code. */
  readonly names: ((format: string, code: string) => string | undefined) | undefined;
  readonly disabled: boolean;
  readonly locale: Locale;
  readonly compact: boolean;
  /** Messages to show beside this field now (empty until the field is validated). */
  readonly errors: readonly string[];
  readonly invalid: boolean;
  readonly errorId: string;
  readonly helpId: string;
  /** Ids of the help and error text, for aria-describedby. */
  readonly describedBy: string | undefined;
  t(key: UiKey, vars?: Record<string, string | number>): string;
  /** The user is changing the value (fires `input` on the form). */
  input(value: unknown): void;
  /** The user committed a value (fires `change`, and `input` first if the value differs). */
  change(value: unknown): void;
  /** Render a nested node, e.g. a property of an object or a cell of a table (`true`: any value; `false`: nothing). */
  renderChild(pointer: string, schema: JsonSchema | boolean, options?: ChildOptions): unknown;
  /** Files chosen for a file field of the record (attachment renderers), sent with the submit. */
  files(field: string): readonly File[];
  setFiles(field: string, files: readonly File[]): void;
  /** Move focus to the element with this id once the form has re-rendered. */
  focusAfterUpdate(id: string): void;
}

/** A stable element id for the field at pointer (ids in our shadow root only). */
export function fieldId(pointer: string): string {
  return 'azx-f' + pointer.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`);
}
