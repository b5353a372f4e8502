import { customType, timestamp } from 'drizzle-orm/pg-core'

/** Binary column; Yjs updates and snapshots are stored as raw bytes. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
})

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
