/**
 * Assembles the record from the stages' results, in the contract's key order (serialisation relies
 * on it), and validates it with the zod schema: an invalid record is a bug, never written.
 */
import type { ItemEntities } from '../entities/index.js';
import type { Segmented } from '../segment/index.js';
import type { Extraction, Message } from '../types.js';
import { canonicalOrganisation, documentContext } from '../resolve/canonical-org.js';
import { itemId, recordIdFor } from './id.js';
import { recordSchema, SCHEMA_VERSION, type BulletinRecord, type Item, type RecordByline } from './schema.js';

export interface RecordParts {
  sourcePath: string;
  /** sha256 and length of the source bytes. */
  digest: { sha256: string; bytes: number };
  extraction: Omit<Extraction, 'blocks'>;
  segmented: Segmented;
  entities: ItemEntities[];
  /** Bylines standing alone at the end of the document (entities/bylines.ts takeTrailingBylines). */
  bylines?: RecordByline[];
}

export function buildRecord({ sourcePath, digest, extraction, segmented, entities, bylines = [] }: RecordParts): BulletinRecord {
  const id = recordIdFor(sourcePath, extraction.format);
  const messages: Message[] = [...extraction.messages, ...segmented.messages];
  // Relative names (区政协, 市委) are resolved with the bulletin's own body (from the masthead's
  // publisher, else its title, else the CPPCC body its items name most): what was written is kept.
  const publisher = documentContext(segmented.masthead, entities.flatMap((e) => e.organisations.map((o) => o.name)));
  const items: Item[] = segmented.items.map((item, k) => {
    const e = entities[k];
    const iid = itemId(id, k + 1);
    for (const m of e.messages) messages.push({ ...m, message: `${iid}: ${m.message}`, page: m.page ?? item.page });
    return {
      id: iid,
      section: item.section,
      marker: item.marker,
      headline: item.headline,
      text: item.paragraphs.join('\n'),
      date: e.date,
      dates: e.dates,
      people: e.people,
      bylines: e.bylines,
      organisations: e.organisations.map((o) => ({ name: o.name, canonical: canonicalOrganisation(o.name, publisher), spans: o.spans })),
      places: e.places,
      provenance: { page: item.page, paragraph: item.paragraph },
    };
  });
  if (items.length === 0) {
    messages.push({ severity: 'warning', code: 'no-items', message: 'No items or articles were found in this document.', page: null, offset: null });
  }
  const record: BulletinRecord = {
    schemaVersion: SCHEMA_VERSION,
    id,
    source: {
      path: sourcePath,
      format: extraction.format,
      sha256: digest.sha256,
      bytes: digest.bytes,
      encoding: extraction.encoding,
      pages: extraction.pages,
    },
    masthead: segmented.masthead,
    sections: segmented.sections,
    items,
    footer: segmented.footer,
    bylines,
    messages,
  };
  return recordSchema.parse(record);
}
