// File and photo attachments (x-widget "file" or "photo"): the record keeps the file names
// (an array of strings, or one string), the files themselves travel with the submit into the
// record's file field (x-file-field, default the property's name) through the Store.
import { html, nothing } from 'lit';
import type { FieldContext } from '../field.js';
import { parsePointer } from '../pointer.js';
import { rankWith, type RendererEntry } from '../registry.js';
import { primaryType } from '../schema.js';
import { displayShell, errorText } from './shell.js';

/** blob: URLs of photo previews, one per File, revoked when the file is removed. */
const previews = new WeakMap<File, string>();
function previewOf(file: File): string {
  let url = previews.get(file);
  if (!url) previews.set(file, (url = URL.createObjectURL(file)));
  return url;
}

export function fileFieldOf(f: Pick<FieldContext, 'schema' | 'pointer'>): string {
  const named = f.schema['x-file-field'];
  if (typeof named === 'string' && named) return named;
  const keys = parsePointer(f.pointer);
  return keys[keys.length - 1] ?? 'files';
}

function render(f: FieldContext) {
  const single = primaryType(f.schema) === 'string';
  const names = single ? (typeof f.value === 'string' ? [f.value] : []) : Array.isArray(f.value) ? (f.value as string[]) : [];
  if (f.display) return displayShell(f, names.join('、'));
  const photo = f.schema['x-widget'] === 'photo';
  const field = fileFieldOf(f);
  const files = f.files(field).filter((file) => names.includes(file.name));
  const commit = (next: File[]) => {
    f.setFiles(field, next);
    const list = next.map((file) => file.name);
    f.change(single ? list[0] : list.length ? list : undefined);
  };
  const added = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const picked = [...(input.files ?? [])];
    input.value = '';
    // A file picked again replaces the earlier one of the same name.
    const kept = single ? [] : files.filter((file) => !picked.some((p) => p.name === file.name));
    commit([...kept, ...(single ? picked.slice(0, 1) : picked)]);
  };
  const remove = (file: File) => {
    const url = previews.get(file);
    if (url) URL.revokeObjectURL(url);
    commit(files.filter((x) => x !== file));
  };
  const accept = typeof f.schema['x-accept'] === 'string' ? (f.schema['x-accept'] as string) : photo ? 'image/*' : undefined;
  return html`<div class="field attachments-field ${f.invalid ? 'invalid' : ''}" part="field" data-pointer=${f.pointer}>
    <label for=${f.id} part="label" class="label">
      ${f.label}${f.required ? html`<span class="required-mark" part="required-mark" aria-hidden="true">*</span>` : nothing}
    </label>
    <input
      id=${f.id}
      part="control file"
      type="file"
      accept=${accept ?? nothing}
      ?multiple=${!single}
      ?disabled=${f.disabled || f.readOnly}
      aria-invalid=${f.invalid ? 'true' : 'false'}
      aria-describedby=${f.describedBy ?? nothing}
      @change=${added}
    />
    <ul class="attachments" part="attachments" aria-label=${f.label}>
      ${names.length === 0 ? html`<li class="muted">${f.t('noFiles')}</li>` : nothing}
      ${names.map((name) => {
        const file = files.find((x) => x.name === name);
        return html`<li>
          ${photo && file ? html`<img part="thumbnail" src=${previewOf(file)} alt=${name} />` : nothing}
          <span>${name}</span>
          ${file && !f.disabled && !f.readOnly
            ? html`<button type="button" part="button remove" aria-label=${f.t('removeFile', { name })} @click=${() => remove(file)}>×</button>`
            : nothing}
        </li>`;
      })}
    </ul>
    ${f.help ? html`<p id=${f.helpId} class="help" part="help">${f.help}</p>` : nothing}
    ${errorText(f)}
  </div>`;
}

export const attachmentsRenderer: RendererEntry = {
  name: 'attachments',
  tester: rankWith(6, (s) => s['x-widget'] === 'file' || s['x-widget'] === 'photo'),
  render,
};
