/**
 * Finds which withheld cells a reader could recompute exactly from the
 * published totals. Each published total whose members include withheld
 * cells is one linear equation over them; a withheld cell is exposed when
 * its unit vector lies in the row space of those equations, which Gaussian
 * elimination to reduced row echelon form shows directly (Cox, 1980,
 * "Suppression methodology and statistical disclosure control", JASA 75).
 *
 * The arithmetic is exact, modulo a prime below 2^25 so that every product
 * stays an exact double: totals have 0/1 coefficients, and the rank of such
 * a matrix over the rationals and over this field agree unless the prime
 * divides one of its minors, which for tables of this size does not happen
 * in practice.
 */
export const AUDIT_PRIME = 33_554_393

export interface AuditEquation {
  /** Indices of the unknown (withheld) cells this total sums. */
  unknowns: readonly number[]
}

export interface AuditResult {
  /** Unknowns whose value follows from the equations. */
  exposedUnknowns: number[]
  /** Equations (of `probes`) whose sum of unknowns follows as well. */
  exposedProbes: number[]
}

/**
 * `equations` are the published totals; `probes` are withheld totals, each
 * exposed when its own sum of unknowns is a combination of the equations.
 */
export function auditLinear(
  unknownCount: number,
  equations: readonly AuditEquation[],
  probes: readonly AuditEquation[] = [],
): AuditResult {
  const basis = reducedBasis(unknownCount, equations)
  const exposedUnknowns: number[] = []
  for (const row of basis.rows) {
    let nonZero = 0
    for (let j = 0; j < unknownCount && nonZero < 2; j++) {
      if (row[j] !== 0) nonZero++
    }
    if (nonZero === 1) exposedUnknowns.push(basis.pivotOf.get(row)!)
  }
  const exposedProbes = probes.flatMap((probe, i) =>
    isInRowSpace(toVector(unknownCount, probe), basis) ? [i] : [],
  )

  return { exposedUnknowns, exposedProbes }
}

interface Basis {
  rows: Float64Array[]
  pivotOf: Map<Float64Array, number>
  rowOfPivot: Map<number, Float64Array>
}

function reducedBasis(
  unknownCount: number,
  equations: readonly AuditEquation[],
): Basis {
  const rows = equations
    .filter((equation) => equation.unknowns.length > 0)
    .map((equation) => toVector(unknownCount, equation))
  const basis: Basis = { rows: [], pivotOf: new Map(), rowOfPivot: new Map() }
  let rank = 0
  for (let column = 0; column < unknownCount; column++) {
    const pivotIndex = rows.findIndex(
      (row, i) => i >= rank && row[column] !== 0,
    )
    if (pivotIndex < 0) continue
    ;[rows[rank], rows[pivotIndex]] = [rows[pivotIndex]!, rows[rank]!]
    const pivot = rows[rank]!
    scale(pivot, inverse(pivot[column]!))
    for (let i = 0; i < rows.length; i++) {
      const factor = rows[i]![column]!
      if (i !== rank && factor !== 0) subtractMultiple(rows[i]!, pivot, factor)
    }
    basis.rows.push(pivot)
    basis.pivotOf.set(pivot, column)
    basis.rowOfPivot.set(column, pivot)
    rank++
  }

  return basis
}

function isInRowSpace(vector: Float64Array, basis: Basis): boolean {
  for (const [column, row] of basis.rowOfPivot) {
    const factor = vector[column]!
    if (factor !== 0) subtractMultiple(vector, row, factor)
  }

  return vector.every((value) => value === 0)
}

function toVector(size: number, equation: AuditEquation): Float64Array {
  const vector = new Float64Array(size)
  for (const index of equation.unknowns) vector[index] = 1

  return vector
}

function scale(row: Float64Array, factor: number): void {
  for (let j = 0; j < row.length; j++) {
    if (row[j] !== 0) row[j] = (row[j]! * factor) % AUDIT_PRIME
  }
}

function subtractMultiple(
  row: Float64Array,
  pivot: Float64Array,
  factor: number,
): void {
  for (let j = 0; j < row.length; j++) {
    if (pivot[j] === 0) continue
    const value = (row[j]! - ((pivot[j]! * factor) % AUDIT_PRIME)) % AUDIT_PRIME
    row[j] = value < 0 ? value + AUDIT_PRIME : value
  }
}

/** Multiplicative inverse modulo the prime (extended Euclid). */
function inverse(value: number): number {
  let [a, b] = [value % AUDIT_PRIME, AUDIT_PRIME]
  let [x, y] = [1, 0]
  while (b !== 0) {
    const quotient = Math.floor(a / b)
    ;[a, b] = [b, a - quotient * b]
    ;[x, y] = [y, x - quotient * y]
  }

  return ((x % AUDIT_PRIME) + AUDIT_PRIME) % AUDIT_PRIME
}
