/**
 * Lays out an OfficialDocument as HTML in the order and with the classes of ./styles.ts: the
 * portrait flow (版头, title, 主送, body, 附件说明, signature, 附注), then each attachment on pages
 * of its own, then the 版记. Plain elements only, so it renders in any document (the print frame
 * included) and reads the same on screen.
 */
import type { TemplateResult } from 'lit';
import type { Locale } from '../locale.js';
import { figureKey, type Table } from '../export/table.js';
import type { Attachment, Block, Field, Inline, OfficialDocument, Signature, SignParty } from './model.js';
import { cellText } from './cells.js';
import { documentDate } from './dates.js';
import { kit } from './kit.js';

/** Width in em of a run of text: a CJK character is one, anything else about half. */
export function emWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.55;
  return n;
}

/** Width classes (`w-1` … `w-8`): an inline box at least that many em wide (./styles.ts). */
const MAX_WIDTH_CLASS = 8;
const widthClass = (em: number): string => `w-${Math.max(1, Math.min(MAX_WIDTH_CLASS, Math.ceil(em)))}`;

function inline(run: Inline): TemplateResult | string {
  const { html } = kit();
  if (typeof run === 'string') return run;
  if ('figure' in run) return html`<span class="doc-figure" data-figure=${run.figure}>${run.text}</span>`;
  return html`<strong>${run.strong}</strong>`;
}

const inlines = (content: string | readonly Inline[]) => (typeof content === 'string' ? content : content.map(inline));

/** A heading's narrowest width (em): up to four characters on one line, longer ones on two. */
const headingMin = (label: string): number => {
  const w = emWidth(label);
  return w <= 4 ? w : Math.max(3, Math.ceil(w / 2));
};

/** A text column that holds codes (numbers, credit codes, policy numbers): never broken. */
const isCodeColumn = (table: Table, i: number): boolean =>
  table.rows.length > 0 && table.rows.every((r) => r[i] === null || r[i] === '' || /^[\x21-\x7e]+$/.test(String(r[i])));

/**
 * About how wide a table prints (mm) at `fontPt` with every row on one line (headings as narrow
 * as they may be; `wrapAt`: text longer than that many characters may wrap).
 */
export function tableWidthMm(table: Table, locale: Locale, fontPt = 10.5, wrapAt = Infinity): number {
  const em = table.columns.reduce((sum, c, i) => {
    const values = [...table.rows.map((r) => r[i]), table.total?.[i]].map((v) => emWidth(cellText(v ?? null, c.format ?? 'text', locale)));
    const content = Math.max(0, ...values);
    const wraps = (!c.format || c.format === 'text') && !isCodeColumn(table, i);
    return sum + Math.max(wraps ? Math.min(content, wrapAt) : content, headingMin(c.label)) + 0.7;
  }, 0);
  return (em * fontPt * 25.4) / 72;
}

/** Small type (9 pt) when the table would not fit `widthMm` in the usual 10.5 pt. */
export const denseTable = (table: Table, locale: Locale, widthMm: number): boolean => table.columns.length > 8 || tableWidthMm(table, locale, 10.5) > widthMm;

/**
 * A table that never prints a character per line: numbers, days and codes stay on one line, a
 * text column is at least as wide as its longest value up to eight characters, a heading of up to
 * four characters on one line; the 合计 row is the last row of the body (a footer would repeat on
 * every page). `widthMm`: the width it is printed in, which decides its type size.
 */
