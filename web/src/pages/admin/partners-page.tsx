import { createResource, For } from 'solid-js'
import { apiRequest } from '../../api/api-client'
import { fetchPartners } from '../../api/directory-api'
import { keysOf, PARTNER_KIND_LABELS } from '../../api/labels'
import type { PartnerKind, PartnerView } from '../../api/types'
import { ErrorLine } from '../../components/form-messages'
import { createAdminAction } from './admin-actions'
import '../forms.css'

/** Admins add partner organisations, rename them, switch them off. */
export function PartnersPage() {
  const [partners, { refetch }] = createResource(fetchPartners)
  const { error, run } = createAdminAction({ after: refetch })

  const create = (event: SubmitEvent) => {
    event.preventDefault()
    const formElement = event.currentTarget as HTMLFormElement
    const form = new FormData(formElement)
    return run(async () => {
      await apiRequest('POST', '/api/partners', {
        name: form.get('name'),
        kind: form.get('kind') as PartnerKind,
      })
      formElement.reset()
    })
  }
  const rename = (partner: PartnerView) => {
    const name = window.prompt('New name', partner.name)
    if (!name || name === partner.name) return
    return run(() =>
      apiRequest('PATCH', `/api/partners/${partner.id}`, { name }),
    )
  }
  const toggle = (partner: PartnerView) =>
    run(() =>
      apiRequest('PATCH', `/api/partners/${partner.id}`, {
        isActive: !partner.isActive,
      }),
    )

  return (
    <section class="page">
      <h1>Partners</h1>
      <form
        class="form form-inline"
        onSubmit={create}
        aria-label="Add a partner"
      >
        <label>
          Name
          <input name="name" required minLength={2} maxLength={200} />
        </label>
        <label>
          Kind
          <select name="kind" required>
            <For each={keysOf(PARTNER_KIND_LABELS)}>
              {(kind) => (
                <option value={kind}>{PARTNER_KIND_LABELS[kind]}</option>
              )}
            </For>
          </select>
        </label>
        <button type="submit">Add partner</button>
      </form>
      <ErrorLine error={error()} />
      <h2>All partners</h2>
      <table class="table" aria-label="Partners">
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={partners()}>
            {(partner) => (
              <tr>
                <td>{partner.name}</td>
                <td>{PARTNER_KIND_LABELS[partner.kind]}</td>
                <td>
                  <span class={partner.isActive ? 'tag' : 'tag tag-off'}>
                    {partner.isActive ? 'active' : 'deactivated'}
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    class="button-quiet"
                    onClick={() => rename(partner)}
                  >
                    Rename
                  </button>{' '}
                  <button
                    type="button"
                    class={partner.isActive ? 'button-danger' : 'button-quiet'}
                    onClick={() => toggle(partner)}
                  >
                    {partner.isActive ? 'Deactivate' : 'Reactivate'}
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  )
}
