import { LRUCache } from 'lru-cache'

/**
 * The count a series is expected to reach over a window of months, learnt
 * from every month of history before the window, and how well that
 * expectation is known.
 *
 * The model is a Poisson log-linear regression with one annual harmonic,
 * log μ_t = a + b·cos(2πt/12) + c·sin(2πt/12): the cyclic regression of
 * Serfling (1963, Public Health Reports 78) on which surveillance models
 * of monthly and weekly counts still build (Held, Höhle and Hofmann, 2005,
 * Statistical Modelling 5). Like the improved Farrington algorithm
 * (Noufaily et al., 2013, Statistics in Medicine 32) it learns the level
 * from all past months instead of the few months of the same season: with
 * one year of history those are three months, a level so uncertain that a
 * tripled count passes as chance, and so noisy that an ordinary month
 * often looks high against it. The harmonic is kept only when it explains
 * the history at the 5 % level (a quasi-likelihood ratio test), as
 * Noufaily et al. keep a trend only when it is significant; otherwise the
 * level is the plain mean with the Jeffreys-prior predictive of
 * `count-tests.ts`.
 */
export interface Baseline {
  /** Expected count over the window. */
  expected: number
  /**
   * What the history says about that expectation, in counts: the shape of
   * the gamma distribution of the window's rate. For the plain mean it is
   * the sum of the history plus one half (Jeffreys' prior); for the
   * harmonic, expected² over the delta-method variance, plus one half.
   */
  shape: number
  /** Pearson χ² of the fit. */
  pearson: number
  /** Months fitted minus parameters fitted. */
  residualDegrees: number
}

/** Months in a year: fewer cannot show a yearly cycle. */
const MONTHS_PER_YEAR = 12
/** χ² with two degrees of freedom at 5 %: the harmonic's two terms. */
const HARMONIC_CRITICAL = 5.991
const MAX_ITERATIONS = 50

/**
 * Fits already made, by the history they were made on. Most of a signals
 * request after a write is these fits, and a write to the latest month
 * leaves every series' history as it was: the next request finds them
 * here. Enough for every series and window of a few sets of filters.
 */
const knownFits = new LRUCache<string, { baseline: Baseline | null }>({
  max: 50_000,
})

/**
 * Baseline of `months` months from `windowStart`, fitted on every month
 * before it with a value (`null`: left out).
 */
export function seasonalBaseline(
  values: readonly (number | null)[],
  windowStart: number,
  months: number,
): Baseline | null {
  const key = `${windowStart}:${months}:${values.slice(0, windowStart).join(',')}`
  const known = knownFits.get(key)
  if (known) return known.baseline

  const baseline = fitBaseline(values, windowStart, months)
  knownFits.set(key, { baseline })

  return baseline
}

function fitBaseline(
  values: readonly (number | null)[],
  windowStart: number,
  months: number,
): Baseline | null {
  const fit: number[] = []
  for (let t = 0; t < windowStart; t++) if (values[t] !== null) fit.push(t)
  if (fit.length === 0) return null
  const counts = fit.map((t) => values[t]!)
  const total = counts.reduce((a, b) => a + b, 0)
  const mean = total / fit.length
  const plain: Baseline = {
    expected: (months * (total + 0.5)) / fit.length,
    shape: total + 0.5,
    pearson: pearsonOf(fit, values, () => mean),
    residualDegrees: fit.length - 1,
  }
  if (fit.length < MONTHS_PER_YEAR || total === 0) return plain

  const beta = fitHarmonic(fit, counts)
  if (!beta) return plain
  const meanAt = (t: number) => Math.exp(dot(covariates(t), beta))
  const pearson = pearsonOf(fit, values, meanAt)
  const scale = Math.max(1, pearson / Math.max(1, fit.length - 3))
  const devianceOf = (mu: (t: number) => number) =>
    fit.reduce((sum, t) => sum + deviance(values[t]!, mu(t)), 0)
  const improvement = (devianceOf(() => mean) - devianceOf(meanAt)) / scale
  if (improvement < HARMONIC_CRITICAL) return plain

  // Delta method: the window's expectation is Σ exp(x'β), its gradient
  // g = Σ μ_t x_t, and its variance g' I⁻¹ g with I = X' diag(μ) X.
  const information = informationOf(fit, beta)
  const gradient = [0, 0, 0]
  let expected = 0
  for (let t = windowStart; t < windowStart + months; t++) {
    const mu = meanAt(t)
    expected += mu
    covariates(t).forEach((x, j) => {
      gradient[j]! += mu * x
    })
  }
  const inverse = solve(information, gradient)
  if (!inverse) return plain

  return {
    expected,
    shape: (expected * expected) / dot(gradient, inverse) + 0.5,
    pearson,
    residualDegrees: fit.length - 3,
  }
}

