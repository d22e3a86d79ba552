// The frame every single-control field shares: label, control, help, error.
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldContext } from '../field.js';

function labelText(f: FieldContext): TemplateResult {
  return html`${f.label}${f.required && !f.display
    ? html`<span class="required-mark" part="required-mark" aria-hidden="true">*</span>`
    : nothing}`;
}

/** A field's messages, joined as its language joins them. */
export function errorText(f: FieldContext): TemplateResult | typeof nothing {
  return f.invalid ? html`<p id=${f.errorId} class="error" part="error">${f.errors.join(f.t('errorJoin'))}</p>` : nothing;
}

/** A labelled control with its help and error text (pass the control with id=f.id). */
export function fieldShell(f: FieldContext, control: unknown): TemplateResult {
  return html`<div class="field ${f.invalid ? 'invalid' : ''} ${f.compact ? 'compact' : ''}" part="field" data-pointer=${f.pointer}>
    <label for=${f.id} part="label" class=${f.compact ? 'visually-hidden' : 'label'}>${labelText(f)}</label>
    ${control}
    ${f.help && !f.compact ? html`<p id=${f.helpId} class="help" part="help">${f.help}</p>` : nothing}
    ${errorText(f)}
  </div>`;
}

/** mode="readonly": the value as text under its label. */
export function displayShell(f: FieldContext, text: string): TemplateResult {
  const shown = text === '' ? f.t('empty') : text;
  return html`<div class="field display ${f.compact ? 'compact' : ''}" part="field" data-pointer=${f.pointer}>
    <span id=${f.id + '-label'} class=${f.compact ? 'visually-hidden' : 'label'} part="label">${f.label}</span>
    <span id=${f.id} class="value" part="value" aria-labelledby=${f.id + '-label'}>${shown}</span>
  </div>`;
}

/** Text typed into a control; an emptied control removes the value. */
export function textOrUndefined(s: string): string | undefined {
  return s === '' ? undefined : s;
}
