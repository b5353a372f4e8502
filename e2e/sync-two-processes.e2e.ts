import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDatabase } from '../db/open-database'
import { readBoardState } from '../server/sync/board-log-store'
import {
  createSyncClient,
  type SyncClient,
  whenDoc,
} from '../server/sync/testing/sync-client'
import {
  BOOTSTRAP_ADMIN,
  createBoard,
  signInAnalyst,
} from './support/board-users'
import {
  createScratchDatabase,
  type ScratchDatabase,
} from './support/scratch-database'
import { startTestServer, type TestServer } from './support/test-server'

const EDITS_EACH = 100
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL)

let database: ScratchDatabase | null = null
const servers: TestServer[] = []
const clients: SyncClient[] = []

afterAll(async () => {
  for (const client of clients) client.destroy()
  for (const server of servers) await server.stop()
  await database?.dispose()
})

/** Two server processes on one PostgreSQL database share live rooms. */
describe.skipIf(!hasPostgres)('two server processes', () => {
  it('carry edits and cursors both ways and log concurrent writes without collision', async () => {
    database = await createScratchDatabase('nodes')
    const start = () =>
      startTestServer({
        dataDir: database!.dataDir,
        env: { ...BOOTSTRAP_ADMIN, ...database!.env },
      })
    const a = await start()
    servers.push(a)
    const b = await start()
    servers.push(b)
    const analyst = await signInAnalyst(a.url)
    const boardId = await createBoard(a.url, analyst)
    const connect = (server: TestServer) => {
      const client = createSyncClient({
        baseUrl: `${server.url.replace('http', 'ws')}/sync`,
        boardId,
        headers: analyst.headersFor(server.url),
        wantsSavedNotices: true,
      })
      clients.push(client)
      return client
    }
    const onA = connect(a)
    const onB = connect(b)
    await Promise.all([onA.synced(), onB.synced()])

    onA.doc.getText('narrative').insert(0, 'Route via Brindisi')
    onA.provider.awareness.setLocalStateField('user', { name: 'Ana' })
    await whenDoc(onB.doc, () => onB.doc.getText('narrative').length > 0)
    await new Promise<void>((resolve) => {
      const hasCursor = () =>
        [...onB.provider.awareness.getStates().values()].some(
          (state) => (state.user as { name?: string })?.name === 'Ana',
        )
      if (hasCursor()) return resolve()
      onB.provider.awareness.on('change', () => hasCursor() && resolve())
    })
    onB.doc.getMap('filters').set('year', 2025)
    await whenDoc(onA.doc, () => onA.doc.getMap('filters').has('year'))
    await Promise.all([onA.allSaved(), onB.allSaved()])

    expect(onB.doc.getText('narrative').toString()).toBe('Route via Brindisi')
    expect(onA.doc.getMap('filters').get('year')).toBe(2025)

    // Both processes now write the same board at once: seqs must not
    // collide, and both clients and the stored log must end identical.
    for (let i = 0; i < EDITS_EACH; i++) {
      onA.doc.getMap('edits').set(`a${i}`, i)
      onB.doc.getMap('edits').set(`b${i}`, i)
      if (i % 10 === 0) await Promise.all([onA.allSaved(), onB.allSaved()])
    }
    await Promise.all([onA.allSaved(), onB.allSaved()])
    const isComplete = (client: SyncClient) => () =>
      client.doc.getMap('edits').size === 2 * EDITS_EACH
    await Promise.all([
      whenDoc(onA.doc, isComplete(onA)),
      whenDoc(onB.doc, isComplete(onB)),
    ])
    const stored = await storedEdits(database.env.DATABASE_URL!, boardId)

    expect(onA.doc.getMap('edits').toJSON()).toEqual(
      onB.doc.getMap('edits').toJSON(),
    )
    expect(stored).toEqual(onA.doc.getMap('edits').toJSON())
  })
})

async function storedEdits(databaseUrl: string, boardId: string) {
  const handle = await openDatabase({ databaseUrl, dataDir: '' })
  try {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, await readBoardState(handle.db, boardId))
    return doc.getMap('edits').toJSON()
  } finally {
    await handle.close()
  }
}
