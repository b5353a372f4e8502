import { useNavigate, useSearchParams } from '@solidjs/router'
import { createSignal, onMount } from 'solid-js'
import { ApiError, describeError } from '../api/api-client'
import { loadMe, me, signIn } from '../auth/auth-state'
import { ErrorLine } from '../components/form-messages'
import './forms.css'

/** Sign-in for the people of partner organisations. */
export function LoginPage() {
  const navigate = useNavigate()
  const [params] = useSearchParams<{ next?: string }>()
  const [error, setError] = createSignal<string | null>(null)
  const [isBusy, setBusy] = createSignal(false)
  // Only a path on this site: never an absolute URL someone slipped in.
  const next = () => {
    const target = params.next ?? '/'
    return target.startsWith('/') && !target.startsWith('//') ? target : '/'
  }

  onMount(async () => {
    if (me() === undefined) await loadMe()
    if (me()) navigate(next(), { replace: true })
  })

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setBusy(true)
    setError(null)
    try {
      await signIn(String(form.get('email')), String(form.get('password')))
      navigate(next(), { replace: true })
    } catch (caught) {
      setError(loginMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="page page-narrow">
      <h1>Sign in</h1>
      <p class="page-lead">
        For the people of the centre's partner organisations.
      </p>
      <form class="form" onSubmit={submit} aria-label="Sign in">
        <label>
          E-mail
          <input name="email" type="email" autocomplete="username" required />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
        </label>
        <ErrorLine error={error()} />
        <button type="submit" disabled={isBusy()}>
          {isBusy() ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  )
}

function loginMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) {
    return 'The e-mail or password is not right.'
  }
  if (error instanceof ApiError && error.status === 429) {
    const seconds = Number(error.details.retryAfterSeconds)
    return `Too many attempts. Try again in ${Math.ceil(seconds / 60)} min.`
  }
  return describeError(error)
}
