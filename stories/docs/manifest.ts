/// <reference types="vite/client" />
// What the docs pages read from the custom elements manifest (dist/custom-elements.json, written
// by `npm run build`): each element's parts and its own CSS properties. Without a build the
// lists are empty and the pages say so.
interface Named {
  readonly name: string;
  readonly description?: string;
  readonly default?: string;
}
interface Declaration {
  readonly tagName?: string;
  readonly customElement?: boolean;
  readonly cssParts?: readonly Named[];
  readonly cssProperties?: readonly Named[];
}
interface Manifest {
  readonly modules: readonly { readonly declarations?: readonly Declaration[] }[];
}

const found = import.meta.glob<{ default: Manifest }>('../../dist/custom-elements.json', { eager: true });
const manifest = Object.values(found)[0]?.default;

export interface ElementDocs {
  readonly tag: string;
  readonly parts: readonly Named[];
  /** CSS properties of this element only (the design tokens every element shares are listed apart). */
  readonly cssProperties: readonly Named[];
}

export const hasManifest = manifest !== undefined;

export function elementDocs(tokenNames: ReadonlySet<string>): ElementDocs[] {
  const out: ElementDocs[] = [];
  for (const mod of manifest?.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      out.push({
        tag: d.tagName,
        parts: d.cssParts ?? [],
        cssProperties: (d.cssProperties ?? []).filter((p) => !tokenNames.has(p.name)),
      });
    }
  }
  return out.sort((a, b) => a.tag.localeCompare(b.tag));
}
