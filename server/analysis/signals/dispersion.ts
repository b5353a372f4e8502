import { seasonalReference } from './seasonal-reference'

/**
 * How far a series strays from its own baseline, as the sum of squared
 * Pearson errors made predicting each past month from its reference
 * months, and how many predictions went into it.
 */
export interface PredictionErrors {
  squares: number
  predictions: number
}

/** Fewest predictions that make a series' own estimate usable. */
const MIN_PREDICTIONS = 5

/**
 * Squared Pearson errors of predicting each past month of the series from
 * its reference months. Withheld months (null) neither are predicted nor
 * predict: what they stand for is not known well enough to measure errors
 * with.
 */
export function predictionErrors(
  values: readonly (number | null)[],
  latest: number,
): PredictionErrors {
  let squares = 0
  let predictions = 0
  for (let t = 1; t < latest; t++) {
    if (values[t] === null) continue
    const reference = seasonalReference(values.length, [t], t).filter(
      (i) => values[i] !== null,
    )
    if (reference.length < 3) continue
    const total = reference.reduce((a, i) => a + values[i]!, 0)
    const expected = (total + 0.5) / reference.length
    const variance = expected * (1 + 1 / reference.length)
    squares += (values[t]! - expected) ** 2 / variance
    predictions++
  }

  return { squares, predictions }
}

/**
 * Dispersion of each series from its own prediction errors over its whole
 * history, never below 1; a series with too short a shown history takes
 * the median dispersion of its family (every route, every transit country,
 * ...), a pooled quasi-likelihood estimate in the spirit of Noufaily et
 * al. (2013, Statistics in Medicine 32).
 *
 * Estimated from every month of history rather than from the few
 * reference months of the test, it is steadier, and it is used by both
 * the one-month and the three-month tests. Shrinking every series towards
 * the family's dispersion (empirical Bayes, Efron and Morris, 1975, JASA
 * 70) was measured too: it cut false alarms on unchanged synthetic data by
 * two thirds but lost the planted rise in most seeds, because a family
 * mixes series of single victims (dispersion near 1) with series of
 * smuggled groups (near 15), so the pool is right for neither.
 */
export function pooledDispersions<Key>(
  errors: ReadonlyMap<Key, { family: string; errors: PredictionErrors }>,
): Map<Key, number> {
  const estimates = new Map<string, number[]>()
  for (const { family, errors: one } of errors.values()) {
    if (one.predictions < MIN_PREDICTIONS) continue
    const list = estimates.get(family) ?? []
    list.push(one.squares / one.predictions)
    estimates.set(family, list)
  }
  const pooled = new Map(
    [...estimates].map(([family, list]) => [family, median(list)]),
  )

  const dispersions = new Map<Key, number>()
  for (const [key, { family, errors: one }] of errors) {
    const estimate =
      one.predictions >= MIN_PREDICTIONS
        ? one.squares / one.predictions
        : (pooled.get(family) ?? 1)
    dispersions.set(key, Math.max(1, estimate))
  }

  return dispersions
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)

  return sorted.length % 2
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2
}
