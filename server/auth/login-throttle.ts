import { eq, sql } from 'drizzle-orm'
import { loginThrottles } from '../../db/schema'
import { AppError } from '../http/app-error'
import type { Services } from '../services'

/**
 * Two brakes on password guessing, both answered with 429 and a
 * Retry-After:
 * - per client address, a token bucket: a burst of attempts, then a
 *   steady trickle. Kept in this process's memory, so each server node
 *   counts on its own.
 * - per account name, a growing delay after repeated failures, kept in the
 *   database so that every node and a restart see it. Names without an
 *   account are counted the same way, so the brake itself does not reveal
 *   which accounts exist.
 */
export interface LoginThrottleOptions {
  addressBurst: number
  addressRefillPerMinute: number
  /** Failures allowed before the account is first held back. */
  accountFreeFailures: number
  accountFirstDelayMs: number
  accountMaxDelayMs: number
  /** A quiet spell this long forgets an account's earlier failures. */
  accountForgetAfterMs: number
  /** Bucket entries kept at most; the least recently used go first. */
  maxTrackedAddresses: number
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  addressBurst: 20,
  addressRefillPerMinute: 10,
  accountFreeFailures: 4,
  accountFirstDelayMs: 30_000,
  accountMaxDelayMs: 15 * 60_000,
  accountForgetAfterMs: 24 * 3_600_000,
  maxTrackedAddresses: 10_000,
}

/** `null` when the attempt may go ahead, else how long to wait. */
export type ThrottleVerdict = { retryAfterSeconds: number } | null

interface Bucket {
  tokens: number
  updatedAtMs: number
}

export class LoginThrottle {
  readonly #buckets = new Map<string, Bucket>()

  constructor(
    private readonly services: Pick<Services, 'database' | 'now'>,
    private readonly options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE,
  ) {}

  /** Spends one of the address's tokens, or says when one comes back. */
  takeAddressToken(address: string | null): ThrottleVerdict {
    const key = address ?? 'unknown'
    const nowMs = this.services.now().getTime()
    const bucket = this.#refilled(key, nowMs)
    this.#buckets.delete(key)
    this.#buckets.set(key, bucket)
    this.#forgetOldest()
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return null
    }

    const msPerToken = 60_000 / this.options.addressRefillPerMinute
    return { retryAfterSeconds: toSeconds((1 - bucket.tokens) * msPerToken) }
  }

  /** Whether the account is being held back after repeated failures. */
  async checkAccount(accountKey: string): Promise<ThrottleVerdict> {
    const [row] = await this.services.database.db
      .select({ blockedUntil: loginThrottles.blockedUntil })
      .from(loginThrottles)
      .where(eq(loginThrottles.accountKey, accountKey))
    const waitMs = row
      ? row.blockedUntil.getTime() - this.services.now().getTime()
      : 0

    return waitMs > 0 ? { retryAfterSeconds: toSeconds(waitMs) } : null
  }

  /** Counts a failure; the delay doubles with each one past the free ones. */
  async recordAccountFailure(accountKey: string): Promise<void> {
    const now = this.services.now()
    const forgetBefore = new Date(
      now.getTime() - this.options.accountForgetAfterMs,
    )
    const { db } = this.services.database
    const [row] = await db
      .insert(loginThrottles)
      .values({
        accountKey,
        failureCount: 1,
        lastFailureAt: now,
        blockedUntil: now,
      })
      .onConflictDoUpdate({
        target: loginThrottles.accountKey,
        set: {
          // A Date inside raw SQL is not serialised alike by both drivers;
          // an ISO string with a cast is.
          failureCount: sql`case
            when ${loginThrottles.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz
            then 1 else ${loginThrottles.failureCount} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning({ failureCount: loginThrottles.failureCount })
    const delayMs = this.#accountDelayMs(row?.failureCount ?? 1)
    if (delayMs === 0) return

    await db
      .update(loginThrottles)
      .set({ blockedUntil: new Date(now.getTime() + delayMs) })
      .where(eq(loginThrottles.accountKey, accountKey))
  }

  /** A successful sign-in wipes the account's record of failures. */
  async resetAccount(accountKey: string): Promise<void> {
    await this.services.database.db
      .delete(loginThrottles)
      .where(eq(loginThrottles.accountKey, accountKey))
  }

  #accountDelayMs(failureCount: number): number {
    const pastFree = failureCount - this.options.accountFreeFailures
    if (pastFree <= 0) return 0

    const delayMs = this.options.accountFirstDelayMs * 2 ** (pastFree - 1)
    return Math.min(delayMs, this.options.accountMaxDelayMs)
  }

  #refilled(key: string, nowMs: number): Bucket {
    const { addressBurst, addressRefillPerMinute } = this.options
    const bucket = this.#buckets.get(key)
    if (!bucket) return { tokens: addressBurst, updatedAtMs: nowMs }

    const elapsedMs = Math.max(0, nowMs - bucket.updatedAtMs)
    const refill = (elapsedMs / 60_000) * addressRefillPerMinute
    return {
      tokens: Math.min(addressBurst, bucket.tokens + refill),
      updatedAtMs: nowMs,
    }
  }

  #forgetOldest(): void {
    while (this.#buckets.size > this.options.maxTrackedAddresses) {
      const oldest = this.#buckets.keys().next().value
      if (oldest === undefined) return
      this.#buckets.delete(oldest)
    }
  }
}

/** The 429 answer, with `Retry-After` set on the context. */
export function tooManyAttempts(
  c: { header(name: string, value: string): void },
  verdict: NonNullable<ThrottleVerdict>,
): AppError {
  c.header('Retry-After', String(verdict.retryAfterSeconds))

  return new AppError(
    429,
    'too_many_attempts',
    `Too many sign-in attempts; try again in ${verdict.retryAfterSeconds} s`,
    { retryAfterSeconds: verdict.retryAfterSeconds },
  )
}

function toSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000))
}
