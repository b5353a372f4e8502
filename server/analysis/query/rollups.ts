import { getTableColumns, getTableName } from 'drizzle-orm'
import {
  analysisCube,
  analysisLinkedCube,
  analysisPersonCube,
  analysisProfileCube,
  analysisRouteCube,
  analysisSectorCube,
} from '../../../db/schema'

/** Columns of a rollup that are not coded fields of `records`. */
const NOT_CODED = new Set(['observed_on', 'persons', 'records'])

/**
 * The rollups of `records` (see `db/schema/analysis.ts`), smallest first,
 * with the coded columns each keeps. An analysis reads the first one that
 * holds every column it needs.
 */
export const ROLLUPS = [
  analysisRouteCube,
  analysisSectorCube,
  analysisPersonCube,
  analysisProfileCube,
  analysisCube,
].map((table) => ({
  table: getTableName(table),
  columns: Object.values(getTableColumns(table))
    .map((column) => column.name)
    .filter((name) => !NOT_CODED.has(name)),
}))

export type SourceTable = (typeof ROLLUPS)[number]['table'] | 'records'

/**
 * The linked records (see `db/schema/analysis.ts`), one row per linkage
 * key and combination of every coded column: distinct-person counts take
 * the surplus of shared keys from it.
 */
export const LINKED_ROLLUP = getTableName(analysisLinkedCube)

/** The smallest table that can answer a question on these columns. */
export function chooseSource(columns: Iterable<string>): SourceTable {
  const needed = [...columns]
  const rollup = ROLLUPS.find(({ columns: kept }) =>
    needed.every((column) => kept.includes(column)),
  )

  return rollup?.table ?? 'records'
}
