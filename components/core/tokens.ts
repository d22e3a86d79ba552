// The design tokens of every AZX element, written once: name, light and dark value, and what it
// styles. Elements use them by name (`${token.colorError}` is `var(--azx-color-error, #b42a0a)`),
// so a page sets `--azx-*` anywhere above an element (or loads dist/themes/light.css or dark.css,
// generated from this list) and every element follows. The custom-elements manifest lists them
// for every element, and the Storybook theming page shows them.
import { unsafeCSS, type CSSResult } from 'lit';

export interface DesignToken {
  /** The custom property without `--azx-`. */
  readonly name: string;
  readonly light: string;
  readonly dark: string;
  readonly description: string;
}

export const TOKENS = [
  { name: 'font-family', light: "system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif", dark: "system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif", description: 'Font of every element.' },
  { name: 'font-size', light: '14px', dark: '14px', description: 'Base font size; everything inside is sized in em from it.' },
  { name: 'color-text', light: '#1f2329', dark: '#e6e8eb', description: 'Text.' },
  { name: 'color-muted', light: '#646a73', dark: '#9aa1ab', description: 'Help, hints and secondary text.' },
  { name: 'color-background', light: 'transparent', dark: 'transparent', description: 'Background of the elements themselves.' },
  { name: 'color-surface', light: '#ffffff', dark: '#1b1f24', description: 'Background of controls, panels, tooltips and popups.' },
  { name: 'color-muted-surface', light: '#f6f8fa', dark: '#252a31', description: 'Background of table heads and quiet panels.' },
  { name: 'color-border', light: '#c9cdd4', dark: '#444b55', description: 'Borders of controls, groups, tables and panels.' },
  { name: 'color-accent', light: '#1664ff', dark: '#6b9bff', description: 'Focus ring, primary buttons, links, selection.' },
  { name: 'color-on-accent', light: '#ffffff', dark: '#0b1220', description: 'Text on accent, error and success backgrounds.' },
  { name: 'color-accent-surface', light: '#e8f0ff', dark: '#1e2d4a', description: 'Background of the selected or hovered row.' },
  { name: 'color-error', light: '#b42a0a', dark: '#ff8a70', description: 'Errors, invalid borders, major and overdue hazards.' },
  { name: 'color-error-surface', light: '#fff2ee', dark: '#3b1d16', description: 'Background of error summaries and refusals.' },
  { name: 'color-success', light: '#1a7f37', dark: '#56c271', description: 'Saved, closed, within budget.' },
  { name: 'color-warning', light: '#ad6800', dark: '#e0a847', description: 'Warnings (a change that needs a new version).' },
  { name: 'color-warning-surface', light: '#fff8e6', dark: '#3a3115', description: 'Background of warnings (overdue rows, offline notices).' },
  { name: 'shadow', light: '0 4px 12px rgb(0 0 0 / 0.12)', dark: '0 4px 12px rgb(0 0 0 / 0.5)', description: 'Shadow of popups and tooltips.' },
  { name: 'radius', light: '4px', dark: '4px', description: 'Corner radius of controls and panels.' },
  { name: 'gap', light: '12px', dark: '12px', description: 'Space between fields and panels.' },
] as const satisfies readonly DesignToken[];

type TokenName = (typeof TOKENS)[number]['name'];
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Each token as CSS, by camel-cased name: `token.colorBorder` → `var(--azx-color-border, #c9cdd4)`. */
export const token = Object.fromEntries(TOKENS.map((t) => [camel(t.name), unsafeCSS(`var(--azx-${t.name}, ${t.light})`)])) as {
  readonly [N in TokenName as Camel<N>]: CSSResult;
};

/** A theme file's text: every token of one theme on `selector`. */
export function themeCss(theme: 'light' | 'dark', selector: string): string {
  const lines = TOKENS.map((t) => `  --azx-${t.name}: ${t[theme]};`);
  return `${selector} {\n  color-scheme: ${theme};\n${lines.join('\n')}\n}\n`;
}
