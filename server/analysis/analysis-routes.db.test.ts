import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openIsolatedTestDatabase } from '../../db/testing/test-database'
import {
  createTestApp,
  createTestPartner,
  createTestUser,
} from '../testing/test-app'
import {
  type AnalysisRecord,
  insertRecords,
  times,
} from './testing/insert-records'

// Disclosure control compares each answer with its neighbouring queries,
// which would see other tests' records in a shared database.
const database = await openIsolatedTestDatabase()
const { app, services } = await createTestApp({ database })
afterAll(() => database.close())
const { db } = services.database
let partnerId = ''
let headers: Record<string, string> = {}

async function get(path: string, query: Record<string, string>) {
  const search = new URLSearchParams({ partner: partnerId, ...query })
  const response = await app.request(`${path}?${search}`, { headers })
  return { status: response.status, body: (await response.json()) as any }
}

// Each test reads its own partner's records only.
beforeAll(async () => {
  const partner = await createTestPartner(services)
  partnerId = partner.id
  headers = (await createTestUser(services, { role: 'reviewer' })).headers
  const base: AnalysisRecord = {
    observedOn: '2021-01',
    citizenship: 'RO',
    origin: 'RO',
    transit: ['HU', 'AT'],
    destination: 'BE',
    exploitation: ['labour'],
    sector: 'construction',
    area: 'antwerpen',
  }
  await insertRecords(db, partnerId, [
    ...times(20, base),
    ...times(3, { ...base, citizenship: 'BG', origin: 'BG', transit: ['RS'] }),
    ...times(12, { ...base, observedOn: '2021-02' }),
    ...times(9, { ...base, observedOn: '2021-02', citizenship: 'MD' }),
  ])
})

describe('GET /api/analysis/trends', () => {
  it('counts persons per month split by a field and withholds small counts', async () => {
    const { status, body } = await get('/api/analysis/trends', {
      from: '2021-01',
      to: '2021-02',
      splitBy: 'citizenship',
    })

    expect(status).toBe(200)
    expect(body.totals).toEqual([
      { bucket: '2021-01', persons: 23, isSuppressed: false },
      { bucket: '2021-02', persons: 21, isSuppressed: false },
    ])
    const bg = body.series.find((s: any) => s.value === 'BG')
    const ro = body.series.find((s: any) => s.value === 'RO')
    expect(bg.points[0]).toEqual({
      bucket: '2021-01',
      persons: null,
      isSuppressed: true,
    })
    // RO alone beside a withheld BG would give BG away from the total.
    expect(ro.points[0].isSuppressed).toBe(true)
    expect(ro.points[1]).toEqual({
      bucket: '2021-02',
      persons: 12,
      isSuppressed: false,
    })
  })

  it('refuses an unknown value and an unknown parameter, naming each', async () => {
    const { status, body } = await get('/api/analysis/trends', {
      citizenship: 'RO,XX',
      colour: 'red',
    })

    expect(status).toBe(400)
    expect(body.code).toBe('validation_failed')
    const paths = body.issues.map((issue: any) => issue.path).sort()
    expect(paths).toEqual(['citizenship', 'colour'])
    expect(JSON.stringify(body.issues)).toContain("'XX' is not an ISO 3166-1")
  })
})

describe('GET /api/analysis/flows', () => {
  it('weights each leg of a route and the whole route', async () => {
    const route: AnalysisRecord = {
      observedOn: '2020-06',
      citizenship: 'RO',
      origin: 'RO',
      transit: ['HU', 'AT'],
      destination: 'BE',
    }
    await insertRecords(db, partnerId, [
      ...times(20, route),
      ...times(8, {
        ...route,
        citizenship: 'BG',
        origin: 'BG',
        transit: ['RS', 'HU', 'AT'],
      }),
    ])

    const { status, body } = await get('/api/analysis/flows', {
      from: '2020-06',
      to: '2020-06',
    })

    expect(status).toBe(200)
    const leg = (from: string, to: string) =>
      body.legs.find((l: any) => l.from === from && l.to === to)
    expect(leg('RO', 'HU').persons).toBe(20)
    expect(leg('RS', 'HU').persons).toBe(8)
    expect(leg('HU', 'AT').persons).toBe(28)
    expect(leg('AT', 'BE').persons).toBe(28)
    const bulgarian = body.routes.find((r: any) => r.origin === 'BG')
    expect(bulgarian.path).toEqual(['BG', 'RS', 'HU', 'AT', 'BE'])
    expect(bulgarian.persons).toBe(8)
    expect(body.total.persons).toBe(28)
  })

  it('withholds a route that a country total would give away', async () => {
    const { body } = await get('/api/analysis/flows', {
      from: '2021-01',
      to: '2021-02',
    })

    // BE receives 44 persons: 41 by the Romanian route, 3 by the
    // Bulgarian one. Showing either route, or a leg only the Romanian
    // route runs through, would reveal the 3.
    const shown = body.routes.filter((r: any) => !r.isSuppressed)
    expect(shown).toEqual([])
    const hu = body.legs.find((l: any) => l.from === 'HU' && l.to === 'AT')
    expect(hu.isSuppressed).toBe(true)
  })
})

describe('GET /api/analysis/map', () => {
  it('compares each country with the previous period of equal length', async () => {
    const { status, body } = await get('/api/analysis/map', {
      from: '2021-02',
      to: '2021-02',
      role: 'citizenship',
    })

    expect(status).toBe(200)
    expect(body.previousPeriod).toEqual({ from: '2021-01', to: '2021-01' })
    const ro = body.areas.find((a: any) => a.code === 'RO')
    expect(ro.current.persons).toBe(12)
    // January's RO count is withheld beside BG, so no change is shown.
    expect(ro.change).toBeNull()
    const md = body.areas.find((a: any) => a.code === 'MD')
    expect(md.current.persons).toBe(9)
    expect(md.previous.persons).toBe(0)
  })
})

describe('counting distinct persons', () => {
  it('counts a person whom two partners report with one linkage key once', async () => {
    const other = await createTestPartner(services)
    const key = `${'a'.repeat(63)}1`
    const record: AnalysisRecord = {
      observedOn: '2019-05',
      citizenship: 'NG',
      linkageKey: key,
    }
    const unkeyed = { ...record, linkageKey: null }
    await insertRecords(db, partnerId, [record, ...times(6, unkeyed)])
    await insertRecords(db, other.id, [record, ...times(5, unkeyed)])
    const query = {
      partner: `${partnerId},${other.id}`,
      from: '2019-05',
      to: '2019-05',
    }

    const persons = await get('/api/analysis/trends', query)
    const distinct = await get('/api/analysis/trends', {
      ...query,
      count: 'distinct',
    })

    expect(persons.body.totals[0].persons).toBe(13)
    expect(distinct.body.totals[0].persons).toBe(12)
  })
})

describe('rollups kept on write', () => {
  it('forgets withdrawn records', async () => {
    await insertRecords(db, partnerId, times(8, { observedOn: '2018-03' }))
    const query = { from: '2018-03', to: '2018-03' }
    const before = await get('/api/analysis/trends', query)

    await db.execute(
      sql`delete from records where partner_id = ${partnerId} and observed_on = '2018-03-01'`,
    )
    const after = await get('/api/analysis/trends', query)

    expect(before.body.totals[0].persons).toBe(8)
    expect(after.body.totals[0].persons).toBe(0)
  })
})
