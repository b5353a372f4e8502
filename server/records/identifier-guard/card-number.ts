import { isDigitRunStart, readDigitGroups } from './char-codes'

const MIN_CARD_DIGITS = 13
const MAX_CARD_DIGITS = 19

/**
 * Whether the text holds a payment card number: 13 to 19 digits, whole or
 * grouped with spaces or dashes, starting like the major networks (2–6)
 * and passing the Luhn check.
 */
export function containsCardNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isDigitRunStart(text, i)) continue
    const first = text[i]!
    if (first < '2' || first > '6') continue
    const { digits, groupEnds } = readDigitGroups(
      text,
      i,
      ' -',
      1,
      MAX_CARD_DIGITS,
    )
    for (const count of groupEnds) {
      const isCardLength = count >= MIN_CARD_DIGITS && count <= MAX_CARD_DIGITS
      if (isCardLength && passesLuhn(digits.slice(0, count))) return true
    }
  }

  return false
}

/** The Luhn check used by payment card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0
  let isDoubled = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let value = digits.charCodeAt(i) - 48
    if (isDoubled) {
      value *= 2
      if (value > 9) value -= 9
    }
    sum += value
    isDoubled = !isDoubled
  }

  return sum % 10 === 0
}
