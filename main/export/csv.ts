/**
 * CSV as RFC 4180 describes it: fields separated by commas, records by CRLF, a header row of
 * column names. A field is quoted (with inner quotes doubled) when it holds a comma, a quote, a
 * line break, or leading or trailing spaces, and an empty text is written as "" so that it
 * differs from an empty (unquoted) field, which stands for "no value" (SQL NULL). Numbers are
 * written as they are; binary values as base64.
 *
 * Spreadsheet formulas are neutralised as OWASP's "CSV Injection" page advises: a text cell that
 * begins with =, +, -, @, a tab or a carriage return would be run as a formula by Excel,
 * LibreOffice or Google Sheets when the file is opened (a patient whose notes begin with
 * `=HYPERLINK(...)` could otherwise send data away from the clinician's spreadsheet), so it gets a
 * single quote in front and is quoted. A text that already begins with a single quote gets one
 * more, so the rule can be undone exactly: remove the first quote of any text cell that begins
 * with one. Numbers (from INTEGER and REAL columns) are never prefixed: -3 stays the number -3.
 */
export type CellValue = string | number | bigint | null | Uint8Array;

/** The first characters that make a spreadsheet read a cell as a formula, and the quote that undoes the prefix. */
const FORMULA_START = /^[=+\-@\t\r']/;

/** A text as a spreadsheet will only ever show it: with a single quote in front if it could start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const raw = value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
  if (raw === '') return '""';
  const text = neutraliseFormula(raw);
  if (text !== raw || /[",\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvRecord(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Excel opens UTF-8 CSV correctly only with a byte order mark; other readers skip it. */
export const UTF8_BOM = '\uFEFF';
