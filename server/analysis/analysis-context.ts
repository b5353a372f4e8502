import type { Database } from '../../db/open-database'
import type { DisclosureSettings } from './disclosure'

/** What every analysis reads from: the database and the disclosure rule. */
export interface AnalysisContext {
  db: Database
  disclosure: DisclosureSettings
}
