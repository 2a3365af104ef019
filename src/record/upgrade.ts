/**
 * Reading records written by an older version, so an archive need not be re-ingested for its index to
 * be rebuilt. Schema 1 lacked what schema 2 added: organisations' `canonical` (filled in by the same
 * resolution a fresh ingest does), bylines (none were recorded then: []) and dates' year, month, day
 * and basis (schema 1 dates were always written in full in the item).
 */
import { canonicalOrganisation, documentContext } from '../resolve/canonical-org.js';
import { SCHEMA_VERSION } from './schema.js';

interface V1Record {
  schemaVersion: 1;
  masthead?: { publisher?: string | null; title?: string | null };
  items?: { organisations?: { name: string; spans: unknown }[] }[];
}

interface V1Date {
  start: string;
  [key: string]: unknown;
}

/** Schema 1 dates always had a full ISO start, written in the item's text. */
function upgradeDate(date: V1Date | null): unknown {
  if (!date) return null;
  const [year, month, day] = date.start.split('-').map(Number);
  return { ...date, year, month, day, basis: 'text' };
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
      date: upgradeDate((item as { date?: V1Date | null }).date ?? null),
      dates: ((item as { dates?: V1Date[] }).dates ?? []).map(upgradeDate),
      organisations: (item.organisations ?? []).map((o) => ({ name: o.name, canonical: canonicalOrganisation(o.name, context), spans: o.spans })),
    })),
  };
}
