/** `{ field: { from, to } }` for the fields that change; no secrets here. */
export function describeChanges<T extends Record<string, unknown>>(
  before: T,
  changes: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(
    Object.entries(changes)
      .filter(([field, to]) => before[field] !== to)
      .map(([field, to]) => [field, { from: before[field], to }]),
  )
}
