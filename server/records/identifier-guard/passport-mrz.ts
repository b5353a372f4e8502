import { isDigitCode, isUpperCode } from './char-codes'

const MIN_MRZ_LINE_CHARS = 30
const DOCUMENT_CODES = 'PIACV'

/**
 * Whether the text holds a line of a machine-readable zone (ICAO 9303):
 * a names line (`P<BELDOE<<JANE<<<…`, letters and `<` only), or a line
 * with digits whose check digits are right: a passport's data line
 * (document number, date of birth) or an identity card's first or second
 * line. A line with digits and wrong check digits passes.
 */
export function containsPassportMrz(text: string): boolean {
  let runStart = -1
  for (let i = 0; i <= text.length; i++) {
    const isMrzChar = i < text.length && isMrzCode(text.charCodeAt(i))
    if (isMrzChar) {
      if (runStart === -1) runStart = i
      continue
    }
    if (runStart !== -1 && i - runStart >= MIN_MRZ_LINE_CHARS) {
      if (isMrzLine(text.slice(runStart, i))) return true
    }
    runStart = -1
  }

  return false
}

const isMrzCode = (code: number): boolean =>
  isUpperCode(code) || isDigitCode(code) || code === 60

function isMrzLine(line: string): boolean {
  return (
    isNamesLine(line) ||
    isTd3DataLine(line) ||
    isTd1FirstLine(line) ||
    isTd1DataLine(line)
  )
}

// Names padded with `<`: no ordinary text has thirty capitals and `<<`.
function isNamesLine(line: string): boolean {
  return line.includes('<<') && !/[0-9]/.test(line)
}

// Line 1 of an identity card: document code, issuing state, document
// number + check.
function isTd1FirstLine(line: string): boolean {
  return (
    DOCUMENT_CODES.includes(line[0]!) &&
    /^[A-Z<]{3}$/.test(line.slice(2, 5)) &&
    hasCheckDigit(line, 5, 9)
  )
}

// Line 2 of a passport (TD3) or TD2 card: document number + check,
// nationality, date of birth + check.
function isTd3DataLine(line: string): boolean {
  return (
    line.length >= 36 &&
    hasCheckDigit(line, 0, 9) &&
    hasCheckDigit(line, 13, 6) &&
    /^[A-Z<]{3}$/.test(line.slice(10, 13))
  )
}

// Line 2 of an identity card (TD1): date of birth + check, sex, expiry +
// check, nationality.
function isTd1DataLine(line: string): boolean {
  return (
    hasCheckDigit(line, 0, 6) &&
    hasCheckDigit(line, 8, 6) &&
    /^[MFX<]$/.test(line[7] ?? '') &&
    /^\d{6}$/.test(line.slice(0, 6))
  )
}

/** Whether the ICAO check digit after `length` characters from `start` fits. */
export function hasCheckDigit(
  line: string,
  start: number,
  length: number,
): boolean {
  const check = line.charCodeAt(start + length)
  if (!isDigitCode(check)) return false

  return mrzCheckDigit(line.slice(start, start + length)) === check - 48
}

/** ICAO 9303 check digit: weights 7, 3, 1; letters from 10; `<` is 0. */
export function mrzCheckDigit(field: string): number {
  const weights = [7, 3, 1]
  let sum = 0
  for (let i = 0; i < field.length; i++) {
    const code = field.charCodeAt(i)
    const value = isDigitCode(code)
      ? code - 48
      : isUpperCode(code)
        ? code - 55
        : 0
    sum += value * weights[i % 3]!
  }

  return sum % 10
}
