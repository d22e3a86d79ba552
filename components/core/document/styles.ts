/**
 * The look of an official document after GB/T 9704-2012: an A4 page of 156 × 225 mm of type
 * (top 37 mm, binding side 28 mm), 3号 (16 pt) body type, 22 lines of 28 characters, the issuing
 * body's mark and the rule in red, the title in 2号 小标宋, first-level headings in 黑体 and
 * second-level ones in 楷体, page numbers "— 1 —" 7 mm under the type area, outside on odd and
 * even pages. `DOCUMENT_CSS` styles the document wherever it is shown; `pageCss` adds the page
 * boxes, which only a document's own style sheets can set (the print frame's, never a shadow
 * root's).
 *
 * Fonts come from CSS custom properties, so a page that has the standard's fonts names them; a
 * free CJK serif (Noto Serif CJK SC, Debian's fonts-noto-cjk) and sans are the fallback.
 */
/** A documented font property and what it falls back to. */
export interface DocumentFont {
  readonly property: string;
  readonly fallback: string;
  readonly description: string;
}

const SERIF = "'Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Serif SC', serif";
const SANS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC', sans-serif";

export const DOCUMENT_FONTS = {
  body: {
    property: '--azx-document-font',
    fallback: `'FangSong_GB2312', '仿宋_GB2312', FangSong, '仿宋', STFangsong, ${SERIF}`,
    description: 'Body text of a printed document (仿宋, 3号).',
  },
  title: {
    property: '--azx-document-title-font',
    fallback: `'FZXiaoBiaoSong-B05S', '方正小标宋简体', '方正小标宋_GBK', STZhongsong, '华文中宋', ${SERIF}`,
    description: "The title and the issuing body's mark (小标宋); a font without a bold face is used as it is.",
  },
  heading: {
    property: '--azx-document-heading-font',
    fallback: `SimHei, '黑体', 'Heiti SC', ${SANS}`,
    description: 'First-level headings, table headings and the attachment label (黑体).',
  },
  kai: {
    property: '--azx-document-kai-font',
    fallback: `'KaiTi_GB2312', '楷体_GB2312', KaiTi, '楷体', STKaiti, 'AR PL UKai CN', ${SERIF}`,
    description: 'Second-level headings (楷体).',
  },
  number: {
    property: '--azx-document-number-font',
    fallback: `SimSun, '宋体', ${SERIF}`,
    description: 'Page numbers (宋体, 4号).',
  },
} as const satisfies Record<string, DocumentFont>;

export const DOCUMENT_RED = { property: '--azx-document-red', fallback: '#e60012', description: "Colour of the issuing body's mark and the rule under the 版头." };

const font = (f: DocumentFont) => `var(${f.property}, ${f.fallback})`;

// One line of the body: 225 mm of type over 22 lines.
const LINE = '28.95pt';
// 28 characters on a line of 156 mm at 16 pt.
const TRACKING = 'calc(156mm / 28 - 16pt)';

const markSizes = Array.from({ length: 21 }, (_, i) => i + 4)
  .map((n) => `.azx-doc .doc-mark.n-${n} { font-size: min(46pt, calc(150mm / ${n})); }`)
  .join('\n');
const widths = Array.from({ length: 8 }, (_, i) => `.azx-doc .min.w-${i + 1} { min-width: ${i + 1}em; }`).join('\n');
const shifts = Array.from({ length: 13 }, (_, i) => `.azx-doc .doc-signature.sealed.shift-${i} .sign { margin-right: ${4 + i}em; }\n.azx-doc .doc-signature.shift-${i}:not(.sealed) .sign { margin-right: ${2 + i}em; }`).join('\n');

