import { noChange, type AttributePart } from 'lit';
import { Directive, PartType, directive, type PartInfo } from 'lit/directive.js';

/**
 * Sets style properties through the CSSOM (`element.style.setProperty`), never as a `style`
 * attribute string: Lit's styleMap writes the attribute on first render, which a strict
 * Content-Security-Policy (style-src-attr) refuses. Properties in kebab case.
 */
class CssomStyle extends Directive {
  #previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') throw new Error('cssomStyle belongs in a style attribute');
  }

  render(_styles: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.#previous) if (!(name in styles)) style.removeProperty(name);
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(styles));
    return noChange;
  }
}

export const cssomStyle = directive(CssomStyle);
