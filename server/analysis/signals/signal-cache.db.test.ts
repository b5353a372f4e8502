import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestApp, createTestPartner } from '../../testing/test-app'
import type { AnalysisContext } from '../analysis-context'
import type { AnalysisFilters } from '../filters'
import { insertRecords, times } from '../testing/insert-records'
import { computeSignals } from './compute-signals'

const { services } = await createTestApp()
const context: AnalysisContext = {
  db: services.database.db,
  disclosure: { thresholdPersons: 5 },
}

describe('signals kept until the records change', () => {
  it('answers again from the records after an insert, an update and a delete', async () => {
    const partner = await createTestPartner(services)
    const filters: AnalysisFilters = {
      period: { from: '2017-01', to: '2017-12' },
      countMode: 'persons',
      values: { partner: [partner.id] },
    }
    const base = { observedOn: '2017-12', citizenship: 'RO' }
    await insertRecords(context.db, partner.id, times(8, base))
    const watched = async () =>
      (await computeSignals(context, filters, 0.05)).seriesTested

    const moldovans = () =>
      insertRecords(
        context.db,
        partner.id,
        times(8, { ...base, citizenship: 'MD' }),
      )

    const first = await watched()
    await moldovans()
    const afterInsert = await watched()
    await context.db.execute(
      sql`update records set citizenship = 'RO' where partner_id = ${partner.id}`,
    )
    const afterUpdate = await watched()
    await moldovans()
    await context.db.execute(
      sql`delete from records where partner_id = ${partner.id} and citizenship = 'MD'`,
    )
    const afterDelete = await watched()

    expect(afterInsert).toBeGreaterThan(first)
    expect(afterUpdate).toBe(first)
    expect(afterDelete).toBe(first)
  })
})
