import { describe, expect, it } from 'vitest'
import { type CheckContext, checkRecord } from './check-record'
import { generateSyntheticRecords } from './synthetic'

const context: CheckContext = { latestMonth: '2025-06' }
const minimal = { phenomenon: 'trafficking', observedOn: '2024-03' }

const issuesOf = (input: unknown) => {
  const result = checkRecord(input, context)
  if (result.isValid) throw new Error('expected the record to be refused')

  return result.issues
}

const valuesOf = (input: unknown) => {
  const result = checkRecord(input, context)
  if (!result.isValid) throw new Error(JSON.stringify(result.issues))

  return result.values
}

describe('checkRecord', () => {
  it('accepts a minimal record and fills the defaults', () => {
    expect(valuesOf(minimal)).toMatchObject({
      phenomenon: 'trafficking',
      observedOn: '2024-03',
      persons: 1,
      gender: null,
      transit: [],
      summary: null,
    })
  })

  it('accepts a complete record and keeps its values', () => {
    const complete = {
      ...minimal,
      persons: 3,
      gender: 'female',
      ageBand: '21-23',
      citizenship: 'ng',
      origin: 'NG',
      transit: ['NE', 'LY', 'IT'],
      destination: 'BE',
      area: 'antwerpen',
      exploitation: ['sexual', 'sexual', 'criminality'],
      sector: 'sex_industry',
      meansOfControl: ['debt_bondage'],
      recruiterRelation: 'friend',
      recruitment: 'in_person',
      transport: ['road', 'sea'],
      sourceGrade: 'b',
      credibility: 2,
      linkageKey: 'A'.repeat(64),
      summary: '  Referred to a shelter.  ',
    }

    expect(valuesOf(complete)).toMatchObject({
      citizenship: 'NG',
      exploitation: ['sexual', 'criminality'],
      sourceGrade: 'B',
      linkageKey: 'a'.repeat(64),
      summary: 'Referred to a shelter.',
    })
  })

  it.each([
    ['phenomenon', { observedOn: '2024-03' }, 'required'],
    ['observedOn', { phenomenon: 'smuggling' }, 'required'],
  ])('refuses a record without %s', (path, input, code) => {
    expect(issuesOf(input)).toContainEqual(
      expect.objectContaining({ path, code }),
    )
  })

  it.each([
    ['phenomenon', 'piracy', 'not_in_vocabulary'],
    ['phenomenon', 3, 'invalid_type'],
    ['observedOn', '2024-13', 'invalid_month'],
    ['observedOn', '2024-02-30', 'invalid_month'],
    ['observedOn', 'March 2024', 'invalid_month'],
    ['observedOn', '2025-07', 'in_the_future'],
    ['persons', 0, 'out_of_range'],
    ['persons', 10_001, 'out_of_range'],
    ['persons', 2.5, 'invalid_type'],
    ['persons', '3', 'invalid_type'],
    ['gender', 'f', 'not_in_vocabulary'],
    ['ageBand', '18-25', 'not_in_vocabulary'],
    ['age', 121, 'out_of_range'],
    ['age', -1, 'out_of_range'],
    ['citizenship', 'XX', 'not_in_vocabulary'],
    ['citizenship', 'BEL', 'not_in_vocabulary'],
    ['origin', 'ZZ', 'not_in_vocabulary'],
    ['transit', 'IT', 'invalid_type'],
    ['transit.1', ['IT', 'QQ'], 'not_in_vocabulary'],
    ['transit', Array(21).fill('IT'), 'too_many'],
    ['destination', 'UK', 'not_in_vocabulary'],
    ['area', 'gent', 'not_in_vocabulary'],
    ['exploitation.0', ['slavery'], 'not_in_vocabulary'],
    ['sector', 'mining', 'not_in_vocabulary'],
    ['meansOfControl.0', ['bribes'], 'not_in_vocabulary'],
    ['recruiterRelation', 'neighbour', 'not_in_vocabulary'],
    ['recruitment', 'radio', 'not_in_vocabulary'],
    ['transport.0', ['bike'], 'not_in_vocabulary'],
    ['sourceGrade', 'G', 'not_in_vocabulary'],
    ['credibility', 7, 'out_of_range'],
    ['credibility', 0, 'out_of_range'],
    ['linkageKey', 'abc', 'invalid_format'],
    ['linkageKey', 'g'.repeat(64), 'invalid_format'],
    ['summary', 'x'.repeat(501), 'too_long'],
  ])('refuses %s = %j with %s', (path, value, code) => {
    const field = path.split('.')[0]!
    const issues = issuesOf({ ...minimal, [field]: value })

    expect(issues).toContainEqual(expect.objectContaining({ path, code }))
    expect(issues.every((issue) => issue.message.startsWith(path))).toBe(true)
  })

  it('refuses unknown fields by name instead of dropping them', () => {
    const issues = issuesOf({ ...minimal, name: 'x', date_of_birth: 'y' })

    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['name', 'unknown_field'],
      ['date_of_birth', 'unknown_field'],
    ])
  })

  it('does not echo a field name that holds an identifier', () => {
    const issues = issuesOf({ ...minimal, 'jane.doe@example.org': 1 })

    expect(issues).toEqual([
      expect.objectContaining({ code: 'identifier_detected', kind: 'email' }),
    ])
    expect(JSON.stringify(issues)).not.toContain('jane')
  })

  it('refuses fields the server sets itself', () => {
    const issues = issuesOf({ ...minimal, partnerId: 'p', submittedBy: 'u' })

    expect(issues.map((issue) => issue.path)).toEqual([
      'partnerId',
      'submittedBy',
    ])
  })

  it('refuses something that is not an object', () => {
    expect(issuesOf([minimal])[0]?.code).toBe('not_an_object')
    expect(issuesOf('record')[0]?.code).toBe('not_an_object')
  })

  it('names the kind of identifier in a summary but never its value', () => {
    const summary = 'Contact: jane.doe@example.org, +32 470 12 34 56'
    const issues = issuesOf({ ...minimal, summary })

    expect(issues).toEqual([
      expect.objectContaining({
        path: 'summary',
        code: 'identifier_detected',
        kind: 'email',
      }),
      expect.objectContaining({
        path: 'summary',
        code: 'identifier_detected',
        kind: 'phone_number',
      }),
    ])
    expect(JSON.stringify(issues)).not.toContain('jane')
    expect(JSON.stringify(issues)).not.toContain('470')
  })

  it('reports an identifier put in a coded field as an identifier', () => {
    const issues = issuesOf({ ...minimal, area: 'BE68 5390 0754 7034' })

    expect(issues).toEqual([
      expect.objectContaining({
        path: 'area',
        code: 'identifier_detected',
        kind: 'iban',
      }),
    ])
  })

  it('never echoes a refused value in any message', () => {
    const secret = 'Zebulon-Quarterback'
    const issues = issuesOf({
      ...minimal,
      gender: secret,
      citizenship: secret,
      transit: [secret],
      summary: secret.repeat(40),
    })

    for (const issue of issues) {
      expect(issue.message).not.toContain('Zebulon')
    }
  })
})

