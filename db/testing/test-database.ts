import postgres from 'postgres'
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

/**
 * A database of its own, for tests whose answers depend on every row in
 * the database and not only on their own: disclosure control compares a
 * query with its neighbours, which other tests' rows would change. A fresh
 * in-memory PGlite, or a fresh PostgreSQL database on the server that
 * `TEST_DATABASE_URL` names, dropped again by `close`.
 */
export async function openIsolatedTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (process.env.TEST_DB !== 'postgres' || !serverUrl) {
    return openDatabase({ dataDir: 'memory://' })
  }

  const name = `ciatteh_isolated_${uniqueSuffix().replace('-', '_')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({
    databaseUrl: url.toString(),
    dataDir: '',
    maxConnections: 4,
  })

  return {
    ...handle,
    close: async () => {
      await handle.close()
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end({ timeout: 5 })
    },
  }
}
