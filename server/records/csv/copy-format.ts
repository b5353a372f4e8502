import type { RecordValues } from '../record-fields'
import type { Submission } from '../record-rows'

/** The columns a COPY into `records` fills, in the order of its lines. */
export const COPY_COLUMNS = [
  'partner_id',
  'submitted_by',
  'token_id',
  'batch_id',
  'submitted_at',
  'phenomenon',
  'observed_on',
  'persons',
  'gender',
  'age_band',
  'citizenship',
  'origin',
  'transit',
  'destination',
  'area',
  'exploitation',
  'sector',
  'means_of_control',
  'recruiter_relation',
  'recruitment',
  'transport',
  'source_grade',
  'credibility',
  'linkage_key',
  'summary',
] as const

const NULL = '\\N'

/** The first cells of every line of one import: who stored it, when. */
export function submissionCells(submission: Submission): string {
  return [
    submission.partnerId,
    submission.submittedBy ?? NULL,
    submission.tokenId ?? NULL,
    submission.batchId ?? NULL,
    submission.submittedAt.toISOString(),
  ].join('\t')
}

/**
 * One line of PostgreSQL's COPY text format. Codes and countries were
 * checked against their vocabularies, so only the summary can hold a
 * character COPY treats specially.
 */
export function copyLine(prefix: string, values: RecordValues): string {
  return `${prefix}\t${values.phenomenon}\t${values.observedOn}-01\t${
    values.persons
  }\t${cell(values.gender)}\t${cell(values.ageBand)}\t${cell(
    values.citizenship,
  )}\t${cell(values.origin)}\t${list(values.transit)}\t${cell(
    values.destination,
  )}\t${cell(values.area)}\t${list(values.exploitation)}\t${cell(
    values.sector,
  )}\t${list(values.meansOfControl)}\t${cell(values.recruiterRelation)}\t${cell(
    values.recruitment,
  )}\t${list(values.transport)}\t${cell(values.sourceGrade)}\t${cell(
    values.credibility,
  )}\t${cell(values.linkageKey)}\t${text(values.summary)}\n`
}

const cell = (value: string | number | null): string =>
  value === null ? NULL : String(value)

const list = (items: readonly string[]): string => `{${items.join(',')}}`

function text(value: string | null): string {
  if (value === null) return NULL
  if (!/[\\\t\n\r]/.test(value)) return value

  return value
    .replaceAll('\\', '\\\\')
    .replaceAll('\t', '\\t')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
}
