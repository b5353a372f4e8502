/**
 * Times the analysis endpoints on a million synthetic records in
 * PostgreSQL, each beside the plain SQL GROUP BY of the same question on
 * `records`. Creates its own database and drops it at the end:
 *
 *   npx tsx e2e/bench/analysis-bench.ts
 *
 * BENCH_POSTGRES_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_RECORDS the number of records (default 1,000,000), BENCH_RUNS the
 * timed requests per endpoint (default 30).
 */
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import { openDatabase } from '../../db/open-database'
import { loadSyntheticRecords } from '../../server/analysis/testing/synthetic-load'
import { SessionEvents } from '../../server/auth/session-events'
import { loadConfig } from '../../server/config/config'
import { silentLogger } from '../../server/logger'
import {
  createTestApp,
  createTestClock,
  createTestUser,
  type TestServices,
} from '../../server/testing/test-app'

const print = (line: string) => process.stdout.write(`${line}\n`)

const serverUrl =
  process.env.BENCH_POSTGRES_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres'
const recordCount = Number(process.env.BENCH_RECORDS ?? 1_000_000)
const runs = Number(process.env.BENCH_RUNS ?? 30)
const databaseName = `ciatteh_bench_${process.pid}`
const databaseUrl = serverUrl.replace(/\/[^/]*$/, `/${databaseName}`)
// The generator makes about 21,600 records over 36 months at scale 1.
const RECORDS_AT_SCALE_ONE = 21_600

interface Case {
  name: string
  path: string
  query: Record<string, string>
  /** The same question as one plain GROUP BY on records. */
  plain: ReturnType<typeof sql>
  /** A write run before each timed request, outside the timing. */
  writeBefore?: ReturnType<typeof sql>
}

const PERIOD_12 = { from: '2024-01', to: '2024-12' }
// Signals read every field's series; this is the widest of them.
const SIGNALS_PLAIN = sql`
  select to_char(observed_on, 'YYYY-MM'), citizenship, gender, age_band,
    unnest(case when cardinality(exploitation) = 0
      then array[null]::text[] else exploitation end),
    sum(persons)
  from records
  where observed_on between '2022-01-01' and '2024-12-01'
  group by 1, 2, 3, 4, 5`
const CASES: Case[] = [
  {
    name: 'trends by citizenship, trafficking, 36 months',
    path: '/api/analysis/trends',
    query: { phenomenon: 'trafficking', splitBy: 'citizenship' },
    plain: sql`
      select to_char(observed_on, 'YYYY-MM'), citizenship, sum(persons)
      from records
      where phenomenon = 'trafficking' and observed_on between '2022-01-01' and '2024-12-01'
      group by 1, 2`,
  },
  {
    name: 'trends by sector, citizenship RO or BG, quarterly',
    path: '/api/analysis/trends',
    query: { citizenship: 'RO,BG', splitBy: 'sector', interval: 'quarter' },
    plain: sql`
      select to_char(observed_on, 'YYYY-"Q"Q'), sector, sum(persons)
      from records
      where citizenship in ('RO', 'BG') and observed_on between '2022-01-01' and '2024-12-01'
      group by 1, 2`,
  },
  {
    name: 'flows, smuggling, 12 months',
    path: '/api/analysis/flows',
    query: { phenomenon: 'smuggling', ...PERIOD_12 },
    plain: sql`
      select origin, transit, destination, sum(persons)
      from records
      where phenomenon = 'smuggling' and observed_on between '2024-01-01' and '2024-12-01'
      group by 1, 2, 3`,
  },
  {
    name: 'map of citizenship, 12 months against the 12 before',
    path: '/api/analysis/map',
    query: { role: 'citizenship', ...PERIOD_12 },
    plain: sql`
      select observed_on >= '2024-01-01', citizenship, sum(persons)
      from records
      where observed_on between '2023-01-01' and '2024-12-01'
      group by 1, 2`,
  },
  {
    name: 'map of judicial districts, trafficking',
    path: '/api/analysis/map',
    query: { role: 'area', phenomenon: 'trafficking', ...PERIOD_12 },
    plain: sql`
      select observed_on >= '2024-01-01', area, sum(persons)
      from records
      where phenomenon = 'trafficking' and observed_on between '2023-01-01' and '2024-12-01'
      group by 1, 2`,
  },
  {
    name: 'signals, every series, 36 months',
    path: '/api/analysis/signals',
    query: {},
    plain: SIGNALS_PLAIN,
  },
  {
    name: 'signals, first request after a write to the latest month',
    path: '/api/analysis/signals',
    query: {},
    plain: SIGNALS_PLAIN,
    // One more record this month, as a partner's form or import adds.
    writeBefore: sql`
      insert into records (partner_id, phenomenon, observed_on, persons)
      select partner_id, phenomenon, observed_on, 1 from records
      where observed_on = '2024-12-01' limit 1`,
  },
  {
    name: 'signals, first request after a write to every month',
    path: '/api/analysis/signals',
    query: {},
    plain: SIGNALS_PLAIN,
    // A correction of one record in each of the 36 months: its gender
    // changes, so the series of both genders, and of the profiles the
    // record belongs to, change in every month.
    writeBefore: sql`
      update records
      set gender = case gender when 'female' then 'male' else 'female' end
      where id in (select min(id) from records group by observed_on)`,
  },
  {
    name: 'forecast, trafficking, 36 months of history',
    path: '/api/analysis/forecast',
    query: { phenomenon: 'trafficking' },
    plain: sql`
      select to_char(observed_on, 'YYYY-MM'), sum(persons)
      from records
      where phenomenon = 'trafficking' and observed_on between '2022-01-01' and '2024-12-01'
      group by 1`,
  },
  {
    name: 'trends, distinct persons, by citizenship',
    path: '/api/analysis/trends',
    query: { count: 'distinct', splitBy: 'citizenship', ...PERIOD_12 },
    plain: sql`
      select to_char(observed_on, 'YYYY-MM'), citizenship,
        sum(persons) filter (where linkage_key is null)
          + count(distinct linkage_key)
      from records
      where observed_on between '2024-01-01' and '2024-12-01'
      group by 1, 2`,
  },
]

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
await admin.unsafe(`create database ${databaseName}`)
try {
  await runBenchmark()
} finally {
  await admin.unsafe(`drop database if exists ${databaseName} with (force)`)
  await admin.end()
}

