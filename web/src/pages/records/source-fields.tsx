import {
  MAX_SUMMARY_CHARS,
  SOURCE_GRADES,
} from '../../../../server/records/record-fields'
import { ChoiceSelect } from '../../components/choice-select'
import { FormField } from '../../components/form-field'
import { LinkageKeyMaker } from './linkage-key-maker'
import type { FieldGroupProps } from './record-draft'
import {
  CREDIBILITY_LABELS,
  FIELD_LABELS,
  SOURCE_GRADE_LABELS,
} from './record-labels'

const CREDIBILITY_OPTIONS = Object.keys(CREDIBILITY_LABELS)

const LINKAGE_KEY_HINT =
  "64 hexadecimal characters made from the person's identifiers with the " +
  "centre's key, so that a person reported by two partners is counted once."

/** The source's grading, the linkage key and the free-text summary. */
export function SourceFields(props: FieldGroupProps) {
  const summaryCharsLeft = () => MAX_SUMMARY_CHARS - props.draft.summary.length

  return (
    <fieldset class="field-group">
      <legend>Source and summary</legend>
      <FormField
        id="record-sourceGrade"
        label={FIELD_LABELS.sourceGrade}
        errors={props.errorsFor('sourceGrade')}
      >
        {(control) => (
          <ChoiceSelect
            {...control}
            options={SOURCE_GRADES}
            labelOf={(grade) =>
              SOURCE_GRADE_LABELS[grade as keyof typeof SOURCE_GRADE_LABELS]
            }
            value={props.draft.sourceGrade}
            onChange={(sourceGrade) => props.setDraft({ sourceGrade })}
          />
        )}
      </FormField>
      <FormField
        id="record-credibility"
        label={FIELD_LABELS.credibility}
        errors={props.errorsFor('credibility')}
      >
        {(control) => (
          <ChoiceSelect
            {...control}
            options={CREDIBILITY_OPTIONS}
            labelOf={(value) => CREDIBILITY_LABELS[value] ?? value}
            value={props.draft.credibility}
            onChange={(credibility) => props.setDraft({ credibility })}
          />
        )}
      </FormField>
      <FormField
        id="record-linkageKey"
        label={`${FIELD_LABELS.linkageKey} (optional)`}
        hint={LINKAGE_KEY_HINT}
        errors={props.errorsFor('linkageKey')}
      >
        {(control) => (
          <input
            {...control}
            class="input-code"
            autocomplete="off"
            spellcheck={false}
            maxLength={64}
            value={props.draft.linkageKey}
            onInput={(e) =>
              props.setDraft({ linkageKey: e.currentTarget.value })
            }
          />
        )}
      </FormField>
      <LinkageKeyMaker
        onMade={(linkageKey) => props.setDraft({ linkageKey })}
      />
      <FormField
        id="record-summary"
        label={FIELD_LABELS.summary}
        hint={
          <>
            No names, contact details, account numbers or dates of birth: a
            summary holding one is refused.{' '}
            <span
              classList={{ 'field-count-over': summaryCharsLeft() < 0 }}
              aria-live="polite"
            >
              {props.draft.summary.length} of {MAX_SUMMARY_CHARS} characters
            </span>
          </>
        }
        errors={props.errorsFor('summary')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={MAX_SUMMARY_CHARS}
            value={props.draft.summary}
            onInput={(e) => props.setDraft({ summary: e.currentTarget.value })}
          />
        )}
      </FormField>
    </fieldset>
  )
}
