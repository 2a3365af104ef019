/**
 * Queries over the SQLite index. Everything here is read-only SQL; the index is built by
 * src/store/sqlite-index.ts.
 */
import type { IndexDatabase } from '../store/index-db.js';
import type { QueryResultItem, QueryResultPerson } from './result-schema.js';

export interface QueryFilters {
  /** Exact name (layout spaces are ignored). */
  person?: string;
  /** With `person`: only that person in this scope (publishing body), as `people` lists it. */
  personScope?: string;
  /** Substring of a title (as written or in its canonical spelling); with `person`, that person must hold it in the item. */
  title?: string;
  /** Substring of an organisation name as written or of its canonical body (西湖区政协 finds 区政协 written in its bulletins). */
  org?: string;
  /** Exact canonical body (as `orgs` lists it). */
  orgBody?: string;
  /** Only these items (by id). */
  itemIds?: readonly string[];
  /** Substring of a place name. */
  place?: string;
  /** Substring of the section title. */
  section?: string;
  /** Substring of the publisher as written or of its canonical body. */
  publisher?: string;
  /** ISO date: items whose date range ends on or after it. */
  from?: string;
  /** ISO date: items whose date range starts on or before it. */
  to?: string;
  /** Whitespace-separated words, all of which must occur in the item's text or headline. */
  text?: string;
  /** Every file's item instead of one item per issue (the preferred rendition's). */
  allRenditions?: boolean;
  limit?: number;
  /** Results to skip before the first one printed (with `limit`, pages through results). */
  offset?: number;
}

/** The trigram tokenizer can only match terms of three or more characters. */
const MIN_FTS_TERM_CHARS = 3;

export function normaliseName(name: string): string {
  return name.replace(/\s+/gu, '');
}

export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export function searchTerms(text: string): string[] {
  return text.split(/\s+/u).filter((t) => t.length > 0);
}

/** A result row as an array (better-sqlite3's raw mode is markedly faster for large results). */
type ItemRow = [
  id: string,
  recordId: string,
  seq: number,
  issueDate: string | null,
  section: string | null,
  headline: string | null,
  text: string,
  dateText: string | null,
  dateStart: string | null,
  dateEnd: string | null,
  partOfDay: 'am' | 'pm' | 'evening' | null,
  sourcePath: string,
  page: number | null,
  paragraph: number | null,
  peopleJson: string,
  organisationsJson: string,
  placesJson: string,
  issueId: string,
  publisher: string | null,
];

const ITEM_COLUMNS = `i.id, i.record_id, i.seq, r.issue_date, i.section, i.headline, i.text, i.date_text, i.date_start,
  i.date_end, i.part_of_day, r.source_path, i.page, i.paragraph, i.people_json, i.organisations_json, i.places_json,
  i.issue_id, r.publisher`;
/** Undated items come last; ties keep the order of the bulletins. */
const ITEM_ORDER = 'i.date_start IS NULL, i.date_start, i.date_end, i.record_id, i.seq';

/**
 * The WHERE clause of the filters over `items i JOIN records r` (every rendition's items), and its
 * parameters. Shared by the item search and the counts.
 */
