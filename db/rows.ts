import type { SQL } from 'drizzle-orm'
import type { Database } from './open-database'

/**
 * Runs raw SQL and returns its rows on either driver: postgres.js answers
 * `db.execute` with an array, PGlite with `{ rows }`.
 */
export async function selectRows<Row extends Record<string, unknown>>(
  db: Pick<Database, 'execute'>,
  query: SQL,
): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown

  if (Array.isArray(result)) return result as Row[]

  return (result as { rows: Row[] }).rows
}
