import { recordAudit } from '../audit/audit-trail'
import type { Actor } from '../auth/actor'
import {
  AppError,
  forbidden,
  type InputIssue,
  notFound,
  validationFailed,
} from '../http/app-error'
import type { Services } from '../services'
import { checkRecord } from './check-record'
import { monthOfDate } from './generalise'
import type { RecordValues, StoredRecord } from './record-fields'
import { submissionOf, valuesOf } from './record-rows'
import {
  deleteRecord,
  findRecord,
  insertRecords,
  replaceRecordValues,
} from './record-store'

/** The most records one JSON request may carry. */
export const MAX_RECORDS_PER_REQUEST = 1_000

interface RequestContext {
  actor: Actor
  ipAddress: string | null
}

/**
 * Checks one record or an array of records and stores them all, or none:
 * any issue in any record refuses the whole request.
 */
export async function submitRecords(
  services: Services,
  body: unknown,
  { actor, ipAddress }: RequestContext,
): Promise<number[]> {
  const inputs = Array.isArray(body) ? body : [body]
  if (inputs.length === 0 || inputs.length > MAX_RECORDS_PER_REQUEST) {
    throw validationFailed([
      {
        path: '',
        code: 'batch_size',
        message: `Send one record or an array of 1 to ${MAX_RECORDS_PER_REQUEST}`,
      },
    ])
  }
  const now = services.now()
  const context = { latestMonth: monthOfDate(now) }
  const accepted: RecordValues[] = []
  const issues: InputIssue[] = []
  inputs.forEach((input, index) => {
    const result = checkRecord(input, context)
    if (result.isValid) accepted.push(result.values)
    else issues.push(...result.issues.map((issue) => ({ index, ...issue })))
  })
  if (issues.length > 0) {
    await recordAudit(
      services.database.db,
      {
        action: 'records.refused',
        outcome: 'failure',
        actor,
        ipAddress,
        details: { records: inputs.length, issues: issues.length },
      },
      now,
    )
    throw validationFailed(issues)
  }

  return services.database.db.transaction(async (tx) => {
    const ids = await insertRecords(tx, accepted, submissionOf(actor, now))
    await recordAudit(
      tx,
      {
        action: 'records.submitted',
        actor,
        targetType: 'record',
        targetId: String(ids[0]),
        ipAddress,
        details: { count: ids.length, firstId: ids[0], lastId: ids.at(-1) },
      },
      now,
    )

    return ids
  })
}

/**
 * Applies a partial change to a record of the caller's partner: the
 * merged record is checked again as a whole, then stored and audited with
 * the names of the changed fields (never their values).
 */
export async function editRecord(
  services: Services,
  id: number,
  patch: unknown,
  { actor, ipAddress }: RequestContext,
): Promise<StoredRecord> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new AppError(400, 'invalid_json', 'The body must be a JSON object')
  }
  const { db } = services.database
  const record = await ownRecord(services, id, actor)
  const merged: Record<string, unknown> = { ...valuesOf(record), ...patch }
  // A new exact age replaces the stored band rather than contradicting it.
  if ('age' in patch && !('ageBand' in patch)) delete merged.ageBand
  const result = checkRecord(merged, {
    latestMonth: monthOfDate(services.now()),
  })
  if (!result.isValid) throw validationFailed(result.issues)

  await db.transaction(async (tx) => {
    await replaceRecordValues(tx, id, result.values)
    await recordAudit(
      tx,
      {
        action: 'record.edited',
        actor,
        targetType: 'record',
        targetId: String(id),
        ipAddress,
        details: { fields: Object.keys(patch) },
      },
      services.now(),
    )
  })

  return (await findRecord(db, id))!
}

/** Removes a record of the caller's partner, audited. */
export async function withdrawRecord(
  services: Services,
  id: number,
  { actor, ipAddress }: RequestContext,
): Promise<void> {
  const record = await ownRecord(services, id, actor)
  await services.database.db.transaction(async (tx) => {
    await deleteRecord(tx, id)
    await recordAudit(
      tx,
      {
        action: 'record.withdrawn',
        actor,
        targetType: 'record',
        targetId: String(id),
        ipAddress,
        details: { batchId: record.batchId },
      },
      services.now(),
    )
  })
}

async function ownRecord(services: Services, id: number, actor: Actor) {
  const record = await findRecord(services.database.db, id)
  if (!record) throw notFound('The record')
  if (record.partnerId !== actor.partnerId) {
    throw forbidden('A partner edits and withdraws only its own records')
  }

  return record
}
