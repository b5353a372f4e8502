import { LIST_SEPARATOR } from '../csv/csv-columns'
import { csvLine } from '../export/csv-cells'
import { RECORD_FIELD_NAMES, type RecordValues } from '../record-fields'

/** The header row of a CSV import holding every field of the standard. */
export const CSV_HEADER_LINE = csvLine(RECORD_FIELD_NAMES)

/** One record as a CSV import row, in the order of `CSV_HEADER_LINE`. */
export function toCsvLine(values: RecordValues): string {
  return csvLine(
    RECORD_FIELD_NAMES.map((name) => {
      const value = values[name]

      return Array.isArray(value) ? value.join(LIST_SEPARATOR) : value
    }),
  )
}
