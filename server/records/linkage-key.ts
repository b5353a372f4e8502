/**
 * Linkage keys: a keyed hash (HMAC-SHA-256) of a person's identifiers,
 * made on the partner's side so that the identifiers never leave it. Two
 * partners holding the same centre-issued key get the same linkage key
 * for the same person, which lets the centre count that person once.
 *
 * This module has no dependency and uses WebCrypto only
 * (`globalThis.crypto.subtle`), so the browser and Node 20 run the same
 * code. Normalisation, version 1, before hashing:
 *
 * 1. Unicode NFKD, then every combining mark removed (é → e, ç → c), and
 *    letters without a decomposition spelled out: ß → ss, æ → ae,
 *    œ → oe, ø → o, ł → l, đ → d, ı → i.
 * 2. Lowercased; every character other than a–z and 0–9 becomes a space.
 * 3. `familyName`: all spaces removed ("Van der Berg" = "VANDERBERG").
 * 4. `givenNames`: split on spaces, sorted, joined by one space ("Anne
 *    Marie" = "marie-anne").
 * 5. `dateOfBirth`: a real date written `YYYY-MM-DD`.
 * 6. The message is `ciatteh-linkage-v1`, family name, given names and
 *    date of birth joined by the unit separator U+001F, encoded in UTF-8.
 *
 * The result is 64 lowercase hexadecimal characters, the `linkageKey` of
 * the record standard.
 */

export interface LinkageIdentifiers {
  familyName: string
  givenNames: string
  /** `YYYY-MM-DD`. */
  dateOfBirth: string
}

const VERSION_TAG = 'ciatteh-linkage-v1'
const SEPARATOR = '\u001f'
const MIN_KEY_BYTES = 32

const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
}

/** The exact text that is hashed, after normalisation (exposed for tests). */
export function linkageMessage(identifiers: LinkageIdentifiers): string {
  const familyName = normaliseName(identifiers.familyName).replaceAll(' ', '')
  const givenNames = normaliseName(identifiers.givenNames)
    .split(' ')
    .filter(Boolean)
    .sort()
    .join(' ')
  if (!familyName) throw new RangeError('familyName has no letter or digit')
  if (!givenNames) throw new RangeError('givenNames has no letter or digit')
  const dateOfBirth = identifiers.dateOfBirth.trim()
  if (!isRealDate(dateOfBirth)) {
    throw new RangeError('dateOfBirth must be a real date written YYYY-MM-DD')
  }

  return [VERSION_TAG, familyName, givenNames, dateOfBirth].join(SEPARATOR)
}

/**
 * Makes the linkage key of a person. `centreKey` is the secret the centre
 * issues to partners: at least 32 bytes, as bytes or hexadecimal text.
 */
export async function makeLinkageKey(
  centreKey: Uint8Array | string,
  identifiers: LinkageIdentifiers,
): Promise<string> {
  const keyBytes =
    typeof centreKey === 'string' ? bytesFromHex(centreKey) : centreKey
  if (keyBytes.length < MIN_KEY_BYTES) {
    throw new RangeError(`centreKey must hold at least ${MIN_KEY_BYTES} bytes`)
  }
  const encoder = new TextEncoder()
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    keyBytes as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const signature = await globalThis.crypto.subtle.sign(
    'HMAC',
    key,
    encoder.encode(linkageMessage(identifiers)),
  )

  return hexFromBytes(new Uint8Array(signature))
}

function normaliseName(name: string): string {
  const decomposed = name.normalize('NFKD').replace(/\p{M}/gu, '')
  let out = ''
  for (const char of decomposed.toLowerCase()) {
    const spelled = SPELLED_OUT[char]
    if (spelled) out += spelled
    else out += /[a-z0-9]/.test(char) ? char : ' '
  }

  return out.split(' ').filter(Boolean).join(' ')
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)

  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

function bytesFromHex(hex: string): Uint8Array {
  if (!/^([0-9a-fA-F]{2})+$/.test(hex)) {
    throw new RangeError('centreKey must be hexadecimal text')
  }
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  }

  return bytes
}

function hexFromBytes(bytes: Uint8Array): string {
  let hex = ''
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0')

  return hex
}
