/**
 * Why the server closed a sync connection. RFC 6455 leaves 4000–4999 to
 * applications; the stock y-websocket client does not reconnect after a
 * code in 4400–4499 (a decision reconnecting cannot change) and reconnects
 * after any other. The table is repeated in `server/sync/README.md`.
 */
export const CLOSE_CODES = {
  /** The server is shutting down; reconnect to another process. */
  goingAway: 1001,
  /** A frame exceeded the maximum frame size (sent by `ws` itself). */
  messageTooBig: 1009,
  /** A frame broke the protocol or could not be decoded. */
  malformedMessage: 4400,
  /** The login session ended, expired or its user was disabled. */
  sessionEnded: 4401,
  /** The user's access to the board was revoked. */
  accessRevoked: 4403,
  /** The board no longer exists. */
  boardNotFound: 4404,
  /** Awareness beyond the size or count allowed per connection. */
  awarenessTooLarge: 4413,
  /** The board could not be loaded; reconnecting may succeed later. */
  boardUnavailable: 4500,
  /** The client read too slowly and its send buffer filled up. */
  slowReader: 4503,
} as const

export type CloseReason = keyof typeof CLOSE_CODES