describe('generalisation before storage', () => {
  it.each([
    [0, '0-8'],
    [8, '0-8'],
    [9, '9-17'],
    [17, '9-17'],
    [18, '18-20'],
    [23, '21-23'],
    [26, '24-26'],
    [29, '27-29'],
    [30, '30-38'],
    [47, '39-47'],
    [48, '48+'],
    [120, '48+'],
  ])('turns an exact age of %i into the band %s', (age, band) => {
    const values = valuesOf({ ...minimal, age })

    expect(values.ageBand).toBe(band)
    expect(values).not.toHaveProperty('age')
  })

  it('accepts an age together with the band it falls in', () => {
    expect(valuesOf({ ...minimal, age: 19, ageBand: '18-20' }).ageBand).toBe(
      '18-20',
    )
  })

  it('refuses an age that contradicts the band sent with it', () => {
    expect(issuesOf({ ...minimal, age: 30, ageBand: '18-20' })).toEqual([
      expect.objectContaining({ path: 'age', code: 'conflicting_fields' }),
    ])
  })

  it('cuts a full date to its month', () => {
    expect(valuesOf({ ...minimal, observedOn: '2024-02-29' }).observedOn).toBe(
      '2024-02',
    )
  })

  it('keeps no trace of the exact values in what it returns', () => {
    const text = JSON.stringify(
      valuesOf({ ...minimal, age: 37, observedOn: '2023-11-17' }),
    )

    expect(text).not.toContain('37')
    expect(text).not.toContain('17')
  })
})

describe('synthetic records', () => {
  it('all pass the standard', () => {
    const refused = [...generateSyntheticRecords({ months: 12 })]
      .map(({ partnerKey: _partnerKey, ...record }) =>
        checkRecord(record, { latestMonth: '2030-01' }),
      )
      .filter((result) => !result.isValid)

    expect(refused).toEqual([])
  })
})
