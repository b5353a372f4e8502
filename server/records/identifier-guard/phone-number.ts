import {
  codeAt,
  isDigitCode,
  isDigitRunStart,
  readDigitGroups,
} from './char-codes'

const PHONE_SEPARATORS = ' .-/()'
const MAX_PHONE_DIGITS = 17

/**
 * Whether the text holds a phone number: international (`+32 470 12 34
 * 56`, `0032 470 …`) or Belgian national format (`0470 12 34 56` mobile,
 * `02 123 45 67` landline), with spaces, dots, dashes, slashes or
 * brackets between the groups of digits.
 */
export function containsPhoneNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const isPlus = text[i] === '+'
    const start = isPlus ? i + 1 : i
    if (isPlus && !isDigitCode(codeAt(text, start))) continue
    if (!isPlus && (!isDigitRunStart(text, i) || codeAt(text, i - 1) === 43)) {
      continue
    }
    if (!isPlus && text[i] !== '0') continue
    if (isPhoneFrom(text, start, isPlus)) return true
  }

  return false
}

function isPhoneFrom(text: string, start: number, isPlus: boolean): boolean {
  const groups = readDigitGroups(
    text,
    start,
    PHONE_SEPARATORS,
    3,
    MAX_PHONE_DIGITS,
  )
  const { digits, groupEnds } = groups
  const hasGroupEndWithin = (min: number, max: number) =>
    groupEnds.some((count) => count >= min && count <= max)

  // An international number is any 8 to 15 digits after the country
  // prefix; more groups after it (an extension, a second number) do not
  // make it less of a phone number.
  if (isPlus) return hasGroupEndWithin(8, 15)
  if (digits.startsWith('00')) {
    return digits[2] !== '0' && hasGroupEndWithin(11, 17)
  }
  // A national number must stand alone: the same digits inside a longer
  // run are more likely a reference or a count.
  const lastGroupEnd = groupEnds.at(-1) ?? 0
  if (groups.isContinued || lastGroupEnd !== digits.length) return false
  const isBelgianMobile = digits.length === 10 && digits.startsWith('04')
  const isBelgianLandline = digits.length === 9 && digits[1] !== '0'

  return isBelgianMobile || isBelgianLandline
}
