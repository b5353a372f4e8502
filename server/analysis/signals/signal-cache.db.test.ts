import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { openIsolatedTestDatabase } from '../../../db/testing/test-database'
import { createTestApp, createTestPartner } from '../../testing/test-app'
import type { AnalysisContext } from '../analysis-context'
import type { AnalysisFilters } from '../filters'
import { insertRecords, times } from '../testing/insert-records'
import { computeSignals } from './compute-signals'

// Signals compare each answer with its neighbouring queries, which would
// see other tests' records in a shared database.
const database = await openIsolatedTestDatabase()
const { services } = await createTestApp({ database })
afterAll(() => database.close())
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
