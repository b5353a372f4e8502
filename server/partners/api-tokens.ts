import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { and, eq, isNull } from 'drizzle-orm'
import { apiTokens, partners } from '../../db/schema'
import { TOKEN_SCOPES, type TokenActor, type TokenScope } from '../auth/actor'
import { randomString } from '../auth/random'
import type { Services } from '../services'

/**
 * API tokens are `ciatteh_` plus 256 random bits. The prefix lets secret
 * scanners spot a leaked one. Only the SHA-256 is stored: a token is shown
 * once, when it is made, and cannot be recovered afterwards.
 */
const TOKEN_PREFIX = 'ciatteh_'
const TOKEN_SECRET_BYTES = 32
const TOKEN_PATTERN = /^ciatteh_[a-z2-7]{52}$/

/** Machine calls are rare enough that a use is recorded to the minute. */
const LAST_USED_RESOLUTION_MS = 60_000

export interface NewApiToken {
  id: string
  partnerId: string
  name: string
  scopes: TokenScope[]
  createdAt: Date
  /** The token itself; shown once, never stored. */
  token: string
}

type TokenServices = Pick<Services, 'database' | 'now'>

export async function createApiToken(
  services: TokenServices,
  input: {
    partnerId: string
    name: string
    scopes: readonly TokenScope[]
    createdBy: string | null
  },
): Promise<NewApiToken> {
  const token = `${TOKEN_PREFIX}${randomString(TOKEN_SECRET_BYTES)}`
  const scopes = [...new Set(input.scopes)]
  const [row] = await services.database.db
    .insert(apiTokens)
    .values({
      partnerId: input.partnerId,
      name: input.name,
      scopes,
      createdBy: input.createdBy,
      createdAt: services.now(),
      tokenHash: hashApiToken(token),
    })
    .returning()
  if (!row) throw new Error('Inserting an API token returned no row')

  return {
    id: row.id,
    partnerId: row.partnerId,
    name: row.name,
    scopes,
    createdAt: row.createdAt,
    token,
  }
}

/**
 * The actor a bearer token stands for, or `null` when it is malformed,
 * unknown, revoked or belongs to a disabled partner. The lookup is by
 * hash, so response timing says nothing about the token's characters.
 */
export async function authenticateApiToken(
  services: TokenServices,
  token: string,
): Promise<TokenActor | null> {
  if (!TOKEN_PATTERN.test(token)) return null

  const { db } = services.database
  const [row] = await db
    .select({
      id: apiTokens.id,
      partnerId: apiTokens.partnerId,
      scopes: apiTokens.scopes,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(partners, eq(partners.id, apiTokens.partnerId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashApiToken(token)),
        isNull(apiTokens.revokedAt),
        eq(partners.isActive, true),
      ),
    )
  if (!row) return null

  const now = services.now()
  const isUseWorthRecording =
    !row.lastUsedAt ||
    now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS
  if (isUseWorthRecording) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(eq(apiTokens.id, row.id))
  }

  return {
    kind: 'token',
    tokenId: row.id,
    partnerId: row.partnerId,
    scopes: row.scopes.filter(isTokenScope),
  }
}

export function isTokenScope(scope: string): scope is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(scope)
}

function hashApiToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}
