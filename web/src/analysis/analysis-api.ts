import type { InferResponseType } from 'hono/client'
import { api, readOk } from '../api/rpc-client'
import { type FilterValues, toQuery } from './filters'

const analysis = api.api.analysis

export type TrendsView = InferResponseType<typeof analysis.trends.$get, 200>
export type FlowsView = InferResponseType<typeof analysis.flows.$get, 200>
export type IndicatorMapView = InferResponseType<typeof analysis.map.$get, 200>
export type SignalsView = InferResponseType<typeof analysis.signals.$get, 200>
export type ForecastView = InferResponseType<typeof analysis.forecast.$get, 200>
/** A count as the server discloses it: a number, or withheld. */
export type ShownCount = FlowsView['total']

export type TrendInterval = TrendsView['interval']

export async function fetchTrends(
  filters: FilterValues,
  options: { interval: TrendInterval; splitBy: string | null },
): Promise<TrendsView> {
  const query = {
    ...toQuery(filters),
    interval: options.interval,
    ...(options.splitBy ? { splitBy: options.splitBy } : {}),
  }
  return readOk(await analysis.trends.$get({ query }))
}

export async function fetchFlows(filters: FilterValues): Promise<FlowsView> {
  return readOk(await analysis.flows.$get({ query: toQuery(filters) }))
}

export async function fetchIndicatorMap(
  filters: FilterValues,
  role: string,
): Promise<IndicatorMapView> {
  const query = { ...toQuery(filters), role }
  return readOk(await analysis.map.$get({ query }))
}

export async function fetchSignals(
  filters: FilterValues,
): Promise<SignalsView> {
  return readOk(await analysis.signals.$get({ query: toQuery(filters) }))
}

export async function fetchForecast(
  filters: FilterValues,
  horizonMonths: number,
): Promise<ForecastView> {
  const query = { ...toQuery(filters), horizon: String(horizonMonths) }
  return readOk(await analysis.forecast.$get({ query }))
}
