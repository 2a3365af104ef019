/**
 * The bulletin record: the source of truth for the record contract (../shared/docs/record-contract.md).
 * JSON Schema is generated from these zod schemas (`bulletin schema`). Absent values are null or [],
 * never missing keys. Key order here is the key order of the written JSON.
 */
import { z } from 'zod';

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
  start: isoDate,
  end: isoDate,
  partOfDay: z.enum(['am', 'pm', 'evening']).nullable(),
  /** [start, end) offsets of `text` in the item text. */
  span,
});

export const personSchema = z.object({
  name: z.string().min(2),
  titles: z.array(z.string()),
  spans: z.array(span),
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
  organisations: z.array(namedSpanSchema),
  places: z.array(namedSpanSchema),
  provenance: z.object({
    page: z.number().int().positive().nullable(),
    paragraph: z.number().int().nonnegative(),
  }),
  /** OCR'd items only: mean Tesseract word confidence (0–100) of the item's text; null otherwise. */
  confidence: z.number().min(0).max(100).nullable(),
});

/** What was OCR'd and how; null for text that came from a text layer or file. */
export const ocrSourceSchema = z.object({
  engine: z.literal('tesseract'),
  version: z.string(),
  /** Tesseract language models, e.g. `chi_sim`. */
  language: z.string(),
  /** Resolution PDF pages were rendered at; null for page images (read at their own). */
  dpi: z.number().int().positive().nullable(),
  /** The OCR'd pages, each with its mean word confidence (0–100; null when nothing was read). */
  pages: z.array(z.object({ page: z.number().int().positive(), confidence: z.number().min(0).max(100).nullable() })),
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
    format: z.enum(['txt', 'docx', 'pdf', 'doc', 'tiff', 'png', 'jpeg']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    encoding: z.string().nullable(),
    pages: z.number().int().positive().nullable(),
    ocr: ocrSourceSchema.nullable(),
  }),
  masthead: mastheadSchema,
  sections: z.array(sectionSchema),
  items: z.array(itemSchema),
  footer: footerSchema,
  messages: z.array(messageSchema),
});

export type BulletinRecord = z.infer<typeof recordSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Masthead = z.infer<typeof mastheadSchema>;
export type Footer = z.infer<typeof footerSchema>;
export type DateMention = z.infer<typeof dateMentionSchema>;
export type Person = z.infer<typeof personSchema>;
export type NamedSpan = z.infer<typeof namedSpanSchema>;

/** JSON Schema of the record, generated from the zod schema (draft 2020-12). */
export function recordJsonSchema(): unknown {
  return z.toJSONSchema(recordSchema, { target: 'draft-2020-12' });
}
