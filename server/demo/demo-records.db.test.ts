import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { records } from '../../db/schema'
import { createTestPartner, createTestServices } from '../testing/test-app'
import { seedDemoRecords } from './demo-records'

describe('seedDemoRecords', () => {
  it('stores months of records for each demo partner, ending last month', async () => {
    const services = await createTestServices()
    const kinds = ['police', 'inspection'] as const
    const partners = await Promise.all(
      kinds.map((kind) => createTestPartner(services, { kind })),
    )
    const now = new Date('2025-04-10T12:00:00Z')

    const stored = await seedDemoRecords(services.database.db, partners, {
      months: 3,
      now,
    })
    const rows = await services.database.db
      .select({ partnerId: records.partnerId, observedOn: records.observedOn })
      .from(records)
      .where(
        inArray(
          records.partnerId,
          partners.map((p) => p.id),
        ),
      )
    const inspection = rows.filter((r) => r.partnerId === partners[1]!.id)

    expect(rows).toHaveLength(stored)
    expect(stored).toBeGreaterThan(500)
    expect(inspection.length).toBeGreaterThan(100)
    expect(new Set(rows.map((r) => r.observedOn))).toEqual(
      new Set(['2025-01-01', '2025-02-01', '2025-03-01']),
    )
    const [police] = partners
    const policeRows = await services.database.db
      .select({ id: records.id })
      .from(records)
      .where(eq(records.partnerId, police!.id))
    expect(policeRows.length).toBeGreaterThan(inspection.length)
  })
})
