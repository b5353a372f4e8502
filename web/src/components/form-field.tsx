import { For, type JSX, Show } from 'solid-js'

/** What a control needs to be tied to its label, hint and errors. */
export interface ControlAttributes {
  id: string
  'aria-describedby': string | undefined
  'aria-invalid': 'true' | undefined
}

export interface FormFieldProps {
  id: string
  label: string
  hint?: JSX.Element
  errors?: readonly string[] | undefined
  children: (control: ControlAttributes) => JSX.Element
}

/**
 * A labelled control with its hint and its errors below it. The control
 * gets `aria-describedby` for both and `aria-invalid` while it has an
 * error, so a screen reader reads the reason when the field is focused.
 */
export function FormField(props: FormFieldProps) {
  const hintId = () => `${props.id}-hint`
  const errorId = () => `${props.id}-error`
  const hasErrors = () => (props.errors?.length ?? 0) > 0
  const describedBy = () =>
    [props.hint ? hintId() : null, hasErrors() ? errorId() : null]
      .filter(Boolean)
      .join(' ') || undefined

  return (
    <div class="field" classList={{ 'field-invalid': hasErrors() }}>
      <label for={props.id}>{props.label}</label>
      {props.children({
        get id() {
          return props.id
        },
        get 'aria-describedby'() {
          return describedBy()
        },
        get 'aria-invalid'() {
          return hasErrors() ? 'true' : undefined
        },
      })}
      <Show when={props.hint}>
        <p class="field-hint" id={hintId()}>
          {props.hint}
        </p>
      </Show>
      <FieldErrors id={errorId()} errors={props.errors} />
    </div>
  )
}

/** The errors of one field, as the element its control points to. */
export function FieldErrors(props: {
  id: string
  errors?: readonly string[] | undefined
}) {
  return (
    <Show when={(props.errors?.length ?? 0) > 0}>
      <ul class="field-errors" id={props.id}>
        <For each={props.errors}>{(message) => <li>{message}</li>}</For>
      </ul>
    </Show>
  )
}
