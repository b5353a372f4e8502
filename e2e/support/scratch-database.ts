import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'

/**
 * A database of its own for a test that runs servers as child processes:
 * a fresh PostgreSQL database when TEST_DATABASE_URL names a server (it is
 * dropped afterwards), else a fresh PGlite data directory.
 */
export interface ScratchDatabase {
  kind: 'postgres' | 'pglite'
  /** Environment for `startTestServer` (`DATABASE_URL`), if any. */
  env: Record<string, string>
  /** The data directory to pass to `startTestServer`. */
  dataDir: string
  dispose(): Promise<void>
}

export async function createScratchDatabase(
  prefix: string,
): Promise<ScratchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), `ciatteh-${prefix}-`))
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) {
    return {
      kind: 'pglite',
      env: {},
      dataDir,
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    }
  }

  const name = `ciatteh_${prefix}_${process.pid}_${Date.now()}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`

  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    dataDir,
    dispose: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end({ timeout: 5 })
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
