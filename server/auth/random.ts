import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'

/** Random bytes from the platform's CSPRNG, as lower-case base32. */
export function randomString(bytes: number): string {
  const buffer = new Uint8Array(bytes)
  crypto.getRandomValues(buffer)

  return encodeBase32LowerCaseNoPadding(buffer)
}
