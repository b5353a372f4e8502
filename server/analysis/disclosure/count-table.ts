/**
 * A table of counts as an analysis would publish it: atomic cells, and
 * lines, each the published total of some cells (a month's total, a
 * country's total over the routes through it). Cells and lines share one
 * key space so that a decision about either is one set lookup.
 */
export interface CountTable {
  cells: Map<string, number>
  lines: Map<string, CountLine>
  /**
   * Records behind each cell, when the builder kept them. Never published
   * and never part of disclosure decisions: only tests read them.
   */
  records?: Map<string, number>
}

export interface CountLine {
  count: number
  /** Keys of the cells this line adds up (or, for list fields, covers). */
  members: readonly string[]
}

export const emptyTable = (): CountTable => ({
  cells: new Map(),
  lines: new Map(),
})

/** The count behind a key, cell or line; 0 when the table lacks it. */
export function countOf(table: CountTable, key: string): number {
  return table.cells.get(key) ?? table.lines.get(key)?.count ?? 0
}

export function allKeys(table: CountTable): string[] {
  return [...table.cells.keys(), ...table.lines.keys()]
}
