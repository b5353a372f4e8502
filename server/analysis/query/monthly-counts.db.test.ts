import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  openIsolatedTestDatabase,
  uniqueSuffix,
} from '../../../db/testing/test-database'
import { insertPartner } from '../../partners/partners'
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

async function expectKeptCountsToBeFresh(
  count: ReturnType<typeof keptMonthlyCounts>,
  asked: AnalysisFilters = filters,
): Promise<void> {
  const kept = await count(asked, BY_CITIZENSHIP)
  const fresh = await countPersons(db, asked, BY_CITIZENSHIP)

  expect(kept).toEqual(fresh)
}

describe('monthly counts kept between requests', () => {
  beforeAll(async () => {
    const partner = await insertPartner(
      db,
      { name: `Partner ${uniqueSuffix()}`, kind: 'ngo' },
      new Date(),
    )
    partnerId = partner.id
    await insertRecords(db, partnerId, [
      ...times(7, { observedOn: '2024-01', citizenship: 'RO' }),
      ...times(4, { observedOn: '2024-02', citizenship: 'NG' }),
      ...times(9, { observedOn: '2024-04', citizenship: 'RO' }),
    ])
  })

  it('answer as a fresh count at first and when nothing changed', async () => {
    const count = keptMonthlyCounts(db)

    await expectKeptCountsToBeFresh(count)
    await expectKeptCountsToBeFresh(count)
  })

  it('see records added to a month, and to a month never written', async () => {
    const count = keptMonthlyCounts(db)
    await expectKeptCountsToBeFresh(count)

    await insertRecords(db, partnerId, [
      ...times(3, { observedOn: '2024-02', citizenship: 'RO' }),
      ...times(2, { observedOn: '2024-06', citizenship: 'VN' }),
    ])

    await expectKeptCountsToBeFresh(count)
  })

  it('see records edited from one month into another, and withdrawn', async () => {
    const count = keptMonthlyCounts(db)
    await expectKeptCountsToBeFresh(count)

    await db.execute(
      sql`update records set observed_on = '2024-05-01'
          where observed_on = '2024-04-01' and id % 2 = 0`,
    )
    await expectKeptCountsToBeFresh(count)
    await db.execute(sql`delete from records where observed_on = '2024-01-01'`)
    await expectKeptCountsToBeFresh(count)
  })

  it('keep each question apart: filters, periods and count modes', async () => {
    const count = keptMonthlyCounts(db)
    const onlyRomanians: AnalysisFilters = {
      ...filters,
      values: { citizenship: ['RO'] },
    }
    const shorter = { ...filters, period: { from: '2024-02', to: '2024-03' } }
    const distinct: AnalysisFilters = { ...filters, countMode: 'distinct' }

    for (const asked of [filters, onlyRomanians, shorter, distinct]) {
      await expectKeptCountsToBeFresh(count, asked)
    }
  })

  it('see the records emptied', async () => {
    const count = keptMonthlyCounts(db)
    await expectKeptCountsToBeFresh(count)

    await db.execute(sql`truncate records`)

    expect(await count(filters, BY_CITIZENSHIP)).toEqual([])
  })
})
