import { readFileSync } from 'node:fs'
import { type Algorithm, hash, verify } from '@node-rs/argon2'
import { AppError } from '../http/app-error'
import { randomString } from './random'

/**
 * Argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane): about 50 ms on
 * one core here, slow enough for a stolen table, fast enough for logins.
 */
const ARGON2_OPTIONS = {
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
}

export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 128

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common'

/**
 * Why a new password is refused, as `{ code, message }`, or `null` when it
 * is acceptable. Length is counted in characters, not bytes, so that every
 * script gets the same allowance. No composition rules: length and a
 * common-password check are what resist guessing.
 */
export function checkNewPassword(
  password: string,
): { code: PasswordProblem; message: string } | null {
  const length = [...normalize(password)].length
  if (length < MIN_PASSWORD_LENGTH) {
    return {
      code: 'too_short',
      message: `The password must have at least ${MIN_PASSWORD_LENGTH} characters`,
    }
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return {
      code: 'too_long',
      message: `The password must have at most ${MAX_PASSWORD_LENGTH} characters`,
    }
  }
  if (isCommonPassword(password)) {
    return {
      code: 'too_common',
      message:
        'This password is among the most common ones that attackers try ' +
        'first; choose another, e.g. a few unrelated words',
    }
  }

  return null
}

/** Throws 400 `password_not_accepted`, saying why, for a weak password. */
export function assertAcceptablePassword(password: string, path: string) {
  const problem = checkNewPassword(password)
  if (!problem) return

  throw new AppError(400, 'password_not_accepted', problem.message, {
    reason: problem.code,
    issues: [{ path, ...problem }],
  })
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), ARGON2_OPTIONS)
}

/** Whether the password matches; `false` for a malformed stored hash. */
export async function verifyPassword(
  passwordHash: string,
  password: string,
): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH * 4) return false

  try {
    return await verify(passwordHash, normalize(password))
  } catch {
    // Only a stored value that is not an Argon2 hash throws; such an
    // account cannot be signed into, which is the safe answer.
    return false
  }
}

/**
 * A one-time password for a new account: 120 random bits in groups of four
 * lower-case letters and digits, easy to read out and type.
 */
export function generatePassword(): string {
  return randomString(15).match(/.{4}/g)!.join('-')
}

let dummyHash: Promise<string> | null = null

/** Makes the dummy hash ahead, so that even the first check costs alike. */
export function prepareDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('not a real password, only a timing twin')
  return dummyHash
}

/**
 * Spends the time of one verification for an account that does not exist,
 * so that response timing does not tell which e-mails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await prepareDummyHash(), password)

  return false
}

let commonPasswords: Set<string> | null = null

export function isCommonPassword(password: string): boolean {
  commonPasswords ??= loadCommonPasswords()

  return commonPasswords.has(normalize(password).toLowerCase())
}

function loadCommonPasswords(): Set<string> {
  const text = readFileSync(
    new URL('./common-passwords.txt', import.meta.url),
    'utf8',
  )
  const lines = text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('# '))

  return new Set(lines.map((line) => line.toLowerCase()))
}

/** NFKC, so that one password typed on two keyboards is the same. */
function normalize(password: string): string {
  return password.normalize('NFKC')
}
