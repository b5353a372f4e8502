import { forecastCounts, seasonalNaive } from './count-forecast'

/**
 * Rolling-origin evaluation (Tashman, 2000, "Out-of-sample tests of
 * forecasting accuracy", International Journal of Forecasting 16): the
 * model is refitted at each of the last `origins` months on the months
 * before it only, and its forecasts are scored against what followed,
 * beside the seasonal-naive forecast from the same origin.
 */
export interface Backtest {
  origins: number
  forecasts: number
  meanAbsoluteError: number
  seasonalNaiveMeanAbsoluteError: number
  /** Share of held-back months inside the 80 % and 95 % intervals. */
  coverage80: number
  coverage95: number
}

export function backtest(
  counts: readonly number[],
  horizon: number,
  maxOrigins = 12,
): Backtest | null {
  const minTraining = Math.min(24, counts.length - 1)
  const firstOrigin = Math.max(minTraining, counts.length - maxOrigins)
  let forecasts = 0
  let modelError = 0
  let naiveError = 0
  let inside80 = 0
  let inside95 = 0
  let origins = 0
  for (let origin = firstOrigin; origin < counts.length; origin++) {
    const training = counts.slice(0, origin)
    if (training.length < 3) continue
    const steps = Math.min(horizon, counts.length - origin)
    const { points } = forecastCounts(training, steps)
    const naive = seasonalNaive(training, steps)
    origins++
    for (let h = 0; h < steps; h++) {
      const actual = counts[origin + h]!
      const point = points[h]!
      modelError += Math.abs(actual - point.persons)
      naiveError += Math.abs(actual - naive[h]!)
      if (actual >= point.lower80 && actual <= point.upper80) inside80++
      if (actual >= point.lower95 && actual <= point.upper95) inside95++
      forecasts++
    }
  }
  if (forecasts === 0) return null

  return {
    origins,
    forecasts,
    meanAbsoluteError: modelError / forecasts,
    seasonalNaiveMeanAbsoluteError: naiveError / forecasts,
    coverage80: inside80 / forecasts,
    coverage95: inside95 / forecasts,
  }
}
