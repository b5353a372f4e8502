/**
 * The rollups of `records` (see `db/schema/analysis.ts`), smallest first,
 * with the coded columns each keeps. An analysis reads the first one that
 * holds every column it needs.
 */
export const ROLLUPS = [
  {
    table: 'analysis_route_cube',
    columns: ['phenomenon', 'citizenship', 'origin', 'transit', 'destination'],
  },
  {
    table: 'analysis_sector_cube',
    columns: ['phenomenon', 'citizenship', 'area', 'exploitation', 'sector'],
  },
  {
    table: 'analysis_person_cube',
    columns: [
      'phenomenon',
      'gender',
      'age_band',
      'citizenship',
      'exploitation',
    ],
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

/**
 * The linked records (see `db/schema/analysis.ts`), one row per linkage
 * key and combination of every coded column: distinct-person counts take
 * the surplus of shared keys from it.
 */
export const LINKED_ROLLUP = 'analysis_linked_cube'

/** The smallest table that can answer a question on these columns. */
export function chooseSource(columns: Iterable<string>): SourceTable {
  const needed = [...columns]
  const rollup = ROLLUPS.find(({ columns: kept }) =>
    needed.every((column) => (kept as readonly string[]).includes(column)),
  )

  return rollup?.table ?? 'records'
}
