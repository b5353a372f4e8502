import { once } from 'node:events'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createSyncClient,
  type SyncClient,
} from '../server/sync/testing/sync-client'
import {
  BOOTSTRAP_ADMIN,
  createBoard,
  type SignedIn,
  signInAnalyst,
} from './support/board-users'
import {
  createScratchDatabase,
  type ScratchDatabase,
} from './support/scratch-database'
import { startTestServer, type TestServer } from './support/test-server'

/** Kills per run; raise it for a longer soak, e.g. 200. */
const ITERATIONS = Number(process.env.SYNC_CRASH_ITERATIONS ?? 20)
const WRITERS = 3
/** Saved notices (across writers) to wait for before the kill. */
const NOTICES_BEFORE_KILL = 8

let database: ScratchDatabase | null = null

afterAll(async () => {
  await database?.dispose()
})

describe('a server killed right after saving', () => {
  it('keeps every edit it reported saved, over many SIGKILLs', async () => {
    database = await createScratchDatabase('crash')
    const start = () =>
      startTestServer({
        dataDir: database!.dataDir,
        env: { ...BOOTSTRAP_ADMIN, ...database!.env },
      })
    let server = await start()
    const analyst = await signInAnalyst(server.url)
    const boardId = await createBoard(server.url, analyst)
    const saved = new Set<string>()

    for (let round = 0; round < ITERATIONS; round++) {
      const writers = await connectWriters(server, analyst, boardId)
      const missing = [...saved].filter(
        (key) => !writers[0]!.doc.getMap('edits').has(key),
      )
      expect({ round, missing }).toEqual({ round, missing: [] })

      await editUntilKilled(server, writers, round, saved)
      for (const writer of writers) writer.destroy()
      server = await start()
    }

    const [reader] = await connectWriters(server, analyst, boardId)
    const edits = reader!.doc.getMap('edits')
    const lost = [...saved].filter((key) => !edits.has(key))
    reader!.destroy()
    await server.stop()

    expect(saved.size).toBeGreaterThan(ITERATIONS * NOTICES_BEFORE_KILL)
    expect(lost).toEqual([])
  })
})

async function connectWriters(
  server: TestServer,
  user: SignedIn,
  boardId: string,
): Promise<SyncClient[]> {
  const writers = Array.from({ length: WRITERS }, () =>
    createSyncClient({
      baseUrl: `${server.url.replace('http', 'ws')}/sync`,
      boardId,
      headers: user.headersFor(server.url),
      wantsSavedNotices: true,
    }),
  )
  await Promise.all(writers.map((writer) => writer.synced()))

  return writers
}

/**
 * Every writer keeps adding keys; each key remembers the clock that makes
 * it durable. On the N-th saved notice the server is killed at once, in
 * the notice's own handler, so nothing else happens in between.
 */
async function editUntilKilled(
  server: TestServer,
  writers: SyncClient[],
  round: number,
  saved: Set<string>,
): Promise<void> {
  const exited = once(server.child, 'exit')
  const pending = writers.map(() => new Map<string, number>())
  let notices = 0
  let isKilled = false

  writers.forEach((writer, index) => {
    writer.onSaved(() => {
      if (isKilled) return
      const durable = writer.savedStateVector.get(writer.doc.clientID) ?? 0
      for (const [key, clock] of pending[index]!) {
        if (clock > durable) continue
        saved.add(key)
        pending[index]!.delete(key)
      }
      notices++
      if (notices >= NOTICES_BEFORE_KILL) {
        isKilled = true
        server.child.kill('SIGKILL')
      }
    })
  })

  let counter = 0
  const timer = setInterval(() => {
    writers.forEach((writer, index) => {
      const key = `r${round}-w${index}-${counter}`
      writer.doc.getMap('edits').set(key, counter)
      pending[index]!.set(
        key,
        Y.getState(writer.doc.store, writer.doc.clientID),
      )
    })
    counter++
  }, 2)
  await exited
  clearInterval(timer)
}
