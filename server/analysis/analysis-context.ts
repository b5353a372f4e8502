import type { Database } from '../../db/open-database'
import type { DisclosureSettings } from './disclosure'
import type { CountQuery } from './query/count-persons'

/** What every analysis reads from: the database and the disclosure rule. */
export interface AnalysisContext {
  db: Database
  disclosure: DisclosureSettings
  /**
   * Counts shared by the tables of one answer (see `sharedCounts`): the
   * disclosure steps of several tables ask many of the same questions.
   */
  counts?: CountQuery
}
