import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

const root = fileURLToPath(new URL('.', import.meta.url))
const apiOrigin = process.env.API_ORIGIN ?? 'http://localhost:8080'

export default defineConfig({
  root,
  plugins: [solid()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // MapLibre alone is close to 1 MB; the warning would only repeat that.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': apiOrigin,
      '/healthz': apiOrigin,
      '/sync': { target: apiOrigin.replace(/^http/, 'ws'), ws: true },
    },
  },
})
