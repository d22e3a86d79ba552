// azx/record-list: importing it defines <azx-record-list> (here, in the entry: the package's
// sideEffects lists the element entries, not the modules behind them).
import { AzxRecordList } from './record-list.js';

export { AzxRecordList, type RecordAction } from './record-list.js';
export { columnsOf, xColumns, type ListColumn, type ColumnKind } from './columns.js';

if (!customElements.get('azx-record-list')) customElements.define('azx-record-list', AzxRecordList);

declare global {
  interface HTMLElementTagNameMap {
    'azx-record-list': AzxRecordList;
  }
}
