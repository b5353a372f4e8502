import { Readable, Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parse } from 'csv-parse'

/** The body went past the configured import size. */
export class ImportTooLargeError extends Error {
  readonly code = 'payload_too_large'

  constructor(readonly maxBytes: number) {
    super(`The file must not exceed ${maxBytes} bytes`)
    this.name = 'ImportTooLargeError'
  }
}

/** One CSV row and the line of the file it ends on. */
export interface CsvRow {
  line: number
  cells: string[]
}

// One record can hold at most a 500-character summary and a few short
// codes; a row far longer than that is not a record of the standard.
const MAX_ROW_CHARS = 64 * 1024

/**
 * Reads CSV rows from a request body as they arrive, never holding the
 * whole file: memory stays flat in the file size. Fails with
 * `ImportTooLargeError` once more than `maxBytes` have been read.
 */
export async function* readCsvRows(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<CsvRow> {
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_ROW_CHARS,
  })
  const source = Readable.fromWeb(
    body as import('node:stream/web').ReadableStream,
  )
  const piped = pipeline(source, byteLimit(maxBytes), parser)
  // The pipeline's own promise rejects with the same error the parser's
  // iterator throws; this handler only keeps it from being unhandled.
  piped.catch(() => {})

  for await (const row of parser as AsyncIterable<{
    record: string[]
    info: { lines: number }
  }>) {
    yield { line: row.info.lines, cells: row.record }
  }
  await piped
}

function byteLimit(maxBytes: number): Transform {
  let bytesRead = 0

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      bytesRead += chunk.length
      if (bytesRead > maxBytes) {
        callback(new ImportTooLargeError(maxBytes))
        return
      }
      callback(null, chunk)
    },
  })
}
