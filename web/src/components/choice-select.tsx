import type { JSX } from 'solid-js'
import { For, splitProps } from 'solid-js'

export interface ChoiceSelectProps
  extends Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> {
  options: readonly string[]
  labelOf: (option: string) => string
  value: string
  onChange: (value: string) => void
  /** The words of the empty choice; none when a choice is required. */
  emptyLabel?: string
}

/** A select over one vocabulary, with an optional empty choice. */
export function ChoiceSelect(props: ChoiceSelectProps) {
  const [own, rest] = splitProps(props, [
    'options',
    'labelOf',
    'value',
    'onChange',
    'emptyLabel',
  ])

  return (
    <select
      {...rest}
      value={own.value}
      onChange={(event) => own.onChange(event.currentTarget.value)}
    >
      <option value="">{own.emptyLabel ?? '—'}</option>
      <For each={own.options}>
        {(option) => (
          <option value={option} selected={option === own.value}>
            {own.labelOf(option)}
          </option>
        )}
      </For>
    </select>
  )
}
