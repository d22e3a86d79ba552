// Table exports every element shares: tables as data, CSV, XLSX (over a small ZIP writer) and the download.
export { toCsv, download, CSV_TYPE, type Cell } from './csv.js';
export { toXlsx, excelDay, XLSX_TYPE, type Sheet } from './xlsx.js';
export { tableSheet, figureKey, figureValue, type Table, type TableColumn, type CellFormat, type CellValue } from './table.js';
export { zip, crc32, type ZipEntry } from './zip.js';
