// The built-in renderers, registered once when the form module loads.
import { registerRenderer } from '../registry.js';
import { arrayRenderer } from './array.js';
import { attachmentsRenderer } from './attachments.js';
import { checkboxesRenderer } from './checkboxes.js';
import { booleanRenderer } from './boolean.js';
import { conditionalRenderer } from './conditional.js';
import { constRenderer } from './const.js';
import { enumRenderer } from './enum.js';
import { numberRenderer } from './number.js';
import { objectRenderer } from './object.js';
import { unionRenderer } from './union.js';
import { dateRenderer, dateTimeRenderer, stringRenderer, textareaRenderer, usccRenderer } from './string.js';

export const BUILT_IN_RENDERERS = [
  stringRenderer,
  textareaRenderer,
  dateRenderer,
  dateTimeRenderer,
  usccRenderer,
  numberRenderer,
  booleanRenderer,
  enumRenderer,
  objectRenderer,
  arrayRenderer,
  conditionalRenderer,
  checkboxesRenderer,
  attachmentsRenderer,
  unionRenderer,
  constRenderer,
] as const;

let registered = false;

export function registerBuiltInRenderers(): void {
  if (registered) return;
  registered = true;
  for (const r of BUILT_IN_RENDERERS) registerRenderer(r);
}

export { fieldShell, displayShell, errorText } from './shell.js';
