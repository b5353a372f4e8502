import { isDigitRunStart, readDigitGroups } from './char-codes'

/**
 * Whether the text holds a Belgian national register number (`YYMMDD` +
 * sequence + check, e.g. `85.07.30-033.28`) whose check digits are right
 * for a birth before or after 2000. Bis numbers (month + 20 or + 40)
 * count too.
 */
export function containsNationalRegisterNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isDigitRunStart(text, i)) continue
    const groups = readDigitGroups(text, i, ' .-', 1, 11)
    const isWhole =
      groups.digits.length === 11 &&
      !groups.isContinued &&
      groups.groupEnds.at(-1) === 11
    if (isWhole && isNationalRegisterNumber(groups.digits)) return true
  }

  return false
}

/** Checks the 11 digits of a national register number. */
export function isNationalRegisterNumber(digits: string): boolean {
  const month = Number(digits.slice(2, 4)) % 20
  const day = Number(digits.slice(4, 6))
  if (month > 12 || day > 31) return false
  const base = Number(digits.slice(0, 9))
  const check = Number(digits.slice(9, 11))
  const isBornBefore2000 = 97 - (base % 97) === check
  const isBornFrom2000 = 97 - ((2_000_000_000 + base) % 97) === check

  return isBornBefore2000 || isBornFrom2000
}
