import {
  bigint,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { apiTokens, partners, users } from './identity'

/** One CSV import (or API batch): withdrawing it removes its records. */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'restrict' }),
    submittedBy: uuid('submitted_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    tokenId: uuid('token_id').references(() => apiTokens.id, {
      onDelete: 'set null',
    }),
    idempotencyKey: text('idempotency_key'),
    fileName: text('file_name'),
    rowsRead: integer('rows_read').notNull(),
    rowsAccepted: integer('rows_accepted').notNull(),
    report: jsonb('report').notNull(),
    status: text('status', { enum: ['stored', 'withdrawn'] })
      .notNull()
      .default('stored'),
    createdAt: createdAt(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [
    unique('import_batches_partner_idempotency_key').on(
      t.partnerId,
      t.idempotencyKey,
    ),
  ],
)

/**
 * Anonymised observations, one row each. Coded fields only: months, age
 * bands, countries; the exact values a partner may send are generalised
 * before they reach this table.
 */
export const records = pgTable(
  'records',
  {
    id: bigint('id', { mode: 'number' })
      .primaryKey()
      .generatedAlwaysAsIdentity(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'restrict' }),
    submittedBy: uuid('submitted_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    tokenId: uuid('token_id').references(() => apiTokens.id, {
      onDelete: 'set null',
    }),
    batchId: uuid('batch_id').references(() => importBatches.id, {
      onDelete: 'cascade',
    }),
    submittedAt: timestamp('submitted_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    phenomenon: text('phenomenon').notNull(),
    /** First day of the observed month. */
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    persons: integer('persons').notNull().default(1),
    gender: text('gender'),
    ageBand: text('age_band'),
    citizenship: char('citizenship', { length: 2 }),
    origin: char('origin', { length: 2 }),
    transit: text('transit').array().notNull().default([]),
    destination: char('destination', { length: 2 }),
    area: text('area'),
    exploitation: text('exploitation').array().notNull().default([]),
    sector: text('sector'),
    meansOfControl: text('means_of_control').array().notNull().default([]),
    recruiterRelation: text('recruiter_relation'),
    recruitment: text('recruitment'),
    transport: text('transport').array().notNull().default([]),
    sourceGrade: char('source_grade', { length: 1 }),
    credibility: smallint('credibility'),
    linkageKey: char('linkage_key', { length: 64 }),
    summary: text('summary'),
    createdAt: createdAt(),
  },
  (t) => [
    index('records_observed_on_idx').on(t.observedOn),
    index('records_partner_id_idx').on(t.partnerId),
    index('records_batch_id_idx').on(t.batchId),
    index('records_linkage_key_idx').on(t.linkageKey),
  ],
)