async function runBenchmark() {
  const database = await openDatabase({ databaseUrl, dataDir: '' })
  const loadStartedAt = performance.now()
  const loaded = await loadSyntheticRecords(database.db, {
    seed: 1,
    startMonth: '2022-01',
    months: 36,
    scale: recordCount / RECORDS_AT_SCALE_ONE,
  })
  const loadSeconds = (performance.now() - loadStartedAt) / 1000
  await database.db.execute(sql`vacuum analyze`)
  const rollups = [
    'analysis_cube',
    'analysis_profile_cube',
    'analysis_person_cube',
    'analysis_sector_cube',
    'analysis_route_cube',
    'analysis_linked_cube',
  ]
  const sizes: string[] = []
  for (const table of rollups) {
    const [row] = await database.postgres!.unsafe(
      `select count(*)::text as size from ${table}`,
    )
    sizes.push(`${table.replace('analysis_', '')} ${row!.size}`)
  }
  print(
    `loaded ${loaded} records in ${loadSeconds.toFixed(0)} s ` +
      `(rollups kept by triggers); rollup rows: ${sizes.join(', ')}`,
  )

  const services: TestServices = {
    config: loadConfig({ DEMO: 'false', LOG_LEVEL: 'silent' }),
    database,
    log: silentLogger(),
    now: () => new Date(),
    sessionEvents: new SessionEvents(),
    clock: createTestClock(),
  }
  const { app } = await createTestApp(services)
  const { headers } = await createTestUser(services, { role: 'analyst' })

  print(
    '\n| question | endpoint p50 | endpoint p95 | plain GROUP BY p50 | plain GROUP BY p95 |',
  )
  print('|---|---|---|---|---|')
  for (const benchCase of CASES) {
    const url = `${benchCase.path}?${new URLSearchParams(benchCase.query)}`
    const write = benchCase.writeBefore
    const prepare = write ? () => database.db.execute(write) : undefined
    const endpoint = await time(async () => {
      const response = await app.request(url, { headers })
      if (response.status !== 200) {
        throw new Error(
          `${url} answered ${response.status}: ${await response.text()}`,
        )
      }
      await response.arrayBuffer()
    }, prepare)
    const plain = await time(() => database.db.execute(benchCase.plain))
    print(
      `| ${benchCase.name} | ${endpoint.p50} ms | ${endpoint.p95} ms ` +
        `| ${plain.p50} ms | ${plain.p95} ms |`,
    )
  }
  await database.close()
}

/** Times `work`, after `prepare` (untimed) before each run. */
async function time(
  work: () => Promise<unknown>,
  prepare?: () => Promise<unknown>,
) {
  for (let i = 0; i < 3; i++) {
    await prepare?.()
    await work()
  }
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    await prepare?.()
    const startedAt = performance.now()
    await work()
    samples.push(performance.now() - startedAt)
  }
  samples.sort((a, b) => a - b)
  const at = (share: number) =>
    samples[
      Math.min(samples.length - 1, Math.ceil(share * samples.length) - 1)
    ]!.toFixed(0)

  return { p50: at(0.5), p95: at(0.95) }
}
