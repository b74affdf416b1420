/**
 * CSV as RFC 4180 describes it: fields separated by commas, records by CRLF, a header row of
 * column names. A field is quoted (with inner quotes doubled) when it holds a comma, a quote, a
 * line break, or leading or trailing spaces, and an empty text is written as "" so that it
 * differs from an empty (unquoted) field, which stands for "no value" (SQL NULL). Numbers are
 * written as they are; binary values as base64. Values are exact: nothing is trimmed or escaped
 * for spreadsheets (see the README on opening exports in a spreadsheet).
 */
export type CellValue = string | number | bigint | null | Uint8Array;

export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
  if (text === '') return '""';
  if (/[",\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvRecord(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Excel opens UTF-8 CSV correctly only with a byte order mark; other readers skip it. */
export const UTF8_BOM = '\uFEFF';
