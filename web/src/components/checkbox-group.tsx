import { For, type JSX, Show } from 'solid-js'
import { FieldErrors } from './form-field'

export interface CheckboxGroupProps {
  id: string
  legend: string
  options: readonly string[]
  labelOf: (option: string) => string
  value: readonly string[]
  onChange: (value: string[]) => void
  hint?: JSX.Element
  errors?: readonly string[] | undefined
}

/**
 * A multiple choice as a fieldset of checkboxes: each option is its own
 * labelled control, reachable with Tab and toggled with Space. The value
 * keeps the order of the options.
 */
export function CheckboxGroup(props: CheckboxGroupProps) {
  const hasErrors = () => (props.errors?.length ?? 0) > 0
  const describedBy = () =>
    [
      props.hint ? `${props.id}-hint` : null,
      hasErrors() ? `${props.id}-error` : null,
    ]
      .filter(Boolean)
      .join(' ') || undefined
  const toggle = (option: string, isChecked: boolean) => {
    const chosen = new Set(props.value)
    if (isChecked) chosen.add(option)
    else chosen.delete(option)
    props.onChange(props.options.filter((o) => chosen.has(o)))
  }

  return (
    <fieldset
      id={props.id}
      class="field checkbox-group"
      classList={{ 'field-invalid': hasErrors() }}
      aria-describedby={describedBy()}
    >
      <legend>{props.legend}</legend>
      <div class="checkbox-options">
        <For each={props.options}>
          {(option) => (
            <label class="form-check">
              <input
                type="checkbox"
                name={props.id}
                value={option}
                checked={props.value.includes(option)}
                aria-invalid={hasErrors() ? 'true' : undefined}
                onChange={(event) =>
                  toggle(option, event.currentTarget.checked)
                }
              />
              {props.labelOf(option)}
            </label>
          )}
        </For>
      </div>
      <Show when={props.hint}>
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <FieldErrors id={`${props.id}-error`} errors={props.errors} />
    </fieldset>
  )
}
