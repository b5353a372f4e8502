import {
  codeAt,
  isDigitCode,
  isDigitRunStart,
  isLetterCode,
} from './char-codes'

const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  [
    ['jan january janvier januari januar', 1],
    ['feb february fevrier février februari februar', 2],
    ['mar march mars maart märz', 3],
    ['apr april avril', 4],
    ['may mai mei', 5],
    ['jun june juin juni', 6],
    ['jul july juillet juli', 7],
    ['aug august août aout augustus', 8],
    ['sep sept september septembre', 9],
    ['oct october octobre oktober okt', 10],
    ['nov november novembre', 11],
    ['dec december décembre decembre dezember dez', 12],
  ].flatMap(([names, month]) =>
    (names as string).split(' ').map((name) => [name, month as number]),
  ),
)

/**
 * Whether the text holds a full calendar date (day, month and year),
 * which in a record may only be a date of birth or pin one person down:
 * `12/03/1995`, `12.03.95`, `1995-03-12`, `12 March 1995`, `March 12,
 * 1995`. Impossible dates (31/02) and month-year pairs pass.
 */
export function containsDateOfBirth(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (isDigitRunStart(text, i) && isNumericDateAt(text, i)) return true
    const isWordStart =
      isLetterCode(codeAt(text, i)) && !isLetterCode(codeAt(text, i - 1))
    if (isWordStart && isMonthFirstDateAt(text, i)) return true
  }

  return false
}

interface DigitRun {
  value: number
  length: number
  end: number
}

function readNumber(text: string, start: number, maxLength: number) {
  let end = start
  while (end < text.length && isDigitCode(text.charCodeAt(end))) {
    if (end - start === maxLength) return null
    end++
  }
  if (end === start) return null
  const parsed: DigitRun = {
    value: Number(text.slice(start, end)),
    length: end - start,
    end,
  }

  return parsed
}

function isNumericDateAt(text: string, start: number): boolean {
  const first = readNumber(text, start, 4)
  if (!first) return false
  const separator = text[first.end] ?? ''
  if (!'/.-'.includes(separator) || separator === '') {
    return first.length <= 2 && isDayMonthNameDateAt(text, first)
  }
  const second = readNumber(text, first.end + 1, 2)
  if (!second || text[second.end] !== separator) return false
  const third = readNumber(text, second.end + 1, 4)
  if (!third) return false

  if (first.length === 4) {
    return (
      third.length <= 2 && isRealDate(first.value, second.value, third.value)
    )
  }
  const year = yearOf(third, separator)
  if (year === null) return false

  return (
    isRealDate(year, second.value, first.value) ||
    isRealDate(year, first.value, second.value)
  )
}

// Two-digit years are read only with slashes or dots: `12-03-95` is as
// often a reference as a date.
function yearOf(number: DigitRun, separator: string): number | null {
  if (number.length === 4) return number.value
  if (number.length === 2 && separator !== '-') return 1900 + number.value

  return null
}

function isDayMonthNameDateAt(text: string, day: DigitRun): boolean {
  const word = readWordAfterSpaces(text, day.end)
  if (!word) return false
  const month = MONTH_NAMES.get(word.word)
  if (month === undefined) return false
  const yearStart = skipSpaces(text, word.end)
  const year = readNumber(text, yearStart, 4)

  return year?.length === 4 && isRealDate(year.value, month, day.value)
}

function isMonthFirstDateAt(text: string, start: number): boolean {
  const word = readWordAfterSpaces(text, start)
  if (!word) return false
  const month = MONTH_NAMES.get(word.word)
  if (month === undefined) return false
  const day = readNumber(text, skipSpaces(text, word.end), 2)
  if (!day) return false
  const afterComma = text[day.end] === ',' ? day.end + 1 : day.end
  const year = readNumber(text, skipSpaces(text, afterComma), 4)

  return year?.length === 4 && isRealDate(year.value, month, day.value)
}

function readWordAfterSpaces(text: string, from: number) {
  const start = skipSpaces(text, from)
  let end = start
  while (end - start <= 10 && isMonthNameCode(codeAt(text, end))) end++
  if (end === start || end - start > 10) return null
  const afterDot = text[end] === '.' ? end + 1 : end

  return { word: text.slice(start, end).toLowerCase(), end: afterDot }
}

const isMonthNameCode = (code: number): boolean =>
  isLetterCode(code) || code === 0xe4 || code === 0xe9 || code === 0xfb

function skipSpaces(text: string, from: number): number {
  let i = from
  while (i - from < 3 && text[i] === ' ') i++

  return i
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) {
    return false
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()

  return day <= daysInMonth
}
