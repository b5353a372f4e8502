import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { AppEnv } from '../auth/actor'

/** Where `npm run build` puts the web app. */
export const WEB_DIST_DIR = fileURLToPath(
  new URL('../../dist/web', import.meta.url),
)

/**
 * Serves the built single-page app. Paths that are not files fall back to
 * `index.html` so that the app's own routes survive a reload; API paths
 * never do, they answer JSON.
 */
export function staticRoutes(distDir = WEB_DIST_DIR) {
  const root = relative(process.cwd(), distDir) || '.'
  const hasBuild = existsSync(`${distDir}/index.html`)
  const app = new Hono<AppEnv>()
  if (!hasBuild) return app

  return app
    .use(
      '/assets/*',
      serveStatic({
        root,
        onFound: (_path, c) => {
          // File names carry a content hash, so they never change.
          c.header('Cache-Control', 'public, max-age=31536000, immutable')
        },
      }),
    )
    .use('*', serveStatic({ root }))
    .get('*', async (c, next) => {
      const isApiPath = /^\/(api|sync)(\/|$)/.test(c.req.path)
      if (isApiPath) return next()

      return serveStatic({ root, path: 'index.html' })(c, next)
    })
}
