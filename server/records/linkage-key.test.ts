import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { linkageMessage, makeLinkageKey } from './linkage-key'

const CENTRE_KEY = '00112233445566778899aabbccddeeff'.repeat(2)
const person = {
  familyName: 'Van der Berg',
  givenNames: 'Anne Marie',
  dateOfBirth: '1990-04-01',
}

describe('makeLinkageKey', () => {
  it('is the HMAC-SHA-256 of the normalised identifiers', async () => {
    const expected = createHmac('sha256', Buffer.from(CENTRE_KEY, 'hex'))
      .update(linkageMessage(person))
      .digest('hex')

    await expect(makeLinkageKey(CENTRE_KEY, person)).resolves.toBe(expected)
  })

  it('gives two partners the same key for two spellings of one person', async () => {
    const spelledOtherwise = {
      familyName: 'VANDERBERG',
      givenNames: 'marie-anne',
      dateOfBirth: ' 1990-04-01 ',
    }

    expect(await makeLinkageKey(CENTRE_KEY, spelledOtherwise)).toBe(
      await makeLinkageKey(CENTRE_KEY, person),
    )
  })

  it('ignores accents and spells out letters without a decomposition', () => {
    const accented = { ...person, familyName: 'Müßig-Øster', givenNames: 'Zoë' }

    expect(linkageMessage(accented)).toBe(
      ['ciatteh-linkage-v1', 'mussigoster', 'zoe', '1990-04-01'].join('\u001f'),
    )
  })

  it('gives another key under another centre key or birth date', async () => {
    const key = await makeLinkageKey(CENTRE_KEY, person)
    const otherCentre = await makeLinkageKey('ff'.repeat(32), person)
    const otherBirth = await makeLinkageKey(CENTRE_KEY, {
      ...person,
      dateOfBirth: '1990-04-02',
    })

    expect(key).toMatch(/^[0-9a-f]{64}$/)
    expect(otherCentre).not.toBe(key)
    expect(otherBirth).not.toBe(key)
  })

  it('refuses a short centre key, an impossible date and empty names', async () => {
    await expect(makeLinkageKey('abcd', person)).rejects.toThrow(/centreKey/)
    await expect(
      makeLinkageKey(CENTRE_KEY, { ...person, dateOfBirth: '1990-02-30' }),
    ).rejects.toThrow(/dateOfBirth/)
    await expect(
      makeLinkageKey(CENTRE_KEY, { ...person, familyName: ' - ' }),
    ).rejects.toThrow(/familyName/)
  })
})
