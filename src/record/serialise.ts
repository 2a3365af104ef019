/**
 * Deterministic JSON for records: the record builder creates objects in schema key order and the
 * zod parse preserves it, so plain JSON.stringify gives the same bytes for the same input.
 */
import type { BulletinRecord } from './schema.js';

export function serialiseRecord(record: BulletinRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
