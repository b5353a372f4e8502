import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawRenderMode,
} from 'terra-draw'
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter'
import type { maplibregl } from './maplibre'

/** What a drawing tool produces. */
export type DrawnShape = 'point' | 'line' | 'polygon'

export type DrawnGeometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'LineString'; coordinates: [number, number][] }
  | { type: 'Polygon'; coordinates: [number, number][][] }

export interface DrawControl {
  /** Arms a tool, or disarms drawing with null. */
  setShape(shape: DrawnShape | null): void
  remove(): void
}

const MODE_FOR_SHAPE: Record<DrawnShape, string> = {
  point: 'point',
  line: 'linestring',
  polygon: 'polygon',
}
const IDLE_MODE = 'idle'

/**
 * Drawing on the map with terra-draw. A finished shape is handed over and
 * cleared from terra-draw at once: the board document is the one store of
 * annotations, and the board's own layers draw them.
 */
export function addDrawControl(
  map: maplibregl.Map,
  onDrawn: (geometry: DrawnGeometry) => void,
): DrawControl {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawRenderMode({ modeName: IDLE_MODE, styles: {} }),
      new TerraDrawPointMode(),
      new TerraDrawLineStringMode(),
      new TerraDrawPolygonMode(),
    ],
  })
  draw.start()
  draw.setMode(IDLE_MODE)

  const onFinish = (id: string | number) => {
    const feature = draw.getSnapshotFeature(id)
    draw.removeFeatures([id])
    const geometry = feature?.geometry
    if (
      geometry?.type === 'Point' ||
      geometry?.type === 'LineString' ||
      geometry?.type === 'Polygon'
    ) {
      onDrawn(geometry as DrawnGeometry)
    }
  }
  draw.on('finish', onFinish)

  return {
    setShape(shape) {
      draw.setMode(shape ? MODE_FOR_SHAPE[shape] : IDLE_MODE)
    },
    remove() {
      draw.off('finish', onFinish)
      draw.stop()
    },
  }
}
