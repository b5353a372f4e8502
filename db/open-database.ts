import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import * as schema from './schema'

export type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type DatabaseKind = 'pglite' | 'postgres'

/** An open database: the Drizzle handle plus what only a driver can do. */
export interface DatabaseHandle {
  db: Database
  kind: DatabaseKind
  /** The postgres.js client, for LISTEN/NOTIFY; absent on PGlite. */
  postgres: postgres.Sql | null
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; when absent, embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined
  /** PGlite's directory, or `memory://` for a throwaway instance. */
  dataDir: string
  connectTimeoutSeconds?: number
  maxConnections?: number
}

/** The database could not be reached or prepared; `cause` says why. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'database_unavailable'

  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'DatabaseUnavailableError'
  }
}

const MIGRATIONS_FOLDER = fileURLToPath(
  new URL('./migrations', import.meta.url),
)

// Any constant works; it only has to be the same in every process so that
// two servers starting together do not apply the migrations twice.
const MIGRATION_LOCK_KEY = 4_120_715

/**
 * Opens the configured database and brings its schema up to date with the
 * committed migrations. Fails fast with `DatabaseUnavailableError` when a
 * PostgreSQL server cannot be reached.
 */
export async function openDatabase(
  options: OpenDatabaseOptions,
): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options)

  return openPglite(options.dataDir)
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  let client: PGlite
  try {
    client = await PGlite.create(dataDir)
  } catch (error) {
    throw new DatabaseUnavailableError(
      `Could not open the embedded database in ${dataDir}`,
      { cause: error },
    )
  }
  const db = drizzlePglite(client, { schema, casing: 'snake_case' })
  await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER })

  return {
    db: db as unknown as Database,
    kind: 'pglite',
    postgres: null,
    ping: async () => {
      await client.query('select 1')
    },
    close: () => client.close(),
  }
}

async function openPostgres(
  url: string,
  options: OpenDatabaseOptions,
): Promise<DatabaseHandle> {
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    onnotice: () => {
      // Notices (e.g. "schema already exists") are informational only.
    },
  })
  const db = drizzlePostgres(client, { schema, casing: 'snake_case' })

  try {
    await client`select 1`
  } catch (error) {
    await client.end({ timeout: 0 })
    throw new DatabaseUnavailableError(
      `Could not reach PostgreSQL at ${describeUrl(url)}: ${messageOf(error)}`,
      { cause: error },
    )
  }
  await migrateUnderLock(url)

  return {
    db: db as unknown as Database,
    kind: 'postgres',
    postgres: client,
    ping: async () => {
      await db.execute(sql`select 1`)
    },
    close: () => client.end({ timeout: 5 }),
  }
}

/**
 * Applies the migrations on one dedicated connection holding an advisory
 * lock, so that servers starting together take turns.
 */
async function migrateUnderLock(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`
    await migratePostgres(drizzlePostgres(client), {
      migrationsFolder: MIGRATIONS_FOLDER,
    })
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`
  } finally {
    await client.end({ timeout: 5 })
  }
}

/** The URL without its password, safe to log. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.password = ''
    return `${parsed.host}${parsed.pathname}`
  } catch {
    // An unparsable URL is reported by postgres.js itself; say only that.
    return 'an unparsable URL'
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code
    return code ? `${error.message} (${code})` : error.message
  }

  return String(error)
}
