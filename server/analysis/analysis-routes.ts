import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../auth/actor'
import { ANY_ROLE, requireActor } from '../auth/guards'
import { validationFailed } from '../http/app-error'
import type { Services } from '../services'
import { FIELD_NAMES, MAP_ROLES } from './fields'
import { computeFlows } from './flows/flows'
import {
  computeForecast,
  MIN_HISTORY_MONTHS,
} from './forecast/compute-forecast'
import { computeIndicatorMap } from './map/indicator-map'
import { monthsInPeriod } from './months'
import { describeCounting, prepareAnalysis } from './prepare-analysis'
import { INTERVALS } from './query/count-persons'
import { computeSignals } from './signals/compute-signals'
import { computeTrends } from './trends/trends'

const canRead = requireActor({ roles: ANY_ROLE, scope: 'records:read' })

const TREND_PARAMS = {
  interval: z
    .enum(INTERVALS, { error: `interval must be one of ${INTERVALS}` })
    .default('month'),
  splitBy: z
    .enum(FIELD_NAMES, { error: `splitBy must be one of ${FIELD_NAMES}` })
    .optional(),
}
const MAP_PARAMS = {
  role: z
    .enum(MAP_ROLES, { error: `role must be one of ${MAP_ROLES}` })
    .default('citizenship'),
}
const SIGNAL_PARAMS = {
  falseDiscoveryRate: z.coerce
    .number({ error: 'falseDiscoveryRate must be a number' })
    .gt(0, 'falseDiscoveryRate must be above 0')
    .max(0.2, 'falseDiscoveryRate must be at most 0.2')
    .default(0.05),
}
const FORECAST_PARAMS = {
  horizon: z.coerce
    .number({ error: 'horizon must be a number of months' })
    .int('horizon must be a whole number of months')
    .min(1, 'horizon must be at least 1 month')
    .max(24, 'horizon must be at most 24 months')
    .default(6),
}

/**
 * The analysis API: trends, flows, indicator maps, signals and forecasts,
 * all on the same filters and all through the same disclosure control.
 * Every role reads them, and partners' systems with the read scope.
 */
export function analysisRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get('/api/analysis/trends', canRead, async (c) => {
      const { context, filters, params } = await prepareAnalysis(
        services,
        c.req.query(),
        TREND_PARAMS,
        36,
      )
      const result = await computeTrends(
        context,
        filters,
        params.interval,
        params.splitBy ?? null,
      )

      return c.json({ ...describeCounting(context, filters), ...result }, 200)
    })
    .get('/api/analysis/flows', canRead, async (c) => {
      const { context, filters } = await prepareAnalysis(
        services,
        c.req.query(),
        {},
        12,
      )
      const result = await computeFlows(context, filters)

      return c.json({ ...describeCounting(context, filters), ...result }, 200)
    })
    .get('/api/analysis/map', canRead, async (c) => {
      const { context, filters, params } = await prepareAnalysis(
        services,
        c.req.query(),
        MAP_PARAMS,
        12,
      )
      const result = await computeIndicatorMap(context, filters, params.role)

      return c.json({ ...describeCounting(context, filters), ...result }, 200)
    })
    .get('/api/analysis/signals', canRead, async (c) => {
      const { context, filters, params } = await prepareAnalysis(
        services,
        c.req.query(),
        SIGNAL_PARAMS,
        36,
      )
      const result = await computeSignals(
        context,
        filters,
        params.falseDiscoveryRate,
      )

      return c.json({ ...describeCounting(context, filters), ...result }, 200)
    })
    .get('/api/analysis/forecast', canRead, async (c) => {
      const { context, filters, params } = await prepareAnalysis(
        services,
        c.req.query(),
        FORECAST_PARAMS,
        60,
      )
      const { from, to } = filters.period
      if (monthsInPeriod(from, to) < MIN_HISTORY_MONTHS) {
        throw validationFailed([
          {
            path: 'from',
            code: 'too_short',
            message:
              `a forecast needs at least ${MIN_HISTORY_MONTHS} months ` +
              `of history from ${from} to ${to}`,
          },
        ])
      }
      const result = await computeForecast(context, filters, params.horizon)

      return c.json({ ...describeCounting(context, filters), ...result }, 200)
    })
}
