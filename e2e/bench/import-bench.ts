/**
 * CSV import benchmark: generates synthetic records, then in one run and
 * into the same indexed `records` table of a fresh PostgreSQL database
 *
 * 1. PostgreSQL's own COPY of the rows (the reference),
 * 2. our import of the same rows as CSV through `POST /api/records/import`
 *    (streamed, checked against the standard, identifier guard on every
 *    summary, all or nothing in one transaction),
 *
 * and reports rows per second and the peak resident memory of the process
 * during each import, at two file sizes to show memory stays flat.
 *
 *   npx tsx --expose-gc e2e/bench/import-bench.ts
 *   BENCH_ROWS=1000000 \
 *     BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     npx tsx --expose-gc e2e/bench/import-bench.ts
 *
 * A database `ciatteh_bench_import_<pid>` is created and dropped again.
 */
import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'
import postgres from 'postgres'
import { openDatabase } from '../../db/open-database'
import { createApiToken } from '../../server/partners/api-tokens'
import { insertPartner } from '../../server/partners/partners'
import {
  COPY_COLUMNS,
  copyLine,
  submissionCells,
} from '../../server/records/csv/copy-format'
import { generateSyntheticRecords } from '../../server/records/synthetic'
import {
  CSV_HEADER_LINE,
  toCsvLine,
} from '../../server/records/synthetic/synthetic-csv'
import {
  createTestApp,
  createTestServices,
} from '../../server/testing/test-app'

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const SMALL_ROWS = Math.round(ROWS / 4)
const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres'

const out = (line: string) => process.stdout.write(`${line}\n`)
const mib = (bytes: number) => bytes / 1024 / 1024

async function main() {
  const databaseName = `ciatteh_bench_import_${process.pid}`
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${databaseName}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${databaseName}`
  const directory = await mkdtemp(join(tmpdir(), 'ciatteh-import-bench-'))

  try {
    await run(url.toString(), directory)
  } finally {
    await rm(directory, { recursive: true, force: true })
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`)
    await admin.end()
  }
}

async function run(databaseUrl: string, directory: string) {
  const database = await openDatabase({ databaseUrl, dataDir: '' })
  const services = await createTestServices({
    database,
    config: { importMaxBytes: 8 * 1024 ** 3 },
  })
  const { app } = await createTestApp(services)
  const partner = await insertPartner(
    database.db,
    { name: 'Benchmark partner', kind: 'police' },
    new Date(),
  )
  const token = await createApiToken(services, {
    partnerId: partner.id,
    name: 'benchmark',
    scopes: ['records:write'],
    createdBy: null,
  })
  const headers = { Authorization: `Bearer ${token.token}` }

  out(`Generating ${ROWS} synthetic records…`)
  const files = await writeFiles(directory, ROWS, partner.id)
  const smallFiles = await writeFiles(directory, SMALL_ROWS, partner.id)
  const client = database.postgres!

  const copy = await timeCopy(client, files.copyPath)
  await client`truncate records`
  const small = await timeImport(app, smallFiles.csvPath, headers, SMALL_ROWS)
  await client`truncate records`
  const full = await timeImport(app, files.csvPath, headers, ROWS)
  const indexes = await client`
    select indexname from pg_indexes where tablename = 'records'`

  out('')
  out(`Rows: ${ROWS}; CSV ${mib(files.csvBytes).toFixed(0)} MiB; `)
  out(`indexes on records: ${indexes.map((i) => i.indexname).join(', ')}`)
  out('')
  out('| run | rows | seconds | rows/s | peak RSS | RSS growth |')
  out('|---|---:|---:|---:|---:|---:|')
  out(row('PostgreSQL COPY (reference)', ROWS, copy.seconds, null, null))
  out(
    row(
      'our import, ¼ size',
      SMALL_ROWS,
      small.seconds,
      small.peak,
      small.growth,
    ),
  )
  out(row('our import, full size', ROWS, full.seconds, full.peak, full.growth))
  out('')
  const ratio = ROWS / full.seconds / (ROWS / copy.seconds)
  out(`Import rate / COPY rate: ${(ratio * 100).toFixed(0)} %`)

  await database.close()
}

function row(
  name: string,
  rows: number,
  seconds: number,
  peakMiB: number | null,
  growthMiB: number | null,
) {
  const rate = Math.round(rows / seconds).toLocaleString('en')
  const peak = peakMiB === null ? '—' : `${peakMiB.toFixed(0)} MiB`
  const growth = growthMiB === null ? '—' : `${growthMiB.toFixed(0)} MiB`

  return `| ${name} | ${rows} | ${seconds.toFixed(1)} | ${rate} | ${peak} | ${growth} |`
}

async function writeFiles(directory: string, rows: number, partnerId: string) {
  const csvPath = join(directory, `records-${rows}.csv`)
  const copyPath = join(directory, `records-${rows}.copy`)
  const csv = createWriteStream(csvPath)
  const copy = createWriteStream(copyPath)
  const prefix = submissionCells({
    partnerId,
    submittedBy: null,
    tokenId: null,
    batchId: null,
    submittedAt: new Date(),
  })
  csv.write(CSV_HEADER_LINE)
  let written = 0
  // Enough months and volume for the requested rows; the stream is cut
  // at exactly `rows`.
  const scale = Math.ceil(rows / 20_000)
  for (const { partnerKey: _partnerKey, ...values } of generateSyntheticRecords(
    {
      scale,
      months: 36,
    },
  )) {
    const isCsvFull = !csv.write(toCsvLine(values))
    const isCopyFull = !copy.write(copyLine(prefix, values))
    // Both listeners are attached before either stream can drain.
    await Promise.all([
      isCsvFull && once(csv, 'drain'),
      isCopyFull && once(copy, 'drain'),
    ])
    if (++written === rows) break
  }
  if (written < rows) throw new Error(`Generated only ${written} rows`)
  csv.end()
  copy.end()
  await Promise.all([finished(csv), finished(copy)])

  return { csvPath, copyPath, csvBytes: (await stat(csvPath)).size }
}

async function timeCopy(client: postgres.Sql, copyPath: string) {
  const started = performance.now()
  await client.begin(async (sql) => {
    const writable = await sql
      .unsafe(`copy records (${COPY_COLUMNS.join(', ')}) from stdin`)
      .writable()
    await pipeline(createReadStream(copyPath), writable)
  })

  return { seconds: (performance.now() - started) / 1000 }
}

type App = Awaited<ReturnType<typeof createTestApp>>['app']

async function timeImport(
  app: App,
  csvPath: string,
  headers: Record<string, string>,
  rows: number,
) {
  ;(globalThis as { gc?: () => void }).gc?.()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  const started = performance.now()
  const response = await app.request('/api/records/import', {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'text/csv' },
    body: Readable.toWeb(createReadStream(csvPath)) as ReadableStream,
    duplex: 'half',
  } as RequestInit)
  const report = (await response.json()) as { rowsAccepted?: number }
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  if (response.status !== 201 || report.rowsAccepted !== rows) {
    throw new Error(
      `Import failed: ${response.status} ${JSON.stringify(report)}`,
    )
  }

  return { seconds, peak: mib(peak), growth: mib(peak - baseline) }
}

await main()
