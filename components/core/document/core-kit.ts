// The kit of ./kit.ts from the real modules: imported by ./index.ts and by <azx-form> (which
// already carries every one of them), never by the layout itself.
import { html, nothing, render } from 'lit';
import { deref } from '../conditional.js';
import { isEnglish, toLocale } from '../locale.js';
import { enumOptions, orderedProperties, schemaText } from '../schema.js';
import { uiText } from '../ui-text.js';
import { documentText } from './text.js';
import type { DocumentKit } from './kit.js';

export const documentKit: DocumentKit = { html, nothing, render, isEnglish, toLocale, deref, enumOptions, orderedProperties, schemaText, uiText, documentText };
