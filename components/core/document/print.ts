/**
 * Printing a document alone: `printDocument(doc, { from })` lays it out in the print frame with
 * the standard's page boxes and the fonts the page names on `from` (the custom properties of
 * ./styles.ts, read where the element sits), then opens the print dialog on it.
 */
import { kit } from './kit.js';
import type { OfficialDocument } from './model.js';
import { renderDocument } from './render.js';
import { DOCUMENT_CSS, DOCUMENT_FONTS, DOCUMENT_RED, pageCss } from './styles.js';
import { openFrame, printFrame, type PrintFrame } from './frame.js';

export interface PrintOptions {
  /** The element that prints: its fonts (custom properties) apply, and it receives `azx-print`. */
  readonly from?: Element;
}

/** The custom properties of the document that the page sets where `from` sits. */
function pageProperties(from: Element | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!from) return out;
  const style = getComputedStyle(from);
  for (const p of [...Object.values(DOCUMENT_FONTS).map((f) => f.property), DOCUMENT_RED.property]) {
    const v = style.getPropertyValue(p).trim();
    if (v) out[p] = v;
  }
  return out;
}

/** The document laid out in a print frame, ready to print (or to read, in a test). */
export function documentFrame(doc: OfficialDocument, options: PrintOptions = {}): Promise<PrintFrame> {
  const { render, toLocale } = kit();
  const properties = pageProperties(options.from);
  return openFrame({
    title: doc.title,
    lang: toLocale(doc.lang),
    css: [pageCss(properties[DOCUMENT_FONTS.number.property]), DOCUMENT_CSS],
    properties,
    fill: (body) => render(renderDocument(doc), body),
  });
}

/**
 * Prints the document alone, on A4 as GB/T 9704 lays it out. Resolves true when the print dialog
 * opened, false when a listener of `azx-print` took the print over.
 */
export async function printDocument(doc: OfficialDocument, options: PrintOptions = {}): Promise<boolean> {
  return printFrame(await documentFrame(doc, options), options.from);
}
