import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

describe('loadConfig', () => {
  it('starts on the embedded database on port 8080 when nothing is set', () => {
    const config = loadConfig({})

    expect(config.port).toBe(8080)
    expect(config.databaseUrl).toBeUndefined()
    expect(config.dataDir).toBe('./data')
    expect(config.publicOrigin).toBe('http://localhost:8080')
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('names the variable and the rule when a value is wrong', () => {
    const load = () => loadConfig({ PORT: 'eighty' })

    expect(load).toThrow(ConfigError)
    expect(load).toThrow(/PORT: must be a whole number/)
  })

  it('refuses a database URL that is not PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/x' })).toThrow(
      /DATABASE_URL: must start with postgres:\/\//,
    )
  })

  it('refuses a bootstrap admin with an e-mail but no password', () => {
    expect(() =>
      loadConfig({ BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org' }),
    ).toThrow(/set both or neither/)
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(8080)
  })
})

describe('loadConfig limits', () => {
  it('says the bound a number must respect', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(
      /PORT: must be at most 65535/,
    )
  })

  it('lists the values a choice may take', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(
      /LOG_LEVEL: must be one of fatal, error/,
    )
  })
})
