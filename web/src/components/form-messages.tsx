import { Show } from 'solid-js'

/** The last failure of a form or page, announced to screen readers. */
export function ErrorLine(props: { error: string | null }) {
  return (
    <Show when={props.error}>
      <p class="form-error" role="alert">
        {props.error}
      </p>
    </Show>
  )
}

/** The outcome of the last change that worked, read out politely. */
export function NoticeLine(props: { notice: string | null }) {
  return (
    <Show when={props.notice}>
      <p class="form-notice" role="status">
        {props.notice}
      </p>
    </Show>
  )
}