export function renderTable(table: Table, locale: Locale, widthMm = 156): TemplateResult {
  const { html, nothing } = kit();
  const textMin = table.columns.map((c, i) => {
    if (c.format && c.format !== 'text') return 0;
    const values = [...table.rows.map((r) => r[i]), table.total?.[i]].map((v) => emWidth(cellText(v ?? null, 'text', locale)));
    return Math.min(MAX_WIDTH_CLASS, Math.max(0, ...values));
  });
  const codes = table.columns.map((_, i) => isCodeColumn(table, i));
  const dense = denseTable(table, locale, widthMm) ? ' dense' : '';
  const cell = (v: Table['rows'][number][number], i: number, key: string | undefined, head: boolean) => {
    const c = table.columns[i]!;
    const format = c.format ?? 'text';
    const text = cellText(v, format, locale);
    const cls = format !== 'text' ? 'number' : codes[i] ? 'code' : 'text';
    const content = cls === 'text' && textMin[i] ? html`<span class="min ${widthClass(textMin[i]!)}">${text}</span>` : text;
    return head
      ? html`<th scope="row" class=${cls} data-figure=${key ?? nothing}>${content}</th>`
      : html`<td class=${cls} data-figure=${key ?? nothing}>${content}</td>`;
  };
  return html`<div class="doc-table-wrap">
    <table class="doc-table${dense}">
      <thead>
        <tr>
          ${table.columns.map((c) => html`<th scope="col"><span class="min ${widthClass(headingMin(c.label))}">${c.label}</span></th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map((row, r) => html`<tr>${row.map((v, i) => cell(v, i, figureKey(table, r, i), i === 0))}</tr>`)}
        ${table.total ? html`<tr class="total">${table.total.map((v, i) => cell(v, i, figureKey(table, 'total', i), i === 0))}</tr>` : nothing}
      </tbody>
    </table>
    ${table.note ? html`<p class="doc-table-note">${table.note}</p>` : nothing}
  </div>`;
}

function renderFields(caption: string | undefined, rows: readonly Field[]): TemplateResult {
  const { html, nothing } = kit();
  return html`<table class="doc-fields">
    ${caption ? html`<caption>${caption}</caption>` : nothing}
    <tbody>
      ${rows.map((f) => html`<tr><th scope="row"><span class="min ${widthClass(Math.min(emWidth(f.label), 7))}">${f.label}</span></th><td>${inlines(f.value)}</td></tr>`)}
    </tbody>
  </table>`;
}

function renderSignLines(parties: readonly SignParty[]): TemplateResult {
  const { html } = kit();
  return html`<div class="doc-sign-lines">
    ${parties.map(
      (p) => html`<div class="party">
        <p>${p.label}${p.name ? p.name : html`<span class="blank"></span>`}</p>
        ${p.lines.map((line) => html`<p>${line}<span class="blank"></span></p>`)}
      </div>`,
    )}
  </div>`;
}

export function renderBlock(block: Block, locale: Locale, widthMm = 156): TemplateResult {
  const { html } = kit();
  switch (block.kind) {
    case 'paragraph':
      return html`<p class="doc-para${block.indent === false ? ' flush' : ''}">${inlines(block.content)}</p>`;
    case 'heading':
      return html`<p class="doc-h${block.level}" role="heading" aria-level=${block.level + 1}>${block.text}</p>`;
    case 'table':
      return renderTable(block.table, locale, widthMm);
    case 'fields':
      return renderFields(block.caption, block.rows);
    case 'sign-lines':
      return renderSignLines(block.parties);
  }
}

function renderSignature(s: Signature, locale: Locale): TemplateResult {
  const { html, nothing, documentText } = kit();
  const date = documentDate(s.date, locale);
  const seal = s.seal !== false;
  // the name is centred over the date (the standard's rule); a name much longer than the date
  // moves the pair left so it stays inside the margin
  const overhang = Math.max(0, (emWidth(s.issuer) - emWidth(date)) / 2 - (seal ? 4 : 2));
  return html`<div class="doc-signature${seal ? ' sealed' : ''} shift-${Math.min(12, Math.ceil(overhang))}">
    <div class="sign">
      ${seal ? html`<div class="doc-seal" role="img" aria-label=${documentText(locale, 'seal')}></div>` : nothing}
      <p class="issuer"><span>${s.issuer}</span></p>
      <p class="date">${date}</p>
    </div>
  </div>`;
}

function renderAttachmentList(list: readonly Attachment[], locale: Locale): TemplateResult {
  const { html, documentText } = kit();
  return html`<div class="doc-attachment-list">
    <span class="label">${documentText(locale, 'attachments')}</span>
    <ol class=${list.length === 1 ? 'single' : ''}>
      ${list.map((a, i) => html`<li>${list.length === 1 ? '' : `${i + 1}.`}${a.title}</li>`)}
    </ol>
  </div>`;
}

function renderAttachment(a: Attachment, n: number, count: number, locale: Locale): TemplateResult {
  const { html, documentText } = kit();
  return html`<section class="doc-attachment${a.landscape ? ' wide' : ''}" aria-label=${a.title}>
    <p class="doc-attachment-label">${count === 1 ? documentText(locale, 'attachmentOne') : documentText(locale, 'attachment', { n })}</p>
    <p class="doc-attachment-title" role="heading" aria-level="2">${a.title}</p>
    ${a.blocks.map((b) => renderBlock(b, locale, a.landscape ? 225 : 156))}
  </section>`;
}

/** The whole document. */
export function renderDocument(doc: OfficialDocument): TemplateResult {
  const { html, nothing, isEnglish, toLocale, documentText } = kit();
  const locale = toLocale(doc.lang);
  const attachments = doc.attachments ?? [];
  // the standard's 文件 after the body's name (a term of the standard: not translated)
  const suffix = doc.head ? (doc.head.suffix ?? (isEnglish(locale) ? '' : '文件')) : '';
  const mark = doc.head ? `${doc.head.issuer}${suffix}` : '';
  return html`<div class="azx-doc${doc.compact ? ' compact' : ''}" lang=${locale}>
    <section class="doc-main${doc.landscape ? ' wide' : ''}">
      ${doc.head
        ? html`<header class="doc-head">
            <p class="doc-mark n-${Math.max(4, Math.min(24, Math.ceil(emWidth(mark))))}">${mark}</p>
            <p class="doc-number">${doc.head.number}</p>
            <div class="doc-rule"></div>
          </header>`
        : nothing}
      <h1 class="doc-title${doc.head ? '' : ' plain'}" id="doc-title">${doc.title}</h1>
      ${doc.number ? html`<p class="doc-number-plain">${doc.number}</p>` : nothing}
      ${doc.addressees ? html`<p class="doc-addressees">${doc.addressees}：</p>` : nothing}
      <div class="doc-body">${doc.body.map((b) => renderBlock(b, locale, doc.landscape ? 225 : 156))}</div>
      ${attachments.length ? renderAttachmentList(attachments, locale) : nothing}
      ${doc.signature ? renderSignature(doc.signature, locale) : nothing}
      ${doc.note ? html`<p class="doc-note">（${doc.note}）</p>` : nothing}
      ${(doc.after ?? []).map((b) => renderBlock(b, locale))}
    </section>
    ${attachments.map((a, i) => renderAttachment(a, i + 1, attachments.length, locale))}
    ${doc.record
      ? html`<div class="doc-record-place${attachments.at(-1)?.landscape ? ' own-page' : ''}">
          <footer class="doc-record">
            ${doc.record.copyTo ? html`<p class="copy">${documentText(locale, 'copyTo')}${doc.record.copyTo}</p>` : nothing}
            <p class="printed"><span>${doc.record.printer}</span><span>${documentText(locale, 'printed', { date: documentDate(doc.record.printed, locale) })}</span></p>
          </footer>
        </div>`
      : nothing}
  </div>`;
}
