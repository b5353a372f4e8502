import {
  fitHoltWinters,
  forecastHoltWinters,
  type HoltWintersFit,
} from './holt-winters'

/**
 * Forecasts of monthly counts with 80 % and 95 % intervals. The model runs
 * on square roots, which make Poisson-like counts' variance roughly
 * constant (Anscombe, 1948, Biometrika 35); quantiles map back exactly by
 * squaring, so the intervals keep their coverage and never go below zero.
 */
export interface CountForecastPoint {
  /** Median forecast. */
  persons: number
  lower80: number
  upper80: number
  lower95: number
  upper95: number
}

export const SEASON_MONTHS = 12
const Z80 = 1.2815515655446004
const Z95 = 1.959963984540054

/** Seasonal when two full years are known; otherwise trend only. */
export const periodFor = (months: number): number =>
  months >= 2 * SEASON_MONTHS ? SEASON_MONTHS : 1

export function fitCounts(counts: readonly number[]): HoltWintersFit {
  const roots = counts.map((count) => Math.sqrt(Math.max(0, count)))

  return fitHoltWinters(roots, periodFor(counts.length))
}

export function forecastCounts(
  counts: readonly number[],
  horizon: number,
): { fit: HoltWintersFit; points: CountForecastPoint[] } {
  const fit = fitCounts(counts)
  const { mean, variance } = forecastHoltWinters(fit, horizon)
  const back = (root: number) => Math.max(0, root) ** 2
  const points = mean.map((centre, i) => {
    const sd = Math.sqrt(variance[i]!)
    return {
      persons: back(centre),
      lower80: back(centre - Z80 * sd),
      upper80: back(centre + Z80 * sd),
      lower95: back(centre - Z95 * sd),
      upper95: back(centre + Z95 * sd),
    }
  })

  return { fit, points }
}

/** Same month last year (or last season), repeated: the yardstick. */
export function seasonalNaive(
  counts: readonly number[],
  horizon: number,
): number[] {
  const period = Math.min(SEASON_MONTHS, counts.length)

  return Array.from(
    { length: horizon },
    (_, i) => counts[counts.length - period + (i % period)]!,
  )
}
