import type { Context } from 'hono'
import type { z } from 'zod'
import { AppError, validationFailed } from './app-error'

/**
 * The request's JSON body, checked against a schema. Answers 400
 * `invalid_json` when the body is not JSON and `validation_failed`, with
 * one issue per field, when it does not match.
 */
export async function readJson<Schema extends z.ZodType>(
  c: Context,
  schema: Schema,
): Promise<z.infer<Schema>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch (error) {
    throw new AppError(
      400,
      'invalid_json',
      'The body must be JSON',
      {},
      {
        cause: error,
      },
    )
  }

  return parseInput(schema, body)
}

/** Checks any input (a body, a query) against a schema, or answers 400. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.infer<Schema> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data

  throw validationFailed(
    parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      code: issue.code,
      message: issue.path.length
        ? `${issue.path.join('.')}: ${issue.message}`
        : issue.message,
    })),
  )
}
