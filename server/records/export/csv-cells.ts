// A spreadsheet runs a cell that starts with one of these as a formula;
// a leading apostrophe makes it plain text (OWASP's advice on CSV
// injection).
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r'])

/** A cell safe to open in a spreadsheet and quoted as CSV needs. */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_STARTS.has(text[0] ?? '')) {
    text = `'${text}`
  }
  if (!/[",\r\n]/.test(text)) return text

  return `"${text.replaceAll('"', '""')}"`
}

/** One CSV line, ended by CRLF as RFC 4180 writes it. */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}
