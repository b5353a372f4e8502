import { describe, expect, it } from 'vitest'
import { checkRecord } from '../../../../server/records/check-record'
import { checkHeader } from '../../../../server/records/csv/csv-columns'
import { CSV_TEMPLATE_HEADER } from './csv-template'
import { bodyFromDraft, emptyDraft, placeIssues } from './record-draft'

const CONTEXT = { latestMonth: '2025-06' }

describe('the record form draft', () => {
  it('sends a filled-in form as a record the server accepts', () => {
    const body = bodyFromDraft({
      ...emptyDraft(),
      phenomenon: 'trafficking',
      dateKind: 'date',
      observedOn: '2024-03-17',
      ageKind: 'exact',
      age: '19',
      ageBand: '48+',
      citizenship: 'NG',
      transit: ['LY', '', 'IT'],
      exploitation: ['sexual'],
      credibility: '2',
      summary: '  Recruited online  ',
    })
    const check = checkRecord(body, CONTEXT)

    expect(check.isValid && check.values).toMatchObject({
      observedOn: '2024-03',
      ageBand: '18-20',
      transit: ['LY', 'IT'],
      credibility: 2,
      summary: 'Recruited online',
    })
  })

  it('leaves empty required fields out so that they are named as required', () => {
    const check = checkRecord(bodyFromDraft(emptyDraft()), CONTEXT)

    expect(check.isValid ? [] : check.issues.map((i) => i.code)).toEqual([
      'required',
      'required',
    ])
  })

  it('places each issue next to its field and keeps the rest apart', () => {
    const placed = placeIssues([
      { path: 'transit.1', code: 'not_in_vocabulary', message: 'bad transit' },
      { path: 'summary', code: 'identifier_detected', message: 'an e-mail' },
      { path: '(field name)', code: 'unknown_field', message: 'unknown' },
    ])

    expect(placed.byField).toEqual({
      transit: ['bad transit'],
      summary: ['an e-mail'],
    })
    expect(placed.unplaced).toEqual(['unknown'])
  })

  it('offers a CSV template whose header the import accepts', () => {
    expect(() => checkHeader(CSV_TEMPLATE_HEADER.split(','), 1)).not.toThrow()
  })
})
