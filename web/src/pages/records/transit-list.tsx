import { For, Show } from 'solid-js'
import { MAX_TRANSIT_COUNTRIES } from '../../../../server/records/record-fields'
import { FieldErrors } from '../../components/form-field'
import { CountrySelect } from './country-select'
import { countryName } from './record-labels'

export interface TransitListProps {
  value: readonly string[]
  onChange: (value: string[]) => void
  errors?: readonly string[] | undefined
}

/**
 * The countries crossed, in the order they were crossed: each one can be
 * moved up or down or removed with buttons, so the order is set from the
 * keyboard as easily as with a mouse.
 */
export function TransitList(props: TransitListProps) {
  const hasErrors = () => (props.errors?.length ?? 0) > 0
  const replace = (index: number, code: string) =>
    props.onChange(props.value.map((c, i) => (i === index ? code : c)))
  const remove = (index: number) =>
    props.onChange(props.value.filter((_, i) => i !== index))
  const move = (index: number, by: -1 | 1) => {
    const next = [...props.value]
    const [moved] = next.splice(index, 1)
    next.splice(index + by, 0, moved!)
    props.onChange(next)
  }
  const nameAt = (index: number) =>
    props.value[index] ? countryName(props.value[index]!) : 'not chosen'

  return (
    <fieldset
      id="record-transit"
      class="field transit-list"
      classList={{ 'field-invalid': hasErrors() }}
      aria-describedby={
        hasErrors()
          ? 'record-transit-hint record-transit-error'
          : 'record-transit-hint'
      }
    >
      <legend>Transit countries, in order</legend>
      <ol>
        <For each={props.value}>
          {(code, index) => (
            <li>
              <CountrySelect
                aria-label={`Transit country ${index() + 1}`}
                aria-invalid={hasErrors() ? 'true' : undefined}
                value={code}
                onChange={(next) => replace(index(), next)}
              />
              <button
                type="button"
                class="button-quiet"
                aria-label={`Move ${nameAt(index())} earlier`}
                disabled={index() === 0}
                onClick={() => move(index(), -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="button-quiet"
                aria-label={`Move ${nameAt(index())} later`}
                disabled={index() === props.value.length - 1}
                onClick={() => move(index(), 1)}
              >
                ↓
              </button>
              <button
                type="button"
                class="button-quiet"
                aria-label={`Remove ${nameAt(index())}`}
                onClick={() => remove(index())}
              >
                Remove
              </button>
            </li>
          )}
        </For>
      </ol>
      <Show when={props.value.length < MAX_TRANSIT_COUNTRIES}>
        <button
          type="button"
          class="button-quiet"
          onClick={() => props.onChange([...props.value, ''])}
        >
          Add a transit country
        </button>
      </Show>
      <p class="field-hint" id="record-transit-hint">
        Between origin and destination, first crossed first; at most{' '}
        {MAX_TRANSIT_COUNTRIES}.
      </p>
      <FieldErrors id="record-transit-error" errors={props.errors} />
    </fieldset>
  )
}
