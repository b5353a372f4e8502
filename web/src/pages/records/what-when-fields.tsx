import {
  AREAS,
  MAX_PERSONS,
  MIN_PERSONS,
  PHENOMENA,
} from '../../../../server/records/record-fields'
import { ChoiceSelect } from '../../components/choice-select'
import { FormField } from '../../components/form-field'
import { RadioRow } from '../../components/radio-row'
import type { FieldGroupProps } from './record-draft'
import { codeLabel, FIELD_LABELS } from './record-labels'

const DATE_KINDS = [
  { value: 'month', label: 'a month' },
  { value: 'date', label: 'a full date' },
] as const

/** What was observed, when, how many persons, and where in Belgium. */
export function WhatWhenFields(props: FieldGroupProps) {
  const isFullDate = () => props.draft.dateKind === 'date'
  const setDateKind = (kind: 'month' | 'date') => {
    // A month stays valid as the start of a full date and the other way
    // round, so the value is carried over as far as it goes.
    const month = props.draft.observedOn.slice(0, 7)
    props.setDraft({ dateKind: kind, observedOn: month })
  }

  return (
    <fieldset class="field-group">
      <legend>What and when</legend>
      <FormField
        id="record-phenomenon"
        label={`${FIELD_LABELS.phenomenon} (required)`}
        errors={props.errorsFor('phenomenon')}
      >
        {(control) => (
          <ChoiceSelect
            {...control}
            required
            options={PHENOMENA}
            labelOf={codeLabel}
            emptyLabel="Choose…"
            value={props.draft.phenomenon}
            onChange={(phenomenon) => props.setDraft({ phenomenon })}
          />
        )}
      </FormField>
      <RadioRow
        labelId="record-date-kind-label"
        label="The date is known as"
        name="dateKind"
        options={DATE_KINDS}
        value={props.draft.dateKind}
        onChange={setDateKind}
      />
      <FormField
        id="record-observedOn"
        label={`${FIELD_LABELS.observedOn} (required)`}
        hint={
          isFullDate()
            ? 'Only the month is stored: the day is cut off before saving.'
            : 'The month of the observation, not later than this month.'
        }
        errors={props.errorsFor('observedOn')}
      >
        {(control) => (
          <input
            {...control}
            type={isFullDate() ? 'date' : 'month'}
            required
            value={props.draft.observedOn}
            onInput={(e) =>
              props.setDraft({ observedOn: e.currentTarget.value })
            }
          />
        )}
      </FormField>
      <FormField
        id="record-persons"
        label={FIELD_LABELS.persons}
        hint="How many persons the observation covers."
        errors={props.errorsFor('persons')}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={MIN_PERSONS}
            max={MAX_PERSONS}
            step="1"
            value={props.draft.persons}
            onInput={(e) => props.setDraft({ persons: e.currentTarget.value })}
          />
        )}
      </FormField>
      <FormField
        id="record-area"
        label={FIELD_LABELS.area}
        hint="Where in Belgium it was observed."
        errors={props.errorsFor('area')}
      >
        {(control) => (
          <ChoiceSelect
            {...control}
            options={AREAS}
            labelOf={codeLabel}
            value={props.draft.area}
            onChange={(area) => props.setDraft({ area })}
          />
        )}
      </FormField>
    </fieldset>
  )
}
