import { createSignal, Show } from 'solid-js'
import { makeLinkageKey } from '../../../../server/records/linkage-key'
import { ErrorLine } from '../../components/form-messages'

/**
 * Makes a linkage key in the browser from identifiers the partner holds
 * and the key the centre issued. The identifiers are read from the inputs
 * when the button is pressed, hashed with WebCrypto and cleared: they are
 * never put into the record nor sent anywhere.
 */
export function LinkageKeyMaker(props: { onMade: (key: string) => void }) {
  const [error, setError] = createSignal<string | null>(null)
  const [isMade, setIsMade] = createSignal(false)
  let familyName!: HTMLInputElement
  let givenNames!: HTMLInputElement
  let dateOfBirth!: HTMLInputElement
  let centreKey!: HTMLInputElement

  const make = async () => {
    setError(null)
    setIsMade(false)
    try {
      const key = await makeLinkageKey(centreKey.value.trim(), {
        familyName: familyName.value,
        givenNames: givenNames.value,
        dateOfBirth: dateOfBirth.value,
      })
      props.onMade(key)
      for (const input of [familyName, givenNames, dateOfBirth]) {
        input.value = ''
      }
      setIsMade(true)
    } catch (caught) {
      // makeLinkageKey's RangeErrors name the rule broken, never the value.
      setError(
        caught instanceof RangeError
          ? caught.message
          : 'This browser could not make the key.',
      )
    }
  }

  return (
    <details class="linkage-maker">
      <summary>Make the linkage key from identifiers you hold</summary>
      <p class="field-hint" id="linkage-maker-hint">
        The identifiers below never leave this browser: they are hashed here
        with the centre's key, only the resulting key goes into the record, and
        the inputs are cleared.
      </p>
      <div class="linkage-maker-fields">
        <label>
          Family name
          <input ref={familyName} autocomplete="off" />
        </label>
        <label>
          Given names
          <input ref={givenNames} autocomplete="off" />
        </label>
        <label>
          Date of birth
          <input ref={dateOfBirth} type="date" autocomplete="off" />
        </label>
        <label>
          Centre-issued key (hexadecimal)
          <input
            ref={centreKey}
            type="password"
            autocomplete="off"
            spellcheck={false}
          />
        </label>
      </div>
      <button
        type="button"
        class="button-quiet"
        aria-describedby="linkage-maker-hint"
        onClick={make}
      >
        Make linkage key
      </button>
      <ErrorLine error={error()} />
      <Show when={isMade()}>
        <p class="field-hint" role="status">
          Linkage key made and filled in; the identifiers were cleared.
        </p>
      </Show>
    </details>
  )
}
