/**
 * Reading records written by an older version: schema 1 lacked organisations' `canonical`, which is
 * filled in now, and bylines (none were recorded then: []) (the same resolution a fresh ingest does), so an archive need not be re-ingested for
 * its index to be rebuilt.
 */
import { canonicalOrganisation, documentContext } from '../resolve/canonical-org.js';
import { SCHEMA_VERSION } from './schema.js';

interface V1Record {
  schemaVersion: 1;
  masthead?: { publisher?: string | null; title?: string | null };
  items?: { organisations?: { name: string; spans: unknown }[] }[];
}

/** The record in the current schema version; anything not recognised is returned as it is. */
export function upgradeRecord(json: unknown): unknown {
  if (!json || typeof json !== 'object' || (json as { schemaVersion?: unknown }).schemaVersion !== 1) return json;
  const old = json as V1Record;
  const names = (old.items ?? []).flatMap((item) => (item.organisations ?? []).map((o) => o.name));
  const context = documentContext({ publisher: old.masthead?.publisher ?? null, title: old.masthead?.title ?? null }, names);
  return {
    ...old,
    schemaVersion: SCHEMA_VERSION,
    bylines: (old as { bylines?: unknown }).bylines ?? [],
    items: (old.items ?? []).map((item) => ({
      ...item,
      bylines: (item as { bylines?: unknown }).bylines ?? [],
      organisations: (item.organisations ?? []).map((o) => ({ name: o.name, canonical: canonicalOrganisation(o.name, context), spans: o.spans })),
    })),
  };
}
