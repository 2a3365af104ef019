/**
 * Queries over the SQLite index. Everything here is read-only SQL; the index is built by
 * src/store/sqlite-index.ts.
 */
import type { IndexDatabase } from '../store/index-db.js';
import type { QueryResultItem, QueryResultPerson } from './result-schema.js';

export interface QueryFilters {
  /** Exact name (layout spaces are ignored). */
  person?: string;
  /** Substring of a title; with `person`, that person must hold it in the item. */
  title?: string;
  /** Substring of an organisation name. */
  org?: string;
  /** Substring of a place name. */
  place?: string;
  /** Substring of the section title. */
  section?: string;
  /** ISO date: items whose date range ends on or after it. */
  from?: string;
  /** ISO date: items whose date range starts on or before it. */
  to?: string;
  /** Whitespace-separated words, all of which must occur in the item's text or headline. */
  text?: string;
  limit?: number;
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
];

const ITEM_COLUMNS = `i.id, i.record_id, i.seq, r.issue_date, i.section, i.headline, i.text, i.date_text, i.date_start,
  i.date_end, i.part_of_day, r.source_path, i.page, i.paragraph, i.people_json, i.organisations_json, i.places_json`;
/** Undated items come last; ties keep the order of the bulletins. */
const ITEM_ORDER = 'i.date_start IS NULL, i.date_start, i.date_end, i.record_id, i.seq';

export function queryItems(db: IndexDatabase, filters: QueryFilters): QueryResultItem[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const like = "LIKE ? ESCAPE '\\'";

  const person = filters.person !== undefined ? normaliseName(filters.person) : undefined;
  if (person !== undefined && filters.title !== undefined) {
    where.push(`i.id IN (SELECT item_id FROM person_titles WHERE name = ? AND title ${like})`);
    params.push(person, likePattern(filters.title));
  } else if (person !== undefined) {
    where.push('i.id IN (SELECT item_id FROM people WHERE name = ?)');
    params.push(person);
  } else if (filters.title !== undefined) {
    where.push(`i.id IN (SELECT item_id FROM person_titles WHERE title ${like})`);
    params.push(likePattern(filters.title));
  }
  if (filters.org !== undefined) {
    where.push(`i.id IN (SELECT item_id FROM organisations WHERE name ${like})`);
    params.push(likePattern(filters.org));
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

  let sql = `SELECT ${ITEM_COLUMNS} FROM items i JOIN records r ON r.id = i.record_id`;
  if (where.length > 0) sql += ` WHERE ${where.join(' AND ')}`;
  sql += ` ORDER BY ${ITEM_ORDER}`;
  if (filters.limit !== undefined) {
    sql += ' LIMIT ?';
    params.push(filters.limit);
  }
  return (db.prepare(sql).raw().all(...params) as ItemRow[]).map(toResult);
}

function toResult(row: ItemRow): QueryResultItem {
  const [itemId, recordId, seq, issueDate, section, headline, text, dateText, start, end, partOfDay, sourcePath, page, paragraph] = row;
  return {
    itemId,
    recordId,
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
  title: string;
  /** First and last date the title is seen: item dates, or the issue date for undated items. */
  first: string | null;
  last: string | null;
  items: number;
}

export interface PersonTimeline {
  name: string;
  titles: TitleSpan[];
  items: QueryResultItem[];
}

export function personTimeline(db: IndexDatabase, name: string): PersonTimeline {
  const person = normaliseName(name);
  const titles = db
    .prepare(
      `SELECT t.title AS title,
              MIN(COALESCE(i.date_start, r.issue_date)) AS first,
              MAX(COALESCE(i.date_end, r.issue_date)) AS last,
              COUNT(DISTINCT t.item_id) AS items
         FROM person_titles t JOIN items i ON i.id = t.item_id JOIN records r ON r.id = i.record_id
        WHERE t.name = ?
        GROUP BY t.title
        ORDER BY first IS NULL, first, last, t.title`,
    )
    .all(person) as TitleSpan[];
  return { name: person, titles, items: queryItems(db, { person }) };
}

export interface TopEntry {
  name: string;
  /** Distinct items that mention the name. */
  items: number;
  /** Earliest and latest item date (or issue date of undated items). */
  first: string | null;
  last: string | null;
}

export function topEntities(db: IndexDatabase, kind: 'people' | 'orgs', limit: number): TopEntry[] {
  const table = kind === 'people' ? 'people' : 'organisations';
  // Counting over the (name, item_id) index first and dating only the top N keeps this fast.
  return db
    .prepare(
      `WITH top AS (
         SELECT name, COUNT(DISTINCT item_id) AS items FROM ${table} GROUP BY name ORDER BY items DESC, name LIMIT ?
       )
       SELECT top.name AS name, top.items AS items,
              (SELECT MIN(COALESCE(i.date_start, r.issue_date)) FROM ${table} e JOIN items i ON i.id = e.item_id
                 JOIN records r ON r.id = i.record_id WHERE e.name = top.name) AS first,
              (SELECT MAX(COALESCE(i.date_end, r.issue_date)) FROM ${table} e JOIN items i ON i.id = e.item_id
                 JOIN records r ON r.id = i.record_id WHERE e.name = top.name) AS last
         FROM top ORDER BY top.items DESC, top.name`,
    )
    .all(limit) as TopEntry[];
}
