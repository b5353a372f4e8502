import { type DatabaseHandle, openDatabase } from '../open-database'

let shared: Promise<DatabaseHandle> | null = null

/**
 * The database an integration test runs against, shared by every test file
 * of one worker: PGlite is slow to create, and a PostgreSQL run uses the one
 * database the test command was given. `TEST_DB` picks which; tests keep to
 * rows they created themselves so that sharing is safe.
 */
export function getTestDatabase(): Promise<DatabaseHandle> {
  shared ??= openTestDatabase()

  return shared
}

function openTestDatabase(): Promise<DatabaseHandle> {
  const kind = process.env.TEST_DB ?? 'pglite'
  if (kind === 'pglite') return openDatabase({ dataDir: 'memory://' })

  const databaseUrl = process.env.TEST_DATABASE_URL
  if (!databaseUrl) {
    throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL to be set')
  }

  return openDatabase({ databaseUrl, dataDir: '', maxConnections: 4 })
}

/** A suffix that keeps names unique across tests sharing one database. */
export function uniqueSuffix(): string {
  return `${process.pid}-${Math.random().toString(36).slice(2, 10)}`
}
