/**
 * The print and export tests' view of a PDF and a workbook, through the server commands of
 * print-commands.mjs: a document printed by Chromium as poppler reads it, and an XLSX as openpyxl
 * reads it.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface PdfLine {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface PdfPage {
  /** In points. */
  readonly width: number;
  readonly height: number;
  readonly lines: readonly PdfLine[];
  readonly text: string;
}

export interface Pdf {
  readonly file: string;
  readonly pages: readonly PdfPage[];
}

/** Prints a standalone HTML document to PDF (PNG pages beside it in .tmp/print/<name>/). */
export async function pdfOf(html: string, name: string): Promise<Pdf> {
  const { job } = await executeServerCommand<{ job: string }, { html: string; name: string }>('azx-pdf', { html, name });
  for (;;) {
    const r = await executeServerCommand<{ pending?: true; result?: Pdf; error?: string }, { job: string }>('azx-pdf-result', { job });
    if (r.error) throw new Error(r.error);
    if (r.result) return r.result;
  }
}

export interface XlsxCell {
  /** openpyxl's type: n number (dates too), s string, b boolean. */
  readonly type: string;
  readonly value: string | number | boolean | null;
  /** The number format, e.g. #,##0.00, 0.0%, yyyy-mm-dd, @, General. */
  readonly format: string;
  readonly date: boolean;
  readonly bold: boolean;
}

export interface XlsxSheet {
  readonly name: string;
  readonly rows: readonly (readonly XlsxCell[])[];
  readonly frozen: string | null;
  readonly widths: Readonly<Record<string, number>>;
}

/** Reads a workbook back with openpyxl. */
export function readXlsx(bytes: Uint8Array, name: string): Promise<XlsxSheet[]> {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return executeServerCommand<XlsxSheet[], { base64: string; name: string }>('azx-read-xlsx', { base64: btoa(binary), name });
}

/** Millimetres from PDF points. */
export const mm = (pt: number): number => (pt * 25.4) / 72;

/** The page numbers printed on each page ("— 3 —" → 3), or undefined where none. */
export function pageNumbers(pdf: Pdf): (number | undefined)[] {
  return pdf.pages.map((p) => {
    const m = /—\s*(\d+)\s*—/.exec(p.lines.filter((l) => mm(p.height - l.yMax) < 40).map((l) => l.text).join(' '));
    return m ? Number(m[1]) : undefined;
  });
}

/** The first page (1-based) whose text holds `text` (spaces and line breaks ignored), or 0. */
export function pageWith(pdf: Pdf, text: string): number {
  const want = text.replace(/\s+/g, '');
  return pdf.pages.findIndex((p) => p.text.replace(/\s+/g, '').includes(want)) + 1;
}

/**
 * What `act` (a click on 打印, a call of `print()`) hands to `azx-print` from `el`: the event is
 * taken over (so no dialog opens) and the isolated document kept as HTML, as a parsed DOM and as
 * the frame's own. Fails when nothing is printed within 10 s or the host page's own print is called.
 */
export async function printedBy(el: HTMLElement, act: () => unknown): Promise<{ html: string; dom: Document; frame: Document }> {
  let html = '';
  let frame: Document | undefined;
  const take = (e: CustomEvent<{ document: Document; html(): string }>) => {
    frame = e.detail.document;
    html = e.detail.html();
    e.preventDefault();
  };
  const topPrint = window.print;
  let top = false;
  window.print = () => (top = true);
  el.addEventListener('azx-print', take as EventListener);
  try {
    await act();
    for (const end = Date.now() + 10_000; !frame && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
    if (!frame) throw new Error(`${el.localName} did not print its document (no azx-print)`);
  } finally {
    el.removeEventListener('azx-print', take as EventListener);
    window.print = topPrint;
  }
  if (top) throw new Error('the host page was printed');
  return { html, dom: new DOMParser().parseFromString(html, 'text/html'), frame: frame! };
}

/** An element printed by its `print()`, as printedBy takes it; fails when a dialog opened instead. */
export function printed(el: HTMLElement & { print(): Promise<boolean> }): Promise<{ html: string; dom: Document; frame: Document }> {
  return printedBy(el, async () => {
    if (await el.print()) throw new Error(`${el.localName}.print() opened a dialog: azx-print was not taken`);
  });
}

/**
 * Where a printed document's figures disagree: every figure of the body must equal each table cell
 * and each other figure of the same key, and be shown in a table or an attachment.
 */
export function figureProblems(dom: Document): string[] {
  const byKey = new Map<string, { text: string; where: string }[]>();
  for (const el of dom.querySelectorAll<HTMLElement>('[data-figure]')) {
    const where = el.closest('td, th') ? 'table' : el.closest('.doc-attachment') ? 'attachment' : 'body';
    const key = el.dataset['figure']!;
    byKey.set(key, [...(byKey.get(key) ?? []), { text: el.textContent!.trim(), where }]);
  }
  const problems: string[] = [];
  for (const [key, all] of byKey) {
    const texts = new Set(all.map((x) => x.text));
    if (texts.size > 1) problems.push(`${key}: ${[...texts].join(' ≠ ')}`);
    if (all.some((x) => x.where === 'body') && !all.some((x) => x.where !== 'body')) problems.push(`${key}: in the text, in no table`);
  }
  return problems;
}

/** The figures in the body's text, by key. */
export function textFigures(dom: Document): Map<string, string> {
  return new Map([...dom.querySelectorAll<HTMLElement>('.doc-main .doc-para [data-figure]')].map((el) => [el.dataset['figure']!, el.textContent!.trim()]));
}

/** Puts `el` in a portal page (until `remove()`): a header with the portal's name and sign-out, tabs, a grey background, a rounded card. */
export function inPortal(el: HTMLElement): { remove(): void } {
  const page = document.createElement('div');
  page.className = 'portal-page';
  page.innerHTML = `<header class="portal-header"><strong>某市安责险综合管理平台</strong><button type="button">退出登录</button></header>
    <nav class="portal-tabs"><button type="button">保单录入</button><button type="button">检查通报</button><button type="button">隐患台账</button></nav>
    <main><div class="portal-card"></div></main>`;
  for (const [k, v] of Object.entries({ background: '#e9ecef', padding: '24px' })) page.style.setProperty(k, v);
  const card = page.querySelector<HTMLElement>('.portal-card')!;
  for (const [k, v] of Object.entries({ background: '#fff', 'border-radius': '16px', padding: '20px', 'box-shadow': '0 2px 8px #0003' })) card.style.setProperty(k, v);
  // put back where it was when done (a fixture's cleanup removes its own wrapper from there)
  const [parent, next] = [el.parentNode, el.nextSibling];
  card.append(el);
  document.body.append(page);
  return {
    remove: () => {
      parent?.insertBefore(el, next);
      page.remove();
    },
  };
}

/** Text of the portal page that must never be printed with an element. */
export const PORTAL_WORDS = ['某市安责险综合管理平台', '退出登录', '保单录入'];
