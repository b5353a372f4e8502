/** SQLSTATE codes the routes turn into answers. */
export const SQL_STATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
} as const

/**
 * Whether a database error carries the SQLSTATE. postgres.js and PGlite
 * both put it on `code`; Drizzle may wrap either in an error whose `cause`
 * carries it.
 */
export function hasSqlState(error: unknown, state: string): boolean {
  for (let e = error; e instanceof Object; e = (e as Error).cause) {
    if ((e as { code?: unknown }).code === state) return true
  }

  return false
}
