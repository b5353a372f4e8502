import betainc from '@stdlib/math-base-special-betainc'
import type { Baseline } from './seasonal-baseline'

/**
 * Tail probabilities for small counts, where normal approximations fail.
 *
 * A series' monthly counts are taken as Poisson with an unknown rate. With
 * Jeffreys' prior on the rate, n reference months adding up to S give a
 * Gamma(S + 1/2, n) posterior, and the count of the next m months follows
 * a negative binomial with size S + 1/2 and success probability n/(n + m):
 * the prior-predictive tail accounts for the uncertainty of a baseline
 * learnt from few months, which a plug-in Poisson tail ignores (Bayarri and
 * Berger, 2000, "P values for composite null models", JASA 95).
 *
 * Overdispersion (records covering several persons, clustered cases) is
 * handled the quasi-Poisson way of Farrington et al. (1996, "A statistical
 * algorithm for the early detection of outbreaks of infectious disease",
 * JRSS A 159): counts are divided by the dispersion estimated from the
 * reference months before the tail is taken.
 */
export interface PredictiveTail {
  /** P(count over the next `months` >= observed). */
  pValue: number
  /** Expected count over those months. */
  expected: number
  dispersion: number
}

/** Upper tail P(X >= k) of a negative binomial, k real (quasi counts). */
export function negativeBinomialUpperTail(
  k: number,
  size: number,
  successProbability: number,
): number {
  if (k <= 0) return 1

  // P(X >= k) = I_{1-p}(k, r), the regularised incomplete beta function.
  return betainc(1 - successProbability, k, size)
}

/**
 * Pearson dispersion of the reference counts, never below 1: a series
 * steadier than Poisson is tested as Poisson.
 */
export function dispersionOf(reference: readonly number[]): number {
  const n = reference.length
  if (n < 3) return 1
  const mean = reference.reduce((a, b) => a + b, 0) / n
  if (mean <= 0) return 1
  const squares = reference.reduce((sum, y) => sum + (y - mean) ** 2, 0)

  return Math.max(1, squares / mean / (n - 1))
}

/**
 * Probability of seeing `observed` or more over `months` months, given the
 * reference months as history.
 */
export function predictiveUpperTail(
  observed: number,
  reference: readonly number[],
  months = 1,
  knownDispersion?: number,
): PredictiveTail {
  const n = reference.length
  const total = reference.reduce((a, b) => a + b, 0)
  const dispersion = knownDispersion ?? dispersionOf(reference)
  const expected = (months * (total + 0.5)) / n
  const pValue = negativeBinomialUpperTail(
    observed / dispersion,
    total / dispersion + 0.5,
    n / (n + months),
  )

  return { pValue, expected, dispersion }
}

/**
 * Probability of `observed` or more given a baseline: the negative
 * binomial with the baseline's mean and gamma shape (the predictive above
 * when the baseline is a plain mean), on counts divided by the dispersion.
 */
export function baselineUpperTail(
  observed: number,
  baseline: Baseline,
  dispersion = 1,
): number {
  const size = baseline.shape / dispersion
  const mean = baseline.expected / dispersion

  return negativeBinomialUpperTail(
    observed / dispersion,
    size,
    size / (size + mean),
  )
}
