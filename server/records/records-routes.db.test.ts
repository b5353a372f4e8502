import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { selectRows } from '../../db/rows'
import { auditEvents, records } from '../../db/schema'
import {
  createTestApp,
  createTestToken,
  createTestUser,
  sendJson,
} from '../testing/test-app'

const { app, services } = await createTestApp()
const { db } = services.database

const record = (overrides: Record<string, unknown> = {}) => ({
  phenomenon: 'trafficking',
  observedOn: '2024-03-15',
  age: 19,
  citizenship: 'NG',
  area: 'antwerpen',
  exploitation: ['sexual'],
  ...overrides,
})

const countOwn = async (partnerId: string) => {
  const rows = await db
    .select({ id: records.id })
    .from(records)
    .where(eq(records.partnerId, partnerId))

  return rows.length
}

// Stores one valid record for the caller and returns its id.
const submitRecord = async (headers: Record<string, string>) => {
  const created = await sendJson(app, 'POST', '/api/records', {
    headers,
    body: record(),
  })
  const [id] = ((await created.json()) as { ids: number[] }).ids

  return id
}

describe('POST /api/records', () => {
  it('stores one record with the caller as submitter, generalised', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const response = await sendJson(app, 'POST', '/api/records', {
      headers: analyst.headers,
      body: record(),
    })
    const { ids } = (await response.json()) as { ids: number[] }

    expect(response.status).toBe(201)
    const stored = await sendJson(app, 'GET', `/api/records/${ids[0]}`, {
      headers: analyst.headers,
    })
    expect(await stored.json()).toMatchObject({
      partnerId: analyst.partner.id,
      submittedBy: analyst.user.id,
      observedOn: '2024-03',
      ageBand: '18-20',
      persons: 1,
    })
  })

  it('stores an array of records from a partner token', async () => {
    const { headers, partnerId } = await createTestToken(services, {
      scopes: ['records:write'],
    })
    const response = await sendJson(app, 'POST', '/api/records', {
      headers,
      body: [record(), record({ phenomenon: 'smuggling' }), record()],
    })

    expect(response.status).toBe(201)
    expect(((await response.json()) as { ids: number[] }).ids).toHaveLength(3)
    expect(await countOwn(partnerId)).toBe(3)
  })

  it('refuses the whole request when one record is invalid, storing nothing', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const response = await sendJson(app, 'POST', '/api/records', {
      headers: analyst.headers,
      body: [
        record(),
        record({ gender: 'f' }),
        record({ summary: 'call +32 470 12 34 56' }),
      ],
    })
    const body = (await response.json()) as { code: string; issues: unknown[] }

    expect(response.status).toBe(400)
    expect(body.code).toBe('validation_failed')
    expect(body.issues).toEqual([
      expect.objectContaining({ index: 1, path: 'gender' }),
      expect.objectContaining({
        index: 2,
        path: 'summary',
        code: 'identifier_detected',
        kind: 'phone_number',
      }),
    ])
    expect(JSON.stringify(body)).not.toContain('470')
    expect(await countOwn(analyst.partner.id)).toBe(0)
  })

  it('takes partner and submitter from the caller, never from the body', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const other = await createTestUser(services, { role: 'analyst' })
    const response = await sendJson(app, 'POST', '/api/records', {
      headers: analyst.headers,
      body: record({ partnerId: other.partner.id }),
    })

    expect(response.status).toBe(400)
    expect(await countOwn(other.partner.id)).toBe(0)
  })

  it('refuses more than a thousand records in one request', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const response = await sendJson(app, 'POST', '/api/records', {
      headers: analyst.headers,
      body: Array.from({ length: 1_001 }, () => record()),
    })

    expect(response.status).toBe(400)
    expect(await countOwn(analyst.partner.id)).toBe(0)
  })

  it('audits a submission with counts but no content', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    await sendJson(app, 'POST', '/api/records', {
      headers: analyst.headers,
      body: [record({ summary: 'Found at a car wash.' })],
    })
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.actorUserId, analyst.user.id))

    expect(events.map((e) => e.action)).toContain('records.submitted')
    expect(JSON.stringify(events)).not.toContain('car wash')
  })
})

