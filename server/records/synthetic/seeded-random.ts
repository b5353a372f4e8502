/** A value and its relative weight when drawing at random. */
export type Weighted<T> = readonly [value: T, weight: number]

/**
 * A small seeded pseudo-random source (mulberry32), so that the same seed
 * gives the same synthetic records on every machine and every run.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  integer(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(values: readonly T[]): T
  weighted<T>(entries: readonly Weighted<T>[]): T
  /** A count drawn from a Poisson distribution with the given mean. */
  poisson(mean: number): number
  /** `length` random lowercase hexadecimal characters. */
  hex(length: number): string
}

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)

    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }

  const integer = (min: number, max: number): number =>
    min + Math.floor(next() * (max - min + 1))

  return {
    next,
    integer,
    chance: (probability) => next() < probability,
    pick: (values) => {
      if (values.length === 0) throw new Error('pick needs at least one value')

      return values[Math.floor(next() * values.length)]!
    },
    weighted: (entries) => drawWeighted(entries, next()),
    poisson: (mean) => drawPoisson(mean, next),
    hex: (length) => {
      let out = ''
      for (let i = 0; i < length; i++) out += HEX_DIGITS[integer(0, 15)]

      return out
    },
  }
}

const HEX_DIGITS = '0123456789abcdef'

function drawWeighted<T>(entries: readonly Weighted<T>[], draw: number): T {
  let total = 0
  for (const [, weight] of entries) total += weight
  let remaining = draw * total
  for (const [value, weight] of entries) {
    remaining -= weight
    if (remaining < 0) return value
  }
  if (entries.length === 0) throw new Error('weighted needs at least one entry')

  return entries[entries.length - 1]![0]
}

// Knuth's method is exact but slow for large means; past 40 a rounded
// normal approximation is indistinguishable for monthly counts.
function drawPoisson(mean: number, next: () => number): number {
  if (mean <= 0) return 0
  if (mean > 40) {
    const u = Math.max(next(), Number.EPSILON)
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next())

    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal))
  }
  const limit = Math.exp(-mean)
  let count = 0
  let product = next()
  while (product > limit) {
    count++
    product *= next()
  }

  return count
}
