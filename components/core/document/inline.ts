import type { Inline } from './model.js';

/**
 * A sentence of translated words with its figures in place: each `{name}` of the template becomes
 * the value given for it (words, a figure, or several runs), so a translation may move the
 * figures where its grammar wants them. A placeholder without a value is left out.
 */
export function sentence(template: string, values: Readonly<Record<string, string | Inline | readonly Inline[]>>): Inline[] {
  const out: Inline[] = [];
  for (const [i, part] of template.split(/\{(\w+)\}/).entries()) {
    if (i % 2 === 0) {
      if (part) out.push(part);
      continue;
    }
    const v = values[part];
    if (v === undefined) continue;
    if (Array.isArray(v)) out.push(...(v as readonly Inline[]));
    else out.push(v as Inline);
  }
  return out;
}
