import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import { WebSocketServer } from 'ws'
import type { Logger } from './logger'

/** Close code sent to live sockets when the server goes away. */
export const CLOSE_GOING_AWAY = 1001

export interface RunningServer {
  port: number
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>
}

export interface StartServerOptions {
  fetch: (request: Request, env: unknown) => Response | Promise<Response>
  port: number
  host: string
  shutdownTimeoutMs: number
  /** A larger WebSocket message closes its connection with 1009. */
  maxWebSocketFrameBytes?: number
  log: Logger
}

/** Listens with HTTP and WebSocket support on one port. */
export async function startServer(
  options: StartServerOptions,
): Promise<RunningServer> {
  const webSockets = new WebSocketServer({
    noServer: true,
    ...(options.maxWebSocketFrameBytes
      ? { maxPayload: options.maxWebSocketFrameBytes }
      : {}),
  })
  const server = await new Promise<ServerType>((resolve) => {
    const listening: ServerType = serve(
      {
        fetch: options.fetch,
        port: options.port,
        hostname: options.host,
        websocket: { server: webSockets },
      },
      () => resolve(listening),
    )
  })
  const { port } = server.address() as AddressInfo
  options.log.info({ host: options.host, port }, 'server listening')

  return {
    port,
    stop: () => stopServer(server, webSockets, options),
  }
}

async function stopServer(
  server: ServerType,
  webSockets: WebSocketServer,
  { shutdownTimeoutMs, log }: StartServerOptions,
): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  const http = server as import('node:http').Server
  // Keep-alive connections turn idle as their last response ends; close
  // them as they do, so that a stop takes as long as the slowest request.
  const idleSweep = setInterval(() => http.closeIdleConnections?.(), 50)
  http.closeIdleConnections?.()
  for (const socket of webSockets.clients) {
    socket.close(CLOSE_GOING_AWAY, 'server shutting down')
  }
  const timer = setTimeout(() => {
    log.warn({ shutdownTimeoutMs }, 'shutdown timed out, closing connections')
    http.closeAllConnections?.()
    for (const socket of webSockets.clients) socket.terminate()
  }, shutdownTimeoutMs)
  timer.unref()

  await closed
  clearTimeout(timer)
  clearInterval(idleSweep)
  webSockets.close()
}
