/**
 * The archive's read API over the SQLite index: plain functions taking an open index (and OUT for
 * whole records), returning plain JSON-able values. The CLI's `show`, `person`, `people`, `orgs` and
 * `query` use them, and so can a web view (`bulletin serve`) without knowing the tables.
 *
 * - `listIssues(db, { publisher?, limit?, offset? })` — issues, newest first, with their renditions.
 * - `getIssue(db, id)` — one issue and its renditions (preferred first).
 * - `getItem(db, id)` — one item with its entities (organisations with their canonical body) and
 *   the same item in the issue's other renditions.
 * - `getRecord(outDir, id)` — a whole record from OUT/bulletins.
 * - `getPerson(db, name, { publisher?, allRenditions? })` — `personTimelines`.
 * - `getOrganisation(db, body, { allRenditions? })` — a body: the names written for it and its items.
 * - `search(db, filters)` — `queryItems`; `topEntities` and `countItems` for lists and counts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bulletinsDir, type IndexDatabase } from '../store/index-db.js';
import type { QueryResultItem } from './result-schema.js';
import { countedId, personTimelines, queryItems, type PersonOptions, type PersonTimeline, type QueryFilters } from './search.js';

export { countItems, topEntities } from './search.js';

export interface Rendition {
  recordId: string;
  format: string;
  sourcePath: string;
  warnings: number;
  preferred: boolean;
}

export interface IssueSummary {
  id: string;
  publisher: string | null;
  /** The body the publisher stands for (西湖区政协), or the publisher as written. */
  scope: string;
  title: string | null;
  year: number | null;
  issue: number | null;
  date: string | null;
  items: number;
  /** Preferred first. */
  renditions: Rendition[];
}

export interface ListOptions {
  publisher?: string;
  limit?: number;
  offset?: number;
}

interface IssueRow {
  id: string;
  preferred_record_id: string;
}

function issueSummary(db: IndexDatabase, row: IssueRow): IssueSummary {
  const head = db
    .prepare('SELECT publisher, scope, title, year, issue, issue_date AS date FROM records WHERE id = ?')
    .get(row.preferred_record_id) as Omit<IssueSummary, 'id' | 'items' | 'renditions'>;
  const renditions = (
    db
      .prepare('SELECT id AS recordId, format, source_path AS sourcePath, warnings, preferred FROM records WHERE issue_id = ? ORDER BY preferred DESC, id')
      .all(row.id) as (Omit<Rendition, 'preferred'> & { preferred: number })[]
  ).map((r) => ({ ...r, preferred: r.preferred === 1 }));
  const items = db.prepare('SELECT COUNT(*) FROM items WHERE record_id = ?').pluck().get(row.preferred_record_id) as number;
  return { id: row.id, ...head, items, renditions };
}

export function listIssues(db: IndexDatabase, options: ListOptions = {}): IssueSummary[] {
  const params: unknown[] = [];
  let where = '';
  if (options.publisher !== undefined) {
    where = "WHERE r.publisher LIKE ? ESCAPE '\\' OR r.scope LIKE ? ESCAPE '\\'";
    const pattern = `%${options.publisher.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(pattern, pattern);
  }
  const rows = db
    .prepare(
      `SELECT s.id AS id, s.preferred_record_id AS preferred_record_id FROM issues s JOIN records r ON r.id = s.preferred_record_id ${where}
        ORDER BY r.issue_date IS NULL, r.issue_date DESC, s.id LIMIT ? OFFSET ?`,
    )
    .all(...params, options.limit ?? -1, options.offset ?? 0) as IssueRow[];
  return rows.map((row) => issueSummary(db, row));
}

export function getIssue(db: IndexDatabase, id: string): IssueSummary | null {
  const row = db.prepare('SELECT id, preferred_record_id FROM issues WHERE id = ?').get(id) as IssueRow | undefined;
  return row ? issueSummary(db, row) : null;
}

/** The issue a record belongs to. */
export function issueOfRecord(db: IndexDatabase, recordId: string): IssueSummary | null {
  const issueId = db.prepare('SELECT issue_id FROM records WHERE id = ?').pluck().get(recordId) as string | undefined;
  return issueId === undefined ? null : getIssue(db, issueId);
}

export interface ItemDetail extends QueryResultItem {
  marker: string | null;
  /** Organisations as written, with the body each stands for. */
  bodies: { name: string; body: string }[];
  /** The item counted for this one (the preferred rendition's), and every rendition's item of it. */
  canonicalId: string;
  renditions: { itemId: string; recordId: string; format: string }[];
}

export function getItem(db: IndexDatabase, id: string): ItemDetail | null {
  const row = db.prepare('SELECT id, marker, canonical_id FROM items WHERE id = ?').get(id) as { id: string; marker: string | null; canonical_id: string | null } | undefined;
  if (!row) return null;
  const [item] = queryItems(db, { allRenditions: true, itemIds: [id] });
  const canonicalId = row.canonical_id ?? row.id;
  const renditions = db
    .prepare(
      `SELECT i.id AS itemId, i.record_id AS recordId, r.format AS format FROM items i JOIN records r ON r.id = i.record_id
        WHERE ${countedId(false)} = ? ORDER BY r.preferred DESC, i.id`,
    )
    .all(canonicalId) as ItemDetail['renditions'];
  const bodies = db.prepare('SELECT name, body FROM organisations WHERE item_id = ? ORDER BY rowid').all(id) as ItemDetail['bodies'];
  return { ...item, marker: row.marker, bodies, canonicalId, renditions };
}

export function getRecord(outDir: string, id: string): unknown | null {
  if (id.includes('/') || id.includes('\\') || id.startsWith('.')) return null;
  const file = path.join(bulletinsDir(outDir), `${id}.json`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

export function getPerson(db: IndexDatabase, name: string, options: PersonOptions = {}): PersonTimeline[] {
  return personTimelines(db, name, options);
}

export interface OrganisationDetail {
  body: string;
  /** The names written for it, with how many items wrote each. */
  variants: { name: string; items: number }[];
  items: QueryResultItem[];
}

export function getOrganisation(db: IndexDatabase, body: string, options: { allRenditions?: boolean } = {}): OrganisationDetail | null {
  const variants = db
    .prepare(
      `SELECT o.name AS name, COUNT(DISTINCT ${countedId(options.allRenditions)}) AS items FROM organisations o JOIN items i ON i.id = o.item_id
        WHERE o.body = ? GROUP BY o.name ORDER BY items DESC, o.name`,
    )
    .all(body) as OrganisationDetail['variants'];
  if (variants.length === 0) return null;
  return { body, variants, items: queryItems(db, { orgBody: body, allRenditions: options.allRenditions }) };
}

export function search(db: IndexDatabase, filters: QueryFilters): QueryResultItem[] {
  return queryItems(db, filters);
}
