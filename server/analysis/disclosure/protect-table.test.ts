import { describe, expect, it } from 'vitest'
import type { CountTable } from './count-table'
import { protectTable } from './protect-table'

const THRESHOLD = 5

/** A one-way table: cells `a`, `b`, ... and their published total. */
function oneWay(counts: Record<string, number>): CountTable {
  const cells = new Map(Object.entries(counts))
  const total = [...cells.values()].reduce((a, b) => a + b, 0)

  return {
    cells,
    lines: new Map([['total', { count: total, members: [...cells.keys()] }]]),
  }
}

/** Rows r0.., columns c0.., with every row, column and the grand total. */
function twoWay(rows: number[][]): CountTable {
  const cells = new Map<string, number>()
  const lines: CountTable['lines'] = new Map()
  rows.forEach((row, r) => {
    for (const [c, count] of row.entries()) cells.set(`r${r}c${c}`, count)
    lines.set(`r${r}`, {
      count: row.reduce((a, b) => a + b, 0),
      members: row.map((_, c) => `r${r}c${c}`),
    })
  })
  rows[0]!.forEach((_, c) => {
    lines.set(`c${c}`, {
      count: rows.reduce((sum, row) => sum + row[c]!, 0),
      members: rows.map((_, r) => `r${r}c${c}`),
    })
  })
  lines.set('all', {
    count: [...cells.values()].reduce((a, b) => a + b, 0),
    members: [...cells.keys()],
  })

  return { cells, lines }
}

/**
 * Every value each withheld cell can take, given what is shown: a pruned
 * brute force over non-negative counts, independent of the audit under test.
 */
function feasibleValues(
  table: CountTable,
  hidden: ReadonlySet<string>,
  maxCount: number,
): Map<string, Set<number>> {
  const unknown = [...table.cells.keys()].filter((key) => hidden.has(key))
  const shownLines = [...table.lines]
    .filter(([key]) => !hidden.has(key))
    .map(([, line]) => line)
  const seen = new Map(unknown.map((key) => [key, new Set<number>()]))
  const values = new Map<string, number>()
  const isConsistent = (isComplete: boolean) =>
    shownLines.every((line) => {
      let sum = 0
      let isOpen = false
      for (const key of line.members) {
        if (!hidden.has(key)) sum += table.cells.get(key)!
        else if (values.has(key)) sum += values.get(key)!
        else isOpen = true
      }
      return isOpen && !isComplete ? sum <= line.count : sum === line.count
    })
  const visit = (index: number): void => {
    if (!isConsistent(index === unknown.length)) return
    if (index === unknown.length) {
      for (const key of unknown) seen.get(key)!.add(values.get(key)!)
      return
    }
    const key = unknown[index]!
    for (let value = 0; value <= maxCount; value++) {
      values.set(key, value)
      visit(index + 1)
    }
    values.delete(key)
  }
  visit(0)

  return seen
}

describe('protectTable', () => {
  it('withholds counts from 1 to the threshold minus one and shows zeros', () => {
    const table = oneWay({ a: 0, b: 4, c: 5, d: 3, e: 40 })

    const { hidden } = protectTable(table, { thresholdPersons: THRESHOLD })

    expect(hidden.has('a')).toBe(false)
    expect(hidden.has('b')).toBe(true)
    expect(hidden.has('d')).toBe(true)
    expect(hidden.has('total')).toBe(false)
  })

  it('withholds a second cell so a lone small count cannot be taken from the total', () => {
    const table = oneWay({ a: 3, b: 12, c: 7, d: 40 })

    const { hidden } = protectTable(table, { thresholdPersons: THRESHOLD })

    expect(hidden.has('a')).toBe(true)
    expect(hidden.has('c')).toBe(true)
    expect(hidden.has('b')).toBe(false)
    const feasible = feasibleValues(table, hidden, 20)
    expect(feasible.get('a')!.size).toBeGreaterThan(THRESHOLD)
  })

  it('adds a complement when the withheld cells add up to less than the threshold', () => {
    const table = oneWay({ a: 1, b: 2, c: 9, d: 30 })

    const { hidden } = protectTable(table, { thresholdPersons: THRESHOLD })

    expect([...hidden].sort()).toEqual(['a', 'b', 'c'])
  })

  it('withholds the total when no other cell can protect a small count', () => {
    const table = oneWay({ a: 3, b: 0, c: 0 })

    const { hidden } = protectTable(table, { thresholdPersons: THRESHOLD })

    expect(hidden.has('a')).toBe(true)
    expect(hidden.has('total')).toBe(true)
  })

  it('leaves no withheld cell of a two-way table recomputable from its margins', () => {
    const table = twoWay([
      [2, 9, 8],
      [7, 6, 9],
      [8, 7, 3],
    ])

    const { hidden, exposed } = protectTable(table, {
      thresholdPersons: THRESHOLD,
    })

    expect(exposed).toEqual([])
    const feasible = feasibleValues(table, hidden, 12)
    for (const [key, values] of feasible) {
      expect(values.size, `${key} is recomputable`).toBeGreaterThan(1)
    }
  })

  it('catches a cell that crossing lines expose although each line has two withheld cells', () => {
    // The small cells form two closed rectangles joined by r0c2: every row
    // and column holds two or more of them, adding up past the threshold,
    // yet r0c2 is a bridge between the rectangles and follows exactly from
    // the margins. Only the audit sees it.
    const table = twoWay([
      [3, 3, 3, 7],
      [3, 3, 8, 6],
      [9, 7, 3, 3],
      [6, 8, 3, 3],
    ])

    const { hidden, exposed } = protectTable(table, {
      thresholdPersons: THRESHOLD,
    })

    expect(exposed).toEqual([])
    expect(hidden.size).toBeGreaterThan(9)
    const feasible = feasibleValues(table, hidden, 16)
    for (const [key, values] of feasible) {
      expect(values.size, `${key} is recomputable`).toBeGreaterThan(1)
    }
  })

  it('withholds flagged keys and the cells that would give them away', () => {
    const table = oneWay({ a: 10, b: 12, c: 30 })

    const { hidden } = protectTable(table, {
      thresholdPersons: THRESHOLD,
      flagged: new Set(['b']),
    })

    expect(hidden.has('b')).toBe(true)
    expect(hidden.has('a')).toBe(true)
  })

  it('keeps the decision on a line that another published table made', () => {
    const table = oneWay({ a: 3, b: 0 })

    const { hidden, exposed } = protectTable(table, {
      thresholdPersons: THRESHOLD,
      decided: new Map([['total', false]]),
    })

    expect(hidden.has('total')).toBe(false)
    expect(exposed).toEqual(['a'])
  })
})
