import type { SetStoreFunction } from 'solid-js/store'
import { FIELD_LABELS, type FormFieldName } from './record-labels'
import type { InputIssue, RecordBody, StoredRecord } from './records-api'

/**
 * What the form holds while someone fills it in: text for every control,
 * turned into the standard's types only when sent, so that the server's
 * rules (not the browser's) decide what is valid.
 */
export interface RecordDraft {
  phenomenon: string
  /** Whether the observation is given as a month or as a full date. */
  dateKind: 'month' | 'date'
  observedOn: string
  persons: string
  gender: string
  /** Whether the age is given as a band or as exact years. */
  ageKind: 'band' | 'exact'
  age: string
  ageBand: string
  citizenship: string
  origin: string
  transit: string[]
  destination: string
  area: string
  exploitation: string[]
  sector: string
  meansOfControl: string[]
  recruiterRelation: string
  recruitment: string
  transport: string[]
  sourceGrade: string
  credibility: string
  linkageKey: string
  summary: string
}

export function emptyDraft(): RecordDraft {
  return {
    phenomenon: '',
    dateKind: 'month',
    observedOn: '',
    persons: '1',
    gender: '',
    ageKind: 'band',
    age: '',
    ageBand: '',
    citizenship: '',
    origin: '',
    transit: [],
    destination: '',
    area: '',
    exploitation: [],
    sector: '',
    meansOfControl: [],
    recruiterRelation: '',
    recruitment: '',
    transport: [],
    sourceGrade: '',
    credibility: '',
    linkageKey: '',
    summary: '',
  }
}

export function draftFromRecord(record: StoredRecord): RecordDraft {
  const text = (value: string | number | null) =>
    value === null ? '' : String(value)

  return {
    ...emptyDraft(),
    phenomenon: record.phenomenon,
    observedOn: record.observedOn,
    persons: String(record.persons),
    gender: text(record.gender),
    ageBand: text(record.ageBand),
    citizenship: text(record.citizenship),
    origin: text(record.origin),
    transit: [...record.transit],
    destination: text(record.destination),
    area: text(record.area),
    exploitation: [...record.exploitation],
    sector: text(record.sector),
    meansOfControl: [...record.meansOfControl],
    recruiterRelation: text(record.recruiterRelation),
    recruitment: text(record.recruitment),
    transport: [...record.transport],
    sourceGrade: text(record.sourceGrade),
    credibility: text(record.credibility),
    linkageKey: record.linkageKey ?? '',
    summary: record.summary ?? '',
  }
}

/**
 * The body sent to the API. Empty controls become `null`, which both a
 * new record and an edit accept, so that clearing a field clears it.
 */
export function bodyFromDraft(draft: RecordDraft): RecordBody {
  const text = (value: string) => (value.trim() === '' ? null : value.trim())
  const whole = (value: string) => (value.trim() === '' ? null : Number(value))
  const isExactAge = draft.ageKind === 'exact'

  // Required fields left empty are left out, so that the server answers
  // "is required" rather than a rule about their type.
  return {
    phenomenon: text(draft.phenomenon) ?? undefined,
    observedOn: text(draft.observedOn) ?? undefined,
    persons: whole(draft.persons),
    gender: text(draft.gender),
    age: isExactAge ? whole(draft.age) : null,
    ageBand: isExactAge ? null : text(draft.ageBand),
    citizenship: text(draft.citizenship),
    origin: text(draft.origin),
    transit: draft.transit.filter((code) => code !== ''),
    destination: text(draft.destination),
    area: text(draft.area),
    exploitation: draft.exploitation,
    sector: text(draft.sector),
    meansOfControl: draft.meansOfControl,
    recruiterRelation: text(draft.recruiterRelation),
    recruitment: text(draft.recruitment),
    transport: draft.transport,
    sourceGrade: text(draft.sourceGrade),
    credibility: whole(draft.credibility),
    linkageKey: text(draft.linkageKey),
    summary: text(draft.summary),
  }
}

/** Issues the form shows next to a field, and those it cannot place. */
export interface PlacedIssues {
  byField: Partial<Record<FormFieldName, string[]>>
  unplaced: string[]
}

/**
 * Places each issue of a refusal next to its field: `transit.2` belongs
 * to the transit list, `age` to the exact age. The server's message is
 * shown as it is: it names the field, the rule and, for an identifier,
 * its kind, and never the value.
 */
export function placeIssues(issues: readonly InputIssue[]): PlacedIssues {
  const placed: PlacedIssues = { byField: {}, unplaced: [] }
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? ''
    if (field in FIELD_LABELS) {
      const name = field as FormFieldName
      placed.byField[name] = [...(placed.byField[name] ?? []), issue.message]
    } else {
      placed.unplaced.push(issue.message)
    }
  }

  return placed
}

/** What every group of fields of the record form is given. */
export interface FieldGroupProps {
  draft: RecordDraft
  setDraft: SetStoreFunction<RecordDraft>
  errorsFor: (field: FormFieldName) => string[] | undefined
}
