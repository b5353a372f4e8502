import { describe, expect, it } from 'vitest'
import { findIdentifiers, type IdentifierKind } from './identifier-guard'

interface KindCases {
  kind: IdentifierKind
  hits: string[]
  lookAlikes: string[]
}

const CASES: KindCases[] = [
  {
    kind: 'email',
    hits: [
      'Contact was jane.doe@example.org last week',
      'mail: x_y+z@mail.sub.example.be.',
    ],
    lookAlikes: ['met @ the station', 'user@localhost', 'a@b', '@@@', 'x@1.2'],
  },
  {
    kind: 'phone_number',
    hits: [
      'called +32 470 12 34 56 twice',
      'phone 0032 2 123 45 67',
      'gsm 0470/12.34.56',
      'office 02 123 45 67',
      'tel: 04 123 45 67',
      'uk number +44 20 7946 0958',
      '+32 (0)470 12 34 56',
    ],
    lookAlikes: [
      'case 0470 12 34',
      'ref 0470 12 34 56 78 90',
      'between 2019 and 2023, 12 persons',
      '+5 more persons',
      'file 2023/0147/12',
    ],
  },
  {
    kind: 'iban',
    hits: [
      'paid into BE68 5390 0754 7034',
      'account BE68539007547034.',
      'wired to GB82 WEST 1234 5698 7654 32',
      'de89370400440532013000',
    ],
    lookAlikes: [
      'paid into BE68 5390 0754 7035',
      'GB82 WEST 1234 5698 7654 3',
      'ZZ68 5390 0754 7034',
    ],
  },
  {
    kind: 'card_number',
    hits: [
      'card 4111 1111 1111 1111 used',
      'card 5555-5555-5555-4444',
      'amex 378282246310005',
    ],
    lookAlikes: [
      'card 4111 1111 1111 1112',
      'ref 1111 1111 1111 1117',
      '4111 1111 1111',
    ],
  },
  {
    kind: 'national_register_number',
    hits: [
      'NRN 85.07.30-033.28',
      'number 85073003328 on file',
      'born after 2000: 05.03.12-123.60',
    ],
    lookAlikes: [
      'NRN 85.07.30-033.29',
      'number 85073003327',
      '85.17.30-033.28',
    ],
  },
  {
    kind: 'passport_mrz',
    hits: [
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'line L898902C36UTO7408122F1204159ZE184226B<<<<<10',
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ],
    lookAlikes: [
      'L898902C37UTO7408121F1204159ZE184226B<<<<<10',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGH',
      'P<UTOERIKSSON<<ANNA',
    ],
  },
  {
    kind: 'date_of_birth',
    hits: [
      'born 12/03/1995 in Lagos',
      'dob 12.03.95',
      '1995-03-12',
      'born on 12 March 1995',
      'geboren 3 maart 1989',
      'March 12, 1995',
      'née le 29/02/2000',
    ],
    lookAlikes: [
      'on 31/02/1995',
      'since 03/1995',
      '1995-13-01',
      'le 29/02/1999',
      'ref 12-03-95',
      'version 1.2.3',
      'in March 1995',
    ],
  },
  {
    kind: 'coordinates',
    hits: [
      'found at 50.84657, 4.35722',
      'at 50,8466 4,3572',
      'pin 50.84657° N, 4.35722° E',
      '-33.86882;151.20929',
    ],
    lookAlikes: [
      'found near 50.847, 4.357',
      'rate 12.5678 of 100',
      '250.12345, 300.12345',
    ],
  },
]

describe('findIdentifiers', () => {
  for (const { kind, hits, lookAlikes } of CASES) {
    describe(kind, () => {
      it.each(hits)('finds it in %j', (text) => {
        expect(findIdentifiers(text)).toContain(kind)
      })

      it.each(lookAlikes)('lets the look-alike %j pass', (text) => {
        expect(findIdentifiers(text)).not.toContain(kind)
      })
    })
  }

  it('finds nothing in an ordinary case note', () => {
    const note =
      'Referred to a shelter in 2023 after an inspection of 3 car washes; ' +
      'about 12 persons worked 70 hours a week for 400 EUR a month.'

    expect(findIdentifiers(note)).toEqual([])
  })

  it('names every kind present in one text', () => {
    const text = 'mail a.b@example.com, gsm 0470 12 34 56, born 01/02/1990'

    expect(findIdentifiers(text)).toEqual([
      'email',
      'phone_number',
      'date_of_birth',
    ])
  })

  it('reads adversarial megabyte-long texts to the end', () => {
    const texts = [
      '1 '.repeat(500_000),
      '@a.'.repeat(300_000),
      'A<'.repeat(500_000),
      '0.12345 '.repeat(100_000),
      '+3 '.repeat(300_000),
      'BE68 '.repeat(200_000),
    ]

    for (const text of texts) {
      expect(Array.isArray(findIdentifiers(text))).toBe(true)
    }
  })
})
