export { AzxRecordList, type RecordAction } from './record-list.js';
export { columnsOf, xColumns, type ListColumn, type ColumnKind } from './columns.js';
