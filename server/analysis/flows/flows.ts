import type { AnalysisContext } from '../analysis-context'
import { discloseTable, type ShownCount } from '../disclosure'
import type { AnalysisFilters, Period } from '../filters'
import {
  discloseGrandTotal,
  discloseRoleTable,
  TOTAL_KEY,
} from '../map/map-tables'
import { countIn } from '../query/count-persons'
import {
  buildRouteTable,
  legKey,
  nodeKey,
  pathOf,
  ROUTE_ROLES,
  type RouteKey,
} from './route-table'

export interface FlowLeg extends ShownCount {
  from: string
  to: string
}

export interface FlowRoute extends RouteKey, ShownCount {
  /** The known countries in order, ready to draw. */
  path: string[]
}

export interface FlowNode extends ShownCount {
  country: string
  role: (typeof ROUTE_ROLES)[number]
}

export interface FlowsResult {
  period: Period
  total: ShownCount
  nodes: FlowNode[]
  legs: FlowLeg[]
  routes: FlowRoute[]
}

/**
 * Weighted legs origin → transit… → destination and whole routes. The
 * countries' totals keep the map's decisions, so the map and the flows
 * drawn side by side never reveal a route between them.
 */
export async function computeFlows(
  context: AnalysisContext,
  filters: AnalysisFilters,
): Promise<FlowsResult> {
  const grandTotal = await discloseGrandTotal(context, filters)
  const roleTables = await Promise.all(
    ROUTE_ROLES.map((role) =>
      discloseRoleTable(context, filters, role, grandTotal),
    ),
  )
  const decided = new Map<string, boolean>([
    [TOTAL_KEY, grandTotal.hidden.has(TOTAL_KEY)],
  ])
  ROUTE_ROLES.forEach((role, i) => {
    const roleTable = roleTables[i]!
    for (const code of roleTable.table.cells.keys()) {
      decided.set(nodeKey(role, code), roleTable.hidden.has(code))
    }
  })
  const disclosed = await discloseTable(
    {
      filters,
      isSummedOverPeriod: true,
      decided,
      build: async (f) =>
        buildRouteTable(
          await countIn(context, f, ['origin', 'transitPath', 'destination']),
        ),
    },
    context.disclosure,
  )

  const routeRows = [...disclosed.table.cells.keys()]
  const routes = routeRows
    .map((key) => {
      const [, origin, path, destination] = key.split('|') as string[]
      const route: RouteKey = {
        origin: origin!,
        transit: path ? path.split('>') : [],
        destination: destination!,
      }
      return { ...route, path: pathOf(route), ...disclosed.show(key) }
    })
    .sort(byPersons)
  const legs = [...disclosed.table.lines.keys()]
    .filter((key) => key.startsWith('leg|'))
    .map((key) => {
      const [from, to] = key.slice(4).split('>') as [string, string]
      return { from, to, ...disclosed.show(legKey(from, to)) }
    })
    .sort(byPersons)
  const nodes = ROUTE_ROLES.flatMap((role, i) =>
    [...roleTables[i]!.table.cells.keys()]
      .filter((code) => code !== 'none')
      .map((country) => ({
        country,
        role,
        ...roleTables[i]!.show(country),
      })),
  )

  return {
    period: filters.period,
    total: grandTotal.show(TOTAL_KEY),
    nodes,
    legs,
    routes,
  }
}

/** Largest first; withheld counts last, in a stable order. */
function byPersons(a: ShownCount, b: ShownCount): number {
  return (b.persons ?? -1) - (a.persons ?? -1)
}
