import {
  LIST_FIELD_NAMES,
  RECORD_FIELD_NAMES,
} from '../../../../server/records/record-fields'

/** The header row of an import file: the standard's names, in its order. */
export const CSV_TEMPLATE_HEADER = RECORD_FIELD_NAMES.join(',')

/**
 * The template as a link target. A data URL keeps it in the page: no
 * request to fetch it, and it always follows the field list in the code.
 */
export const CSV_TEMPLATE_URL = `data:text/csv;charset=utf-8,${encodeURIComponent(
  `${CSV_TEMPLATE_HEADER}\r\n`,
)}`

/** The fields whose cell holds several values, separated by `|`. */
export const CSV_LIST_COLUMNS = LIST_FIELD_NAMES.join(', ')
