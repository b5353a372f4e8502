/**
 * Additive Holt–Winters with a damped trend, ETS(A,Ad,A) in the taxonomy of
 * Hyndman, Koehler, Ord and Snyder (2008, "Forecasting with Exponential
 * Smoothing: The State Space Approach", Springer), in error-correction
 * form. Written here because no maintained JavaScript package fits it with
 * prediction intervals; the model is a few recurrences.
 *
 * Prediction intervals use the analytic variance of that class of models
 * (ibid., chapter 6): the h-step variance is sigma^2 times
 * 1 + sum_{j<h} c_j^2, with c_j = alpha + beta (phi + ... + phi^j) + gamma
 * when j is a whole number of seasons.
 */
export interface HoltWintersParameters {
  alpha: number
  beta: number
  gamma: number
  phi: number
}

export interface HoltWintersFit extends HoltWintersParameters {
  /** Months in a season; 1 fits no seasonality. */
  period: number
  level: number
  trend: number
  /** The last `period` seasonal states, oldest first. */
  seasonals: number[]
  /** Variance of the one-step errors. */
  sigma2: number
}

export interface HoltWintersForecast {
  mean: number[]
  variance: number[]
}

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]
const BETA_SHARES = [0, 0.05, 0.2]
const GAMMAS = [0, 0.05, 0.1, 0.2, 0.3]
const PHIS = [0.85, 0.92, 0.98]

/**
 * Fits by least squares of the one-step errors over a grid that keeps the
 * usual admissible region (0 < beta < alpha, 0 <= gamma < 1 - alpha).
 * Needs two full seasons; with fewer, fit with `period` 1.
 */
export function fitHoltWinters(
  series: readonly number[],
  period: number,
): HoltWintersFit {
  if (series.length < 2 * period || series.length < 3) {
    throw new Error(`Holt-Winters needs at least two seasons of ${period}`)
  }
  let best: { fit: HoltWintersFit; sse: number } | null = null
  for (const alpha of ALPHAS) {
    for (const share of BETA_SHARES) {
      for (const gamma of period > 1 ? GAMMAS : [0]) {
        if (gamma >= 1 - alpha) continue
        for (const phi of PHIS) {
          const run = runFilter(series, period, {
            alpha,
            beta: alpha * share,
            gamma,
            phi,
          })
          if (!best || run.sse < best.sse) best = run
        }
      }
    }
  }

  return best!.fit
}

function runFilter(
  series: readonly number[],
  period: number,
  parameters: HoltWintersParameters,
): { fit: HoltWintersFit; sse: number } {
  const { alpha, beta, gamma, phi } = parameters
  const first = mean(series.slice(0, period))
  const second =
    series.length >= 2 * period ? mean(series.slice(period, 2 * period)) : first
  let level = first
  let trend = (second - first) / period
  const seasonals = initialSeasonals(series, period)
  let sse = 0
  for (let t = 0; t < series.length; t++) {
    const season = seasonals[t % period]!
    const predicted = level + phi * trend + season
    const error = series[t]! - predicted
    sse += error * error
    level = level + phi * trend + alpha * error
    trend = phi * trend + beta * error
    seasonals[t % period] = season + gamma * error
  }
  const parameterCount = 4 + period
  const degrees = Math.max(1, series.length - parameterCount)
  const offset = series.length % period
  const ordered = [...seasonals.slice(offset), ...seasonals.slice(0, offset)]

  return {
    fit: {
      ...parameters,
      period,
      level,
      trend,
      seasonals: ordered,
      sigma2: sse / degrees,
    },
    sse,
  }
}

/** Point forecasts and their variances for the next `horizon` steps. */
export function forecastHoltWinters(
  fit: HoltWintersFit,
  horizon: number,
): HoltWintersForecast {
  const mean: number[] = []
  const variance: number[] = []
  let dampedSum = 0
  let sumOfSquares = 0
  for (let h = 1; h <= horizon; h++) {
    dampedSum += fit.phi ** h
    const season = fit.seasonals[(h - 1) % fit.period]!
    mean.push(fit.level + dampedSum * fit.trend + season)
    variance.push(fit.sigma2 * (1 + sumOfSquares))

    // c_h feeds the variance of step h + 1.
    const isSeasonLag = fit.period > 1 && h % fit.period === 0
    const c = fit.alpha + fit.beta * dampedSum + (isSeasonLag ? fit.gamma : 0)
    sumOfSquares += c * c
  }

  return { mean, variance }
}

/**
 * Seasonal states from the average deviation of each month from its
 * year's mean over the first (up to three) full seasons: steadier than one
 * season's deviations when counts are noisy.
 */
function initialSeasonals(series: readonly number[], period: number) {
  if (period === 1) return [0]
  const seasons = Math.min(3, Math.floor(series.length / period))
  const seasonals = new Array<number>(period).fill(0)
  for (let k = 0; k < seasons; k++) {
    const slice = series.slice(k * period, (k + 1) * period)
    const seasonMean = mean(slice)
    slice.forEach((y, i) => {
      seasonals[i]! += (y - seasonMean) / seasons
    })
  }

  return seasonals
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}
