import type { CountMode } from '../filters'

/**
 * The rollups of `records` (see `db/schema/analysis.ts`), smallest first,
 * with the coded columns each keeps. Counting persons, an analysis reads
 * the first one that holds every column it needs; counting distinct persons
 * needs the linkage keys, which only `records` holds.
 */
export const ROLLUPS = [
  {
    table: 'analysis_route_cube',
    columns: ['phenomenon', 'citizenship', 'origin', 'transit', 'destination'],
  },
  {
    table: 'analysis_profile_cube',
    columns: [
      'phenomenon',
      'gender',
      'age_band',
      'citizenship',
      'area',
      'exploitation',
      'sector',
    ],
  },
  {
    table: 'analysis_cube',
    columns: [
      'phenomenon',
      'partner_id',
      'source_grade',
      'gender',
      'age_band',
      'citizenship',
      'origin',
      'transit',
      'destination',
      'area',
      'exploitation',
      'sector',
    ],
  },
] as const

export type SourceTable = (typeof ROLLUPS)[number]['table'] | 'records'

/** The smallest table that can answer a question on these columns. */
export function chooseSource(
  columns: Iterable<string>,
  countMode: CountMode,
): SourceTable {
  if (countMode === 'distinct') return 'records'
  const needed = [...columns]
  const rollup = ROLLUPS.find(({ columns: kept }) =>
    needed.every((column) => (kept as readonly string[]).includes(column)),
  )

  return rollup?.table ?? 'records'
}
