import type { CountTable } from '../disclosure'
import { emptyTable } from '../disclosure'
import { NONE } from '../fields'
import type { CountRow } from '../query/count-persons'

/** One route as counted: where it began, what it crossed, where it ended. */
export interface RouteKey {
  origin: string
  transit: string[]
  destination: string
}

export const ROUTE_ROLES = ['origin', 'transit', 'destination'] as const
export type RouteRole = (typeof ROUTE_ROLES)[number]

export const routeCellKey = (route: RouteKey) =>
  `route|${route.origin}|${route.transit.join('>')}|${route.destination}`
export const legKey = (from: string, to: string) => `leg|${from}>${to}`
export const nodeKey = (role: RouteRole, code: string) => `${role}|${code}`

export function routeOf(row: CountRow): RouteKey {
  const [origin, path, destination] = row.keys as [string, string, string]

  return {
    origin,
    transit: path === NONE ? [] : path.split('>'),
    destination,
  }
}

/** The known countries of a route in order; unknown ends are left out. */
export function pathOf(route: RouteKey): string[] {
  return [route.origin, ...route.transit, route.destination].filter(
    (code) => code !== NONE,
  )
}

/**
 * Routes as cells; as lines, every leg (the routes that run through it),
 * every country in each role (what the map shows) and the grand total.
 * Legs and countries are published sums of routes, so the audit sees how
 * they cross.
 */
export function buildRouteTable(rows: readonly CountRow[]): CountTable {
  const table = emptyTable()
  const members = new Map<string, string[]>()
  const addTo = (line: string, key: string) => {
    const list = members.get(line) ?? []
    if (!list.includes(key)) list.push(key)
    members.set(line, list)
  }
  for (const row of rows) {
    const route = routeOf(row)
    const key = routeCellKey(route)
    table.cells.set(key, row.persons)
    const path = pathOf(route)
    for (let i = 1; i < path.length; i++) {
      addTo(legKey(path[i - 1]!, path[i]!), key)
    }
    addTo(nodeKey('origin', route.origin), key)
    addTo(nodeKey('destination', route.destination), key)
    for (const code of route.transit.length > 0 ? route.transit : [NONE]) {
      addTo(nodeKey('transit', code), key)
    }
    addTo('total', key)
  }
  for (const [line, keys] of members) {
    const count = keys.reduce((sum, key) => sum + table.cells.get(key)!, 0)
    table.lines.set(line, { count, members: keys })
  }

  return table
}
