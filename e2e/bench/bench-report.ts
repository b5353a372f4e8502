export interface Percentiles {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

export interface RunResult {
  server: string
  clients: number
  updatesSent: number
  fanOutsExpected: number
  connectAllMs: number
  connect: Percentiles
  fanOut: Percentiles
  saved: Percentiles | null
  memoryMiB: { baseline: number; loaded: number; after: number }
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ??
    Number.NaN

  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.at(-1) ?? Number.NaN,
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`
const mib = (value: number) => `${value.toFixed(0)} MiB`
const spread = (p: Percentiles) => `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}`

/** A Markdown table, one column per server, as pasted in the README. */
export function formatReport(
  results: RunResult[],
  setup: {
    rooms: number
    clientsPerRoom: number
    updatesPerSecond: number
    seconds: number
  },
): string {
  const rows: [string, (r: RunResult) => string][] = [
    ['clients', (r) => String(r.clients)],
    ['connect all', (r) => ms(r.connectAllMs)],
    ['connect p50 / p95 / p99', (r) => spread(r.connect)],
    ['updates sent', (r) => String(r.updatesSent)],
    [
      'fan-outs received / expected',
      (r) => `${r.fanOut.count} / ${r.fanOutsExpected}`,
    ],
    ['fan-out p50 / p95 / p99', (r) => spread(r.fanOut)],
    ['fan-out max', (r) => ms(r.fanOut.max)],
    ['saved-ack p50 / p95 / p99', (r) => (r.saved ? spread(r.saved) : 'n/a')],
    ['saved-acks received', (r) => (r.saved ? String(r.saved.count) : 'n/a')],
    ['server RSS before', (r) => mib(r.memoryMiB.baseline)],
    ['server RSS under load', (r) => mib(r.memoryMiB.loaded)],
    ['server RSS 2 s after all left', (r) => mib(r.memoryMiB.after)],
  ]
  const header = `| | ${results.map((r) => r.server).join(' | ')} |`
  const rule = `|---|${results.map(() => '---').join('|')}|`
  const body = rows.map(
    ([label, cell]) => `| ${label} | ${results.map(cell).join(' | ')} |`,
  )

  return [
    `${setup.rooms} rooms × ${setup.clientsPerRoom} clients, ` +
      `${setup.updatesPerSecond} updates/s for ${setup.seconds} s`,
    '',
    header,
    rule,
    ...body,
    '',
  ].join('\n')
}