/** Poisson regression by Newton–Raphson (IRLS for the canonical link). */
function fitHarmonic(
  months: readonly number[],
  counts: readonly number[],
): number[] | null {
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length
  let beta = [Math.log(mean), 0, 0]
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const { score, information } = scoreAndInformation(months, counts, beta)
    const step = solve(information, score)
    if (!step?.every(Number.isFinite)) return null
    beta = beta.map((b, j) => b + step[j]!)
    if (Math.max(...step.map(Math.abs)) < 1e-8) return beta
  }

  return null
}

/**
 * The score and the Fisher information of the Poisson log-likelihood at
 * `beta`, in one pass (without counts, only the information is wanted).
 * Thousands of series are fitted per request, so the loop allocates
 * nothing.
 */
function scoreAndInformation(
  months: readonly number[],
  counts: readonly number[] | null,
  beta: readonly number[],
): { score: number[]; information: number[][] } {
  const score = [0, 0, 0]
  const information = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ]
  for (let i = 0; i < months.length; i++) {
    const x = covariates(months[i]!)
    const mu = Math.exp(dot(x, beta))
    const residual = counts ? counts[i]! - mu : 0
    for (let j = 0; j < 3; j++) {
      score[j]! += residual * x[j]!
      const row = information[j]!
      for (let k = 0; k < 3; k++) row[k]! += mu * x[j]! * x[k]!
    }
  }

  return { score, information }
}

const informationOf = (months: readonly number[], beta: number[]) =>
  scoreAndInformation(months, null, beta).information

function pearsonOf(
  months: readonly number[],
  values: readonly (number | null)[],
  meanAt: (t: number) => number,
): number {
  return months.reduce((sum, t) => {
    const mu = meanAt(t)
    return mu > 0 ? sum + (values[t]! - mu) ** 2 / mu : sum
  }, 0)
}

/** [1, cos, sin] of each month index, computed once per index. */
const covariatesByMonth: number[][] = []

function covariates(t: number): readonly number[] {
  const known = covariatesByMonth[t]
  if (known) return known
  const angle = (2 * Math.PI * t) / MONTHS_PER_YEAR
  const computed = [1, Math.cos(angle), Math.sin(angle)]
  covariatesByMonth[t] = computed

  return computed
}

/** Poisson deviance of one count against its mean. */
function deviance(y: number, mu: number): number {
  return 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu))
}

/** The dot product of two vectors of the three covariates. */
const dot = (a: readonly number[], b: readonly number[]) =>
  a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function solve(matrix: number[][], vector: number[]): number[] | null {
  const n = vector.length
  const a = matrix.map((row, i) => [...row, vector[i]!])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row
    }
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null
    ;[a[col], a[pivot]] = [a[pivot]!, a[col]!]
    for (let row = col + 1; row < n; row++) {
      const factor = a[row]![col]! / a[col]![col]!
      for (let k = col; k <= n; k++) a[row]![k]! -= factor * a[col]![k]!
    }
  }
  const x = new Array<number>(n).fill(0)
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row]![n]!
    for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!
    x[row] = sum / a[row]![row]!
  }

  return x
}
