import type { Phenomenon } from '../record-fields'
import type { Route, RouteProfile } from './route-profiles'
import {
  SMUGGLING_TOWARDS_UK,
  WEST_AFRICA_CENTRAL_MEDITERRANEAN,
} from './route-profiles'
import type { Weighted } from './seeded-random'

/**
 * A change the generator writes into the data on purpose, so that the
 * analysis has something real to find. Described as data so that tests
 * can check that the analysis finds exactly these.
 */
export type PlantedChange = PlantedNewRoute | PlantedRisingCitizenship

/** A route that does not exist before `startMonth` and is steady after. */
export interface PlantedNewRoute {
  kind: 'new_route'
  key: string
  description: string
  phenomenon: Phenomenon
  /** First month (`YYYY-MM`) with records on the route. */
  startMonth: string
  citizenships: readonly string[]
  origin: readonly string[]
  transit: readonly string[]
  destination: string
  meanRecordsPerMonth: number
  partnerKeys: readonly string[]
}

/** A citizenship present all along whose monthly count rises. */
export interface PlantedRisingCitizenship {
  kind: 'rising_citizenship'
  key: string
  description: string
  phenomenon: Phenomenon
  citizenship: string
  /** First month (`YYYY-MM`) above the baseline. */
  startMonth: string
  baselineRecordsPerMonth: number
  /** The monthly mean reached once the ramp is over. */
  raisedRecordsPerMonth: number
  rampMonths: number
  partnerKeys: readonly string[]
}

/** Profile of the planted route: the corridor through Belarus. */
export const BELARUS_CORRIDOR: RouteProfile = {
  ...SMUGGLING_TOWARDS_UK,
  key: 'belarus-corridor',
  routes: (['IQ', 'AF', 'SY'] as const).map(
    (citizenship, i): Weighted<Route> => [
      {
        citizenship,
        origin: citizenship,
        transit: ['BY', 'LT', 'PL', 'DE'],
        destination: 'GB',
        transport: ['air', 'road', 'foot'],
      },
      [50, 30, 20][i]!,
    ],
  ),
  seasonalAmplitude: 0,
}

/** Profile of the rising citizenship: sexual exploitation via Spain. */
export const COLOMBIA_SEXUAL_EXPLOITATION: RouteProfile = {
  ...WEST_AFRICA_CENTRAL_MEDITERRANEAN,
  key: 'colombia-sexual-exploitation',
  routes: [
    [
      {
        citizenship: 'CO',
        origin: 'CO',
        transit: ['ES', 'FR'],
        destination: 'BE',
        transport: ['air', 'road'],
      },
      100,
    ],
  ],
  seasonalAmplitude: 0,
}

/** The planted changes of a window starting at `startMonth`. */
export function describePlantedChanges(
  startMonth: string,
  months: number,
): PlantedChange[] {
  return [
    {
      kind: 'new_route',
      key: 'belarus-corridor',
      description:
        'A smuggling route from Iraq, Afghanistan and Syria through ' +
        'Belarus, Lithuania, Poland and Germany towards the United Kingdom',
      phenomenon: 'smuggling',
      startMonth: addMonths(startMonth, Math.round(months * 0.6)),
      citizenships: ['IQ', 'AF', 'SY'],
      origin: ['IQ', 'AF', 'SY'],
      transit: ['BY', 'LT', 'PL', 'DE'],
      destination: 'GB',
      meanRecordsPerMonth: 30,
      partnerKeys: ['federal-police', 'immigration-office'],
    },
    {
      kind: 'rising_citizenship',
      key: 'colombia-rise',
      description:
        'Colombian citizens exploited sexually, arriving through Spain, ' +
        'rising from a small baseline to four times as many',
      phenomenon: 'trafficking',
      citizenship: 'CO',
      startMonth: addMonths(startMonth, Math.round(months * 0.5)),
      baselineRecordsPerMonth: 6,
      raisedRecordsPerMonth: 24,
      rampMonths: 3,
      partnerKeys: ['equality-centre', 'federal-police'],
    },
  ]
}

/** `YYYY-MM` plus a number of months. */
export function addMonths(month: string, count: number): string {
  const [year, monthOfYear] = month.split('-').map(Number) as [number, number]
  const index = year * 12 + (monthOfYear - 1) + count
  const newYear = Math.floor(index / 12)
  const newMonth = (index % 12) + 1

  return `${newYear}-${String(newMonth).padStart(2, '0')}`
}

/** Months from `from` to `to` (`YYYY-MM`); negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number]
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number]

  return (toYear - fromYear) * 12 + (toMonth - fromMonth)
}
