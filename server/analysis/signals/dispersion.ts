/**
 * How far a series strays from its own baseline: the Pearson χ² of the
 * baseline fitted to its history, and the degrees of freedom left to it.
 */
export interface FitErrors {
  pearson: number
  residualDegrees: number
}

/** Fewest residual degrees of freedom for a series' own estimate. */
const MIN_DEGREES = 5

/**
 * Dispersion of each series, the quasi-Poisson way: the Pearson χ² of its
 * baseline over the residual degrees of freedom (Farrington et al., 1996,
 * JRSS A 159; Noufaily et al., 2013, Statistics in Medicine 32), never
 * below 1; a series with too short a shown history takes the median
 * dispersion of its family (every route, every transit country, ...).
 *
 * It comes from the same model that gives the expectation, fitted on
 * every month of history, and serves both the one-month and the
 * three-month tests. (It was once measured from the errors of predicting
 * each past month from its few same-season months, which counted the
 * noise of that short baseline as dispersion.) Shrinking every series towards
 * the family's dispersion (empirical Bayes, Efron and Morris, 1975, JASA
 * 70) was measured too: it cut false alarms on unchanged synthetic data by
 * two thirds but lost the planted rise in most seeds, because a family
 * mixes series of single victims (dispersion near 1) with series of
 * smuggled groups (near 15), so the pool is right for neither.
 */
export function pooledDispersions<Key>(
  errors: ReadonlyMap<Key, { family: string; errors: FitErrors }>,
): Map<Key, number> {
  const estimates = new Map<string, number[]>()
  for (const { family, errors: one } of errors.values()) {
    if (one.residualDegrees < MIN_DEGREES) continue
    const list = estimates.get(family) ?? []
    list.push(one.pearson / one.residualDegrees)
    estimates.set(family, list)
  }
  const pooled = new Map(
    [...estimates].map(([family, list]) => [family, median(list)]),
  )

  const dispersions = new Map<Key, number>()
  for (const [key, { family, errors: one }] of errors) {
    const estimate =
      one.residualDegrees >= MIN_DEGREES
        ? one.pearson / one.residualDegrees
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
