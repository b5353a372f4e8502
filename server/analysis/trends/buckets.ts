import type { Period } from '../filters'
import { listMonths, monthIndex, monthOfIndex } from '../months'
import type { Interval } from '../query/count-persons'

/**
 * Widens a period to whole quarters or years, so that no bucket is cut by
 * the period's ends: a cut bucket would change with the period and could
 * be played against the whole one.
 */
export function alignPeriod(period: Period, interval: Interval): Period {
  if (interval === 'month') return period
  const size = interval === 'quarter' ? 3 : 12
  const from = monthIndex(period.from)
  const to = monthIndex(period.to)

  return {
    from: monthOfIndex(from - (from % size)),
    to: monthOfIndex(to - (to % size) + size - 1),
  }
}

/** Bucket labels as the counts name them: 2024-05, 2024-Q2, 2024. */
export function bucketsOf(period: Period, interval: Interval): string[] {
  const labels = listMonths(period.from, period.to).map((month) => {
    const year = month.slice(0, 4)
    if (interval === 'year') return year
    if (interval === 'quarter') {
      return `${year}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`
    }
    return month
  })

  return [...new Set(labels)]
}
