import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/open-database'
import { selectRows } from '../../../db/rows'
import { type RecordFilters, recordFiltersWhere } from '../record-filters'

/** The quasi-identifiers an export is checked on, as one combination. */
export interface QuasiIdentifierCombination {
  gender: string | null
  ageBand: string | null
  citizenship: string | null
  area: string | null
  month: string
}

export interface DisclosureCheck {
  recordCount: number
  /** Combinations holding fewer records than the threshold. */
  smallCombinations: QuasiIdentifierCombination[]
  hasMoreSmallCombinations: boolean
}

const MAX_LISTED_COMBINATIONS = 100

/**
 * Counts the filtered records per combination of gender, age band,
 * citizenship, area and month, and returns those below the threshold: an
 * export is safe only when there are none. A missing value is a value of
 * its own here, since it narrows a group just the same.
 */
export async function checkExportDisclosure(
  db: Pick<Database, 'execute'>,
  filters: RecordFilters,
  threshold: number,
): Promise<DisclosureCheck> {
  const where = recordFiltersWhere(filters)
  const small = await selectRows<{
    gender: string | null
    age_band: string | null
    citizenship: string | null
    area: string | null
    observed_on: string
  }>(
    db,
    sql`select gender, age_band, citizenship, area,
          to_char(observed_on, 'YYYY-MM') as observed_on
        from records where ${where}
        group by gender, age_band, citizenship, area, observed_on
        having count(*) < ${threshold}
        order by observed_on, gender, age_band, citizenship, area
        limit ${MAX_LISTED_COMBINATIONS + 1}`,
  )
  const [total] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from records where ${where}`,
  )

  return {
    recordCount: Number(total?.n ?? 0),
    smallCombinations: small.slice(0, MAX_LISTED_COMBINATIONS).map((row) => ({
      gender: row.gender,
      ageBand: row.age_band,
      citizenship: row.citizenship,
      area: row.area,
      month: row.observed_on,
    })),
    hasMoreSmallCombinations: small.length > MAX_LISTED_COMBINATIONS,
  }
}
