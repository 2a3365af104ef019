/**
 * The bulletin record: the source of truth for the record contract (../shared/docs/record-contract.md).
 * JSON Schema is generated from these zod schemas (`bulletin schema`), with a description on every
 * field. Absent values are null or [], never missing keys. Key order here is the key order of the
 * written JSON.
 */
import { z } from 'zod';

/** 2: bylines on items and records, `html` sources, partial and inferred dates, organisations with their canonical body (docs/record-changes.md). */
export const SCHEMA_VERSION = 2 as const;

/** `$id`s of the generated JSON Schemas (identifiers only: nothing is fetched from them). */
export const RECORD_SCHEMA_ID = 'urn:bulletin-ingest:schema:record';
export const ITEM_LINE_SCHEMA_ID = 'urn:bulletin-ingest:schema:item-line';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ISO date YYYY-MM-DD');
const span = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .describe('[start, end) character offsets in the item text');

export const messageSchema = z
  .object({
    severity: z.enum(['error', 'warning', 'info']).describe('how much the problem matters'),
    code: z.string().min(1).describe('a stable, machine-readable code, e.g. item-without-date'),
    message: z.string().describe('what was odd, for a person'),
    page: z.number().int().positive().nullable().describe('the page it concerns (pdf), or null'),
    offset: z.number().int().nonnegative().nullable().describe('character offset it concerns, or null'),
  })
  .describe('Something odd met while reading the file');

export const dateMentionSchema = z
  .object({
    text: z.string().describe('the date as written, e.g. 5月6日至7日 ("" for a date taken from a heading)'),
    start: isoDate
      .nullable()
      .describe('first day (ISO), the year inferred from the issue date or other evidence when not written; null when no year can be known'),
    end: isoDate.nullable().describe('last day (ISO); equals start for a single day; null with start'),
    partOfDay: z.enum(['am', 'pm', 'evening']).nullable().describe('上午 / 下午 / 晚上 when written, else null'),
    span: span.describe('[start, end) offsets of `text` in the item text ([0, 0] for a date taken from a heading)'),
    year: z.number().int().nullable().describe('year of the start; null when nothing dates it'),
    month: z.number().int().min(1).max(12).describe('month of the start'),
    day: z.number().int().min(1).max(31).describe('day of the start'),
    basis: z
      .enum(['text', 'heading', 'relative'])
      .describe("where the date comes from: `text` written in the item; `heading` a chronicle's day line (5日：) under a month header; `relative` a word (今日, 昨日, 当天) against the page's date"),
  })
  .describe('A date written in an item (or given to it by a chronicle heading)');

export const personSchema = z
  .object({
    name: z.string().min(2).describe('the name as written, layout spaces removed'),
    titles: z.array(z.string()).describe('titles the item gives this person, as written'),
    spans: z.array(span).describe('where the name occurs in the item text'),
  })
  .describe('A person mentioned in an item');

/** A reporter, photographer or compiler named in a byline (`（记者王浩）`, `记者叶竞摄`): never one of the item's people. */
export const bylineSchema = z
  .object({
    name: z.string().min(2).describe('the name as written'),
    roles: z.array(z.string()).describe('roles as printed with the name, in order (记者, 通讯员, 摄, 整理); [] for a bare （张优优）'),
    span: span.describe('[start, end) of the name in the item text'),
  })
  .describe("A byline in an item: its author, never one of the item's people");

/** A byline standing alone at the end of the document (`德州晚报全媒体记者郑乃春整理`): it signs the whole record. */
export const recordBylineSchema = z
  .object({
    name: z.string().min(2).describe('the name as written'),
    roles: z.array(z.string()).describe('roles as printed with the name, in order'),
    line: z.string().describe('the byline line as printed (normalised); it is in no item text'),
  })
  .describe('A byline line that signs the whole record');

export const namedSpanSchema = z
  .object({
    name: z.string().min(1).describe('the name as written'),
    spans: z.array(span).describe('where it occurs in the item text'),
  })
  .describe('A named thing (a place) mentioned in an item');

export const organisationSchema = z
  .object({
    name: z.string().min(1).describe('the organisation as written (e.g. 区政协)'),
    canonical: z
      .string()
      .nullable()
      .describe(
        'the body it stands for, resolved with the masthead publisher (区政协 in a bulletin of 政协杭州市西湖区委员会 → 西湖区政协); null when the bulletin does not say which place a relative name means',
      ),
    spans: z.array(span).describe('where it occurs in the item text'),
  })
  .describe('An organisation mentioned in an item');

export const sectionSchema = z
  .object({
    title: z.string().describe('the section title as written, markers removed'),
    level: z.number().int().positive().describe('nesting level, 1 for top-level sections'),
    parent: z.string().nullable().describe('title of the enclosing section, or null'),
  })
  .describe('A section of the bulletin');

