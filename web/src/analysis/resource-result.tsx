import { type Accessor, type JSX, Match, type Resource, Switch } from 'solid-js'
import { describeError } from '../api/api-client'

export interface ResourceResultProps<T> {
  resource: Resource<T>
  /** Shown until the first result arrives, e.g. `Counting…`. */
  loadingText: string
  children: (latest: Accessor<NonNullable<T>>) => JSX.Element
}

/**
 * A card's answer: the error when the request failed, else the latest
 * result (kept on screen while the next one loads), else `loadingText`.
 */
export function ResourceResult<T>(props: ResourceResultProps<T>) {
  return (
    <Switch>
      <Match when={props.resource.error}>
        <p class="card-error" role="alert">
          {describeError(props.resource.error)}
        </p>
      </Match>
      <Match when={props.resource.latest}>{props.children}</Match>
      <Match when={props.resource.loading}>
        <p class="card-status">{props.loadingText}</p>
      </Match>
    </Switch>
  )
}
