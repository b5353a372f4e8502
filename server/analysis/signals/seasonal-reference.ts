/** Years of history the seasonal baseline looks back over. */
const SEASONS_BACK = 3

/**
 * Indices of the reference months for `targets`: the same month and its
 * two neighbours one, two and three years before; with less than a year
 * of history, the twelve months before the window.
 */
export function seasonalReference(
  length: number,
  targets: readonly number[],
  windowStart: number,
): number[] {
  const chosen = new Set<number>()
  for (const target of targets) {
    for (let years = 1; years <= SEASONS_BACK; years++) {
      for (const shift of [-1, 0, 1]) {
        const index = target - 12 * years + shift
        if (index >= 0 && index < windowStart && index < length) {
          chosen.add(index)
        }
      }
    }
  }
  if (chosen.size > 0) return [...chosen].sort((a, b) => a - b)

  const from = Math.max(0, windowStart - 12)
  return Array.from({ length: windowStart - from }, (_, i) => from + i)
}
