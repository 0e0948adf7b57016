/**
 * XLSX and CSV adapters over the table model (`domain/table.ts`). Aggregates only: the cells are counts
 * and the row labels unit names — no personal data.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ReportWindow } from './domain/periods.js';
import { toCsvRows, type FormTable } from './domain/table.js';

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese right). */
export function reportToCsv(table: FormTable): Buffer {
  const text = stringify(
    toCsvRows(table, 'vi').map((row) => row.map(inert)),
    { record_delimiter: '\r\n' },
  );
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** First worksheet row of the header (rows 1–2: title and window label, row 3 blank). */
export const XLSX_HEADER_ROW = 4;

/**
 * The table as an XLSX workbook: the form's title, the window label, the header with merged cells per
 * the table model's spans, the column-number row, one row per unit (indented by depth), a bold total.
 */
export async function reportToXlsx(
  table: FormTable,
  window: ReportWindow,
  scopeLabel: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tiepdan';
  const sheet = workbook.addWorksheet(table.name.vi.replace(/[\\/*?:[\]]/g, '-').slice(0, 31), {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = table.columnCount;
  sheet.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 36 : 11 }));

  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    if (width > 1) sheet.mergeCells(row, 1, row, width);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  banner(1, `${table.name.vi}: ${table.title.vi.toUpperCase()}`, { bold: true, size: 13 });
  banner(2, `${window.label.vi} — ${scopeLabel}`, { italic: true });
  if (table.unconfirmed) {
    banner(3, 'Bố cục biểu mẫu chưa đối chiếu với phụ lục TT 06/2025/TT-TTCP', { italic: true, size: 9 });
  }

  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  const top = XLSX_HEADER_ROW;
  const headerDepth = table.header.length;
  for (const cell of table.header.flat()) {
    const r1 = top + cell.row;
    const c1 = 1 + cell.col;
    const r2 = r1 + cell.rowSpan - 1;
    const c2 = c1 + cell.colSpan - 1;
    if (r2 > r1 || c2 > c1) sheet.mergeCells(r1, c1, r2, c2);
    const target = sheet.getCell(r1, c1);
    target.value = cell.vi;
  }
  for (let r = top; r < top + headerDepth; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = border;
    }
  }
  const numbersRow = sheet.getRow(top + headerDepth);
  numbersRow.values = [...table.numbers];
  numbersRow.font = { italic: true };
  numbersRow.alignment = { horizontal: 'center' };

  const addLine = (label: string, cells: number[], bold: boolean) => {
    const row = sheet.addRow([label, ...cells]);
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = border));
    if (bold) row.font = { bold: true };
    return row;
  };
  for (const b of table.body) addLine(b.label, b.cells, false);
  addLine(table.total.label.vi, table.total.cells, true);
  numbersRow.eachCell({ includeEmpty: true }, (cell) => (cell.border = border));
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: top + headerDepth }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
