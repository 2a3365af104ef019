/**
 * The bulletin record: the source of truth for the record contract (../shared/docs/record-contract.md).
 * JSON Schema is generated from these zod schemas (`bulletin schema`). Absent values are null or [],
 * never missing keys. Key order here is the key order of the written JSON.
 */
import { z } from 'zod';

/** 2: bylines on items and records, `html` sources, partial and inferred dates (docs/record-changes.md). */
export const SCHEMA_VERSION = 2 as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ISO date YYYY-MM-DD');
const span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

export const messageSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string().min(1),
  message: z.string(),
  page: z.number().int().positive().nullable(),
  offset: z.number().int().nonnegative().nullable(),
});

export const dateMentionSchema = z.object({
  text: z.string(),
  /** ISO start and end; both null when no year can be known (month and day are still given). */
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  partOfDay: z.enum(['am', 'pm', 'evening']).nullable(),
  /** [start, end) offsets of `text` in the item text ([0, 0] for a date taken from a heading). */
  span,
  /** Year, month and day of the start (schema 2): the year is null when nothing dates it. */
  year: z.number().int().nullable(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  /**
   * Where the date comes from (schema 2): `text` written in the item; `heading` a chronicle's day
   * line (`5日：`) under a month header; `relative` a word (今日, 昨日, 当天) against the page's date.
   */
  basis: z.enum(['text', 'heading', 'relative']),
});

export const personSchema = z.object({
  name: z.string().min(2),
  titles: z.array(z.string()),
  spans: z.array(span),
});

/** A reporter, photographer or compiler named in a byline (`（记者王浩）`, `记者叶竞摄`): never one of the item's people. */
export const bylineSchema = z.object({
  name: z.string().min(2),
  /** Roles as printed with the name, in order (`记者`, `通讯员`, `摄`, `整理`); [] for a bare `（张优优）`. */
  roles: z.array(z.string()),
  /** [start, end) of the name in the item text. */
  span,
});

/** A byline standing alone at the end of the document (`德州晚报全媒体记者郑乃春整理`): it signs the whole record. */
export const recordBylineSchema = z.object({
  name: z.string().min(2),
  roles: z.array(z.string()),
  /** The byline line as printed (normalised); it is in no item's text. */
  line: z.string(),
});

export const namedSpanSchema = z.object({
  name: z.string().min(1),
  spans: z.array(span),
});

export const sectionSchema = z.object({
  title: z.string(),
  level: z.number().int().positive(),
  parent: z.string().nullable(),
});

export const itemSchema = z.object({
  id: z.string(),
  section: z.string().nullable(),
  marker: z.string().nullable(),
  headline: z.string().nullable(),
  text: z.string(),
  date: dateMentionSchema.nullable(),
  dates: z.array(dateMentionSchema),
  people: z.array(personSchema),
  bylines: z.array(bylineSchema),
  organisations: z.array(namedSpanSchema),
  places: z.array(namedSpanSchema),
  provenance: z.object({
    page: z.number().int().positive().nullable(),
    paragraph: z.number().int().nonnegative(),
  }),
});

export const mastheadSchema = z.object({
  title: z.string().nullable(),
  issue: z.number().int().nullable(),
  totalIssue: z.number().int().nullable(),
  year: z.number().int().nullable(),
  publisher: z.string().nullable(),
  date: isoDate.nullable(),
});

export const footerSchema = z.object({
  reportTo: z.array(z.string()),
  copyTo: z.array(z.string()),
  distributeTo: z.array(z.string()),
  editors: z.array(z.string()),
  reviewers: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** （共印 50 份） */
  copies: z.number().int().nullable(),
});

export const recordSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().min(1),
  source: z.object({
    path: z.string(),
    format: z.enum(['txt', 'docx', 'pdf', 'doc', 'html']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    encoding: z.string().nullable(),
    pages: z.number().int().positive().nullable(),
  }),
  masthead: mastheadSchema,
  sections: z.array(sectionSchema),
  items: z.array(itemSchema),
  footer: footerSchema,
  bylines: z.array(recordBylineSchema),
  messages: z.array(messageSchema),
});

export type BulletinRecord = z.infer<typeof recordSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Masthead = z.infer<typeof mastheadSchema>;
export type Footer = z.infer<typeof footerSchema>;
export type DateMention = z.infer<typeof dateMentionSchema>;
export type Person = z.infer<typeof personSchema>;
export type Byline = z.infer<typeof bylineSchema>;
export type RecordByline = z.infer<typeof recordBylineSchema>;
export type NamedSpan = z.infer<typeof namedSpanSchema>;

/** JSON Schema of the record, generated from the zod schema (draft 2020-12). */
export function recordJsonSchema(): unknown {
  return z.toJSONSchema(recordSchema, { target: 'draft-2020-12' });
}
