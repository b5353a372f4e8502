import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openIsolatedTestDatabase } from '../../../db/testing/test-database'
import { createTestPartner } from '../../testing/test-app'
import type { AnalysisFilters } from '../filters'
import { insertRecords, times } from '../testing/insert-records'
import { countPersons, type GroupKey } from './count-persons'
import { keptMonthlyCounts } from './monthly-counts'

// Kept counts are compared with counts read afresh over every record.
const database = await openIsolatedTestDatabase()
afterAll(() => database.close())
const { db } = database

const filters: AnalysisFilters = {
  period: { from: '2024-01', to: '2024-06' },
  countMode: 'persons',
  values: {},
}
const BY_CITIZENSHIP: GroupKey[] = ['month', 'citizenship']
let partnerId = ''

/** One request's kept counts: each request reads the month versions anew. */
const countKept = (asked: AnalysisFilters) =>
  keptMonthlyCounts(db)(asked, BY_CITIZENSHIP)

async function expectKeptCountsToBeFresh(
  asked: AnalysisFilters = filters,
): Promise<void> {
  const kept = await countKept(asked)
  const fresh = await countPersons(db, asked, BY_CITIZENSHIP)

  expect(kept).toEqual(fresh)
}

describe('monthly counts kept between requests', () => {
  beforeAll(async () => {
    const services = { database, now: () => new Date() }
    partnerId = (await createTestPartner(services)).id
    await insertRecords(db, partnerId, [
      ...times(7, { observedOn: '2024-01', citizenship: 'RO' }),
      ...times(4, { observedOn: '2024-02', citizenship: 'NG' }),
      ...times(9, { observedOn: '2024-04', citizenship: 'RO' }),
    ])
  })

  it('answer as a fresh count at first and when nothing changed', async () => {
    await expectKeptCountsToBeFresh()
    await expectKeptCountsToBeFresh()
  })

  it('see records added to a month, and to a month never written', async () => {
    await expectKeptCountsToBeFresh()

    await insertRecords(db, partnerId, [
      ...times(3, { observedOn: '2024-02', citizenship: 'RO' }),
      ...times(2, { observedOn: '2024-06', citizenship: 'VN' }),
    ])

    await expectKeptCountsToBeFresh()
  })

  it('see records edited from one month into another, and withdrawn', async () => {
    await expectKeptCountsToBeFresh()

    await db.execute(
      sql`update records set observed_on = '2024-05-01'
          where observed_on = '2024-04-01' and id % 2 = 0`,
    )
    await expectKeptCountsToBeFresh()
    await db.execute(sql`delete from records where observed_on = '2024-01-01'`)
    await expectKeptCountsToBeFresh()
  })

  it('keep each question apart: filters, periods and count modes', async () => {
    const onlyRomanians: AnalysisFilters = {
      ...filters,
      values: { citizenship: ['RO'] },
    }
    const shorter = { ...filters, period: { from: '2024-02', to: '2024-03' } }
    const distinct: AnalysisFilters = { ...filters, countMode: 'distinct' }

    for (const asked of [filters, onlyRomanians, shorter, distinct]) {
      await expectKeptCountsToBeFresh(asked)
    }
  })

  it('see the records emptied', async () => {
    await expectKeptCountsToBeFresh()

    await db.execute(sql`truncate records`)

    expect(await countKept(filters)).toEqual([])
  })
})
