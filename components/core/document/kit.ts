/**
 * What the document layout takes from Lit and the form engine, handed in by whoever loads it
 * rather than imported: ./index.ts installs it for the elements that import the layout, and
 * <azx-form>'s print() hands it over when it fetches the layout on use (./print-record.ts). A
 * layout that imports none of the form's modules is a chunk of its own in a bundle, so the form's
 * entry stays one file instead of splitting its Lit and engine modules into a chunk shared with the
 * layout (issue 15: the entry's size). Types only here, so nothing is imported.
 */
import type { html, nothing, render } from 'lit';
import type { deref } from '../conditional.js';
import type { isEnglish, toLocale } from '../locale.js';
import type { enumOptions, orderedProperties, schemaText } from '../schema.js';
import type { uiText } from '../ui-text.js';
import type { documentText } from './text.js';

export interface DocumentKit {
  readonly html: typeof html;
  readonly nothing: typeof nothing;
  readonly render: typeof render;
  readonly isEnglish: typeof isEnglish;
  readonly toLocale: typeof toLocale;
  readonly deref: typeof deref;
  readonly enumOptions: typeof enumOptions;
  readonly orderedProperties: typeof orderedProperties;
  readonly schemaText: typeof schemaText;
  readonly uiText: typeof uiText;
  readonly documentText: typeof documentText;
}

let installed: DocumentKit | undefined;

/** Hands the layout its kit; the first one stays (every caller hands the same functions). */
export function useDocumentKit(next: DocumentKit): void {
  installed ??= next;
}

/** The kit handed in; a layout used before is a wiring mistake, said plainly. */
export function kit(): DocumentKit {
  if (installed) return installed;
  throw new Error('azx: the document layout was used without its kit: import core/document/index.js, or call useDocumentKit first');
}
