import { codeAt, isDigitCode, isDigitRunStart } from './char-codes'

/** Decimals beyond this locate a building rather than a neighbourhood. */
const MAX_SAFE_DECIMALS = 3
const PAIR_SEPARATORS = " ,;/°'NSEWnsew"
const MAX_PAIR_GAP_CHARS = 6

interface DecimalNumber {
  value: number
  decimals: number
  start: number
  end: number
}

/**
 * Whether the text holds a pair of coordinates with more than three
 * decimals (about 100 m), such as `50.84657, 4.35722` or `50,8466 4,3572`
 * or `50.84657° N 4.35722° E`. Coarser pairs pass.
 */
export function containsPreciseCoordinates(text: string): boolean {
  let previous: DecimalNumber | null = null
  let i = 0
  while (i < text.length) {
    if (!isDigitRunStart(text, i)) {
      i++
      continue
    }
    const number = readDecimal(text, i)
    if (!number) {
      i++
      continue
    }
    if (number.decimals > MAX_SAFE_DECIMALS) {
      if (previous && isPair(text, previous, number)) return true
      previous = number
    }
    i = number.end
  }

  return false
}

function readDecimal(text: string, start: number): DecimalNumber | null {
  let i = start
  while (isDigitCode(codeAt(text, i)) && i - start <= 3) i++
  const integerDigits = i - start
  const mark = text[i]
  if (integerDigits > 3 || (mark !== '.' && mark !== ',')) return null
  const decimalsStart = i + 1
  let end = decimalsStart
  while (isDigitCode(codeAt(text, end))) end++
  const decimals = end - decimalsStart
  if (decimals === 0) return null
  const isNegative = text[start - 1] === '-'
  const magnitude = Number(
    `${text.slice(start, i)}.${text.slice(decimalsStart, end)}`,
  )

  return {
    value: isNegative ? -magnitude : magnitude,
    decimals,
    start: isNegative ? start - 1 : start,
    end,
  }
}

function isPair(
  text: string,
  first: DecimalNumber,
  second: DecimalNumber,
): boolean {
  const gap = second.start - first.end
  if (gap < 1 || gap > MAX_PAIR_GAP_CHARS) return false
  for (let i = first.end; i < second.start; i++) {
    if (!PAIR_SEPARATORS.includes(text[i]!)) return false
  }
  const isLatitude = (value: number) => Math.abs(value) <= 90
  const isLongitude = (value: number) => Math.abs(value) <= 180

  return (
    isLongitude(first.value) &&
    isLongitude(second.value) &&
    (isLatitude(first.value) || isLatitude(second.value))
  )
}
