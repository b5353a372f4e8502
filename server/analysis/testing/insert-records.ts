import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/open-database'

/** The coded fields an analysis reads; everything else keeps its default. */
export interface AnalysisRecord {
  phenomenon?: 'trafficking' | 'smuggling'
  /** `YYYY-MM`. */
  observedOn: string
  persons?: number
  gender?: string | null
  ageBand?: string | null
  citizenship?: string | null
  origin?: string | null
  transit?: string[]
  destination?: string | null
  area?: string | null
  exploitation?: string[]
  sector?: string | null
  sourceGrade?: string | null
  linkageKey?: string | null
}

/**
 * Inserts records for a partner in batches, straight into the table (the
 * intake's validation is not what these tests are about).
 */
export async function insertRecords(
  db: Database,
  partnerId: string,
  records: readonly AnalysisRecord[],
  batchSize = 2_000,
): Promise<void> {
  for (let start = 0; start < records.length; start += batchSize) {
    const rows = records.slice(start, start + batchSize).map(
      (r) =>
        sql`(${partnerId}, ${r.phenomenon ?? 'trafficking'},
               ${`${r.observedOn}-01`}, ${r.persons ?? 1},
               ${r.gender ?? null}, ${r.ageBand ?? null},
               ${r.citizenship ?? null}, ${r.origin ?? null},
               ${toArray(r.transit)}::text[], ${r.destination ?? null},
               ${r.area ?? null}, ${toArray(r.exploitation)}::text[],
               ${r.sector ?? null}, ${r.sourceGrade ?? null},
               ${r.linkageKey ?? null})`,
    )
    await db.execute(
      sql`insert into records (partner_id, phenomenon, observed_on, persons,
             gender, age_band, citizenship, origin, transit, destination,
             area, exploitation, sector, source_grade, linkage_key)
          values ${sql.join(rows, sql`, `)}`,
    )
  }
}

/** A PostgreSQL array literal: both drivers pass it through as text. */
function toArray(values: readonly string[] | undefined): string {
  return `{${(values ?? []).join(',')}}`
}

/** `count` copies of a record. */
export const times = (
  count: number,
  record: AnalysisRecord,
): AnalysisRecord[] => Array.from({ length: count }, () => ({ ...record }))
