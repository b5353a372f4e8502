import { z } from 'zod'

/**
 * Every setting the server reads from its environment, with a default that
 * is safe for the embedded mode. The README lists the same table.
 */
const ENVIRONMENT = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('localhost'),
  PUBLIC_ORIGIN: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'must start with postgres:// or postgresql://',
    )
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  DEMO: z.enum(['true', 'false']).default('true'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_TIMEOUT_HOURS: z.coerce.number().int().min(1).default(12),
  BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12).max(128).optional(),
  DISCLOSURE_THRESHOLD: z.coerce.number().int().min(1).default(5),
  EXPORT_DISCLOSURE_THRESHOLD: z.coerce.number().int().min(1).default(11),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(100 * 1024 * 1024),
  SYNC_MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  SYNC_MAX_AWARENESS_BYTES: z.coerce.number().int().min(64).default(4096),
  SYNC_MAX_AWARENESS_STATES: z.coerce.number().int().min(1).default(4),
  SYNC_SEND_BUFFER_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * 1024 * 1024),
  SYNC_PING_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  SYNC_GROUP_COMMIT_DELAY_MS: z.coerce.number().int().min(0).default(2),
  SYNC_COMPACTION_THRESHOLD: z.coerce.number().int().min(2).default(500),
  SYNC_SESSION_RECHECK_MS: z.coerce.number().int().min(100).default(5_000),
})

export type Environment = z.infer<typeof ENVIRONMENT>

export interface Config {
  port: number
  host: string
  /** The one origin browsers may send state-changing requests from. */
  publicOrigin: string
  databaseUrl: string | undefined
  dataDir: string
  logLevel: Environment['LOG_LEVEL']
  isDemo: boolean
  shutdownTimeoutMs: number
  sessionIdleTimeoutMs: number
  sessionAbsoluteTimeoutMs: number
  bootstrapAdmin: { email: string; password: string } | null
  disclosureThreshold: number
  exportDisclosureThreshold: number
  importMaxBytes: number
  sync: SyncLimits
}

/** Limits and timings of live board sync; see `server/sync/README.md`. */
export interface SyncLimits {
  /** A larger WebSocket message closes its connection (1009). */
  maxFrameBytes: number
  /** Largest awareness state one client may publish. */
  maxAwarenessBytes: number
  /** Awareness client ids one connection may control. */
  maxAwarenessStates: number
  /** Bytes queued to one slow reader before it is cut off. */
  sendBufferBytes: number
  /** A connection that misses a whole interval's pong is dropped. */
  pingIntervalMs: number
  /** How long a board's first pending update waits for company. */
  groupCommitDelayMs: number
  /** Logged updates past the snapshot that trigger a compaction. */
  compactionThreshold: number
  /** How often live connections re-check their session and access. */
  sessionRecheckMs: number
}

/** A setting has a value the server cannot use; names the variable. */
export class ConfigError extends Error {
  readonly code = 'invalid_configuration'

  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`)
    this.name = 'ConfigError'
  }
}

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
): Readonly<Config> {
  const known = Object.fromEntries(
    Object.keys(ENVIRONMENT.shape)
      .map((name) => [name, env[name] === '' ? undefined : env[name]])
      .filter(([, value]) => value !== undefined),
  )
  const parsed = ENVIRONMENT.safeParse(known)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.')}: ${describeIssue(issue)}`,
      ),
    )
  }

  return Object.freeze(toConfig(parsed.data))
}

/** Says what a setting must be, in words an operator can act on. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number'
        ? 'must be a whole number'
        : `must be a ${issue.expected}`
    case 'too_small':
      return `must be at least ${issue.minimum}`
    case 'too_big':
      return `must be at most ${issue.maximum}`
    case 'invalid_value':
      return `must be one of ${issue.values.join(', ')}`
    default:
      return issue.message
  }
}

function toConfig(env: Environment): Config {
  const hasOnlyOneBootstrapSetting =
    Boolean(env.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(env.BOOTSTRAP_ADMIN_PASSWORD)
  if (hasOnlyOneBootstrapSetting) {
    throw new ConfigError([
      'BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD: set both or neither',
    ])
  }
  const shownPort = env.PORT === 0 ? '' : `:${env.PORT}`

  return {
    port: env.PORT,
    host: env.HOST,
    publicOrigin: env.PUBLIC_ORIGIN ?? `http://${env.HOST}${shownPort}`,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    logLevel: env.LOG_LEVEL,
    isDemo: env.DEMO === 'true',
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    sessionIdleTimeoutMs: env.SESSION_IDLE_TIMEOUT_MINUTES * 60_000,
    sessionAbsoluteTimeoutMs: env.SESSION_ABSOLUTE_TIMEOUT_HOURS * 3_600_000,
    bootstrapAdmin:
      env.BOOTSTRAP_ADMIN_EMAIL && env.BOOTSTRAP_ADMIN_PASSWORD
        ? {
            email: env.BOOTSTRAP_ADMIN_EMAIL,
            password: env.BOOTSTRAP_ADMIN_PASSWORD,
          }
        : null,
    disclosureThreshold: env.DISCLOSURE_THRESHOLD,
    exportDisclosureThreshold: env.EXPORT_DISCLOSURE_THRESHOLD,
    importMaxBytes: env.IMPORT_MAX_BYTES,
    sync: {
      maxFrameBytes: env.SYNC_MAX_FRAME_BYTES,
      maxAwarenessBytes: env.SYNC_MAX_AWARENESS_BYTES,
      maxAwarenessStates: env.SYNC_MAX_AWARENESS_STATES,
      sendBufferBytes: env.SYNC_SEND_BUFFER_BYTES,
      pingIntervalMs: env.SYNC_PING_INTERVAL_MS,
      groupCommitDelayMs: env.SYNC_GROUP_COMMIT_DELAY_MS,
      compactionThreshold: env.SYNC_COMPACTION_THRESHOLD,
      sessionRecheckMs: env.SYNC_SESSION_RECHECK_MS,
    },
  }
}