export function filterClause(filters: QueryFilters, itemAlias = 'i', recordAlias = 'r'): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const like = "LIKE ? ESCAPE '\\'";

  const person = filters.person !== undefined ? normaliseName(filters.person) : undefined;
  const scope = person !== undefined && filters.personScope !== undefined ? ' AND scope = ?' : '';
  const scopeParams = scope ? [filters.personScope] : [];
  if (person !== undefined && filters.title !== undefined) {
    where.push(`i.id IN (SELECT item_id FROM person_titles WHERE name = ?${scope} AND (title ${like} OR canonical ${like}))`);
    params.push(person, ...scopeParams, likePattern(filters.title), likePattern(filters.title));
  } else if (person !== undefined) {
    where.push(`i.id IN (SELECT item_id FROM people WHERE name = ?${scope})`);
    params.push(person, ...scopeParams);
  } else if (filters.title !== undefined) {
    where.push(`i.id IN (SELECT item_id FROM person_titles WHERE title ${like} OR canonical ${like})`);
    params.push(likePattern(filters.title), likePattern(filters.title));
  }
  if (filters.org !== undefined) {
    where.push(`i.id IN (SELECT item_id FROM organisations WHERE name ${like} OR body ${like})`);
    params.push(likePattern(filters.org), likePattern(filters.org));
  }
  if (filters.orgBody !== undefined) {
    where.push('i.id IN (SELECT item_id FROM organisations WHERE body = ?)');
    params.push(filters.orgBody);
  }
  if (filters.itemIds !== undefined) {
    where.push(`i.id IN (${filters.itemIds.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...filters.itemIds);
  }
  if (filters.publisher !== undefined) {
    where.push(`(r.publisher ${like} OR r.scope ${like})`);
    params.push(likePattern(filters.publisher), likePattern(filters.publisher));
  }
  if (filters.place !== undefined) {
    where.push(`i.id IN (SELECT item_id FROM places WHERE name ${like})`);
    params.push(likePattern(filters.place));
  }
  if (filters.section !== undefined) {
    where.push(`i.section ${like}`);
    params.push(likePattern(filters.section));
  }
  if (filters.from !== undefined) {
    where.push('i.date_end >= ?');
    params.push(filters.from);
  }
  if (filters.to !== undefined) {
    where.push('i.date_start <= ?');
    params.push(filters.to);
  }
  if (filters.text !== undefined) {
    const terms = searchTerms(filters.text);
    const long = terms.filter((t) => [...t].length >= MIN_FTS_TERM_CHARS);
    const short = terms.filter((t) => [...t].length < MIN_FTS_TERM_CHARS);
    if (long.length > 0) {
      where.push('i.pk IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)');
      params.push(long.map(ftsPhrase).join(' AND '));
    }
    for (const term of short) {
      where.push(`(i.text ${like} OR i.headline ${like})`);
      params.push(likePattern(term), likePattern(term));
    }
  }

  const sql = where.join(' AND ').replace(/\bi\.(?=[a-z_])/g, `${itemAlias}.`).replace(/\br\.(?=[a-z_])/g, `${recordAlias}.`);
  return { where: where.length > 0 ? ` WHERE ${sql}` : '', params };
}

/**
 * The id an item is counted under: its own with `allRenditions`, else the preferred rendition's item
 * it is (so the three files of one issue count one item once).
 */
export function countedId(allRenditions: boolean | undefined, alias = 'i'): string {
  return allRenditions ? `${alias}.id` : `COALESCE(${alias}.canonical_id, ${alias}.id)`;
}

/**
 * Items matching the filters, in date order. By default one item per item of an issue: an item
 * matching in any rendition is shown as the preferred rendition's item.
 */
export function queryItems(db: IndexDatabase, filters: QueryFilters): QueryResultItem[] {
  const { sql, params } = itemsStatement(db, filters);
  return (db.prepare(sql).raw().all(...params) as ItemRow[]).map(toResult);
}

/**
 * `queryItems` one item at a time, for output written as it is read (jsonl, csv): an export of the
 * whole archive holds one row in memory, not all of them. The connection is busy until it ends.
 */
export function* iterateItems(db: IndexDatabase, filters: QueryFilters): Generator<QueryResultItem> {
  const { sql, params } = itemsStatement(db, filters);
  for (const row of db.prepare(sql).raw().iterate(...params)) yield toResult(row as ItemRow);
}

function itemsStatement(db: IndexDatabase, filters: QueryFilters): { sql: string; params: unknown[] } {
  const { where, params } = filterClause(filters);
  let sql = `SELECT ${ITEM_COLUMNS} FROM items i JOIN records r ON r.id = i.record_id`;
  if (filters.allRenditions || !hasLinkedItems(db)) {
    sql += where;
  } else {
    // Items matching in any rendition, shown as the preferred rendition's item (the filters run over
    // items m and records mr; the records table only when the publisher filter needs it).
    const inner = filterClause(filters, 'm', 'mr');
    const from = filters.publisher !== undefined ? 'items m JOIN records mr ON mr.id = m.record_id' : 'items m';
    sql += ` WHERE i.id IN (SELECT ${countedId(false, 'm')} FROM ${from}${inner.where})`;
  }
  sql += ` ORDER BY ${ITEM_ORDER}`;
  const paging: unknown[] = [];
  if (filters.limit !== undefined || filters.offset !== undefined) {
    sql += ' LIMIT ? OFFSET ?';
    paging.push(filters.limit ?? -1, filters.offset ?? 0);
  }
  return { sql, params: [...params, ...paging] };
}

/** True when some item is another rendition's copy of an item (the archive holds an issue twice). */
export function hasLinkedItems(db: IndexDatabase): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM items WHERE canonical_id IS NOT NULL)').pluck().get() === 1;
}

function toResult(row: ItemRow): QueryResultItem {
  const [itemId, recordId, seq, issueDate, section, headline, text, dateText, start, end, partOfDay, sourcePath, page, paragraph] = row;
  return {
    itemId,
    recordId,
    issueId: row[17],
    publisher: row[18],
    seq,
    issueDate,
    section,
    headline,
    date: start !== null && end !== null ? { text: dateText ?? '', start, end, partOfDay } : null,
    text,
    people: JSON.parse(row[14]) as QueryResultPerson[],
    organisations: JSON.parse(row[15]) as string[],
    places: JSON.parse(row[16]) as string[],
    sourcePath,
    page,
    paragraph,
  };
}

export interface TitleSpan {
  /** The title in one spelling for its body (市政协副主席 in 包头市政协's bulletins → 包头市政协副主席). */
  title: string;
  /** The spellings written, e.g. ["市政协副主席", "副主席"]. */
  written: string[];
  /** First and last date the title is seen: item dates, or the issue date for undated items. */
  first: string | null;
  last: string | null;
  items: number;
}

export interface PersonTimeline {
  name: string;
  /** The body (scope) the person is counted under: the publisher of the bulletins that mention them. */
  publisher: string;
  titles: TitleSpan[];
  items: QueryResultItem[];
}

export interface PersonOptions {
  /** Only the person in bulletins of a publisher (as written, or its body) containing this text. */
  publisher?: string;
  allRenditions?: boolean;
}

/** One timeline per person of that name: the same name in two offices' bulletins is two people. */
export function personTimelines(db: IndexDatabase, name: string, options: PersonOptions = {}): PersonTimeline[] {
  const person = normaliseName(name);
  const like = "LIKE ? ESCAPE '\\'";
  const scopes = (
    options.publisher === undefined
      ? db.prepare('SELECT DISTINCT scope FROM people WHERE name = ? ORDER BY scope').pluck().all(person)
      : db
          .prepare(
            `SELECT DISTINCT p.scope FROM people p JOIN items i ON i.id = p.item_id JOIN records r ON r.id = i.record_id
              WHERE p.name = ? AND (p.scope ${like} OR r.publisher ${like} OR r.scope ${like}) ORDER BY p.scope`,
          )
          .pluck()
          .all(person, ...Array(3).fill(likePattern(options.publisher)))
  ) as string[];
  const titlesOf = db.prepare(
    `SELECT t.canonical AS title, json_group_array(DISTINCT t.title) AS written,
            MIN(COALESCE(i.date_start, r.issue_date)) AS first,
            MAX(COALESCE(i.date_end, r.issue_date)) AS last,
            COUNT(DISTINCT ${countedId(options.allRenditions)}) AS items
       FROM person_titles t JOIN items i ON i.id = t.item_id JOIN records r ON r.id = i.record_id
      WHERE t.name = ? AND t.scope = ?
      GROUP BY t.canonical
      ORDER BY first IS NULL, first, last, t.canonical`,
  );
  return scopes.map((scope) => ({
    name: person,
    publisher: scope,
    titles: (titlesOf.all(person, scope) as (Omit<TitleSpan, 'written'> & { written: string })[]).map((t) => ({
      ...t,
      written: (JSON.parse(t.written) as string[]).sort(),
    })),
    items: queryItems(db, { person, personScope: scope, allRenditions: options.allRenditions }),
  }));
}

export interface TopEntry {
  /** A person's name, or an organisation's canonical body. */
  name: string;
  /** People: the body the person is counted under (see `personTimelines`). */
  publisher?: string;
  /** Organisations: the names written for the body, e.g. ["区政协", "西湖区政协"]. */
  variants?: string[];
  /** Distinct items that mention the name (one per item of an issue unless all renditions are asked for). */
  items: number;
  /** Earliest and latest item date (or issue date of undated items). */
  first: string | null;
  last: string | null;
}

export interface TopOptions {
  allRenditions?: boolean;
  filters?: QueryFilters;
}

/** The most-mentioned people or organisations among the items matching the filters (all by default). */
export function topEntities(db: IndexDatabase, kind: 'people' | 'orgs', limit: number, options: TopOptions = {}): TopEntry[] {
  const filters = options.filters ?? {};
  const filtered = Object.entries(filters).some(([key, value]) => value !== undefined && key !== 'limit' && key !== 'allRenditions' && key !== 'offset');
  const counted = options.allRenditions || !hasLinkedItems(db) ? 'e.item_id' : countedId(false);
  const [table, group, extra] =
    kind === 'people' ? ['people', 'e.name, e.scope', 'e.scope'] : ['organisations', 'e.body', "json_group_array(DISTINCT e.name)"];
  const join = counted === 'e.item_id' ? '' : ' JOIN items i ON i.id = e.item_id';
  let rows: { name: string; extra: string; items: number; first: string | null; last: string | null }[];
  if (!filtered) {
    // Counting over the entity table first and dating only the top N keeps this fast.
    const key = kind === 'people' ? 'e.name = top.name AND e.scope = top.extra' : 'e.body = top.name';
    rows = db
      .prepare(
        `WITH top AS (
           SELECT ${kind === 'people' ? 'e.name' : 'e.body'} AS name, ${extra} AS extra, COUNT(DISTINCT ${counted}) AS items
             FROM ${table} e${join} GROUP BY ${group} ORDER BY items DESC, 1, 2 LIMIT ?
         )
         SELECT top.name, top.extra, top.items,
                (SELECT MIN(COALESCE(i.date_start, r.issue_date)) FROM ${table} e JOIN items i ON i.id = e.item_id
                   JOIN records r ON r.id = i.record_id WHERE ${key}) AS first,
                (SELECT MAX(COALESCE(i.date_end, r.issue_date)) FROM ${table} e JOIN items i ON i.id = e.item_id
                   JOIN records r ON r.id = i.record_id WHERE ${key}) AS last
           FROM top ORDER BY top.items DESC, top.name, top.extra`,
      )
      .all(limit) as typeof rows;
  } else {
    const { where, params } = filterClause(filters);
    rows = db
      .prepare(
        `WITH m AS (
           SELECT i.id AS id, ${countedId(options.allRenditions || counted === 'e.item_id')} AS cid,
                  COALESCE(i.date_start, r.issue_date) AS first, COALESCE(i.date_end, r.issue_date) AS last
             FROM items i JOIN records r ON r.id = i.record_id${where}
         )
         SELECT ${kind === 'people' ? 'e.name' : 'e.body'} AS name, ${extra} AS extra, COUNT(DISTINCT m.cid) AS items, MIN(m.first) AS first, MAX(m.last) AS last
           FROM m JOIN ${table} e ON e.item_id = m.id
          GROUP BY ${group} ORDER BY items DESC, 1, 2 LIMIT ?`,
      )
      .all(...params, limit) as typeof rows;
  }
  return rows.map((e) =>
    kind === 'people'
      ? { name: e.name, publisher: e.extra, items: e.items, first: e.first, last: e.last }
      : { name: e.name, variants: (JSON.parse(e.extra) as string[]).sort(), items: e.items, first: e.first, last: e.last },
  );
}

export const COUNT_KEYS = ['person', 'org', 'section', 'month'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

export interface CountEntry {
  /** The person (name), organisation (canonical body), section title or month (YYYY-MM); null when the item has none. */
  key: string | null;
  /** People: the body the person is counted under. */
  publisher?: string;
  items: number;
}

/** `query --count`: the matching items counted by person, organisation, section or month. */
export function countItems(db: IndexDatabase, filters: QueryFilters, by: CountKey): CountEntry[] {
  if (by === 'person' || by === 'org') {
    const top = topEntities(db, by === 'person' ? 'people' : 'orgs', filters.limit ?? -1, { allRenditions: filters.allRenditions, filters });
    return top.map((e) => (by === 'person' ? { key: e.name, publisher: e.publisher, items: e.items } : { key: e.name, items: e.items }));
  }
  const { where, params } = filterClause(filters);
  const key = by === 'section' ? 'i.section' : 'substr(COALESCE(i.date_start, r.issue_date), 1, 7)';
  const order = by === 'section' ? 'items DESC, key IS NULL, key' : 'key IS NULL, key';
  return db
    .prepare(
      `SELECT ${key} AS key, COUNT(DISTINCT ${countedId(filters.allRenditions)}) AS items
         FROM items i JOIN records r ON r.id = i.record_id${where}
        GROUP BY 1 ORDER BY ${order} LIMIT ?`,
    )
    .all(...params, filters.limit ?? -1) as CountEntry[];
}
