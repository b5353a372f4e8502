import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/open-database'
import { selectRows } from '../../../db/rows'
import {
  generateSyntheticRecords,
  SYNTHETIC_PARTNERS,
  type SyntheticOptions,
  type SyntheticRecord,
} from '../../records/synthetic'
import { type AnalysisRecord, insertRecords } from './insert-records'

/**
 * Loads the seeded synthetic records into a database of their own, one
 * partner per synthetic partner. A thin adapter over the records
 * generator: it only maps partner keys to partner rows.
 */
export async function loadSyntheticRecords(
  db: Database,
  options: SyntheticOptions,
  batchSize = 4_000,
): Promise<number> {
  const partnerIds = await ensurePartners(db)
  let batch = new Map<string, AnalysisRecord[]>()
  let pending = 0
  let loaded = 0
  const flush = async () => {
    for (const [partnerKey, records] of batch) {
      await insertRecords(db, partnerIds.get(partnerKey)!, records, batchSize)
    }
    loaded += pending
    batch = new Map()
    pending = 0
  }
  for (const record of generateSyntheticRecords(options)) {
    const list = batch.get(record.partnerKey) ?? []
    list.push(toAnalysisRecord(record))
    batch.set(record.partnerKey, list)
    if (++pending >= batchSize) await flush()
  }
  await flush()

  return loaded
}

async function ensurePartners(db: Database): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  for (const partner of SYNTHETIC_PARTNERS) {
    const name = `Synthetic ${partner.key}`
    const [row] = await selectRows<{ id: string }>(
      db,
      sql`insert into partners (name, kind) values (${name}, 'centre')
        on conflict (name) do update set name = excluded.name
        returning id::text as id`,
    )
    ids.set(partner.key, row!.id)
  }

  return ids
}

function toAnalysisRecord(record: SyntheticRecord): AnalysisRecord {
  return {
    phenomenon: record.phenomenon,
    observedOn: record.observedOn,
    persons: record.persons,
    gender: record.gender,
    ageBand: record.ageBand,
    citizenship: record.citizenship,
    origin: record.origin,
    transit: record.transit,
    destination: record.destination,
    area: record.area,
    exploitation: record.exploitation,
    sector: record.sector,
    sourceGrade: record.sourceGrade,
    linkageKey: record.linkageKey,
  }
}
