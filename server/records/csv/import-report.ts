import type { InputIssue } from '../../http/app-error'

/** The most refused rows an import report lists; the count is exact. */
export const MAX_REPORTED_ROWS = 1_000

/** One refused row: its line in the file and what is wrong with it. */
export interface RefusedRow {
  line: number
  issues: Omit<InputIssue, 'index'>[]
}

/** What an import did: rows read, accepted, refused, and why. */
export interface ImportReport {
  batchId: string | null
  isDryRun: boolean
  isStored: boolean
  rowsRead: number
  rowsAccepted: number
  rowsRefused: number
  refusedRows: RefusedRow[]
  /** More rows were refused than `refusedRows` lists. */
  hasMoreRefusedRows: boolean
}

export function emptyReport(isDryRun: boolean): ImportReport {
  return {
    batchId: null,
    isDryRun,
    isStored: false,
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRefused: 0,
    refusedRows: [],
    hasMoreRefusedRows: false,
  }
}

export function addRefusedRow(report: ImportReport, row: RefusedRow): void {
  report.rowsRefused++
  if (report.refusedRows.length < MAX_REPORTED_ROWS) {
    report.refusedRows.push(row)
  } else {
    report.hasMoreRefusedRows = true
  }
}

/** The report's refused rows as the issues of a `validation_failed`. */
export function reportIssues(report: ImportReport): InputIssue[] {
  return report.refusedRows.flatMap((row) =>
    row.issues.map((issue) => ({ index: row.line, ...issue })),
  )
}
