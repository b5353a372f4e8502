import { describe, expect, it } from 'vitest'
import type { AnalysisFilters } from '../filters'
import { listMonths } from '../months'
import { emptyTable } from './count-table'
import { discloseTable } from './disclose-table'

const THRESHOLD = 5
const SETTINGS = { thresholdPersons: THRESHOLD }

/** Persons per month and citizenship: a crafted population in memory. */
const POPULATION: Record<string, Record<string, number>> = {
  '2024-01': { RO: 30, BG: 3, MD: 12, UA: 9 },
  '2024-02': { RO: 25, BG: 11, MD: 2, UA: 14 },
  '2024-03': { RO: 28, BG: 16, MD: 13, UA: 4 },
}

const filtersFor = (
  citizenship: string[] | null,
  period = { from: '2024-01', to: '2024-03' },
): AnalysisFilters => ({
  period,
  countMode: 'persons',
  values: citizenship ? { citizenship } : {},
})

/** A total per month (cells), or one grand total over the period. */
function builder(isSummedOverPeriod: boolean) {
  return async (filters: AnalysisFilters) => {
    const table = emptyTable()
    const accepted = filters.values.citizenship
    let total = 0
    for (const month of listMonths(filters.period.from, filters.period.to)) {
      const counts = POPULATION[month] ?? {}
      const persons = Object.entries(counts)
        .filter(([code]) => !accepted || accepted.includes(code))
        .reduce((sum, [, count]) => sum + count, 0)
      if (isSummedOverPeriod) total += persons
      else table.cells.set(month, persons)
    }
    if (isSummedOverPeriod) table.cells.set('total', total)
    return table
  }
}

async function shown(
  filters: AnalysisFilters,
  isSummedOverPeriod: boolean,
): Promise<Map<string, number | null>> {
  const disclosed = await discloseTable(
    { filters, build: builder(isSummedOverPeriod), isSummedOverPeriod },
    SETTINGS,
  )
  return new Map(
    [...disclosed.table.cells.keys()].map((key) => [
      key,
      disclosed.show(key).persons,
    ]),
  )
}

describe('discloseTable', () => {
  it('never lets two queries that differ by one value reveal a small count', async () => {
    const lists = [
      ['RO', 'BG', 'MD'],
      ['RO', 'BG'],
      ['RO', 'MD'],
      ['BG', 'MD'],
    ]
    for (const wide of lists) {
      for (const left of wide) {
        const narrow = wide.filter((code) => code !== left)
        const a = await shown(filtersFor(wide), false)
        const b = await shown(filtersFor(narrow), false)
        for (const [month, persons] of a) {
          const other = b.get(month)
          if (persons === null || other === null || other === undefined)
            continue
          const difference = persons - other
          expect(
            difference === 0 || difference >= THRESHOLD,
            `${wide} minus ${left} in ${month} reveals ${difference}`,
          ).toBe(true)
        }
      }
    }
  })

  it('protects a value left out of a list of every other value present', async () => {
    const all = await shown(filtersFor(null), false)
    const withoutBulgaria = await shown(filtersFor(['RO', 'MD', 'UA']), false)

    // BG had 3 in January: the unfiltered total (54) minus the total of
    // every other citizenship (51) would reveal them.
    expect(all.get('2024-01')).toBe(54)
    expect(withoutBulgaria.get('2024-01')).toBeNull()
  })

  it('withholds a period total that shifting the period by a month would reveal', async () => {
    const march = { from: '2024-02', to: '2024-03' }
    const twoMonths = await shown(filtersFor(['UA'], march), true)
    const oneMonth = await shown(
      filtersFor(['UA'], { from: '2024-02', to: '2024-02' }),
      true,
    )

    // UA had 4 in March: 18 over February and March against 14 in
    // February alone would reveal it.
    expect(oneMonth.get('total')).toBe(14)
    expect(twoMonths.get('total')).toBeNull()
  })
})
