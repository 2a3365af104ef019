/**
 * The shape of one query result (an item with its record's context), as printed by
 * `bulletin query --format json|jsonl`. The JSON Schema generated from it is written to
 * OUT/schema/query-result.schema.json whenever the index is built.
 *
 * Only `import type` this module from code on the query path: importing it loads zod.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const QUERY_RESULT_SCHEMA_ID = 'urn:bulletin-ingest:schema:query-result';

export const queryResultPersonSchema = z
  .object({
    name: z.string().describe('the name as written'),
    titles: z.array(z.string()).describe('titles the item gives the person, as written'),
  })
  .describe('a person mentioned in the item');

export const queryResultItemSchema = z
  .object({
    itemId: z.string().describe('the item id, unique within the archive'),
    recordId: z.string().describe('the id of the bulletin record (OUT/bulletins/<recordId>.json)'),
    issueId: z.string().describe('the issue the record is a rendition of (the same for the .docx, .pdf and .txt of one issue)'),
    publisher: z.string().nullable().describe('the publisher as written in the masthead'),
    seq: z.number().int().positive().describe("the item's position in its record, from 1"),
    issueDate: isoDate.nullable().describe("the bulletin issue's date"),
    section: z.string().nullable().describe('title of the innermost enclosing section'),
    headline: z.string().nullable().describe('the headline of an article-style item, or null'),
    date: z
      .object({
        text: z.string().describe('the date as written'),
        start: isoDate.describe('first day (ISO)'),
        end: isoDate.describe('last day (ISO)'),
        partOfDay: z.enum(['am', 'pm', 'evening']).nullable().describe('上午 / 下午 / 晚上, or null'),
      })
      .nullable()
      .describe("the item's own date; null if none"),
    text: z.string().describe('the item text'),
    people: z.array(queryResultPersonSchema).describe('people mentioned, with the titles the item gives them'),
    organisations: z.array(z.string()).describe('organisations mentioned, as written'),
    places: z.array(z.string()).describe('places mentioned'),
    sourcePath: z.string().describe('the input file the record was made from'),
    page: z.number().int().positive().nullable().describe('page where the item starts (pdf)'),
    paragraph: z.number().int().nonnegative().nullable().describe('paragraph where the item starts'),
  })
  .describe('One item found by `bulletin query` (one line of --format jsonl).');

export const queryResultSchema = z
  .array(queryResultItemSchema)
  .describe('The output of `bulletin query --format json`: items in date order, then record id and position.');

export type QueryResultPerson = z.infer<typeof queryResultPersonSchema>;
export type QueryResultItem = z.infer<typeof queryResultItemSchema>;

export function queryResultJsonSchema(): unknown {
  const { $schema, ...rest } = z.toJSONSchema(queryResultSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema, $id: QUERY_RESULT_SCHEMA_ID, ...rest };
}
