import { startServer } from '../../server'
import {
  createTestApp,
  type TestServicesOverrides,
} from '../../testing/test-app'
import { closeLiveBoards, liveBoardsFor } from '../live-boards'

/**
 * The real app listening on a loopback port, for tests that drive it with
 * real WebSocket clients. `stop()` closes sockets and flushes the rooms.
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

  return {
    app,
    services,
    liveBoards: liveBoardsFor(services),
    baseUrl: `ws://127.0.0.1:${server.port}/sync`,
    httpUrl: `http://127.0.0.1:${server.port}`,
    stop: async () => {
      await server.stop()
      await closeLiveBoards(services)
    },
  }
}

export type SyncTestServer = Awaited<ReturnType<typeof startSyncTestServer>>
