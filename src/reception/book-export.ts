import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { viDate } from '../common/domain/vietnamese-format.js';
import { MAU_03_COLUMNS } from './domain/reception-book.js';

export interface BookExportMeta {
  unitName: string;
  from: string;
  to: string;
}

/** Column widths (characters) of the 13 Mẫu 03/TCD columns. */
const WIDTHS = [6, 16, 34, 16, 44, 10, 10, 24, 10, 30, 30, 30, 30];

/**
 * The reception book as an XLSX workbook laid out like Mẫu 03/TCD: a title, the unit and period, the 13
 * column headings with their numbers (1)–(13), then one row per visit.
 */
export async function bookToXlsx(meta: BookExportMeta, rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tiepdan';
  const sheet = workbook.addWorksheet('Sổ tiếp công dân', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, MAU_03_COLUMNS.length);
  sheet.getCell(1, 1).value = 'SỔ TIẾP CÔNG DÂN';
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, MAU_03_COLUMNS.length);
  sheet.getCell(2, 1).value =
    `${meta.unitName} — từ ngày ${viDate(meta.from)} đến ngày ${viDate(meta.to)} (Mẫu 03/TCD)`;
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };
  const header = sheet.getRow(4);
  header.values = [...MAU_03_COLUMNS];
  header.font = { bold: true };
  const numbers = sheet.getRow(5);
  numbers.values = MAU_03_COLUMNS.map((_, i) => `(${i + 1})`);
  numbers.font = { italic: true };
  for (const row of [header, numbers]) {
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.views = [{ state: 'frozen', ySplit: 5 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function inert(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The same rows as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese right).
 * Text that starts like a formula is neutralised; the XLSX needs no such care (its cells are typed).
 */
export function bookToCsv(rows: (string | number)[][]): Buffer {
  const text = stringify([[...MAU_03_COLUMNS], ...rows.map((row) => row.map(inert))], {
    record_delimiter: '\r\n',
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
