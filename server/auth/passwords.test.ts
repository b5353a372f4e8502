import { describe, expect, it } from 'vitest'
import {
  checkNewPassword,
  generatePassword,
  hashPassword,
  isCommonPassword,
  verifyPassword,
} from './passwords'

describe('password policy', () => {
  it('counts characters, not bytes', () => {
    expect(checkNewPassword('é'.repeat(11))?.code).toBe('too_short')
    expect(checkNewPassword('日本語のとても長い合言葉です')).toBeNull()
  })

  it('refuses more than 128 characters', () => {
    expect(checkNewPassword('long words '.repeat(12))?.code).toBe('too_long')
  })

  it('refuses common passwords whatever their case, saying why', () => {
    const problem = checkNewPassword('QwertyUIOP123')

    expect(problem?.code).toBe('too_common')
    expect(problem?.message).toMatch(/most common/)
    expect(isCommonPassword('1q2w3e4r5t6y')).toBe(true)
    expect(isCommonPassword('tangerine harbour ladder')).toBe(false)
  })

  it('makes passwords that pass its own policy and never repeat', () => {
    const made = Array.from({ length: 20 }, generatePassword)

    expect(new Set(made).size).toBe(20)
    for (const password of made) expect(checkNewPassword(password)).toBeNull()
  })
})

describe('password hashing', () => {
  it('stores an Argon2id hash that verifies the password and no other', async () => {
    const passwordHash = await hashPassword('tangerine harbour ladder')

    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword(passwordHash, 'tangerine harbour ladder')).toBe(
      true,
    )
    expect(await verifyPassword(passwordHash, 'tangerine harbour ladde')).toBe(
      false,
    )
  })

  it('accepts the same password typed in another Unicode form', async () => {
    const passwordHash = await hashPassword('ﬁne café passphrase')

    expect(
      await verifyPassword(passwordHash, 'fine cafe\u0301 passphrase'),
    ).toBe(true)
  })

  it('answers false for a stored value that is not a hash', async () => {
    expect(await verifyPassword('not a hash', 'anything at all')).toBe(false)
  })
})
