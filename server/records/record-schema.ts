import { z } from 'zod'
import {
  AGE_BANDS,
  AREAS,
  COUNTRY_CODES,
  EXPLOITATION_TYPES,
  GENDERS,
  MAX_AGE_YEARS,
  MAX_CREDIBILITY,
  MAX_PERSONS,
  MAX_SUMMARY_CHARS,
  MAX_TRANSIT_COUNTRIES,
  MEANS_OF_CONTROL,
  MIN_AGE_YEARS,
  MIN_CREDIBILITY,
  MIN_PERSONS,
  PHENOMENA,
  RECRUITER_RELATIONS,
  RECRUITMENT_CHANNELS,
  SECTORS,
  SOURCE_GRADES,
  TRANSPORT_MODES,
} from './record-fields'

const countryCode = z
  .string()
  .transform((code) => code.trim().toUpperCase())
  .refine((code) => COUNTRY_CODES.has(code), {
    params: { code: 'not_in_vocabulary' },
  })

// A list of codes; repeats say nothing more and are dropped.
const codeList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values))
    .max(values.length * 2)
    .transform((items) => [...new Set(items)])

/**
 * The shape of a record as a partner sends it, before generalisation.
 * Strict: a field the standard does not know is refused, never dropped.
 */
export const RECORD_INPUT = z.strictObject({
  phenomenon: z.enum(PHENOMENA),
  observedOn: z.string(),
  persons: z.int().min(MIN_PERSONS).max(MAX_PERSONS).nullish(),
  gender: z.enum(GENDERS).nullish(),
  ageBand: z.enum(AGE_BANDS).nullish(),
  age: z.int().min(MIN_AGE_YEARS).max(MAX_AGE_YEARS).nullish(),
  citizenship: countryCode.nullish(),
  origin: countryCode.nullish(),
  transit: z.array(countryCode).max(MAX_TRANSIT_COUNTRIES).nullish(),
  destination: countryCode.nullish(),
  area: z.enum(AREAS).nullish(),
  exploitation: codeList(EXPLOITATION_TYPES).nullish(),
  sector: z.enum(SECTORS).nullish(),
  meansOfControl: codeList(MEANS_OF_CONTROL).nullish(),
  recruiterRelation: z.enum(RECRUITER_RELATIONS).nullish(),
  recruitment: z.enum(RECRUITMENT_CHANNELS).nullish(),
  transport: codeList(TRANSPORT_MODES).nullish(),
  sourceGrade: z
    .string()
    .transform((grade) => grade.toUpperCase())
    .pipe(z.enum(SOURCE_GRADES))
    .nullish(),
  credibility: z.int().min(MIN_CREDIBILITY).max(MAX_CREDIBILITY).nullish(),
  linkageKey: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/)
    .transform((key) => key.toLowerCase())
    .nullish(),
  summary: z.string().max(MAX_SUMMARY_CHARS).nullish(),
})

export type RecordInput = z.input<typeof RECORD_INPUT>
export type ParsedRecordInput = z.output<typeof RECORD_INPUT>
