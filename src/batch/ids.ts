/**
 * Record ids unique within an archive. ingestFile derives an id from the file name and format, so
 * `a/report.txt` and `b/report.txt` would clash; every file of a clashing group then gets a suffix
 * from a hash of its display path. The result depends only on the set of files, not on run order.
 */
import { sha256Text } from './hash.js';
import type { BulletinRecord } from '../record/schema.js';

export interface IdClaim {
  displayPath: string;
  baseId: string;
}

export function suffixedId(baseId: string, displayPath: string, length = 8): string {
  return `${baseId}-${sha256Text(displayPath).slice(0, length)}`;
}

/**
 * The id of a file whose base id other files share: suffixed by its path's hash. A suffixed id could,
 * in theory, equal another file's id (`taken`): the hash is lengthened until it is free.
 */
export function clashFreeId(baseId: string, displayPath: string, taken: (id: string) => boolean): string {
  let length = 8;
  let id = suffixedId(baseId, displayPath, length);
  while (taken(id) && length < 64) id = suffixedId(baseId, displayPath, (length += 8));
  return id;
}

/**
 * Final id per display path: a base id held by one file is its id; files sharing one get
 * `clashFreeId`s, settled in path order. (A batch run settles them the same way in its state database.)
 */
export function assignRecordIds(claims: readonly IdClaim[]): Map<string, string> {
  const sorted = [...claims].sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  const countByBase = new Map<string, number>();
  for (const c of sorted) countByBase.set(c.baseId, (countByBase.get(c.baseId) ?? 0) + 1);
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const c of sorted) if (countByBase.get(c.baseId) === 1) taken.add(c.baseId);
  for (const c of sorted) {
    if (countByBase.get(c.baseId) === 1) {
      ids.set(c.displayPath, c.baseId);
      continue;
    }
    const id = clashFreeId(c.baseId, c.displayPath, (candidate) => taken.has(candidate));
    taken.add(id);
    ids.set(c.displayPath, id);
  }
  return ids;
}

/** Gives a record a new id, and each item `<recordId>#<n>` with the same n. */
export function withRecordId(record: BulletinRecord, id: string): BulletinRecord {
  if (record.id === id) return record;
  return {
    ...record,
    id,
    items: record.items.map((item) => {
      const hash = item.id.lastIndexOf('#');
      return { ...item, id: `${id}${hash >= 0 ? item.id.slice(hash) : `#${item.id}`}` };
    }),
  };
}
