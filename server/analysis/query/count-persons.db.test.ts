import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { selectRows } from '../../../db/rows'
import { openIsolatedTestDatabase } from '../../../db/testing/test-database'
import { createTestPartner } from '../../testing/test-app'
import type { CountMode } from '../filters'
import { type AnalysisRecord, insertRecords } from '../testing/insert-records'
import { countPersons, type GroupKey } from './count-persons'

// Every rollup is compared with the records themselves, so no other test's
// records may be in the database.
const database = await openIsolatedTestDatabase()
afterAll(() => database.close())
const { db } = database

const CITIZENSHIPS = ['RO', 'NG', 'VN', null] as const
const EXPLOITATIONS = [[], ['sexual'], ['labour'], ['labour', 'begging']]
const MONTHS = ['2023-11', '2023-12', '2024-01', '2024-02', '2024-03']

/** A small deterministic generator, so a failure can be replayed. */
function pseudoRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

function pick<Value>(random: () => number, values: readonly Value[]): Value {
  return values[Math.floor(random() * values.length)]!
}

/**
 * Records of two partners over five months: some keys are carried by one
 * record, some by records of both partners (in the same month or not), and
 * some by a record of several persons.
 */
function generateRecords(seed: number): AnalysisRecord[] {
  const random = pseudoRandom(seed)
  const keys = Array.from({ length: 40 }, (_, i) =>
    i.toString(16).padStart(64, 'c'),
  )

  return Array.from({ length: 400 }, () => ({
    phenomenon: random() < 0.7 ? 'trafficking' : 'smuggling',
    observedOn: pick(random, MONTHS),
    persons: random() < 0.15 ? 2 + Math.floor(random() * 4) : 1,
    gender: pick(random, ['female', 'male', null]),
    ageBand: pick(random, ['18-24', '25-34', null]),
    citizenship: pick(random, CITIZENSHIPS),
    origin: pick(random, CITIZENSHIPS),
    transit: pick(random, [[], ['HU'], ['RS', 'HU']]),
    destination: 'BE',
    area: pick(random, ['antwerpen', 'brussel', null]),
    exploitation: pick(random, EXPLOITATIONS),
    sector: pick(random, ['construction', 'hospitality', null]),
    linkageKey: random() < 0.6 ? pick(random, keys) : null,
  }))
}

interface StoredRecord extends Record<string, unknown> {
  month: string
  quarter: string
  persons: number
  citizenship: string | null
  gender: string | null
  exploitation: string[]
  transit: string[]
  area: string | null
  linkage_key: string | null
}

/** The same count computed the slow way, from every stored record. */
async function countFromRecords(
  groupBy: (record: StoredRecord) => string[],
  countMode: CountMode,
): Promise<Map<string, number>> {
  const records = await selectRows<StoredRecord>(
    db,
    sql`select to_char(observed_on, 'YYYY-MM') as month,
          to_char(observed_on, 'YYYY-"Q"Q') as quarter, persons,
          citizenship::text as citizenship, gender, exploitation, transit,
          area, linkage_key::text as linkage_key
        from records`,
  )
  const persons = new Map<string, number>()
  const keys = new Map<string, Set<string>>()
  for (const record of records) {
    for (const group of groupBy(record)) {
      const key = record.linkage_key
      if (countMode === 'distinct' && key !== null) {
        keys.set(group, (keys.get(group) ?? new Set()).add(key))
      } else {
        persons.set(group, (persons.get(group) ?? 0) + record.persons)
      }
    }
  }
  for (const [group, seen] of keys) {
    persons.set(group, (persons.get(group) ?? 0) + seen.size)
  }

  return persons
}

const orNone = (value: string | null) => value?.trim() ?? 'none'
const each = (values: string[]) => (values.length ? values : ['none'])

