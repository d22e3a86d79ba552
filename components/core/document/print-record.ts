// What <azx-form>'s print() fetches on use: the record layout, handed its kit by the caller, so the
// fetched chunk shares no module with the form (./kit.ts).
import { useDocumentKit, type DocumentKit } from './kit.js';
import { printRecord, type RecordDocumentOptions } from './record.js';
import type { PrintOptions } from './print.js';

export function printRecordWith(documentKit: DocumentKit, record: RecordDocumentOptions, options: PrintOptions = {}): Promise<boolean> {
  useDocumentKit(documentKit);
  return printRecord(record, options);
}
