import { startServer } from '../../server'
import {
  createTestApp,
  type TestServicesOverrides,
} from '../../testing/test-app'
import { closeLiveBoards, liveBoardsFor } from '../live-boards'
import {
  createSyncClient,
  type SyncClient,
  type SyncClientOptions,
} from './sync-client'

/** What a test may set on a client besides where it connects and as whom. */
export type TestClientOptions = Omit<
  SyncClientOptions,
  'baseUrl' | 'boardId' | 'headers'
>

/**
 * The real app listening on a loopback port, for tests that drive it with
 * real WebSocket clients. `connect()` opens a client that `stop()` destroys
 * before it closes sockets and flushes the rooms.
 */
export async function startSyncTestServer(
  overrides: TestServicesOverrides = {},
) {
  const { app, services } = await createTestApp(overrides)
  const server = await startServer({
    fetch: app.fetch,
    port: 0,
    host: '127.0.0.1',
    shutdownTimeoutMs: 2_000,
    maxWebSocketFrameBytes: services.config.sync.maxFrameBytes,
    log: services.log,
  })
  const baseUrl = `ws://127.0.0.1:${server.port}/sync`
  const clients: SyncClient[] = []

  return {
    app,
    services,
    liveBoards: liveBoardsFor(services),
    baseUrl,
    httpUrl: `http://127.0.0.1:${server.port}`,
    connect: (
      user: { headers: Record<string, string> },
      boardId: string,
      options: TestClientOptions = {},
    ) => {
      const client = createSyncClient({
        ...options,
        baseUrl,
        boardId,
        headers: user.headers,
      })
      clients.push(client)
      return client
    },
    stop: async () => {
      for (const client of clients) client.destroy()
      await server.stop()
      await closeLiveBoards(services)
    },
  }
}

export type SyncTestServer = Awaited<ReturnType<typeof startSyncTestServer>>
