import type { z } from 'zod'
import type { InputIssue } from '../http/app-error'
import { ageBandOf, monthOf } from './generalise'
import {
  findIdentifiers,
  IDENTIFIER_DESCRIPTIONS,
  type IdentifierKind,
} from './identifier-guard/identifier-guard'
import type { RecordValues } from './record-fields'
import { FIELD_RULES, type RuleCode } from './record-rules'
import { type ParsedRecordInput, RECORD_INPUT } from './record-schema'

/** The outcome of checking one record: its stored values or its issues. */
export type RecordCheck =
  | { isValid: true; values: RecordValues }
  | { isValid: false; issues: InputIssue[] }

export interface CheckContext {
  /** The current month, `YYYY-MM`: no record is observed after it. */
  latestMonth: string
}

/**
 * Checks a record against the standard, looks for direct identifiers in
 * its texts and generalises it (age to band, date to month). Issues name
 * the field and the rule, never the value.
 */
export function checkRecord(
  input: unknown,
  context: CheckContext,
): RecordCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const issue = makeIssue('', 'not_an_object', 'A record must be an object')

    return { isValid: false, issues: [issue] }
  }
  const fields = input as Record<string, unknown>
  const parsed = RECORD_INPUT.safeParse(fields)
  const schemaIssues = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => toInputIssues(issue, fields))
  const identifierIssues = findIdentifierIssues(fields, schemaIssues)
  const pathsWithIdentifiers = new Set(identifierIssues.map((i) => i.path))
  const issues = [
    ...schemaIssues.filter(
      (issue) =>
        issue.code === 'unknown_field' || !pathsWithIdentifiers.has(issue.path),
    ),
    ...identifierIssues,
  ]
  if (!parsed.success || issues.length > 0) return { isValid: false, issues }

  return generalise(parsed.data, context)
}

function generalise(
  data: ParsedRecordInput,
  context: CheckContext,
): RecordCheck {
  const issues: InputIssue[] = []
  const month = monthOf(data.observedOn)
  if (month === null) {
    issues.push(ruleIssue('observedOn', 'invalid_month'))
  } else if (month > context.latestMonth) {
    issues.push(ruleIssue('observedOn', 'in_the_future'))
  }
  const bandOfAge = data.age == null ? null : ageBandOf(data.age)
  const hasConflictingAge =
    bandOfAge !== null && data.ageBand != null && data.ageBand !== bandOfAge
  if (hasConflictingAge) {
    issues.push(
      makeIssue(
        'age',
        'conflicting_fields',
        'age and ageBand disagree: send one of them, or both in agreement',
      ),
    )
  }
  if (issues.length > 0 || month === null) return { isValid: false, issues }
  const summary = data.summary?.trim()

  return {
    isValid: true,
    values: {
      phenomenon: data.phenomenon,
      observedOn: month,
      persons: data.persons ?? 1,
      gender: data.gender ?? null,
      ageBand: bandOfAge ?? data.ageBand ?? null,
      citizenship: data.citizenship ?? null,
      origin: data.origin ?? null,
      transit: data.transit ?? [],
      destination: data.destination ?? null,
      area: data.area ?? null,
      exploitation: data.exploitation ?? [],
      sector: data.sector ?? null,
      meansOfControl: data.meansOfControl ?? [],
      recruiterRelation: data.recruiterRelation ?? null,
      recruitment: data.recruitment ?? null,
      transport: data.transport ?? [],
      sourceGrade: data.sourceGrade ?? null,
      credibility: data.credibility ?? null,
      linkageKey: data.linkageKey ?? null,
      summary: summary ? summary : null,
    },
  }
}

// The summary is free text and always searched; any other string is
// searched only when it broke its rule (a valid code cannot hold an
// identifier), which keeps the guard off the hot path of clean imports.
function findIdentifierIssues(
  fields: Record<string, unknown>,
  schemaIssues: readonly InputIssue[],
): InputIssue[] {
  const suspectFields = new Set(schemaIssues.map((i) => i.path.split('.')[0]))
  suspectFields.add('summary')
  const issues: InputIssue[] = []
  for (const field of suspectFields) {
    const value = fields[field ?? '']
    if (typeof value === 'string') {
      issues.push(...identifierIssuesOf(field!, value))
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (typeof item === 'string') {
          issues.push(...identifierIssuesOf(`${field}.${i}`, item))
        }
      })
    }
  }

  return issues
}

function identifierIssuesOf(path: string, text: string): InputIssue[] {
  return findIdentifiers(text).map((kind) => identifierIssue(path, kind))
}

/** The refusal of a text holding a direct identifier of some kind. */
export function identifierIssue(
  path: string,
  kind: IdentifierKind,
): InputIssue & { kind: IdentifierKind } {
  return {
    path,
    code: 'identifier_detected',
    kind,
    message:
      `${path} contains ${IDENTIFIER_DESCRIPTIONS[kind]}; ` +
      'records must not hold direct identifiers',
  }
}

function toInputIssues(
  issue: z.core.$ZodIssue,
  fields: Record<string, unknown>,
): InputIssue[] {
  const path = issue.path.join('.')
  const field = String(issue.path[0] ?? '')
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map(unknownFieldIssue)
    case 'invalid_type':
      return fields[field] === undefined
        ? [makeIssue(path, 'required', `${path} is required`)]
        : [ruleIssue(path, 'invalid_type')]
    case 'invalid_value':
      return [vocabularyIssue(path, valueAt(fields, issue.path))]
    case 'too_big':
    case 'too_small':
      return [ruleIssue(path, sizeCode(issue.origin))]
    case 'invalid_format':
      return [ruleIssue(path, 'invalid_format')]
    case 'custom':
      return [ruleIssue(path, (issue.params?.code as RuleCode) ?? 'invalid')]
    default:
      return [ruleIssue(path, 'invalid_type')]
  }
}

// The sender's own field name is echoed so that it can be found in the
// file, unless the name itself holds an identifier or is too long to be
// a column heading.
function unknownFieldIssue(key: string): InputIssue {
  const [kind] = findIdentifiers(key)
  if (kind) return identifierIssue('(field name)', kind)
  if (key.length > MAX_ECHOED_NAME_CHARS) {
    return makeIssue(
      '(field name)',
      'unknown_field',
      'A field name is too long to be a field of the record standard',
    )
  }

  return makeIssue(
    key,
    'unknown_field',
    `${key} is not a field of the record standard`,
  )
}

// Enumerations answer every wrong value alike; tell a missing value and a
// value of the wrong type apart from a word outside the vocabulary.
function vocabularyIssue(path: string, value: unknown): InputIssue {
  if (value === undefined) {
    return makeIssue(path, 'required', `${path} is required`)
  }
  if (typeof value !== 'string') return ruleIssue(path, 'invalid_type')

  return ruleIssue(path, 'not_in_vocabulary')
}

function valueAt(fields: Record<string, unknown>, path: PropertyKey[]) {
  let value: unknown = fields
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }

  return value
}

const MAX_ECHOED_NAME_CHARS = 64

function sizeCode(origin: string): RuleCode {
  if (origin === 'string') return 'too_long'
  if (origin === 'array') return 'too_many'

  return 'out_of_range'
}

function ruleIssue(path: string, code: RuleCode | 'invalid'): InputIssue {
  const field = path.split('.')[0] ?? path
  const rule = FIELD_RULES[field] ?? 'is not valid'

  return makeIssue(path, code, `${path} ${rule}`)
}

function makeIssue(path: string, code: string, message: string): InputIssue {
  return { path, code, message }
}