export const DOCUMENT_CSS = `
.azx-doc {
  font-family: ${font(DOCUMENT_FONTS.body)};
  font-size: 16pt;
  line-height: ${LINE};
  color: #000;
  background: #fff;
  text-align: justify;
  font-kerning: none;
}
.azx-doc p { margin: 0; }
.azx-doc .doc-main, .azx-doc .doc-attachment { width: 156mm; max-width: 100%; }
.azx-doc .doc-attachment.wide, .azx-doc .doc-main.wide { width: 225mm; }
.azx-doc .doc-head { padding-top: 35mm; text-align: center; }
.azx-doc .doc-mark {
  font-family: ${font(DOCUMENT_FONTS.title)};
  font-weight: 700;
  font-synthesis: none;
  color: var(${DOCUMENT_RED.property}, ${DOCUMENT_RED.fallback});
  line-height: 1.15;
  letter-spacing: 0.04em;
  white-space: nowrap;
  text-align: center;
}
${markSizes}
.azx-doc .doc-number { margin-top: calc(2 * ${LINE}); text-align: center; letter-spacing: 0; }
.azx-doc .doc-rule { margin-top: 4mm; border-top: 0.5mm solid var(${DOCUMENT_RED.property}, ${DOCUMENT_RED.fallback}); }
/* the title, and each attachment's, in 2号 小标宋 */
.azx-doc .doc-title, .azx-doc .doc-attachment-title {
  font-family: ${font(DOCUMENT_FONTS.title)};
  font-size: 22pt;
  font-weight: 700;
  font-synthesis: none;
  line-height: 1.45;
  text-align: center;
  text-wrap: balance;
}
.azx-doc .doc-title { margin: calc(2 * ${LINE}) 0 0; }
.azx-doc .doc-title.plain { margin-top: 0; }
.azx-doc .doc-number-plain { text-align: right; letter-spacing: 0; }
.azx-doc .doc-addressees { margin-top: ${LINE}; letter-spacing: ${TRACKING}; }
.azx-doc .doc-body { letter-spacing: ${TRACKING}; }
.azx-doc .doc-para { text-indent: 2em; orphans: 2; widows: 2; }
.azx-doc .doc-para.flush { text-indent: 0; }
.azx-doc .doc-figure { font-variant-numeric: tabular-nums; }
.azx-doc .doc-h1, .azx-doc .doc-h2, .azx-doc .doc-h3 { text-indent: 2em; break-after: avoid; }
.azx-doc .doc-h1 { font-family: ${font(DOCUMENT_FONTS.heading)}; }
.azx-doc .doc-h2 { font-family: ${font(DOCUMENT_FONTS.kai)}; }
.azx-doc .doc-table-wrap { margin: 4pt 0 ${LINE}; letter-spacing: 0; }
.azx-doc .doc-table, .azx-doc .doc-fields {
  width: 100%;
  border-collapse: collapse;
  font-size: 12pt;
  line-height: 1.4;
  text-align: left;
  text-indent: 0;
  letter-spacing: 0;
}
.azx-doc .doc-attachment .doc-table { font-size: 10.5pt; }
.azx-doc .doc-table.dense { font-size: 9pt; }
.azx-doc .doc-table.dense th, .azx-doc .doc-table.dense td { padding: 1pt 2pt; }
.azx-doc .doc-table th, .azx-doc .doc-table td, .azx-doc .doc-fields th, .azx-doc .doc-fields td {
  border: 0.5pt solid #000;
  padding: 1.5pt 3pt;
  vertical-align: middle;
}
.azx-doc .doc-table thead th {
  font-family: ${font(DOCUMENT_FONTS.heading)};
  font-weight: normal;
  text-align: center;
}
.azx-doc .doc-table thead { display: table-header-group; }
.azx-doc .doc-table tr, .azx-doc .doc-fields tr { break-inside: avoid; }
.azx-doc .doc-table th[scope='row'] { font-weight: normal; }
.azx-doc .doc-table .number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.azx-doc .doc-table .text { text-align: left; text-wrap: balance; }
.azx-doc .doc-table .code { text-align: left; white-space: nowrap; }
.azx-doc .doc-table tr.total th, .azx-doc .doc-table tr.total td { font-family: ${font(DOCUMENT_FONTS.heading)}; }
.azx-doc .min { display: inline-block; }
.azx-doc .doc-table thead .min { text-wrap: balance; }
${widths}
.azx-doc .doc-table-note { font-size: 10.5pt; line-height: 1.5; text-indent: 0; letter-spacing: 0; }
.azx-doc .doc-fields { margin: 4pt 0 ${LINE}; font-size: 14pt; }
/* a group of fields is one box: it moves to the next page whole (one longer than a page breaks between rows) */
.azx-doc .doc-fields { break-inside: avoid; }
.azx-doc .doc-fields caption { font-family: ${font(DOCUMENT_FONTS.heading)}; text-align: left; padding: 2pt 0; }
.azx-doc .doc-fields th { width: 7em; font-weight: normal; font-family: ${font(DOCUMENT_FONTS.heading)}; white-space: nowrap; }
.azx-doc .doc-attachment-list { display: flex; margin-top: ${LINE}; padding-left: 2em; letter-spacing: ${TRACKING}; break-inside: avoid; }
.azx-doc .doc-attachment-list .label { flex: none; }
.azx-doc .doc-attachment-list ol { list-style: none; margin: 0; padding: 0; }
.azx-doc .doc-signature { display: flex; justify-content: flex-end; break-inside: avoid; break-before: avoid; }
.azx-doc .doc-signature .sign { position: relative; display: inline-block; text-align: center; letter-spacing: 0; }
.azx-doc .doc-signature.sealed { padding-top: calc(2 * ${LINE}); }
.azx-doc .doc-signature:not(.sealed) { padding-top: ${LINE}; }
.azx-doc .doc-signature .issuer { display: flex; justify-content: center; width: 0; min-width: 100%; white-space: nowrap; }
.azx-doc .doc-signature .date { white-space: nowrap; }
.azx-doc .doc-seal {
  position: absolute;
  left: 50%;
  bottom: -2mm;
  width: 42mm;
  height: 42mm;
  margin-left: -21mm;
  border: 1px dashed #bbb;
  border-radius: 50%;
}
${shifts}
.azx-doc .doc-note { text-indent: 2em; letter-spacing: ${TRACKING}; }
.azx-doc .doc-sign-lines { display: flex; justify-content: space-between; gap: 2em; margin-top: ${LINE}; break-inside: avoid; letter-spacing: 0; }
.azx-doc .doc-sign-lines .party { flex: 1; }
/* the first party's lines are blanks: it takes their width, a named party the rest */
.azx-doc .doc-sign-lines .party:first-child:not(:only-child) { flex: none; }
.azx-doc .blank { display: inline-block; min-width: 6em; border-bottom: 0.5pt solid #000; }
.azx-doc .doc-attachment-label { font-family: ${font(DOCUMENT_FONTS.heading)}; letter-spacing: 0; }
.azx-doc .doc-attachment-title { margin: ${LINE} 0 calc(${LINE} / 2); letter-spacing: 0; }
.azx-doc .doc-attachment.wide .doc-attachment-title { font-size: 18pt; }
.azx-doc .doc-record {
  width: 156mm;
  max-width: 100%;
  margin-top: calc(2 * ${LINE});
  border-top: 0.35mm solid #000;
  border-bottom: 0.35mm solid #000;
  font-size: 14pt;
  line-height: 2;
  break-inside: avoid;
  letter-spacing: 0;
}
/* a one-page form: 4号 on lines of 1.6 (the seal's room keeps the standard's two lines) */
.azx-doc.compact { font-size: 14pt; line-height: 22pt; }
.azx-doc.compact .doc-title { font-size: 20pt; line-height: 1.3; }
.azx-doc.compact .doc-body, .azx-doc.compact .doc-addressees, .azx-doc.compact .doc-note { letter-spacing: 0; }
.azx-doc.compact .doc-addressees { margin-top: 11pt; }
.azx-doc.compact .doc-fields { margin: 4pt 0 8pt; font-size: 12pt; line-height: 1.35; }
.azx-doc.compact .doc-sign-lines { margin-top: 11pt; }
.azx-doc.compact .doc-note { font-size: 12pt; }
/* after a landscape attachment the 版记 has a portrait page of its own: at its foot, where the
   standard puts it (its last rule on the type area's lower edge) */
@media print {
  .azx-doc .doc-record-place.own-page { break-before: page; height: 224mm; display: flex; flex-direction: column; justify-content: flex-end; }
}
.azx-doc .doc-record .copy { padding: 0 1em; border-bottom: 0.25mm solid #000; }
.azx-doc .doc-record .printed { display: flex; justify-content: space-between; padding: 0 1em; }
@media print {
  .azx-doc .doc-seal { border: none; }
  .azx-doc .doc-main, .azx-doc .doc-attachment, .azx-doc .doc-record { width: auto; max-width: none; }
  .azx-doc .doc-attachment { break-before: page; }
  .azx-doc .doc-attachment.wide, .azx-doc .doc-main.wide { page: wide; }
}
`;

/**
 * The page boxes: A4 with the standard's margins (mirrored on even pages: the binding side is
 * 28 mm), landscape pages for wide attachments, and the page number "— n —" in 4号 宋体, 7 mm
 * under the type area (the dash, at the middle of its line), one character in from the outer edge. `numberFont` is the resolved
 * --azx-document-number-font (a page box does not inherit the root's custom properties).
 */
export function pageCss(numberFont: string = DOCUMENT_FONTS.number.fallback): string {
  const number = (side: 'left' | 'right') =>
    `@bottom-${side} { content: "— " counter(page) " —"; font-family: ${numberFont}; font-size: 14pt; line-height: 1; vertical-align: top; padding-top: 4.5mm; padding-${side}: 14pt; text-align: ${side}; }`;
  return `
@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }
@page :right { ${number('right')} }
@page :left { margin: 37mm 28mm 35mm 26mm; ${number('left')} }
@page wide { size: A4 landscape; margin: 28mm 37mm 26mm 35mm; }
html, body { margin: 0; padding: 0; background: #fff; }
`;
}
