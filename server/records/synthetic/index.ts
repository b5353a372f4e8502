export {
  generateSyntheticRecords,
  plantedChangesFor,
  type SyntheticOptions,
  type SyntheticRecord,
} from './generate-records'
export {
  addMonths,
  monthsBetween,
  type PlantedChange,
  type PlantedNewRoute,
  type PlantedRisingCitizenship,
} from './planted-changes'
export { ROUTE_PROFILES, type RouteProfile } from './route-profiles'
export { SYNTHETIC_PARTNERS, type SyntheticPartner } from './synthetic-partners'