export const itemSchema = z
  .object({
    id: z.string().describe('<record id>#<position from 1>'),
    section: z.string().nullable().describe('title of the innermost enclosing section, or null'),
    marker: z.string().nullable().describe('the item marker (◆, ◇…), or null'),
    headline: z.string().nullable().describe('the headline of an article-style item, or null'),
    text: z.string().describe('the item text, paragraphs joined by newlines'),
    date: dateMentionSchema.nullable().describe("the item's own date (the first one that dates the event), or null"),
    dates: z.array(dateMentionSchema).describe('every other date written in the item'),
    people: z.array(personSchema).describe('people mentioned, in order of first mention'),
    bylines: z.array(bylineSchema).describe('reporters, photographers and compilers named in bylines (never in people)'),
    organisations: z.array(organisationSchema).describe('organisations mentioned, in order of first mention'),
    places: z.array(namedSpanSchema).describe('places mentioned, in order of first mention'),
    provenance: z
      .object({
        page: z.number().int().positive().nullable().describe('page where the item starts (pdf), or null'),
        paragraph: z.number().int().nonnegative().describe('index of the paragraph (block) where the item starts'),
      })
      .describe('where the item is in the source file'),
  })
  .describe('One item (news entry or article) of a bulletin');

export const mastheadSchema = z
  .object({
    title: z.string().nullable().describe('the bulletin title, e.g. 政协工作动态'),
    issue: z.number().int().nullable().describe('issue number within the year (第18期)'),
    totalIssue: z.number().int().nullable().describe('running issue number (总第N期), or null'),
    year: z.number().int().nullable().describe('year of the issue'),
    publisher: z.string().nullable().describe('the issuing office as written, e.g. 包头市政协办公室'),
    date: isoDate.nullable().describe('issue date (ISO)'),
  })
  .describe('The masthead: what issue this is and who published it');

export const footerSchema = z
  .object({
    reportTo: z.array(z.string()).describe('报：recipients the issue is reported to'),
    copyTo: z.array(z.string()).describe('送：recipients it is copied to'),
    distributeTo: z.array(z.string()).describe('发：recipients it is distributed to'),
    editors: z.array(z.string()).describe('编辑 / 责任编辑'),
    reviewers: z.array(z.string()).describe('审核 / 签发'),
    phone: z.string().nullable().describe('contact phone number'),
    email: z.string().nullable().describe('contact e-mail address'),
    copies: z.number().int().nullable().describe('print run, from （共印 50 份）'),
  })
  .describe('The footer: distribution list and editorial credits');

export const sourceSchema = z
  .object({
    path: z.string().describe('the input file, as given (relative paths kept relative)'),
    format: z.enum(['txt', 'docx', 'pdf', 'doc', 'html']).describe('the format read (from the bytes, not the name)'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the file bytes'),
    bytes: z.number().int().nonnegative().describe('file size in bytes'),
    encoding: z.string().nullable().describe('text encoding of a .txt (utf-8, gb18030…), else null'),
    pages: z.number().int().positive().nullable().describe('page count of a pdf, else null'),
  })
  .describe('The input file this record was made from');

export const recordSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION).describe('version of this record format'),
    id: z.string().min(1).describe('record id, from the file name and format (unique in an archive)'),
    source: sourceSchema,
    masthead: mastheadSchema,
    sections: z.array(sectionSchema).describe('sections in reading order'),
    items: z.array(itemSchema).describe('items in reading order'),
    footer: footerSchema,
    bylines: z.array(recordBylineSchema).describe('byline lines that sign the whole record'),
    messages: z.array(messageSchema).describe('problems met while reading and parsing'),
  })
  .describe('One bulletin file turned into a structured record');

/** One line of OUT/items.jsonl: an item with its record's context. Key order is the line's key order. */
export const itemLineSchema = z
  .object({
    recordId: z.string().describe('id of the record the item belongs to'),
    issueId: z
      .string()
      .describe('id of the issue: the same for every file (rendition) of one issue (publisher-year-number, or a hash of the text)'),
    issueDate: isoDate.nullable().describe("the issue's date (ISO)"),
    source: z.string().describe('the input file'),
    section: z.string().nullable().describe('title of the innermost enclosing section, or null'),
    ...itemSchema.omit({ section: true }).shape,
  })
  .describe('One line of OUT/items.jsonl: an item with its record and issue');

export type BulletinRecord = z.infer<typeof recordSchema>;
export type Item = z.infer<typeof itemSchema>;
export type ItemLine = z.infer<typeof itemLineSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Masthead = z.infer<typeof mastheadSchema>;
export type Footer = z.infer<typeof footerSchema>;
export type DateMention = z.infer<typeof dateMentionSchema>;
export type Person = z.infer<typeof personSchema>;
export type Byline = z.infer<typeof bylineSchema>;
export type RecordByline = z.infer<typeof recordBylineSchema>;
export type NamedSpan = z.infer<typeof namedSpanSchema>;
export type Organisation = z.infer<typeof organisationSchema>;

function withId(id: string, schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return { $schema, $id: id, ...rest };
}

/** JSON Schema of the record, generated from the zod schema (draft 2020-12). */
export function recordJsonSchema(): unknown {
  return withId(RECORD_SCHEMA_ID, recordSchema);
}

/** JSON Schema of one OUT/items.jsonl line. */
export function itemLineJsonSchema(): unknown {
  return withId(ITEM_LINE_SCHEMA_ID, itemLineSchema);
}
