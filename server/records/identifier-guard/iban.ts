import {
  codeAt,
  isAlphanumericCode,
  isDigitCode,
  isLetterCode,
} from './char-codes'

/** IBAN length per country, from the IBAN registry (ISO 13616). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
}

/**
 * Whether the text holds an IBAN of a known country with its length and a
 * valid mod-97 check, written whole or in groups separated by spaces.
 */
export function containsIban(text: string): boolean {
  for (let i = 0; i + 4 <= text.length; i++) {
    if (!isIbanStart(text, i)) continue
    const country = text.slice(i, i + 2).toUpperCase()
    const length = IBAN_LENGTHS[country]
    if (length === undefined) continue
    const compact = readCompact(text, i, length)
    if (compact && hasValidCheckDigits(compact)) return true
  }

  return false
}

function isIbanStart(text: string, i: number): boolean {
  return (
    !isAlphanumericCode(codeAt(text, i - 1)) &&
    isLetterCode(codeAt(text, i)) &&
    isLetterCode(codeAt(text, i + 1)) &&
    isDigitCode(codeAt(text, i + 2)) &&
    isDigitCode(codeAt(text, i + 3))
  )
}

// Exactly `length` letters and digits, single spaces allowed between
// them, then a boundary; null when the text does not fit.
function readCompact(text: string, start: number, length: number) {
  let compact = ''
  let i = start
  while (i < text.length && compact.length < length) {
    const code = text.charCodeAt(i)
    if (isAlphanumericCode(code)) {
      compact += text[i]
      i++
    } else if (text[i] === ' ' && isAlphanumericCode(codeAt(text, i + 1))) {
      i++
    } else {
      break
    }
  }
  if (compact.length !== length || isAlphanumericCode(codeAt(text, i))) {
    return null
  }

  return compact.toUpperCase()
}

/** ISO 7064 mod 97-10 over the IBAN with its first four characters moved. */
export function hasValidCheckDigits(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i)
    remainder = isDigitCode(code)
      ? (remainder * 10 + (code - 48)) % 97
      : (remainder * 100 + (code - 55)) % 97
  }

  return remainder === 1
}
