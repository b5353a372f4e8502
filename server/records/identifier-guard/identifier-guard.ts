import { containsCardNumber } from './card-number'
import { containsPreciseCoordinates } from './coordinates'
import { containsDateOfBirth } from './date-of-birth'
import { containsEmail } from './email'
import { containsIban } from './iban'
import { containsNationalRegisterNumber } from './national-register-number'
import { containsPassportMrz } from './passport-mrz'
import { containsPhoneNumber } from './phone-number'

/** The kinds of direct identifier the guard refuses in any text. */
export const IDENTIFIER_KINDS = [
  'email',
  'phone_number',
  'iban',
  'card_number',
  'national_register_number',
  'passport_mrz',
  'date_of_birth',
  'coordinates',
] as const
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number]

/** How each kind is named to the person who sent it. */
export const IDENTIFIER_DESCRIPTIONS: Readonly<Record<IdentifierKind, string>> =
  {
    email: 'an e-mail address',
    phone_number: 'a phone number',
    iban: 'a bank account number (IBAN)',
    card_number: 'a payment card number',
    national_register_number: 'a Belgian national register number',
    passport_mrz: 'a machine-readable line of a passport or identity card',
    date_of_birth: 'a full date, which may be a date of birth',
    coordinates: 'coordinates precise enough to locate a home',
  }

const DETECTORS: readonly [IdentifierKind, (text: string) => boolean][] = [
  ['email', containsEmail],
  ['iban', containsIban],
  ['card_number', containsCardNumber],
  ['national_register_number', containsNationalRegisterNumber],
  ['phone_number', containsPhoneNumber],
  ['passport_mrz', containsPassportMrz],
  ['date_of_birth', containsDateOfBirth],
  ['coordinates', containsPreciseCoordinates],
]

/**
 * The kinds of direct identifier found in a text, in a fixed order; empty
 * when the text is clean. Each detector reads the text in linear time.
 */
export function findIdentifiers(text: string): IdentifierKind[] {
  if (!mayHoldIdentifier(text)) return []

  return DETECTORS.filter(([, contains]) => contains(text)).map(
    ([kind]) => kind,
  )
}

// Every identifier kind needs a digit, an `@` or the `<` filler of a
// machine-readable zone; texts with none skip every detector.
function mayHoldIdentifier(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const isTrigger = (code >= 48 && code <= 57) || code === 64 || code === 60
    if (isTrigger) return true
  }

  return false
}
