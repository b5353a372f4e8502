import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { selectRows } from '../../../db/rows'
import {
  createTestApp,
  createTestUser,
  sendJson,
  type TestUser,
} from '../../testing/test-app'

const { app, services } = await createTestApp()
const { db } = services.database
const threshold = services.config.exportDisclosureThreshold

const record = (overrides: Record<string, unknown> = {}) => ({
  phenomenon: 'trafficking',
  observedOn: '2023-05',
  gender: 'female',
  ageBand: '21-23',
  citizenship: 'NG',
  area: 'antwerpen',
  ...overrides,
})

async function submit(analyst: TestUser, body: unknown[]) {
  const response = await sendJson(app, 'POST', '/api/records', {
    headers: analyst.headers,
    body,
  })
  expect(response.status).toBe(201)
}

const exportOf = (analyst: TestUser) =>
  app.request(`/api/records/export.csv?partner=${analyst.partner.id}`, {
    headers: analyst.headers,
  })

describe('GET /api/records/export.csv', () => {
  it('exports the filtered records when every combination is large enough', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    await submit(
      analyst,
      Array.from({ length: threshold }, (_, i) =>
        record({ transit: ['LY', 'IT'], persons: i + 1 }),
      ),
    )
    const response = await exportOf(analyst)
    const lines = (await response.text()).trim().split('\r\n')

    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toContain('text/csv')
    expect(lines[0]).toContain('phenomenon,observedOn,persons,gender,ageBand')
    expect(lines).toHaveLength(threshold + 1)
    expect(lines[1]).toContain('LY|IT')
  })

  it('refuses with the combinations that hold too few records', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    await submit(analyst, [
      ...Array.from({ length: threshold }, () => record()),
      record({ gender: 'male', citizenship: 'RO', area: 'limburg' }),
    ])
    const response = await exportOf(analyst)

    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({
      code: 'disclosure_risk',
      threshold,
      combinations: [
        {
          gender: 'male',
          ageBand: '21-23',
          citizenship: 'RO',
          area: 'limburg',
          month: '2023-05',
        },
      ],
    })
  })

  it('escapes cells a spreadsheet would run as formulas', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    const formula = '=HYPERLINK("http://evil.example","open")'
    await submit(analyst, [
      record({ summary: formula }),
      record({ summary: '@SUM(1+1)' }),
      ...Array.from({ length: threshold - 2 }, () => record()),
    ])
    const text = await (await exportOf(analyst)).text()

    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""open"")"`)
    expect(text).toContain("'@SUM(1+1)")
    expect(text).not.toMatch(/,=HYPERLINK|,@SUM/)
  })

  it('audits a refused export', async () => {
    const analyst = await createTestUser(services, { role: 'analyst' })
    await submit(analyst, [record()])
    await exportOf(analyst)
    const rows = await selectRows<{ action: string }>(
      db,
      sql`select action from audit_events
          where actor_user_id = ${analyst.user.id}
            and action like 'records.export%'`,
    )

    expect(rows.map((row) => row.action)).toEqual(['records.export_refused'])
  })
})
