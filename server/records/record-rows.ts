import type { InferInsertModel, InferSelectModel } from 'drizzle-orm'
import type { records } from '../../db/schema'
import type { Actor } from '../auth/actor'
import type { RecordValues, StoredRecord } from './record-fields'

type RecordRow = InferSelectModel<typeof records>
export type RecordInsert = InferInsertModel<typeof records>

/** Who stored a record, and in which import; set by the server only. */
export interface Submission {
  partnerId: string
  submittedBy: string | null
  tokenId: string | null
  submittedAt: Date
  batchId: string | null
}

export function submissionOf(
  actor: Actor,
  submittedAt: Date,
  batchId: string | null = null,
): Submission {
  return {
    partnerId: actor.partnerId,
    submittedBy: actor.kind === 'user' ? actor.userId : null,
    tokenId: actor.kind === 'token' ? actor.tokenId : null,
    submittedAt,
    batchId,
  }
}

/** The row to insert for checked values; the month becomes its first day. */
export function toRecordInsert(
  values: RecordValues,
  submission: Submission,
): RecordInsert {
  return {
    ...submission,
    ...values,
    observedOn: `${values.observedOn}-01`,
  }
}

/** A stored row as the API shows it. */
export function fromRecordRow(row: RecordRow): StoredRecord {
  return {
    id: Number(row.id),
    partnerId: row.partnerId,
    submittedBy: row.submittedBy,
    submittedAt: new Date(row.submittedAt).toISOString(),
    batchId: row.batchId,
    phenomenon: row.phenomenon as StoredRecord['phenomenon'],
    observedOn: String(row.observedOn).slice(0, 7),
    persons: row.persons,
    gender: row.gender as StoredRecord['gender'],
    ageBand: row.ageBand as StoredRecord['ageBand'],
    citizenship: row.citizenship,
    origin: row.origin,
    transit: row.transit,
    destination: row.destination,
    area: row.area as StoredRecord['area'],
    exploitation: row.exploitation as StoredRecord['exploitation'],
    sector: row.sector as StoredRecord['sector'],
    meansOfControl: row.meansOfControl as StoredRecord['meansOfControl'],
    recruiterRelation:
      row.recruiterRelation as StoredRecord['recruiterRelation'],
    recruitment: row.recruitment as StoredRecord['recruitment'],
    transport: row.transport as StoredRecord['transport'],
    sourceGrade: row.sourceGrade as StoredRecord['sourceGrade'],
    credibility: row.credibility,
    linkageKey: row.linkageKey,
    summary: row.summary,
  }
}

/** The partner-set values of a stored record, as input for an edit. */
export function valuesOf(record: StoredRecord): RecordValues {
  const {
    id: _id,
    partnerId: _partnerId,
    submittedBy: _submittedBy,
    submittedAt: _submittedAt,
    batchId: _batchId,
    ...values
  } = record

  return values
}
