/**
 * Benjamini–Hochberg adjusted p-values (q-values): rejecting every test
 * whose q-value is at most `q` keeps the expected share of false alarms
 * among the signals at `q` (Benjamini and Hochberg, 1995, JRSS B 57). The
 * procedure stays valid under the positive dependence between nested
 * series, such as a country and a route through it (Benjamini and
 * Yekutieli, 2001, Annals of Statistics 29). When nothing changed at all,
 * it also keeps the chance of any false alarm at `q`.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length
  const order = pValues
    .map((p, index) => ({ p, index }))
    .sort((a, b) => a.p - b.p)
  const adjusted = new Array<number>(m)
  let running = 1
  for (let rank = m; rank >= 1; rank--) {
    const { p, index } = order[rank - 1]!
    running = Math.min(running, (p * m) / rank)
    adjusted[index] = running
  }

  return adjusted
}

/**
 * The p-value of a test that is only run when the data pass a screen: a
 * rise test runs only on a window above its expectation, and only those
 * enter `benjaminiHochberg`. Conditional on the screen, P(X ≥ x | X ≥ s)
 * = P(X ≥ x) / P(X ≥ s), which is uniform or conservative under the null
 * again (Fithian, Sun and Taylor, 2014, "Optimal inference after model
 * selection", arXiv 1410.2597). Benjamini–Hochberg over the screened
 * tests alone with these p-values controls the false-discovery rate (Zhao,
 * Small and Su, 2019, JASA 114, for a screen on the p-value itself).
 * With the unconditional p-value instead, the roughly half of all tests
 * that fell below expectation dropped out of the count of tests while the
 * rest kept their p-values, which ran the procedure at about twice its
 * level.
 */
export function afterScreen(pValue: number, passProbability: number): number {
  return passProbability > 0 ? Math.min(1, pValue / passProbability) : 1
}
