/**
 * Month arithmetic on `YYYY-MM` strings, the only time unit of records.
 * A month index counts months since year 0 so that differences are plain
 * subtraction.
 */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export function monthIndex(month: string): number {
  const match = MONTH.exec(month)
  if (!match) throw new Error(`Not a YYYY-MM month: ${month}`)

  return Number(match[1]) * 12 + Number(match[2]) - 1
}

export function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1

  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
}

export const addMonths = (month: string, count: number): string =>
  monthOfIndex(monthIndex(month) + count)

/** Whole months from `from` to `to`, both included. */
export const monthsInPeriod = (from: string, to: string): number =>
  monthIndex(to) - monthIndex(from) + 1

/** Every month from `from` to `to`, both included. */
export function listMonths(from: string, to: string): string[] {
  const first = monthIndex(from)

  return Array.from({ length: monthsInPeriod(from, to) }, (_, i) =>
    monthOfIndex(first + i),
  )
}

/** The first day of a month, as the `observed_on` column stores it. */
export const firstDayOf = (month: string): string => `${month}-01`
