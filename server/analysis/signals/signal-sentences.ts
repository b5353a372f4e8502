import type { Signal } from './detect-signals'
import type { SeriesFamily } from './signal-series'

const FIELD_LABELS: Partial<Record<SeriesFamily, string>> = {
  phenomenon: 'Phenomenon',
  exploitation: 'Exploitation',
  sector: 'Sector',
  gender: 'Gender',
  ageBand: 'Age band',
  citizenship: 'Citizenship',
  origin: 'Origin',
  transit: 'Transit through',
  destination: 'Destination',
  area: 'Judicial district',
}

/** What the series is, in words: "Route IQ → BY → GB". */
export function describeSeries(family: SeriesFamily, value: string): string {
  const parts = value.split('|')
  if (family === 'route') {
    const [origin, transit, destination] = parts as [string, string, string]
    const path = [origin, ...(transit === 'none' ? [] : transit.split('>'))]
    return `Route ${[...path, destination].join(' → ')}`
  }
  if (family === 'profile') {
    const [citizenship, gender, ageBand, exploitation] = parts
    return (
      `Profile ${gender}, aged ${ageBand}, citizenship ${citizenship}, ` +
      `${exploitation} exploitation`
    )
  }

  return `${FIELD_LABELS[family] ?? family} ${value}`
}

/** One plain sentence that says what changed, from shown numbers only. */
export function describeSignal(signal: Omit<Signal, 'sentence'>): string {
  const subject = describeSeries(signal.family, signal.value)
  const { window, expected, ratio } = signal
  const persons = signal.observed.isSuppressed
    ? 'fewer than the disclosure threshold of persons'
    : `${signal.observed.persons} persons`
  const times = ratio === null ? '' : `, ${ratio.toFixed(1)} times as many`

  switch (signal.test) {
    case 'new_series':
      return (
        `${subject} appears for the first time: ${persons} in ` +
        `${window.to}, none in the months before.`
      )
    case 'seasonal_rise':
      return (
        `${subject} rose to ${persons} in ${window.to}, against about ` +
        `${expected.toFixed(1)} expected for the season from earlier ` +
        `months${times}, in more records than usual.`
      )
    case 'sustained_rise':
      return (
        `${subject} stayed high from ${window.from} to ${window.to}: ` +
        `${persons} against about ${expected.toFixed(1)} ` +
        `expected${times}, in more records than usual.`
      )
  }
}
