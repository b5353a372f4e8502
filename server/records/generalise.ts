import type { AgeBand } from './record-fields'

// Upper bounds of the bands, in years, in the order of AGE_BANDS.
const AGE_BAND_LIMITS: readonly (readonly [number, AgeBand])[] = [
  [8, '0-8'],
  [17, '9-17'],
  [20, '18-20'],
  [23, '21-23'],
  [26, '24-26'],
  [29, '27-29'],
  [38, '30-38'],
  [47, '39-47'],
]

/** The band of the standard that an exact age in whole years falls into. */
export function ageBandOf(ageYears: number): AgeBand {
  for (const [limit, band] of AGE_BAND_LIMITS) {
    if (ageYears <= limit) return band
  }

  return '48+'
}

/**
 * The month (`YYYY-MM`) of a month or of a full date (`YYYY-MM-DD`), or
 * null when the text is neither or names a day that does not exist.
 */
export function monthOf(observedOn: string): string | null {
  const isMonth = observedOn.length === 7
  const isDate = observedOn.length === 10
  if (!isMonth && !isDate) return null
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(observedOn)) return null
  const year = Number(observedOn.slice(0, 4))
  const month = Number(observedOn.slice(5, 7))
  if (month < 1 || month > 12) return null
  if (isDate) {
    const day = Number(observedOn.slice(8, 10))
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
    if (day < 1 || day > daysInMonth) return null
  }

  return observedOn.slice(0, 7)
}

/** The month (`YYYY-MM`) a moment falls in, in UTC. */
export function monthOfDate(moment: Date): string {
  return moment.toISOString().slice(0, 7)
}
