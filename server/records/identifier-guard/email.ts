import { codeAt, isAlphanumericCode, isLetterCode } from './char-codes'

const LOCAL_PART_SYMBOLS = "._%+-!#$&'*/=?^`{|}~"

/** Whether the text holds an e-mail address (`local@domain.tld`). */
export function containsEmail(text: string): boolean {
  let at = text.indexOf('@')
  while (at !== -1) {
    if (hasLocalPartBefore(text, at) && hasDomainAfter(text, at)) return true
    at = text.indexOf('@', at + 1)
  }

  return false
}

function hasLocalPartBefore(text: string, at: number): boolean {
  const code = codeAt(text, at - 1)

  return isAlphanumericCode(code) || LOCAL_PART_SYMBOLS.includes(text[at - 1]!)
}

// Reads `label(.label)+` after the `@` and stops at the first character
// that cannot be part of a domain, so that each character is read once
// even when the text holds many `@`.
function hasDomainAfter(text: string, at: number): boolean {
  let labels = 0
  let labelLength = 0
  let isLastLabelAlphabetic = true
  let i = at + 1

  for (; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isAlphanumericCode(code) || text[i] === '-') {
      labelLength++
      if (!isLetterCode(code)) isLastLabelAlphabetic = false
      continue
    }
    const isLabelDot =
      text[i] === '.' &&
      labelLength > 0 &&
      isAlphanumericCode(codeAt(text, i + 1))
    if (!isLabelDot) break
    labels++
    labelLength = 0
    isLastLabelAlphabetic = true
  }
  const hasTopLevelDomain = labelLength >= 2 && isLastLabelAlphabetic

  return labels >= 1 && hasTopLevelDomain
}
