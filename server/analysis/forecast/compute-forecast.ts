import type { AnalysisContext } from '../analysis-context'
import type { ShownCount } from '../disclosure'
import type { AnalysisFilters, Period } from '../filters'
import { addMonths, listMonths } from '../months'
import { discloseTrend } from '../trends/trend-tables'
import { type Backtest, backtest } from './backtest'
import { type CountForecastPoint, forecastCounts } from './count-forecast'
import type { HoltWintersParameters } from './holt-winters'

export interface ForecastResult {
  period: Period
  history: (ShownCount & { month: string })[]
  forecast: (CountForecastPoint & { month: string })[]
  model: HoltWintersParameters & { name: string; seasonMonths: number }
  backtest: Backtest | null
}

/** Shortest history a forecast is made from. */
export const MIN_HISTORY_MONTHS = 12

/**
 * The next months of the filtered series with 80 % and 95 % intervals,
 * and the model's back-test error beside the seasonal-naive forecast's.
 * The model reads the disclosed series only (a withheld month enters as
 * half the threshold), so a forecast cannot reveal a withheld count.
 */
export async function computeForecast(
  context: AnalysisContext,
  filters: AnalysisFilters,
  horizonMonths: number,
): Promise<ForecastResult> {
  const months = listMonths(filters.period.from, filters.period.to)
  const { totals } = await discloseTrend(context, filters, 'month', null)
  const history = months.map((month) => ({ month, ...totals.show(month) }))
  const threshold = context.disclosure.thresholdPersons
  const counts = history.map((point) =>
    point.isSuppressed ? threshold / 2 : point.persons!,
  )

  const { fit, points } = forecastCounts(counts, horizonMonths)
  const last = filters.period.to
  const forecast = points.map((point, i) => ({
    month: addMonths(last, i + 1),
    persons: round(point.persons),
    lower80: round(point.lower80),
    upper80: round(point.upper80),
    lower95: round(point.lower95),
    upper95: round(point.upper95),
  }))

  return {
    period: filters.period,
    history,
    forecast,
    model: {
      name: 'Holt-Winters, additive, damped trend, on square roots',
      seasonMonths: fit.period,
      alpha: fit.alpha,
      beta: fit.beta,
      gamma: fit.gamma,
      phi: fit.phi,
    },
    backtest: backtest(counts, horizonMonths),
  }
}

const round = (value: number) => Math.round(value * 10) / 10
