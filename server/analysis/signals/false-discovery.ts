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
