// Table exports every element shares: CSV, XLSX (over a small ZIP writer) and the download.
export { toCsv, download, CSV_TYPE, type Cell } from './csv.js';
export { toXlsx, XLSX_TYPE, type Sheet } from './xlsx.js';
export { zip, crc32, type ZipEntry } from './zip.js';
