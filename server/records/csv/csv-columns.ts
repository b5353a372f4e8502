import { type InputIssue, validationFailed } from '../../http/app-error'
import {
  INPUT_ONLY_FIELD_NAMES,
  LIST_FIELD_NAMES,
  RECORD_FIELD_NAMES,
} from '../record-fields'

/** The separator of the items of a list field inside one CSV cell. */
export const LIST_SEPARATOR = '|'

const KNOWN_COLUMNS: ReadonlySet<string> = new Set([
  ...RECORD_FIELD_NAMES,
  ...INPUT_ONLY_FIELD_NAMES,
])
const LIST_COLUMNS: ReadonlySet<string> = new Set(LIST_FIELD_NAMES)
const NUMBER_COLUMNS: ReadonlySet<string> = new Set([
  'persons',
  'age',
  'credibility',
])
const REQUIRED_COLUMNS = ['phenomenon', 'observedOn'] as const

/**
 * Checks the header row: every column must be a field of the standard,
 * named once, and the required ones present. A file with an unknown
 * column goes back to its sender whole rather than being trimmed.
 */
export function checkHeader(cells: readonly string[], line: number): string[] {
  const names = cells.map((cell) => cell.trim())
  const issues: InputIssue[] = []
  const seen = new Set<string>()
  names.forEach((name, column) => {
    const label = name === '' ? `column ${column + 1}` : name
    if (!KNOWN_COLUMNS.has(name)) {
      issues.push({
        index: line,
        path: label,
        code: 'unknown_field',
        message: `${label} is not a field of the record standard`,
      })
    } else if (seen.has(name)) {
      issues.push({
        index: line,
        path: name,
        code: 'duplicate_column',
        message: `${name} appears more than once in the header`,
      })
    }
    seen.add(name)
  })
  for (const required of REQUIRED_COLUMNS) {
    if (seen.has(required)) continue
    issues.push({
      index: line,
      path: required,
      code: 'required',
      message: `the header must have a ${required} column`,
    })
  }
  if (issues.length > 0) throw validationFailed(issues)

  return names
}

/**
 * Turns the cells of a row into a record as the JSON API would receive
 * it: empty cells are absent, list cells are split on `|`, whole numbers
 * become numbers (anything else stays text and fails its rule).
 */
export function rowToInput(
  header: readonly string[],
  cells: readonly string[],
): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  const count = Math.min(header.length, cells.length)
  for (let i = 0; i < count; i++) {
    const cell = cells[i]!.trim()
    if (cell === '') continue
    const name = header[i]!
    if (LIST_COLUMNS.has(name)) {
      input[name] = cell
        .split(LIST_SEPARATOR)
        .map((item) => item.trim())
        .filter(Boolean)
    } else if (NUMBER_COLUMNS.has(name) && isWholeNumber(cell)) {
      input[name] = Number(cell)
    } else {
      input[name] = cell
    }
  }

  return input
}

function isWholeNumber(text: string): boolean {
  if (text.length === 0 || text.length > 9) return false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }

  return true
}
