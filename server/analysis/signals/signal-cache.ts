import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/open-database'
import { selectRows } from '../../../db/rows'

/**
 * Signals of recent requests, kept until the records change. Computing
 * them reads every family of series with its disclosure step, seconds on
 * millions of records, while the answer only changes when records do: the
 * `analysis_data_version` sequence, bumped by a trigger on every statement
 * that writes records, tells when.
 *
 * The sequence moves when a write runs, not when it commits, so a request
 * racing a write may cache the data from just before it under the new
 * version; entries therefore also expire after `MAX_AGE_MS`, which bounds
 * how long such a stale answer can be served.
 */
const MAX_AGE_MS = 60_000
/** Distinct filters remembered per database; the oldest is dropped. */
const MAX_ENTRIES = 64

interface Entry<Value> {
  version: string
  storedAtMs: number
  value: Value
}

const caches = new WeakMap<Database, Map<string, Entry<unknown>>>()

/** The current data version of the records. */
export async function readDataVersion(db: Database): Promise<string> {
  const [row] = await selectRows<{ version: string }>(
    db,
    sql`select (last_value::text || ':' || is_called::text) as version from analysis_data_version`,
  )

  return row?.version ?? ''
}

/**
 * The cached value for `key` at the current data version, or a new one
 * from `compute`, remembered for the next request.
 */
export async function cachedByDataVersion<Value>(
  db: Database,
  key: string,
  compute: () => Promise<Value>,
  nowMs: () => number = Date.now,
): Promise<Value> {
  const cache = caches.get(db) ?? new Map<string, Entry<unknown>>()
  caches.set(db, cache)
  const version = await readDataVersion(db)
  const known = cache.get(key)
  const isFresh =
    known !== undefined &&
    known.version === version &&
    nowMs() - known.storedAtMs < MAX_AGE_MS
  if (isFresh) return known.value as Value

  const value = await compute()
  cache.delete(key)
  cache.set(key, { version, storedAtMs: nowMs(), value })
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value
    if (oldest !== undefined) cache.delete(oldest)
  }

  return value
}
