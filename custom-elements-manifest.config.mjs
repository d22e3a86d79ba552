// The custom elements manifest (custom-elements.json): what each element
// offers (properties, attributes, events, slots, parts, CSS properties),
// read from the classes and their JSDoc. Written by scripts/build.mjs into dist/.
// The design tokens (components/core/tokens.ts) style every element; they are written once
// there and added to each element here, so no element restates them in its JSDoc.
import { importTs } from './scripts/load-ts.mjs';

const { TOKENS } = await importTs('components/core/tokens.ts');

/** Adds every design token to every custom element's `cssProperties`. */
function designTokens() {
  return {
    name: 'azx-design-tokens',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.customElement || !decl.tagName) continue;
          const own = decl.cssProperties ?? [];
          const names = new Set(own.map((p) => p.name));
          const shared = TOKENS.filter((t) => !names.has(`--azx-${t.name}`)).map((t) => ({
            name: `--azx-${t.name}`,
            default: t.light,
            description: `${t.description} (design token; dark theme: ${t.dark})`,
          }));
          decl.cssProperties = [...own, ...shared];
        }
      }
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.test.ts', 'components/**/*.stories.ts', 'components/**/*.d.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [designTokens()],
};
