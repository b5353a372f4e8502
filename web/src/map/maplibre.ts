import * as maplibregl from 'maplibre-gl/dist/maplibre-gl-csp.js'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url'

// The CSP build loads its worker from our own origin instead of a blob of
// inline code, so the page's content policy can stay strict.
maplibregl.setWorkerUrl(workerUrl)

export { maplibregl }
