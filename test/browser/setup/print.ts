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
export function pdfOf(html: string, name: string): Promise<Pdf> {
  return executeServerCommand<Pdf, { html: string; name: string }>('azx-pdf', { html, name });
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
