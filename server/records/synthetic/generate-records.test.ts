import { describe, expect, it } from 'vitest'
import { generateSyntheticRecords, plantedChangesFor } from './generate-records'

const collect = (options: Parameters<typeof generateSyntheticRecords>[0]) => [
  ...generateSyntheticRecords(options),
]

const countWhere = <T>(rows: readonly T[], test: (row: T) => boolean) =>
  rows.filter(test).length

describe('generateSyntheticRecords', () => {
  it('gives the same records for the same seed and others for another', () => {
    const first = collect({ seed: 7, months: 6 })
    const again = collect({ seed: 7, months: 6 })
    const other = collect({ seed: 8, months: 6 })

    expect(again).toEqual(first)
    expect(other).not.toEqual(first)
  })

  it('covers every month of the window with several partners', () => {
    const rows = collect({ startMonth: '2023-11', months: 4 })
    const months = new Set(rows.map((row) => row.observedOn))
    const partners = new Set(rows.map((row) => row.partnerKey))

    expect([...months].sort()).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ])
    expect(partners.size).toBeGreaterThanOrEqual(5)
  })

  it('plants a route that does not exist before its start month', () => {
    const options = { months: 36 }
    const rows = collect(options)
    const route = plantedChangesFor(options).find(
      (change) => change.kind === 'new_route',
    )
    if (route?.kind !== 'new_route') throw new Error('no planted route')
    const isOnRoute = (row: (typeof rows)[number]) => row.transit.includes('BY')

    const before = countWhere(
      rows,
      (row) => isOnRoute(row) && row.observedOn < route.startMonth,
    )
    const after = countWhere(
      rows,
      (row) => isOnRoute(row) && row.observedOn >= route.startMonth,
    )

    expect(before).toBe(0)
    expect(after).toBeGreaterThan(100)
  })

  it('raises the planted citizenship well above its baseline', () => {
    const options = { months: 36 }
    const rows = collect(options)
    const rise = plantedChangesFor(options).find(
      (change) => change.kind === 'rising_citizenship',
    )
    if (rise?.kind !== 'rising_citizenship') throw new Error('no rise')
    const isCitizen = (row: (typeof rows)[number]) =>
      row.citizenship === rise.citizenship
    const lastYear = countWhere(
      rows,
      (row) => isCitizen(row) && row.observedOn >= '2024-01',
    )
    const firstYear = countWhere(
      rows,
      (row) => isCitizen(row) && row.observedOn < '2023-01',
    )

    expect(lastYear).toBeGreaterThan(firstYear * 2.5)
  })

  it('plants nothing when planted changes are turned off', () => {
    const options = { months: 36, hasPlantedChanges: false }
    const rows = collect(options)
    const lastYear = countWhere(
      rows,
      (row) => row.citizenship === 'CO' && row.observedOn >= '2024-01',
    )
    const firstYear = countWhere(
      rows,
      (row) => row.citizenship === 'CO' && row.observedOn < '2023-01',
    )

    expect(plantedChangesFor(options)).toEqual([])
    expect(countWhere(rows, (row) => row.transit.includes('BY'))).toBe(0)
    expect(lastYear).toBeLessThan(firstYear * 1.6)
  })

  it('reports some victims at two partners under one linkage key', () => {
    const rows = collect({ months: 12 })
    const partnersByKey = new Map<string, Set<string>>()
    for (const row of rows) {
      if (!row.linkageKey) continue
      const partners = partnersByKey.get(row.linkageKey) ?? new Set()
      partners.add(row.partnerKey)
      partnersByKey.set(row.linkageKey, partners)
    }
    const shared = [...partnersByKey.values()].filter((set) => set.size > 1)

    expect(shared.length).toBeGreaterThan(20)
  })

  it('scales its volume and stays lazy for large runs', () => {
    const iterator = generateSyntheticRecords({ scale: 1000, months: 120 })
    const first = iterator.next()

    expect(first.done).toBe(false)
    expect(collect({ months: 3, scale: 2 }).length).toBeGreaterThan(
      collect({ months: 3 }).length * 1.7,
    )
  })

  it('refuses a start month that is not written YYYY-MM', () => {
    expect(() => collect({ startMonth: '2024-13' })).toThrow(/startMonth/)
  })
})
