// Character tests on UTF-16 code units. The detectors walk text by hand
// rather than with regular expressions so that every one of them runs in
// time linear in the text, whatever the text holds.

export const isDigitCode = (code: number): boolean => code >= 48 && code <= 57

export const isUpperCode = (code: number): boolean => code >= 65 && code <= 90

export const isLowerCode = (code: number): boolean => code >= 97 && code <= 122

export const isLetterCode = (code: number): boolean =>
  isUpperCode(code) || isLowerCode(code)

export const isAlphanumericCode = (code: number): boolean =>
  isDigitCode(code) || isLetterCode(code)

/** The code unit at `index`, or -1 outside the text. */
export const codeAt = (text: string, index: number): number =>
  index >= 0 && index < text.length ? text.charCodeAt(index) : -1

/** Whether a run of digits starts at `index` (no digit just before it). */
export const isDigitRunStart = (text: string, index: number): boolean =>
  isDigitCode(codeAt(text, index)) && !isDigitCode(codeAt(text, index - 1))

/**
 * Digits grouped by separators, read from `start`: the digits, and where
 * each group ends. Stops after `maxDigits` digits, at a run of more than
 * `maxSeparatorRun` separators, or at any other character.
 */
export interface DigitGroups {
  digits: string
  /** Number of digits read when each group ended. */
  groupEnds: number[]
  /** Index just past the last digit read. */
  end: number
  /** Whether another digit follows the last group (the run went on). */
  isContinued: boolean
}

export function readDigitGroups(
  text: string,
  start: number,
  separators: string,
  maxSeparatorRun: number,
  maxDigits: number,
): DigitGroups {
  let digits = ''
  const groupEnds: number[] = []
  let i = start
  let end = start

  while (i < text.length && digits.length < maxDigits) {
    const code = text.charCodeAt(i)
    if (isDigitCode(code)) {
      digits += text[i]
      i++
      end = i
      if (!isDigitCode(codeAt(text, i))) groupEnds.push(digits.length)
      continue
    }
    let run = 0
    while (run <= maxSeparatorRun && isOneOf(text[i + run], separators)) run++
    const isGap = run > 0 && run <= maxSeparatorRun
    if (!isGap || !isDigitCode(codeAt(text, i + run))) break
    i += run
  }
  const isContinued =
    digits.length >= maxDigits && followsWithDigit(text, end, separators)

  return { digits, groupEnds, end, isContinued }
}

function followsWithDigit(text: string, index: number, separators: string) {
  let i = index
  while (isOneOf(text[i], separators)) i++

  return isDigitCode(codeAt(text, i))
}

const isOneOf = (char: string | undefined, chars: string): boolean =>
  char !== undefined && chars.includes(char)
