// Official documents (GB/T 9704-2012): the model, its layout, printing it alone. Importing it
// hands the layout its kit (./kit.ts).
import { documentKit } from './core-kit.js';
import { useDocumentKit } from './kit.js';

useDocumentKit(documentKit);

export type { OfficialDocument, Block, Inline, Field, SignParty, Attachment, Signature, DocumentRecord } from './model.js';
export { renderDocument, renderBlock, renderTable, emWidth, tableWidthMm, denseTable } from './render.js';
export { DOCUMENT_CSS, DOCUMENT_FONTS, DOCUMENT_RED, pageCss, type DocumentFont } from './styles.js';
export { documentDate, documentNumber, chinaDay, chinaToday } from './dates.js';
export { cellText } from './cells.js';
export { sentence } from './inline.js';
export { documentText } from './text.js';
export { documentStyles } from './styles-sheet.js';
export { openFrame, printFrame, type PrintFrame, type PrintEventDetail } from './frame.js';
export { documentFrame, printDocument, type PrintOptions } from './print.js';
export { recordDocument, recordBlocks, fieldText, printRecord, type RecordDocumentOptions, type NameOf } from './record.js';
