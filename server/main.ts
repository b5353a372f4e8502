import { DatabaseUnavailableError, openDatabase } from '../db/open-database'
import { createApp } from './app'
import { SessionEvents } from './auth/session-events'
import { startSessionSweeper } from './auth/session-sweeper'
import { ConfigError, loadConfig } from './config/config'
import { seedDemo } from './demo/seed-demo'
import { createLogger, type Logger } from './logger'
import { bootstrapIdentities } from './partners/bootstrap-identities'
import { startServer } from './server'
import { closeLiveBoards } from './sync/live-boards'

/**
 * The Node entry point: configuration, database, app, listen; and a
 * graceful stop on SIGTERM or SIGINT.
 */
async function main(): Promise<void> {
  // A stream rather than a raw descriptor: when the log's reader goes away
  // the stream reports it once, where a raw write would retry forever.
  const log = createLogger('info', process.stdout)
  const config = loadOrExit(log)
  log.level = config.logLevel

  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  }).catch((error: unknown) => exitOnStartFailure(log, error))
  log.info({ database: database.kind }, 'database ready')

  const services = {
    config,
    database,
    log,
    now: () => new Date(),
    sessionEvents: new SessionEvents(),
  }
  const bootstrap = await bootstrapIdentities(services).catch(
    (error: unknown) => exitOnStartFailure(log, error),
  )
  await seedDemo(services, bootstrap)
  const stopSessionSweeper = startSessionSweeper(services)
  const app = createApp(services)
  const server = await startServer({
    fetch: app.fetch,
    port: config.port,
    host: config.host,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    maxWebSocketFrameBytes: config.sync.maxFrameBytes,
    log,
  })
  log.info({ url: config.publicOrigin }, 'ciatteh is ready')

  let isStopping = false
  const stop = async (signal: NodeJS.Signals) => {
    if (isStopping) return
    isStopping = true
    // Whatever happens below (a connection that never ends, a database that
    // no longer answers, a log whose reader has gone), the process ends.
    const deadline = setTimeout(
      () => process.exit(1),
      config.shutdownTimeoutMs + 5_000,
    )
    deadline.unref()
    let exitCode = 0
    try {
      log.info({ signal }, 'shutdown started')
      stopSessionSweeper()
      await server.stop()
      await closeLiveBoards(services)
      await database.close()
      log.info('shutdown finished')
    } catch (error) {
      exitCode = 1
      logQuietly(() => log.error({ err: error }, 'shutdown failed'))
    } finally {
      process.exit(exitCode)
    }
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  // Nobody reads the log any more: stop rather than serve unrecorded.
  process.stdout.on('error', () => stop('SIGPIPE'))
}

/** Logs unless the log itself is what fails, e.g. a closed stdout. */
function logQuietly(write: () => void): void {
  try {
    write()
  } catch {
    // Nothing is left to tell; the exit code still says the stop failed.
  }
}

function loadOrExit(log: Logger) {
  try {
    return loadConfig()
  } catch (error) {
    return exitOnStartFailure(log, error)
  }
}

function exitOnStartFailure(log: Logger, error: unknown): never {
  const isExpected =
    error instanceof ConfigError || error instanceof DatabaseUnavailableError
  if (isExpected) {
    log.fatal({ code: error.code }, error.message)
  } else {
    log.fatal({ err: error }, 'start failed')
  }
  process.exit(1)
}

await main()
