import type { Context } from 'hono'

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } }
}

/**
 * The address of the peer that opened the connection, as Node saw it.
 * Forwarding headers are not read: they are the client's to forge, and no
 * trusted proxy is configured. Requests made in-process (tests) may pass
 * `{ incoming: { socket: { remoteAddress } } }` as the env to pose as one.
 */
export function clientAddress(c: Context): string | null {
  const env = c.env as NodeBindings | undefined

  return env?.incoming?.socket?.remoteAddress ?? null
}
