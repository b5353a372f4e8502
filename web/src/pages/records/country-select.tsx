import type { JSX } from 'solid-js'
import { ChoiceSelect } from '../../components/choice-select'
import { COUNTRIES_BY_NAME } from './record-labels'

const CODES = COUNTRIES_BY_NAME.map((country) => country.code)
const NAMES = new Map(
  COUNTRIES_BY_NAME.map((country) => [
    country.code,
    `${country.name} (${country.code})`,
  ]),
)

/** Every country of the standard by name; the value is its ISO code. */
export function CountrySelect(
  props: Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> & {
    value: string
    onChange: (code: string) => void
    emptyLabel?: string
  },
) {
  return (
    <ChoiceSelect
      {...props}
      options={CODES}
      labelOf={(code) => NAMES.get(code) ?? code}
    />
  )
}
