import { maplibregl } from './maplibre'

export interface RemoteCursor {
  clientId: number
  name: string
  colour: string
  position: [number, number]
}

export interface CursorOverlay {
  update(cursors: readonly RemoteCursor[]): void
  remove(): void
}

/** Other people's pointers on the map, each with their name. */
export function showCursors(map: maplibregl.Map): CursorOverlay {
  const markers = new Map<number, maplibregl.Marker>()

  return {
    update(cursors) {
      const wanted = new Set(cursors.map((cursor) => cursor.clientId))
      for (const [clientId, marker] of markers) {
        if (wanted.has(clientId)) continue
        marker.remove()
        markers.delete(clientId)
      }
      for (const cursor of cursors) {
        const existing = markers.get(cursor.clientId)
        if (existing) {
          existing.setLngLat(cursor.position)
          continue
        }
        const marker = new maplibregl.Marker({
          element: cursorElement(cursor),
          anchor: 'top-left',
        })
          .setLngLat(cursor.position)
          .addTo(map)
        markers.set(cursor.clientId, marker)
      }
    },
    remove() {
      for (const marker of markers.values()) marker.remove()
      markers.clear()
    },
  }
}

function cursorElement(cursor: RemoteCursor): HTMLElement {
  const element = document.createElement('div')
  element.className = 'remote-cursor'
  element.style.setProperty('--cursor-colour', cursor.colour)
  // The participants list already names everyone for screen readers.
  element.setAttribute('aria-hidden', 'true')
  const name = document.createElement('span')
  name.className = 'remote-cursor-name'
  name.textContent = cursor.name
  element.append(name)

  return element
}
