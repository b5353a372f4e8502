import { For } from 'solid-js'

export interface RadioRowProps<T extends string> {
  /** The id of the question's label, which names the radio group. */
  labelId: string
  label: string
  name: string
  options: readonly { value: T; label: string }[]
  value: T
  onChange: (value: T) => void
}

/** A question answered by one of a few radio buttons in a row. */
export function RadioRow<T extends string>(props: RadioRowProps<T>) {
  return (
    <div class="field">
      <span class="field-label" id={props.labelId}>
        {props.label}
      </span>
      <div class="radio-row" role="radiogroup" aria-labelledby={props.labelId}>
        <For each={props.options}>
          {(option) => (
            <label class="form-check">
              <input
                type="radio"
                name={props.name}
                checked={option.value === props.value}
                onChange={() => props.onChange(option.value)}
              />
              {option.label}
            </label>
          )}
        </For>
      </div>
    </div>
  )
}
