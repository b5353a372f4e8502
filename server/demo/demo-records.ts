import type { Database } from '../../db/open-database'
import type { PARTNER_KINDS } from '../../db/schema/identity'
import { monthOfDate } from '../records/generalise'
import type { RecordValues } from '../records/record-fields'
import { insertRecords } from '../records/record-store'
import {
  addMonths,
  generateSyntheticRecords,
  SYNTHETIC_PARTNERS,
} from '../records/synthetic'

type PartnerKind = (typeof PARTNER_KINDS)[number]

/** The synthetic partner each kind of demo partner plays. */
const SYNTHETIC_PARTNER_BY_KIND: Readonly<Record<PartnerKind, string>> = {
  centre: 'equality-centre',
  ngo: 'missing-children',
  police: 'federal-police',
  inspection: 'labour-inspection',
  prosecution: 'prosecution',
  ministry: 'immigration-office',
}

export interface DemoRecordsOptions {
  /** Months of history, ending with the month before `now`. Default 36. */
  months?: number
  seed?: number
  now: Date
}

/**
 * Stores a few years of synthetic records (about 600 a month, planted
 * changes included) for the demo partners, each partner playing the
 * synthetic partner of its kind. Returns how many were stored.
 */
export async function seedDemoRecords(
  db: Pick<Database, 'insert'>,
  partners: readonly { id: string; kind: PartnerKind }[],
  options: DemoRecordsOptions,
): Promise<number> {
  const months = options.months ?? 36
  const lastMonth = addMonths(monthOfDate(options.now), -1)
  const partnerIdByKey = new Map(
    partners.map((p) => [SYNTHETIC_PARTNER_BY_KIND[p.kind], p.id]),
  )
  const playing = SYNTHETIC_PARTNERS.filter((p) => partnerIdByKey.has(p.key))
  const byPartner = new Map<string, RecordValues[]>()
  for (const { partnerKey, ...values } of generateSyntheticRecords({
    seed: options.seed ?? 2024,
    startMonth: addMonths(lastMonth, -(months - 1)),
    months,
    partners: playing,
  })) {
    const list = byPartner.get(partnerKey) ?? []
    list.push(values)
    byPartner.set(partnerKey, list)
  }

  let stored = 0
  for (const [partnerKey, values] of byPartner) {
    const ids = await insertRecords(db, values, {
      partnerId: partnerIdByKey.get(partnerKey)!,
      submittedBy: null,
      tokenId: null,
      submittedAt: options.now,
      batchId: null,
    })
    stored += ids.length
  }

  return stored
}
