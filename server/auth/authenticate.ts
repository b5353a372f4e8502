import { createMiddleware } from 'hono/factory'
import { AppError } from '../http/app-error'
import { authenticateApiToken } from '../partners/api-tokens'
import type { Services } from '../services'
import type { Actor, AppEnv } from './actor'
import { deleteSessionCookie, readSessionToken } from './session-cookie'
import { validateSessionToken } from './sessions'

/**
 * Sets `c.var.actor` on every request: the partner system behind an
 * `Authorization: Bearer` API token, else the person behind a valid session
 * cookie (whose idle expiry this extends), else `null`. An Authorization
 * header that is not a valid bearer token is refused outright and never
 * falls back to the cookie: the origin check trusts such requests to carry
 * no ambient credentials.
 */
export function authenticate(services: Services) {
  return createMiddleware<AppEnv>(async function setActor(c, next) {
    // Hashed static files are public and would only cost a lookup each.
    if (c.req.path.startsWith('/assets/')) {
      c.set('actor', null)
      return next()
    }

    const authorization = c.req.header('authorization')
    if (authorization !== undefined) {
      c.set('actor', await actorFromBearer(services, authorization))
      return next()
    }

    const token = readSessionToken(c)
    let actor: Actor | null = null
    if (token) {
      const validated = await validateSessionToken(services, token, {
        allowPendingPasswordChange: true,
      })
      if (validated?.user.mustChangePassword) {
        assertReachableBeforePasswordChange(c.req.method, c.req.path)
      }
      if (validated) {
        const { session, user } = validated
        actor = {
          kind: 'user',
          userId: user.id,
          partnerId: user.partnerId,
          role: user.role,
          email: user.email,
          sessionId: session.id,
        }
      } else {
        deleteSessionCookie(c)
      }
    }
    c.set('actor', actor)

    await next()
  })
}

/** What someone who must first change their password may still reach. */
const PENDING_PASSWORD_CHANGE_ROUTES = new Set([
  'GET /api/me',
  'POST /api/users/me/password',
  'POST /api/auth/logout',
])

function assertReachableBeforePasswordChange(method: string, path: string) {
  // Pages of the web app load as usual; it sends the person to "My account".
  const isData = path.startsWith('/api/') || path.startsWith('/sync/')
  if (!isData || PENDING_PASSWORD_CHANGE_ROUTES.has(`${method} ${path}`)) {
    return
  }

  throw new AppError(
    403,
    'password_change_required',
    'Choose a new password first: the current one was made for you',
  )
}

async function actorFromBearer(
  services: Services,
  authorization: string,
): Promise<Actor> {
  const match = /^Bearer ([^\s]+)$/i.exec(authorization.trim())
  const actor = match?.[1]
    ? await authenticateApiToken(services, match[1])
    : null
  if (!actor) {
    throw new AppError(
      401,
      'invalid_token',
      'The API token is not valid, or has been revoked',
    )
  }

  return actor
}
