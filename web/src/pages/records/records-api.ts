import type { InputIssue } from '../../../../server/http/app-error'
import type { ImportBatch } from '../../../../server/records/csv/import-batches'
import type { ImportReport } from '../../../../server/records/csv/import-report'
import type { QuasiIdentifierCombination } from '../../../../server/records/export/disclosure-check'
import type { StoredRecord } from '../../../../server/records/record-fields'
import type { RecordPage } from '../../../../server/records/record-list'
import { ApiError, apiRequest } from '../../api/api-client'

export type {
  ImportBatch,
  ImportReport,
  InputIssue,
  QuasiIdentifierCombination,
  StoredRecord,
}

/** A record as the form sends it: the standard's fields, `null` to clear. */
export type RecordBody = Record<string, unknown>

export async function submitRecord(body: RecordBody): Promise<number> {
  const { ids } = await apiRequest<{ ids: number[] }>(
    'POST',
    '/api/records',
    body,
  )

  return ids[0]!
}

export const fetchRecord = (id: number) =>
  apiRequest<StoredRecord>('GET', `/api/records/${id}`)

export const editRecord = (id: number, body: RecordBody) =>
  apiRequest<StoredRecord>('PATCH', `/api/records/${id}`, body)

export const withdrawRecord = (id: number) =>
  apiRequest<void>('DELETE', `/api/records/${id}`)

/** One page of records; `query` holds the filters, sort and cursor. */
export const fetchRecordPage = (query: URLSearchParams) =>
  apiRequest<RecordPage>('GET', `/api/records?${query}`)

export async function fetchBatches(): Promise<ImportBatch[]> {
  const { batches } = await apiRequest<{ batches: ImportBatch[] }>(
    'GET',
    '/api/records/batches',
  )

  return batches
}

export const withdrawBatch = (id: string) =>
  apiRequest<{ id: string; recordsRemoved: number }>(
    'DELETE',
    `/api/records/batches/${id}`,
  )

export interface ImportRequest {
  file: File
  isDryRun: boolean
  isPartial: boolean
  /** One per chosen file: a retry or a second click stores it once. */
  idempotencyKey: string
}

export interface ImportAnswer {
  report: ImportReport
  /** The key was seen before: the first import's report, nothing stored. */
  wasReplayed: boolean
}

/**
 * Sends a CSV file as the body, streamed by the browser. A refused file
 * answers 400 with the report in the error's details; the report is
 * returned either way, so the page shows refused rows alike.
 */
export async function importCsv(request: ImportRequest): Promise<ImportAnswer> {
  const query = new URLSearchParams({
    dryRun: String(request.isDryRun),
    partial: String(request.isPartial),
    fileName: request.file.name.slice(0, 200),
  })
  const response = await fetch(`/api/records/import?${query}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'text/csv',
      'Idempotency-Key': request.idempotencyKey,
    },
    body: request.file,
  })
  const payload = await response.json().catch(() => ({}))
  const wasReplayed = response.headers.get('Idempotent-Replayed') === 'true'
  if (response.ok) return { report: payload as ImportReport, wasReplayed }
  const report = (payload as { report?: ImportReport }).report
  if (report) return { report, wasReplayed }

  throw errorFrom(response.status, payload)
}

/** Why an export was refused: the groups too small to be shown. */
export interface DisclosureRisk {
  threshold: number
  combinations: QuasiIdentifierCombination[]
  hasMoreCombinations: boolean
}

export type ExportOutcome =
  | { kind: 'file'; blob: Blob }
  | { kind: 'refused'; message: string; risk: DisclosureRisk }

/** The filtered records as a CSV file, made by the server. */
export async function exportRecords(
  filters: URLSearchParams,
): Promise<ExportOutcome> {
  const response = await fetch(`/api/records/export.csv?${filters}`)
  if (response.ok) return { kind: 'file', blob: await response.blob() }

  const payload = await response.json().catch(() => ({}))
  if (response.status === 409 && payload.code === 'disclosure_risk') {
    return {
      kind: 'refused',
      message: String(payload.message),
      risk: payload as DisclosureRisk,
    }
  }
  throw errorFrom(response.status, payload)
}

function errorFrom(status: number, payload: Record<string, unknown>) {
  const { code, message, ...details } = payload

  return new ApiError(
    status,
    typeof code === 'string' ? code : 'request_failed',
    typeof message === 'string' ? message : `The server answered ${status}`,
    details,
  )
}

/** The issues of a `validation_failed` answer, or none. */
export function issuesOf(error: unknown): InputIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') {
    return []
  }

  return (error.details.issues as InputIssue[] | undefined) ?? []
}
