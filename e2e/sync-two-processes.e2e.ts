import { afterAll, describe, expect, it } from 'vitest'
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
  it('carry an edit and a cursor from a client of A to a client of B', async () => {
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
  })
})
