// Text inputs: plain strings, and the formats whose native input type helps the user.
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldContext } from '../field.js';
import { formatDate, formatDateTime, fromChinaWallTime, toChinaWallTime } from '../format.js';
import { and, hasFormat, hasWidget, isType, rankWith, type RendererEntry } from '../registry.js';
import { displayShell, fieldShell, textOrUndefined } from './shell.js';

const INPUT_TYPES: Record<string, string> = { email: 'email', uri: 'url', date: 'date', 'cn-mobile': 'tel' };

/** x-widget values that are native input types. */
const WIDGET_TYPES = new Set(['tel', 'email', 'url', 'password', 'color', 'time']);

function inputType(f: FieldContext): string {
  const widget = f.schema['x-widget'];
  if (typeof widget === 'string' && WIDGET_TYPES.has(widget)) return widget;
  return INPUT_TYPES[f.schema.format ?? ''] ?? 'text';
}

interface TextInputOptions {
  type?: string;
  normalize?: (s: string) => string;
  maxlength?: number;
  /** The value as the input shows it, and the input's text as the value (date-time: China's wall clock). */
  show?: (value: unknown) => string;
  read?: (text: string) => string | undefined;
  /** The value as read-only text. */
  display?: (value: unknown) => string;
}

function textInput(f: FieldContext, extra: TextInputOptions = {}) {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  // a code of a format (a region) by its name, when the form was given names
  const named = (v: unknown) => (typeof v === 'string' && f.schema.format ? f.names?.(f.schema.format, v) : undefined) ?? text(v);
  if (f.display) return displayShell(f, (extra.display ?? named)(f.value));
  const norm = extra.normalize ?? ((s: string) => s);
  const read = extra.read ?? textOrUndefined;
  const type = extra.type ?? inputType(f);
  return fieldShell(
    f,
    html`<input
      id=${f.id}
      part="control input"
      type=${type}
      inputmode=${ifDefined(type === 'tel' ? 'numeric' : undefined)}
      .value=${(extra.show ?? text)(f.value)}
      placeholder=${ifDefined(f.placeholder)}
      maxlength=${ifDefined(extra.maxlength ?? f.schema.maxLength)}
      ?required=${f.required}
      ?readonly=${f.readOnly}
      ?disabled=${f.disabled}
      aria-invalid=${f.invalid ? 'true' : 'false'}
      aria-describedby=${ifDefined(f.describedBy)}
      @input=${(e: Event) => f.input(read((e.target as HTMLInputElement).value))}
      @change=${(e: Event) => {
        const el = e.target as HTMLInputElement;
        el.value = norm(el.value);
        f.change(read(el.value));
      }}
    />`,
  );
}

function textarea(f: FieldContext) {
  if (f.display) return displayShell(f, typeof f.value === 'string' ? f.value : '');
  return fieldShell(
    f,
    html`<textarea
      id=${f.id}
      part="control textarea"
      rows="3"
      .value=${typeof f.value === 'string' ? f.value : ''}
      placeholder=${ifDefined(f.placeholder)}
      maxlength=${ifDefined(f.schema.maxLength)}
      ?required=${f.required}
      ?readonly=${f.readOnly}
      ?disabled=${f.disabled}
      aria-invalid=${f.invalid ? 'true' : 'false'}
      aria-describedby=${ifDefined(f.describedBy)}
      @input=${(e: Event) => f.input(textOrUndefined((e.target as HTMLTextAreaElement).value))}
      @change=${(e: Event) => f.change(textOrUndefined((e.target as HTMLTextAreaElement).value))}
    ></textarea>`,
  );
}

export const stringRenderer: RendererEntry = {
  name: 'string',
  tester: rankWith(1, isType('string')),
  render: textInput,
};

export const textareaRenderer: RendererEntry = {
  name: 'textarea',
  tester: rankWith(2, and(isType('string'), hasWidget('textarea'))),
  render: textarea,
};

export const dateRenderer: RendererEntry = {
  name: 'date',
  tester: rankWith(2, and(isType('string'), (s, c) => hasFormat('date')(s, c) || hasWidget('date')(s, c))),
  render: (f) => textInput(f, { type: 'date', display: (v) => formatDate(v, f.locale) }),
};

/**
 * An instant (format date-time) as China's wall clock in a datetime-local input: the value stays
 * an RFC 3339 instant with +08:00 whatever the browser's zone; read-only it is written as the
 * reader writes a time (2026年3月2日 10:00).
 */
function dateTimeInput(f: FieldContext) {
  return textInput(f, { type: 'datetime-local', show: toChinaWallTime, read: fromChinaWallTime, display: (v) => formatDateTime(v, f.locale) });
}

export const dateTimeRenderer: RendererEntry = {
  name: 'date-time',
  tester: rankWith(2, and(isType('string'), hasFormat('date-time'))),
  render: dateTimeInput,
};

/** Codes are upper case; accept lower case typing and fix it when the field is left. */
export const usccRenderer: RendererEntry = {
  name: 'uscc',
  tester: rankWith(2, and(isType('string'), hasFormat('uscc'))),
  render: (f) => textInput(f, { type: 'text', maxlength: 18, normalize: (s) => s.trim().toUpperCase() }),
};
