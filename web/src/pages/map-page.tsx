import { WorldMap } from '../map/world-map'

/** The shared map of flows, full size under the header. */
export function MapPage() {
  return <WorldMap />
}
