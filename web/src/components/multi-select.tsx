import { For } from 'solid-js'

export interface MultiSelectProps {
  id: string
  label: string
  options: readonly string[]
  labelOf: (option: string) => string
  value: readonly string[]
  onChange: (value: string[]) => void
  /** Shown when nothing is chosen. */
  emptyText?: string
}

// Escape closes the list and gives the focus back to its button, as in
// any other pop-up list.
function closeOnEscape(event: KeyboardEvent & { currentTarget: HTMLElement }) {
  const details = event.currentTarget as HTMLDetailsElement
  if (event.key !== 'Escape' || !details.open) return
  details.open = false
  details.querySelector('summary')?.focus()
}

/**
 * A compact multiple choice: a disclosure button that opens a list of
 * labelled checkboxes. It needs no script to open and close, so Enter or
 * Space on the button and Tab through the options work as usual.
 */
export function MultiSelect(props: MultiSelectProps) {
  const chosenText = () => {
    if (props.value.length === 0) return props.emptyText ?? 'Any'
    if (props.value.length > 2) return `${props.value.length} chosen`

    return props.value.map(props.labelOf).join(', ')
  }
  const toggle = (option: string, isChecked: boolean) => {
    const chosen = new Set(props.value)
    if (isChecked) chosen.add(option)
    else chosen.delete(option)
    props.onChange(props.options.filter((o) => chosen.has(o)))
  }

  return (
    <div class="multi-select">
      <span class="multi-select-label" aria-hidden="true">
        {props.label}
      </span>
      <details id={props.id} onKeyDown={closeOnEscape}>
        <summary aria-label={`${props.label}: ${chosenText()}`}>
          {chosenText()}
        </summary>
        <fieldset class="multi-select-options">
          <legend class="visually-hidden">{props.label}</legend>
          <For each={props.options}>
            {(option) => (
              <label class="form-check">
                <input
                  type="checkbox"
                  checked={props.value.includes(option)}
                  onChange={(e) => toggle(option, e.currentTarget.checked)}
                />
                {props.labelOf(option)}
              </label>
            )}
          </For>
        </fieldset>
      </details>
    </div>
  )
}
