import pino from 'pino'

export type Logger = pino.Logger

/**
 * The one structured logger. Fields that could carry a secret are redacted
 * even if a caller passes them by mistake.
 */
export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'ciatteh' },
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'cookie',
        '*.cookie',
        'headers.authorization',
        'headers.cookie',
      ],
      censor: '[redacted]',
    },
  }

  return destination ? pino(options, destination) : pino(options)
}

/** A logger that drops everything, for tests that do not read logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' })
