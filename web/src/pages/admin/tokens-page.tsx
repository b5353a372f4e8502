import { createResource, createSignal, For, Show } from 'solid-js'
import { apiRequest } from '../../api/api-client'
import { formatTime, keysOf, SCOPE_LABELS } from '../../api/labels'
import type { ApiTokenView, TokenScope } from '../../api/types'
import { ErrorLine } from '../../components/form-messages'
import {
  ActivePartnerSelect,
  createAdminAction,
  createPartnerNames,
} from './admin-actions'
import '../forms.css'

/** Admins give partners' systems API tokens, and revoke them. */
export function TokensPage() {
  const { partners, partnerName } = createPartnerNames()
  const [tokens, { refetch }] = createResource(() =>
    apiRequest<{ tokens: ApiTokenView[] }>('GET', '/api/tokens').then(
      (body) => body.tokens,
    ),
  )
  const [secret, setSecret] = createSignal<string | null>(null)
  const { error, run } = createAdminAction({
    after: refetch,
    onStart: () => setSecret(null),
  })
  const create = (event: SubmitEvent) => {
    event.preventDefault()
    const formElement = event.currentTarget as HTMLFormElement
    const form = new FormData(formElement)
    return run(async () => {
      const created = await apiRequest<{ secret: string }>(
        'POST',
        '/api/tokens',
        {
          partnerId: form.get('partnerId'),
          name: form.get('name'),
          scopes: form.getAll('scopes') as TokenScope[],
        },
      )
      formElement.reset()
      setSecret(created.secret)
    })
  }
  const revoke = (token: ApiTokenView) => {
    if (!window.confirm(`Revoke "${token.name}"? Its system loses access.`))
      return
    return run(() => apiRequest('DELETE', `/api/tokens/${token.id}`))
  }

  return (
    <section class="page">
      <h1>API tokens</h1>
      <form
        class="form form-inline"
        onSubmit={create}
        aria-label="Create a token"
      >
        <ActivePartnerSelect partners={partners()} />
        <label>
          Name
          <input
            name="name"
            required
            maxLength={200}
            placeholder="Case system"
          />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          <For each={keysOf(SCOPE_LABELS)}>
            {(scope) => (
              <label>
                <input type="checkbox" name="scopes" value={scope} />
                {SCOPE_LABELS[scope]} <code>{scope}</code>
              </label>
            )}
          </For>
        </fieldset>
        <button type="submit">Create token</button>
      </form>
      <ErrorLine error={error()} />
      <Show when={secret()}>
        <p class="form-notice" role="status" data-testid="new-token">
          The token, shown only now; give it to the partner's system:{' '}
          <code>{secret()}</code>
        </p>
      </Show>
      <h2>All tokens</h2>
      <table class="table" aria-label="API tokens">
        <thead>
          <tr>
            <th>Name</th>
            <th>Partner</th>
            <th>Scopes</th>
            <th>Created</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={tokens()}>
            {(token) => (
              <tr>
                <td>{token.name}</td>
                <td>{partnerName(token.partnerId)}</td>
                <td>{token.scopes.join(', ')}</td>
                <td>{formatTime(token.createdAt)}</td>
                <td>{formatTime(token.lastUsedAt)}</td>
                <td>
                  <Show
                    when={!token.revokedAt}
                    fallback={
                      <span class="tag tag-off">
                        revoked {formatTime(token.revokedAt)}
                      </span>
                    }
                  >
                    <button
                      type="button"
                      class="button-danger"
                      onClick={() => revoke(token)}
                    >
                      Revoke
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  )
}
