import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { selectRows } from './rows'
import { getTestDatabase } from './testing/test-database'

describe('openDatabase', () => {
  it('applies the committed migrations so every main table exists', async () => {
    const { db } = await getTestDatabase()
    const rows = await selectRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables
          where table_schema = 'public'`,
    )
    const names = rows.map((row) => row.table_name)

    expect(names).toEqual(
      expect.arrayContaining([
        'partners',
        'users',
        'sessions',
        'api_tokens',
        'records',
        'import_batches',
        'boards',
        'board_members',
        'board_updates',
        'board_snapshots',
        'board_versions',
        'audit_events',
      ]),
    )
  })

  it('answers a ping', async () => {
    const handle = await getTestDatabase()

    await expect(handle.ping()).resolves.toBeUndefined()
  })
})
