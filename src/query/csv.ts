/** CSV per RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF. */

export type CsvValue = string | number | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row with its CRLF. */
export function csvRow(row: readonly CsvValue[]): string {
  return `${row.map(csvField).join(',')}\r\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvRow).join('');
}
