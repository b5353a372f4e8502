/**
 * Who is making a request. Set on every request by the authentication
 * middleware: a signed-in person (session cookie) or a partner's system
 * (bearer API token), or `null` when anonymous.
 */
export const ROLES = ['admin', 'coordinator', 'analyst', 'reviewer'] as const
export type Role = (typeof ROLES)[number]

export const TOKEN_SCOPES = ['records:write', 'records:read'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]

export interface UserActor {
  kind: 'user'
  userId: string
  partnerId: string
  role: Role
  email: string
  sessionId: string
}

export interface TokenActor {
  kind: 'token'
  tokenId: string
  partnerId: string
  scopes: readonly TokenScope[]
}

export type Actor = UserActor | TokenActor

/** Hono environment shared by every route of the app. */
export interface AppEnv {
  Variables: {
    actor: Actor | null
  }
}
