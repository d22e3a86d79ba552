/**
 * The print frame: an isolated document (a hidden iframe of the host page) that holds only what
 * is printed, with its own style sheets. Nothing of the host page (its header, navigation, grey
 * background, the card around an element) is in it, whatever page the element sits in, and its
 * style sheets may set the page box (`@page`), which an element's shadow root cannot.
 *
 * Styles go in through constructed style sheets, never a <style> element or a style attribute,
 * so it works under a strict Content-Security-Policy (the frame inherits the page's).
 */

export interface PrintFrame {
  readonly document: Document;
  readonly window: Window;
  /** The frame's document as one standalone HTML file, its style sheets inline (for a PDF service). */
  html(): string;
  /** Takes the frame out of the page. */
  remove(): void;
}

/** The `detail` of `azx-print`. */
export interface PrintEventDetail {
  /** The isolated document about to print. */
  readonly document: Document;
  /** It as one standalone HTML file. */
  html(): string;
}

declare global {
  interface HTMLElementEventMap {
    'azx-print': CustomEvent<PrintEventDetail>;
  }
}

let last: PrintFrame | undefined;

function absoluteUrls(css: string, base: string): string {
  return css.replace(/url\((['"]?)([^'")]+)\1\)/g, (whole, q: string, url: string) => {
    if (/^(data|blob|https?):/i.test(url)) return whole;
    try {
      return `url(${q}${new URL(url, base).href}${q})`;
    } catch {
      return whole;
    }
  });
}

/**
 * The host page's @font-face rules (those it may read), with their URLs made absolute, so a font
 * the portal loads for the standard's families (a 仿宋 or 小标宋 web font) prints too.
 */
function hostFontFaces(): string {
  const rules: string[] = [];
  const visit = (sheet: CSSStyleSheet, base: string) => {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      return; // another origin's sheet
    }
    for (const rule of list) {
      if (rule instanceof CSSFontFaceRule) rules.push(absoluteUrls(rule.cssText, base));
      else if (rule instanceof CSSImportRule && rule.styleSheet) visit(rule.styleSheet, rule.styleSheet.href ?? base);
    }
  };
  for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) visit(sheet, sheet.href ?? document.baseURI);
  return rules.join('\n');
}

/**
 * Opens a print frame in the page, with `css` as its style sheets (and the page's @font-face
 * rules), `properties` set on its root, and the content `fill` puts in its body. Resolves when
 * the content and its fonts are ready. One frame at a time: opening one removes the last.
 */
export async function openFrame(options: {
  readonly title: string;
  readonly lang: string;
  readonly css: readonly string[];
  readonly properties?: Readonly<Record<string, string>>;
  readonly fill: (body: HTMLElement) => void;
}): Promise<PrintFrame> {
  last?.remove();
  const iframe = document.createElement('iframe');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.tabIndex = -1;
  iframe.title = options.title;
  // off screen at the size of an A4 page, so the layout before printing is the paper's
  for (const [k, v] of Object.entries({ position: 'fixed', left: '-400mm', top: '0', width: '210mm', height: '297mm', border: '0', opacity: '0', 'pointer-events': 'none' })) {
    iframe.style.setProperty(k, v);
  }
  const loaded = new Promise<void>((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
  iframe.srcdoc = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow!;
  const doc = iframe.contentDocument!;
  doc.documentElement.lang = options.lang;
  doc.title = options.title;
  const sheets = [...options.css, hostFontFaces()].map((text) => {
    const sheet = new (win as unknown as typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });
  doc.adoptedStyleSheets = sheets;
  for (const [k, v] of Object.entries(options.properties ?? {})) doc.documentElement.style.setProperty(k, v);
  options.fill(doc.body);
  await doc.fonts.ready;
  const frame: PrintFrame = {
    document: doc,
    window: win,
    html: () => {
      const css = sheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n');
      const props = doc.documentElement.style.cssText;
      const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
      return `<!doctype html>\n<html lang="${escape(options.lang)}"${props ? ` style="${escape(props)}"` : ''}><head><meta charset="utf-8"><title>${escape(options.title)}</title><style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style></head><body>${doc.body.innerHTML}</body></html>\n`;
    },
    remove: () => {
      iframe.remove();
      if (last === frame) last = undefined;
    },
  };
  last = frame;
  return frame;
}

/**
 * Prints a frame alone: `azx-print` (bubbling, composed, cancelable) goes to `from` first; unless a
 * listener cancels it (to print another way, e.g. sending `html()` to a PDF service, read while
 * the event runs), the browser's print dialog opens on the frame. The frame leaves the page after
 * printing. True when the dialog was opened.
 */
export function printFrame(frame: PrintFrame, from?: Element): boolean {
  const go = (from ?? document.body).dispatchEvent(
    new CustomEvent<PrintEventDetail>('azx-print', { bubbles: true, composed: true, cancelable: true, detail: { document: frame.document, html: frame.html } }),
  );
  if (!go) {
    // taken over: the listener read what it needed while the event ran
    frame.remove();
    return false;
  }
  // print() returns when the dialog closes in Chromium; elsewhere afterprint says so
  frame.window.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
  frame.window.focus();
  frame.window.print();
  return true;
}
