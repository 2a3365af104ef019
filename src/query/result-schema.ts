/**
 * The shape of one query result (an item with its record's context), as printed by
 * `bulletin query --format json|jsonl`. The JSON Schema generated from it is written to
 * OUT/schema/query-result.schema.json whenever the index is built.
 *
 * Only `import type` this module from code on the query path: importing it loads zod.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const queryResultPersonSchema = z.object({
  name: z.string(),
  titles: z.array(z.string()),
});

export const queryResultItemSchema = z
  .object({
    itemId: z.string().describe('the item id, unique within the archive'),
    recordId: z.string().describe('the id of the bulletin record (OUT/bulletins/<recordId>.json)'),
    seq: z.number().int().positive().describe("the item's position in its record, from 1"),
    issueDate: isoDate.nullable().describe("the bulletin issue's date"),
    section: z.string().nullable().describe('title of the innermost enclosing section'),
    headline: z.string().nullable(),
    date: z
      .object({
        text: z.string(),
        start: isoDate,
        end: isoDate,
        partOfDay: z.enum(['am', 'pm', 'evening']).nullable(),
      })
      .nullable()
      .describe("the item's own date; null if none"),
    text: z.string(),
    people: z.array(queryResultPersonSchema).describe('people mentioned, with the titles the item gives them'),
    organisations: z.array(z.string()),
    places: z.array(z.string()),
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
  return z.toJSONSchema(queryResultSchema, { target: 'draft-2020-12' });
}
