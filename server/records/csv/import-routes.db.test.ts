import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { selectRows } from '../../../db/rows'
import { importBatches, records } from '../../../db/schema'
import {
  createTestApp,
  createTestToken,
  createTestUser,
  type TestServices,
} from '../../testing/test-app'

const { app, services } = await createTestApp()
const { db } = services.database

const HEADER =
  'phenomenon,observedOn,age,citizenship,transit,exploitation,summary'
const GOOD_ROWS = [
  'trafficking,2024-01-17,19,NG,NE|LY|IT,sexual,Referred to a shelter.',
  'smuggling,2024-02,,ER,LY|IT|FR,,',
  'trafficking,2024-03,45,RO,HU|AT,labour|criminality,"Worked 70 hours, unpaid."',
]
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n')

async function sendCsv(
  body: string,
  headers: Record<string, string>,
  query = '',
  target = app,
) {
  return target.request(`/api/records/import${query}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'text/csv' },
    body,
  })
}

async function ownRecords(partnerId: string) {
  return db.select().from(records).where(eq(records.partnerId, partnerId))
}

async function ownBatches(partnerId: string) {
  return db
    .select()
    .from(importBatches)
    .where(eq(importBatches.partnerId, partnerId))
}

describe('POST /api/records/import', () => {
  it('stores every row of a valid file as one batch, generalised', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const response = await sendCsv(csv(...GOOD_ROWS), analyst.headers)
    const report = (await response.json()) as Record<string, unknown>

    expect(response.status).toBe(201)
    expect(report).toMatchObject({
      isStored: true,
      rowsRead: 3,
      rowsAccepted: 3,
      rowsRefused: 0,
    })
    const stored = await ownRecords(analyst.partner.id)
    expect(stored.map((r) => [r.observedOn, r.ageBand, r.transit])).toEqual([
      ['2024-01-01', '18-20', ['NE', 'LY', 'IT']],
      ['2024-02-01', null, ['LY', 'IT', 'FR']],
      ['2024-03-01', '39-47', ['HU', 'AT']],
    ])
    expect(stored.every((r) => r.batchId === report.batchId)).toBe(true)
    expect(stored[2]?.summary).toBe('Worked 70 hours, unpaid.')
  })

  it('refuses the whole file when one row is invalid and stores nothing', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const response = await sendCsv(
      csv(
        GOOD_ROWS[0]!,
        'trafficking,2024-01,130,NG,,,',
        GOOD_ROWS[1]!,
        'smuggling,2024-02,,ER,,,mail me at a.b@example.org',
      ),
      analyst.headers,
    )
    const body = (await response.json()) as {
      code: string
      issues: unknown[]
      report: Record<string, unknown>
    }

    expect(response.status).toBe(400)
    expect(body.code).toBe('validation_failed')
    expect(body.report).toMatchObject({
      isStored: false,
      rowsRead: 4,
      rowsAccepted: 2,
      rowsRefused: 2,
      refusedRows: [
        {
          line: 3,
          issues: [
            expect.objectContaining({ path: 'age', code: 'out_of_range' }),
          ],
        },
        {
          line: 5,
          issues: [
            expect.objectContaining({
              path: 'summary',
              code: 'identifier_detected',
              kind: 'email',
            }),
          ],
        },
      ],
    })
    expect(body.issues[0]).toMatchObject({ index: 3, path: 'age' })
    expect(JSON.stringify(body)).not.toContain('example.org')
    expect(await ownRecords(analyst.partner.id)).toEqual([])
    expect(await ownBatches(analyst.partner.id)).toEqual([])
  })

  it('stores the valid rows of a partial import and reports the others', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const response = await sendCsv(
      csv(GOOD_ROWS[0]!, 'piracy,2024-01,,,,,'),
      analyst.headers,
      '?partial=true',
    )

    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({
      rowsAccepted: 1,
      rowsRefused: 1,
      refusedRows: [{ line: 3 }],
    })
    expect(await ownRecords(analyst.partner.id)).toHaveLength(1)
  })

  it('checks a file without storing it on a dry run', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const response = await sendCsv(
      csv(...GOOD_ROWS, 'trafficking,2024-13,,,,,'),
      analyst.headers,
      '?dryRun=true',
    )

    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      isDryRun: true,
      isStored: false,
      rowsRead: 4,
      rowsAccepted: 3,
      refusedRows: [{ line: 5, issues: [{ code: 'invalid_month' }] }],
    })
    expect(await ownRecords(analyst.partner.id)).toEqual([])
  })

  it('stores a re-sent import with the same Idempotency-Key once', async () => {
    const { headers, partnerId } = await createTestToken(services, {
      scopes: ['records:write'],
    })
    const keyed = { ...headers, 'Idempotency-Key': 'export-2024-03' }
    const first = await sendCsv(csv(...GOOD_ROWS), keyed)
    const again = await sendCsv(csv(...GOOD_ROWS), keyed)

    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    const firstReport = (await first.json()) as { batchId: string }
    expect(await again.json()).toMatchObject({ batchId: firstReport.batchId })
    expect(await ownRecords(partnerId)).toHaveLength(3)
  })

  it.each([
    ['an unknown column', `${HEADER},name`, 'name', 'unknown_field'],
    ['a repeated column', `${HEADER},age`, 'age', 'duplicate_column'],
    ['no observedOn column', 'phenomenon,age', 'observedOn', 'required'],
  ])('refuses a header with %s, naming it', async (_, header, path, code) => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const response = await sendCsv(
      [header, 'trafficking,2024-01,1'].join('\n'),
      analyst.headers,
    )
    const body = (await response.json()) as { issues: unknown[] }

    expect(response.status).toBe(400)
    expect(body.issues).toContainEqual(expect.objectContaining({ path, code }))
    expect(await ownRecords(analyst.partner.id)).toEqual([])
  })

  it('refuses a row with more cells than the header has columns', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const response = await sendCsv(
      csv('trafficking,2024-01,,,,,,extra'),
      analyst.headers,
    )
    const body = (await response.json()) as { issues: { code: string }[] }

    expect(response.status).toBe(400)
    expect(body.issues[0]?.code).toBe('extra_cells')
  })

  it('refuses a file larger than the configured limit, storing nothing', async () => {
    const { app: smallApp, services: smallServices } = await createTestApp({
      config: { importMaxBytes: 2_000 },
    })
    const analyst = await createTestUser(smallServices, { role: 'analyst' })
    const rows = Array.from({ length: 100 }, () => GOOD_ROWS[0]!)
    const response = await smallApp.request('/api/records/import', {
      method: 'POST',
      headers: analyst.headers,
      body: new Blob([csv(...rows)]).stream(),
      duplex: 'half',
    } as RequestInit)

    expect(response.status).toBe(413)
    expect(await ownRecords(analyst.partner.id)).toEqual([])
  })

  it('refuses a file with no rows after its header', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const response = await sendCsv(HEADER, analyst.headers)

    expect(response.status).toBe(400)
    expect(await ownBatches(analyst.partner.id)).toEqual([])
  })
})

describe('import batches', () => {
  const importAs = async (services_: TestServices) => {
    const analyst = await createTestUser(services_, { role: 'analyst' })
    const response = await sendCsv(csv(...GOOD_ROWS), analyst.headers)
    const { batchId } = (await response.json()) as { batchId: string }

    return { analyst, batchId }
  }

  it('lists the imports of the caller’s partner', async () => {
    const { analyst, batchId } = await importAs(services)
    const response = await app.request('/api/records/batches', {
      headers: analyst.headers,
    })
    const { batches } = (await response.json()) as {
      batches: { id: string; rowsAccepted: number }[]
    }

    expect(batches).toEqual([
      expect.objectContaining({ id: batchId, rowsAccepted: 3 }),
    ])
  })

  it('withdraws a batch: its records are removed and it is audited', async () => {
    const { analyst, batchId } = await importAs(services)
    const response = await app.request(`/api/records/batches/${batchId}`, {
      method: 'DELETE',
      headers: analyst.headers,
    })
    const audited = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_events
          where action = 'import_batch.withdrawn' and target_id = ${batchId}`,
    )
    const [batch] = await ownBatches(analyst.partner.id)

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ id: batchId, recordsRemoved: 3 })
    expect(await ownRecords(analyst.partner.id)).toEqual([])
    expect(batch?.status).toBe('withdrawn')
    expect(audited[0]?.n).toBe(1)
  })

  it('lets no other partner withdraw a batch', async () => {
    const { analyst, batchId } = await importAs(services)
    const other = await createTestUser(services, { role: 'coordinator' })
    const response = await app.request(`/api/records/batches/${batchId}`, {
      method: 'DELETE',
      headers: other.headers,
    })

    expect(response.status).toBe(403)
    expect(await ownRecords(analyst.partner.id)).toHaveLength(3)
  })
})
