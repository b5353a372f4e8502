import { text } from 'node:stream/consumers'
import { openDatabase } from '../../db/open-database'
import { SessionEvents } from '../auth/session-events'
import { type Config, loadConfig } from '../config/config'
import {
  ADMIN_USAGE,
  AdminCommandError,
  runAdminCommand,
} from './admin-command'

/**
 * `npm run admin -- create|reset --email ...`: makes or recovers an admin
 * on the database the environment names, like the server's.
 */
async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  if (argv.length === 0 || argv.includes('--help')) {
    process.stdout.write(ADMIN_USAGE)
    return argv.length === 0 ? 1 : 0
  }

  const config = loadConfig()
  if (!config.databaseUrl && (await isServerRunning(config))) {
    process.stderr.write(
      'The server is running on this embedded database, which only one ' +
        'process may open. Stop it, run this command, then start it again.\n',
    )
    return 1
  }

  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  })
  try {
    const output = await runAdminCommand(
      argv,
      {
        config,
        database,
        now: () => new Date(),
        sessionEvents: new SessionEvents(),
      },
      () => text(process.stdin),
    )
    process.stdout.write(output)
    return 0
  } catch (error) {
    if (!(error instanceof AdminCommandError)) throw error
    process.stderr.write(`${error.message}\n`)
    return 1
  } finally {
    await database.close()
  }
}

/** Whether a server answers on the configured port, in one second. */
async function isServerRunning(config: Config): Promise<boolean> {
  try {
    const url = new URL('/healthz', `http://${config.host}:${config.port}`)
    await fetch(url, { signal: AbortSignal.timeout(1000) })
    return true
  } catch {
    // Nothing listens (or it does not answer): the database is free.
    return false
  }
}

process.exitCode = await main()
