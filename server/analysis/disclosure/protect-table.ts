import type { CountTable } from './count-table'
import { countOf } from './count-table'
import { type AuditEquation, auditLinear } from './linear-audit'

export interface ProtectOptions {
  /** Counts from 1 to this minus one are withheld. */
  thresholdPersons: number
  /** Keys to withhold whatever their count (exposed by a difference). */
  flagged?: ReadonlySet<string>
  /**
   * Lines another published table already decides (true: withheld). They
   * keep that decision here, so that two views never disagree.
   */
  decided?: ReadonlyMap<string, boolean>
}

export interface Protection {
  hidden: Set<string>
  /** Withheld keys still recomputable; empty unless `decided` forbids. */
  exposed: string[]
}

/**
 * Primary and secondary suppression of one table.
 *
 * Primary: a count from 1 to the threshold minus one is withheld, and so is
 * every flagged key. Zeros are shown: a zero cell says nothing about anyone.
 *
 * Secondary: each published line must not let a reader recompute a withheld
 * member. A line with one withheld member, or whose withheld members add up
 * to less than the threshold, has its smallest helpful published member
 * withheld too (the classic minimum-loss heuristic of Cox, 1980); when no
 * member can help, the line itself is withheld. A withheld line whose
 * members are all shown would be their sum, so a member goes too. Finally
 * an exact linear audit catches what crossing lines could still reveal
 * (a 2-D table, routes against countries) and the loop repeats until
 * nothing is recomputable.
 */
export function protectTable(
  table: CountTable,
  options: ProtectOptions,
): Protection {
  const { thresholdPersons: threshold } = options
  const decided = options.decided ?? new Map<string, boolean>()
  const hidden = new Set<string>()
  const isPrimary = (count: number) => count >= 1 && count < threshold
  for (const key of [...table.cells.keys(), ...table.lines.keys()]) {
    const decision = decided.get(key)
    if (decision !== undefined) {
      if (decision) hidden.add(key)
      continue
    }
    if (isPrimary(countOf(table, key)) || options.flagged?.has(key)) {
      hidden.add(key)
    }
  }

  const context: Context = { table, hidden, decided, threshold }
  let exposed: string[] = []
  const maxRounds = table.cells.size + table.lines.size + 1
  for (let round = 0; round < maxRounds; round++) {
    if (protectLines(context)) continue
    const audit = auditAndComplete(context)
    exposed = audit.exposed
    if (!audit.hasChanged) break
  }

  return { hidden, exposed }
}

interface Context {
  table: CountTable
  hidden: Set<string>
  decided: ReadonlyMap<string, boolean>
  threshold: number
}

/** One pass of the line rules; true when it withheld anything. */
function protectLines(context: Context): boolean {
  const { table, hidden, decided, threshold } = context
  let hasChanged = false
  for (const [lineKey, line] of table.lines) {
    const withheld = line.members.filter((key) => hidden.has(key))
    if (hidden.has(lineKey)) {
      const isSumOfShown = withheld.length === 0 && line.count > 0
      if (isSumOfShown && withholdComplement(context, line.members, 0)) {
        hasChanged = true
      }
      continue
    }
    if (withheld.length === 0) continue
    const withheldSum = withheld.reduce(
      (sum, key) => sum + countOf(table, key),
      0,
    )
    if (withheld.length > 1 && withheldSum >= threshold) continue
    if (withholdComplement(context, line.members, withheldSum)) {
      hasChanged = true
    } else if (!decided.has(lineKey)) {
      hidden.add(lineKey)
      hasChanged = true
    }
  }

  return hasChanged
}

/**
 * Withholds the published member that protects best at least cost: the
 * smallest that brings the withheld sum to the threshold, else the largest.
 */
function withholdComplement(
  context: Context,
  members: readonly string[],
  withheldSum: number,
): boolean {
  const { table, hidden, decided, threshold } = context
  const candidates = members
    .filter((key) => !hidden.has(key) && !decided.has(key))
    .map((key) => ({ key, count: countOf(table, key) }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))
  const enough = candidates.find(
    ({ count }) => withheldSum + count >= threshold,
  )
  const chosen = enough ?? candidates.at(-1)
  if (!chosen) return false
  hidden.add(chosen.key)

  return true
}

/**
 * Runs the exact audit and withholds one complement per exposed key; says
 * whether it withheld anything and which keys it could not protect.
 */
function auditAndComplete(context: Context): {
  hasChanged: boolean
  exposed: string[]
} {
  const { table, hidden } = context
  const unknownKeys = [...table.cells.keys()].filter((key) => hidden.has(key))
  const indexOf = new Map(unknownKeys.map((key, i) => [key, i]))
  const equations: AuditEquation[] = []
  const equationLines: string[][] = unknownKeys.map(() => [])
  const probes: AuditEquation[] = []
  const probeKeys: string[] = []
  for (const [lineKey, line] of table.lines) {
    const unknowns = line.members
      .filter((key) => indexOf.has(key))
      .map((key) => indexOf.get(key)!)
    if (hidden.has(lineKey)) {
      probes.push({ unknowns })
      probeKeys.push(lineKey)
      continue
    }
    if (unknowns.length === 0) continue
    equations.push({ unknowns })
    for (const index of unknowns) equationLines[index]!.push(lineKey)
  }

  const audit = auditLinear(unknownKeys.length, equations, probes)
  const exposed: string[] = []
  let hasChanged = false
  for (const index of audit.exposedUnknowns) {
    const key = unknownKeys[index]!
    const lines = equationLines[index]!
    const isFixed = lines.some((lineKey) => {
      const members = table.lines.get(lineKey)!.members
      return withholdComplement(context, members, context.threshold)
    })
    const lineToHide = lines.find((lineKey) => !context.decided.has(lineKey))
    if (!isFixed && lineToHide) hidden.add(lineToHide)
    if (isFixed || lineToHide) hasChanged = true
    else exposed.push(key)
  }
  for (const index of audit.exposedProbes) {
    const key = probeKeys[index]!
    const members = table.lines.get(key)!.members
    if (withholdComplement(context, members, context.threshold)) {
      hasChanged = true
    } else exposed.push(key)
  }

  return { hasChanged, exposed }
}