/** Groupings that between them read every rollup. */
const GROUPINGS: {
  name: string
  groupBy: GroupKey[]
  of: (record: StoredRecord) => string[]
}[] = [
  { name: 'month', groupBy: ['month'], of: (r) => [r.month] },
  { name: 'quarter', groupBy: ['quarter'], of: (r) => [r.quarter] },
  {
    name: 'month and citizenship (routes)',
    groupBy: ['month', 'citizenship'],
    of: (r) => [`${r.month}|${orNone(r.citizenship)}`],
  },
  {
    name: 'month and transit path (routes)',
    groupBy: ['month', 'transitPath'],
    of: (r) => [`${r.month}|${r.transit.join('>') || 'none'}`],
  },
  {
    name: 'quarter and exploitation (workplaces)',
    groupBy: ['quarter', 'exploitation'],
    of: (r) => each(r.exploitation).map((value) => `${r.quarter}|${value}`),
  },
  {
    name: 'month, gender and exploitation (persons)',
    groupBy: ['month', 'gender', 'exploitation'],
    of: (r) =>
      each(r.exploitation).map(
        (value) => `${r.month}|${orNone(r.gender)}|${value}`,
      ),
  },
  {
    name: 'month, gender and area (profiles)',
    groupBy: ['month', 'gender', 'area'],
    of: (r) => [`${r.month}|${orNone(r.gender)}|${orNone(r.area)}`],
  },
]

async function expectRollupsToMatchRecords(): Promise<void> {
  const period = { from: MONTHS[0]!, to: MONTHS.at(-1)! }
  for (const countMode of ['persons', 'distinct'] as const) {
    for (const grouping of GROUPINGS) {
      const rows = await countPersons(
        db,
        { period, countMode, values: {} },
        grouping.groupBy,
      )
      const counted = new Map(rows.map((r) => [r.keys.join('|'), r.persons]))
      const expected = await countFromRecords(grouping.of, countMode)

      expect(counted, `${countMode} by ${grouping.name}`).toEqual(expected)
    }
  }
}

describe('rollups', () => {
  let firstPartner = ''
  let secondPartner = ''
  beforeAll(async () => {
    const services = { database, now: () => new Date() }
    firstPartner = (await createTestPartner(services)).id
    secondPartner = (await createTestPartner(services)).id
  })

  it('count what the records count after an import by each partner', async () => {
    await insertRecords(db, firstPartner, generateRecords(1))
    await insertRecords(db, secondPartner, generateRecords(2), 50)

    await expectRollupsToMatchRecords()
  })

  it('count what the records count after records are edited', async () => {
    await db.execute(
      sql`update records set citizenship = 'VN', linkage_key = null
          where id % 7 = 0`,
    )
    await db.execute(
      sql`update records set linkage_key = ${'d'.repeat(64)}
          where id % 11 = 0`,
    )

    await expectRollupsToMatchRecords()
  })

  it('count what the records count after records are withdrawn', async () => {
    await db.execute(sql`delete from records where id % 5 = 0`)
    await db.execute(
      sql`delete from records where partner_id = ${secondPartner}
          and observed_on = '2024-01-01'`,
    )

    await expectRollupsToMatchRecords()
  })

  it('are rebuilt from the records once they have drifted', async () => {
    await db.execute(
      sql`delete from analysis_person_cube where gender = 'male'`,
    )
    await db.execute(sql`update analysis_sector_cube set persons = persons + 3`)
    await db.execute(
      sql`delete from analysis_linked_cube where gender = 'female'`,
    )

    await db.execute(sql`select analysis_rollups_rebuild()`)

    await expectRollupsToMatchRecords()
  })

  it('are emptied with the records', async () => {
    await db.execute(sql`truncate records`)

    const rows = await countPersons(
      db,
      {
        period: { from: MONTHS[0]!, to: MONTHS.at(-1)! },
        countMode: 'distinct',
        values: {},
      },
      ['month'],
    )

    expect(rows).toEqual([])
  })
})
