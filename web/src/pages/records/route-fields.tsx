import { TRANSPORT_MODES } from '../../../../server/records/record-fields'
import { CheckboxGroup } from '../../components/checkbox-group'
import { FormField } from '../../components/form-field'
import { CountrySelect } from './country-select'
import type { FieldGroupProps } from './record-draft'
import { codeLabel, FIELD_LABELS } from './record-labels'
import { TransitList } from './transit-list'

/** The route: where it began, the countries crossed, where it ended. */
export function RouteFields(props: FieldGroupProps) {
  return (
    <fieldset class="field-group">
      <legend>The route</legend>
      <FormField
        id="record-origin"
        label={FIELD_LABELS.origin}
        hint="Where the route began (recruitment)."
        errors={props.errorsFor('origin')}
      >
        {(control) => (
          <CountrySelect
            {...control}
            value={props.draft.origin}
            onChange={(origin) => props.setDraft({ origin })}
          />
        )}
      </FormField>
      <TransitList
        value={props.draft.transit}
        onChange={(transit) => props.setDraft({ transit })}
        errors={props.errorsFor('transit')}
      />
      <FormField
        id="record-destination"
        label={FIELD_LABELS.destination}
        hint="The country of exploitation or of arrival."
        errors={props.errorsFor('destination')}
      >
        {(control) => (
          <CountrySelect
            {...control}
            value={props.draft.destination}
            onChange={(destination) => props.setDraft({ destination })}
          />
        )}
      </FormField>
      <CheckboxGroup
        id="record-transport"
        legend={FIELD_LABELS.transport}
        options={TRANSPORT_MODES}
        labelOf={codeLabel}
        value={props.draft.transport}
        onChange={(transport) => props.setDraft({ transport })}
        errors={props.errorsFor('transport')}
      />
    </fieldset>
  )
}
