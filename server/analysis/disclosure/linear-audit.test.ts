import { describe, expect, it } from 'vitest'
import { AUDIT_PRIME, auditLinear } from './linear-audit'

const isPrime = (n: number) => {
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false
  return true
}

describe('auditLinear', () => {
  it('works in a prime field small enough for exact products', () => {
    expect(isPrime(AUDIT_PRIME)).toBe(true)
    expect((AUDIT_PRIME - 1) ** 2).toBeLessThan(2 ** 53)
  })

  it('exposes an unknown that a chain of totals pins down', () => {
    // x0 + x1 = a, x1 + x2 = b, x2 = c  =>  all three follow.
    const result = auditLinear(3, [
      { unknowns: [0, 1] },
      { unknowns: [1, 2] },
      { unknowns: [2] },
    ])

    expect(result.exposedUnknowns.sort()).toEqual([0, 1, 2])
  })

  it('exposes nothing in a closed rectangle of four unknowns', () => {
    // Rows and columns of a 2x2 block: rank 3, no single cell follows.
    const result = auditLinear(4, [
      { unknowns: [0, 1] },
      { unknowns: [2, 3] },
      { unknowns: [0, 2] },
      { unknowns: [1, 3] },
    ])

    expect(result.exposedUnknowns).toEqual([])
  })

  it('exposes a withheld total that is a combination of published ones', () => {
    const result = auditLinear(
      4,
      [{ unknowns: [0, 1] }, { unknowns: [2, 3] }],
      [{ unknowns: [0, 1, 2, 3] }, { unknowns: [0, 2] }],
    )

    expect(result.exposedProbes).toEqual([0])
  })
})
