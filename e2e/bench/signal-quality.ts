/**
 * Prints the statistical-quality figures of the README: recall of the
 * planted changes, false alarms on unchanged data, forecast coverage.
 * Runs on an embedded throwaway database:
 *
 *   npx tsx e2e/bench/signal-quality.ts
 */
import { openDatabase } from '../../db/open-database'
import { measureQuality } from '../../server/analysis/testing/signal-quality'

const print = (line: string) => process.stdout.write(`${line}\n`)

const database = await openDatabase({ dataDir: 'memory://' })
const startedAt = performance.now()
const report = await measureQuality(database.db, {
  plantedSeeds: [1, 2, 3, 4, 5],
  unchangedSeeds: [11, 12, 13, 14, 15],
  unchangedRunsPerSeed: 12,
})
await database.close()

const percent = (share: number) => `${(share * 100).toFixed(1)} %`
print(JSON.stringify(report.planted))
print(`recall of planted changes      ${percent(report.recall)}`)
print(
  `runs on unchanged data with an alarm  ${report.unchangedRunsWithAlarm} ` +
    `of ${report.unchangedRuns} ` +
    `(${percent(report.unchangedRunsWithAlarm / report.unchangedRuns)})`,
)
print(
  `false signals ${report.falseSignals}, ` +
    `series tested per run ${report.seriesTestedPerRun.toFixed(0)}`,
)
for (const alarm of report.falseAlarms) {
  print(
    `  seed ${alarm.seed} ${alarm.latestMonth} ${alarm.family} ` +
      `${alarm.value} ${alarm.test}: ${alarm.observed.persons ?? 'withheld'}` +
      ` vs ${alarm.expected} expected, p ${alarm.pValue.toExponential(2)}, ` +
      `q ${alarm.qValue.toFixed(3)}`,
  )
}
print(
  `forecast coverage 80 % -> ${percent(report.coverage80)}, 95 % -> ${percent(report.coverage95)}`,
)
print(
  `back-test MAE ${report.meanAbsoluteError.toFixed(1)} ` +
    `vs seasonal naive ${report.seasonalNaiveMeanAbsoluteError.toFixed(1)}`,
)
print(`took ${((performance.now() - startedAt) / 1000).toFixed(0)} s`)
