import { type Accessor, createResource, For, Show } from 'solid-js'
import { fetchSignals, type SignalsView } from './analysis-api'
import { formatCount } from './counts'
import type { FilterValues } from './filters'
import { ResourceResult } from './resource-result'

type Signal = SignalsView['signals'][number]

const TEST_LABELS: Record<Signal['test'], string> = {
  seasonal_rise: 'Rise against its seasonal baseline from earlier months',
  sustained_rise: 'Rise sustained over the last three months',
  new_series: 'New: not seen before in the period',
}

const STRENGTH_LABELS: Record<Signal['strength'], string> = {
  moderate: 'Moderate',
  strong: 'Strong',
  very_strong: 'Very strong',
}

/** Early warnings on the filters: each with its sentence, strength, test. */
export function SignalsList(props: { filters: Accessor<FilterValues> }) {
  const [result] = createResource(props.filters, fetchSignals)

  return (
    <section class="card" aria-labelledby="signals-title">
      <header class="card-header">
        <h2 id="signals-title">Signals</h2>
      </header>
      <ResourceResult resource={result} loadingText="Testing…">
        {(latest) => (
          <>
            <p class="card-summary">
              {latest().seriesTested} series tested up to {latest().latestMonth}
              , at a false discovery rate of{' '}
              {Math.round(latest().falseDiscoveryRate * 100)}%.
            </p>
            <Show
              when={latest().signals.length > 0}
              fallback={<p class="panel-empty">No signal on these filters.</p>}
            >
              <ol class="signal-list" data-testid="signals">
                <For each={latest().signals}>
                  {(signal) => <SignalItem signal={signal} />}
                </For>
              </ol>
            </Show>
          </>
        )}
      </ResourceResult>
    </section>
  )
}

function SignalItem(props: { signal: Signal }) {
  const signal = () => props.signal

  return (
    <li class="signal" data-strength={signal().strength}>
      <p class="signal-sentence">{signal().sentence}</p>
      <p class="signal-meta">
        <strong>{STRENGTH_LABELS[signal().strength]}</strong> ·{' '}
        {TEST_LABELS[signal().test]} · {signal().window.from} to{' '}
        {signal().window.to} · observed {formatCount(signal().observed)},
        expected {signal().expected.toFixed(1)} · q ={' '}
        {signal().qValue.toPrecision(2)}
      </p>
    </li>
  )
}
