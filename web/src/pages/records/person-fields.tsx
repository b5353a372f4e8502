import { Show } from 'solid-js'
import {
  AGE_BANDS,
  GENDERS,
  MAX_AGE_YEARS,
  MIN_AGE_YEARS,
} from '../../../../server/records/record-fields'
import { ChoiceSelect } from '../../components/choice-select'
import { FormField } from '../../components/form-field'
import { RadioRow } from '../../components/radio-row'
import { CountrySelect } from './country-select'
import type { FieldGroupProps } from './record-draft'
import { codeLabel, FIELD_LABELS } from './record-labels'

const AGE_KINDS = [
  { value: 'band', label: 'an age band' },
  { value: 'exact', label: 'exact years' },
] as const

/** The person: gender, age (as a band, or exact years), citizenship. */
export function PersonFields(props: FieldGroupProps) {
  const isExactAge = () => props.draft.ageKind === 'exact'
  const ageErrors = () => [
    ...(props.errorsFor('age') ?? []),
    ...(props.errorsFor('ageBand') ?? []),
  ]

  return (
    <fieldset class="field-group">
      <legend>The person</legend>
      <FormField
        id="record-gender"
        label={FIELD_LABELS.gender}
        errors={props.errorsFor('gender')}
      >
        {(control) => (
          <ChoiceSelect
            {...control}
            options={GENDERS}
            labelOf={codeLabel}
            value={props.draft.gender}
            onChange={(gender) => props.setDraft({ gender })}
          />
        )}
      </FormField>
      <RadioRow
        labelId="record-age-kind-label"
        label="The age is known as"
        name="ageKind"
        options={AGE_KINDS}
        value={props.draft.ageKind}
        onChange={(ageKind) => props.setDraft({ ageKind })}
      />
      <Show
        when={isExactAge()}
        fallback={
          <FormField
            id="record-ageBand"
            label={FIELD_LABELS.ageBand}
            errors={ageErrors()}
          >
            {(control) => (
              <ChoiceSelect
                {...control}
                options={AGE_BANDS}
                labelOf={(band) => (band === 'unknown' ? 'Unknown' : band)}
                value={props.draft.ageBand}
                onChange={(ageBand) => props.setDraft({ ageBand })}
              />
            )}
          </FormField>
        }
      >
        <FormField
          id="record-age"
          label={`${FIELD_LABELS.age} (years)`}
          hint="Turned into its age band by the server; the exact age is never stored."
          errors={ageErrors()}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={MIN_AGE_YEARS}
              max={MAX_AGE_YEARS}
              step="1"
              value={props.draft.age}
              onInput={(e) => props.setDraft({ age: e.currentTarget.value })}
            />
          )}
        </FormField>
      </Show>
      <FormField
        id="record-citizenship"
        label={FIELD_LABELS.citizenship}
        errors={props.errorsFor('citizenship')}
      >
        {(control) => (
          <CountrySelect
            {...control}
            value={props.draft.citizenship}
            onChange={(citizenship) => props.setDraft({ citizenship })}
          />
        )}
      </FormField>
    </fieldset>
  )
}