describe('reading, editing and withdrawing records', () => {
  it('lets every partner read all records, filtered and paged', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const reviewer = await createTestUser(services, { role: 'reviewer' })
    const months = ['2021-01', '2021-02', '2021-03', '2021-04', '2021-05']
    await sendJson(app, 'POST', '/api/records', {
      headers: analyst.headers,
      body: months.map((observedOn) => record({ observedOn })),
    })
    const query = `partner=${analyst.partner.id}&sort=observedOn&limit=2`

    const seen: string[] = []
    let cursor = ''
    for (let page = 0; page < 5; page++) {
      const response = await sendJson(
        app,
        'GET',
        `/api/records?${query}${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: reviewer.headers },
      )
      const body = (await response.json()) as {
        records: { observedOn: string }[]
        nextCursor: string | null
      }
      seen.push(...body.records.map((r) => r.observedOn))
      if (!body.nextCursor) break
      cursor = body.nextCursor
    }

    expect(seen).toEqual(months)
  })

  it('filters by the shared filters and refuses an unknown filter', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    await sendJson(app, 'POST', '/api/records', {
      headers: analyst.headers,
      body: [record(), record({ citizenship: 'RO', area: 'limburg' })],
    })
    const base = `/api/records?partner=${analyst.partner.id}`
    const filtered = await sendJson(app, 'GET', `${base}&citizenship=RO`, {
      headers: analyst.headers,
    })
    const misspelt = await sendJson(app, 'GET', `${base}&citizenshp=RO`, {
      headers: analyst.headers,
    })

    const body = (await filtered.json()) as { records: { area: string }[] }
    expect(body.records.map((r) => r.area)).toEqual(['limburg'])
    expect(misspelt.status).toBe(400)
  })

  it('lets a partner edit its own record and audits the field names', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const id = await submitRecord(analyst.headers)
    const response = await sendJson(app, 'PATCH', `/api/records/${id}`, {
      headers: analyst.headers,
      body: { area: 'liege', age: 40 },
    })

    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      area: 'liege',
      ageBand: '39-47',
      citizenship: 'NG',
    })
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'record.edited'),
          eq(auditEvents.targetId, String(id)),
        ),
      )
    expect(event?.details).toEqual({ fields: ['area', 'age'] })
  })

  it("refuses to edit or withdraw another partner's record", async () => {
    const owner = await createTestUser(services, { role: 'analyst' })
    const other = await createTestUser(services, { role: 'admin' })
    const id = await submitRecord(owner.headers)
    const edit = await sendJson(app, 'PATCH', `/api/records/${id}`, {
      headers: other.headers,
      body: { area: 'liege' },
    })
    const withdraw = await sendJson(app, 'DELETE', `/api/records/${id}`, {
      headers: other.headers,
    })

    expect(edit.status).toBe(403)
    expect(withdraw.status).toBe(403)
    expect(await countOwn(owner.partner.id)).toBe(1)
  })

  it('refuses an edit that breaks a rule and keeps the record unchanged', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const id = await submitRecord(analyst.headers)
    const response = await sendJson(app, 'PATCH', `/api/records/${id}`, {
      headers: analyst.headers,
      body: { summary: 'IBAN BE68 5390 0754 7034', area: 'nowhere' },
    })
    const stored = await sendJson(app, 'GET', `/api/records/${id}`, {
      headers: analyst.headers,
    })

    expect(response.status).toBe(400)
    expect(await stored.json()).toMatchObject({
      area: 'antwerpen',
      summary: null,
    })
  })

  it('withdraws a record of its own partner, audited', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const id = await submitRecord(analyst.headers)
    const response = await sendJson(app, 'DELETE', `/api/records/${id}`, {
      headers: analyst.headers,
    })
    const audited = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_events
          where action = 'record.withdrawn' and target_id = ${String(id)}`,
    )

    expect(response.status).toBe(204)
    expect(await countOwn(analyst.partner.id)).toBe(0)
    expect(audited[0]?.n).toBe(1)
  })
})
