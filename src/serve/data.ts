/**
 * What `bulletin serve` reads: one read-only view over an output folder (its SQLite index, its record
 * files and their originals), built on the archive read API (src/query/archive.ts, search.ts). Every
 * page asks this module, never SQL or the file system directly.
 *
 * Lists count an issue's item once (the preferred rendition's), as `bulletin query` does; organisations
 * are their canonical bodies; a person is a name within the body whose bulletins mention them.
 *
 * Ids and names from a URL are only ever used as SQL parameters; a record file is opened only for an id
 * the index lists, and an original only when its bytes still hash to the record's sha256 — so no URL
 * can reach a file the archive does not name.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { listIssues } from '../query/archive.js';
import { countedId, filterClause, personTimelines, queryItems, topEntities, type QueryFilters, type TitleSpan, type TopEntry } from '../query/search.js';
import type { QueryResultItem } from '../query/result-schema.js';
import type { BulletinRecord } from '../record/schema.js';
import { bulletinsDir, indexPath, openIndexForRead, type IndexDatabase } from '../store/index-db.js';

/** An item as lists show it, with the canonical body of each organisation name it writes. */
export type ItemView = QueryResultItem & { bodies: Record<string, string> };
export type { TitleSpan, TopEntry, QueryFilters };

/** Pages list this many items (or issues: ISSUES_PER_PAGE) and link to the next ones. */
export const PAGE_ITEMS = 100;
export const ISSUES_PER_PAGE = 200;
/** The people and organisations lists show this many. */
export const TOP_LIST = 500;
/** The warnings list shows this many records a page. */
export const WARNING_RECORDS_PER_PAGE = 100;

export interface Rendition {
  id: string;
  format: string;
}

export interface IssueSummary {
  /** The issue's id (one issue, many files). */
  issueId: string;
  /** The record shown for the issue: its preferred rendition. */
  id: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  issue: number | null;
  year: number | null;
  items: number;
  /** Messages of severity warning or error in the shown record. */
  warnings: number;
  /** Every file of this issue, the preferred one first. */
  renditions: Rendition[];
}

export interface RecordMessage {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  page: number | null;
  offset: number | null;
}

export interface WarningEntry {
  id: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  issue: number | null;
  sourcePath: string;
  messages: RecordMessage[];
}

export interface IssueDetail {
  record: BulletinRecord;
  /** The issue of the record (its `id` is the preferred rendition, which may be another record). */
  summary: IssueSummary;
  /** The canonical body of each organisation name in the record, as the index resolved it. */
  bodies: Map<string, string>;
}

/** One page of a longer list. */
export interface Paged<T> {
  items: T[];
  /** How many there are in all. */
  total: number;
  /** From 1. */
  page: number;
  pages: number;
}

export interface PersonTimelineView {
  name: string;
  /** The body the person is counted under (the publisher of the bulletins naming them). */
  publisher: string;
  titles: TitleSpan[];
  items: Paged<ItemView>;
}

export interface EntityItems {
  name: string;
  /** Organisations: the names written for the body. */
  variants: string[];
  items: Paged<ItemView>;
}

interface RecordRow {
  id: string;
  source_path: string;
  format: string;
  issue_date: string | null;
  title: string | null;
  publisher: string | null;
  issue: number | null;
  year: number | null;
  warnings: number;
}

interface Snapshot {
  db: IndexDatabase;
  stamp: string;
  records: Map<string, RecordRow>;
  issues: IssueSummary[];
  /** Every record id to the issue it is a rendition of. */
  issueOf: Map<string, IssueSummary>;
  items: number;
  /** Computed on first use, kept until the archive changes. */
  cache: Map<string, unknown>;
}

export class ArchiveUnavailable extends Error {}

const RECORD_ID = /^[\p{L}\p{N}._-]+$/u;

export class Archive {
  readonly outDir: string;
  /** Folders relative source paths are resolved against (the folder ingest ran in, then OUT's parent). */
  readonly sourceRoots: string[];
  private snapshot: Snapshot | null = null;

  constructor(outDir: string, options: { sourceRoot?: string } = {}) {
    this.outDir = path.resolve(outDir);
    this.sourceRoots = [path.resolve(options.sourceRoot ?? process.cwd()), path.dirname(this.outDir)];
  }

  close(): void {
    this.snapshot?.db.close();
    this.snapshot = null;
  }

  /** The index as it is now: reopened when it or the records folder changed on disk. */
  private current(): Snapshot {
    const stamp = `${fileStamp(indexPath(this.outDir))}|${fileStamp(bulletinsDir(this.outDir))}`;
    if (this.snapshot && this.snapshot.stamp === stamp) return this.snapshot;
    const db = openIndexForRead(this.outDir);
    if (!db) throw new ArchiveUnavailable(`no current index in ${this.outDir}; run \`bulletin index --out ${this.outDir}\``);
    this.snapshot?.db.close();
    this.snapshot = load(db, stamp);
    return this.snapshot;
  }

  private cached<T>(key: string, make: (s: Snapshot) => T): T {
    const s = this.current();
    if (!s.cache.has(key)) s.cache.set(key, make(s));
    return s.cache.get(key) as T;
  }

  listIssues(page = 1): Paged<IssueSummary> {
    return paged(this.current().issues, page, ISSUES_PER_PAGE);
  }

  counts(): { issues: number; records: number; items: number } {
    const s = this.current();
    return { issues: s.issues.length, records: s.records.size, items: s.items };
  }

  /** A record (one file of an issue) with what its page needs. */
  getIssue(id: string): IssueDetail | null {
    const s = this.current();
    const record = this.readRecord(id);
    if (!record) return null;
    const rows = s.db
      .prepare('SELECT DISTINCT o.name AS name, o.body AS body FROM organisations o JOIN items i ON i.id = o.item_id WHERE i.record_id = ?')
      .all(id) as { name: string; body: string }[];
    return { record, summary: s.issueOf.get(id)!, bodies: new Map(rows.map((r) => [r.name, r.body])) };
  }

  private readRecord(id: string): BulletinRecord | null {
    if (!this.current().records.has(id) || !RECORD_ID.test(id)) return null;
    try {
      const record = JSON.parse(fs.readFileSync(path.join(bulletinsDir(this.outDir), `${id}.json`), 'utf8')) as BulletinRecord;
      return record?.id === id && Array.isArray(record.items) ? record : null;
    } catch {
      return null;
    }
  }

  /** The issue a record belongs to. */
  issueOf(id: string): IssueSummary | null {
    return this.current().issueOf.get(id) ?? null;
  }

  /** Everyone of that name: one timeline per body whose bulletins name them. */
  getPerson(name: string, page = 1): PersonTimelineView[] {
    const s = this.current();
    return personTimelines(s.db, name).map((t) => {
      const items = paged(t.items, page, PAGE_ITEMS);
      return { name: t.name, publisher: t.publisher, titles: t.titles, items: { ...items, items: withBodies(s.db, items.items) } };
    });
  }

  /** A canonical body: the names written for it and its items. */
  getOrganisation(body: string, page = 1): EntityItems | null {
    const s = this.current();
    // The names written for the body, most written first (cheaper than a top list filtered to it).
    const variants = s.db.prepare('SELECT name FROM organisations WHERE body = ? GROUP BY name ORDER BY COUNT(*) DESC, name').pluck().all(body) as string[];
    if (variants.length === 0) return null;
    return { name: body, variants, items: this.page({ orgBody: body }, this.count({ orgBody: body }), page) };
  }

  /** A place by its exact name. */
  getPlace(name: string, page = 1): EntityItems | null {
    const s = this.current();
    const ids = s.db
      .prepare(`SELECT DISTINCT ${countedId(false)} FROM places p JOIN items i ON i.id = p.item_id WHERE p.name = ?`)
      .pluck()
      .all(name) as string[];
    if (ids.length === 0) return null;
    return { name, variants: [], items: this.page({ itemIds: ids, allRenditions: true }, ids.length, page) };
  }

  /** Items whose date range covers the day, and the issues dated that day. */
  getDate(iso: string, page = 1): { items: Paged<ItemView>; issues: IssueSummary[] } {
    const filters = { from: iso, to: iso };
    return { items: this.page(filters, () => this.count(filters), page), issues: this.current().issues.filter((i) => i.date === iso) };
  }

  /** The filters of `bulletin query`; `limit` caps the whole result, pages split it. */
  search(filters: QueryFilters, page = 1): Paged<ItemView> {
    const { limit, ...rest } = filters;
    if (limit !== undefined) return this.page(rest, Math.min(this.count(rest), limit), page);
    return this.page(rest, () => this.count(rest), page);
  }

  /** One page of the items matching; `total` is their number, or counts them when needed. */
  private page(filters: QueryFilters, total: number | (() => number), page: number): Paged<ItemView> {
    const db = this.current().db;
    const at = Math.max(1, page);
    const offset = (at - 1) * PAGE_ITEMS;
    const cap = typeof total === 'number' ? total : Infinity;
    const items = offset < cap ? queryItems(db, { ...filters, limit: Math.min(PAGE_ITEMS, cap - offset), offset }) : [];
    // A short first page is the whole list: counting would only run the query again.
    const count = typeof total === 'number' ? total : at === 1 && items.length < PAGE_ITEMS ? items.length : total();
    const pages = Math.max(1, Math.ceil(count / PAGE_ITEMS));
    if (at > pages) return this.page(filters, count, pages);
    return { items: withBodies(db, items), total: count, page: at, pages };
  }

  /** How many items match (an issue's item once, unless all renditions are asked for). */
  private count(filters: QueryFilters): number {
    const { where, params } = filterClause(filters);
    return this.current()
      .db.prepare(`SELECT COUNT(DISTINCT ${countedId(filters.allRenditions)}) FROM items i JOIN records r ON r.id = i.record_id${where}`)
      .pluck()
      .get(...params) as number;
  }

  /** Does now what the first pages would (the index snapshot, the top lists, the warnings). */
  warm(): void {
    this.current();
    this.topPeople(TOP_LIST);
    this.topOrganisations(TOP_LIST);
    this.allWarnings();
  }

  topPeople(limit: number): TopEntry[] {
    return this.cached(`people:${limit}`, (s) => topEntities(s.db, 'people', limit));
  }

  topOrganisations(limit: number): TopEntry[] {
    return this.cached(`orgs:${limit}`, (s) => topEntities(s.db, 'orgs', limit));
  }

  /** Records with warnings or errors, newest issue first, a page of them. */
  warnings(page = 1): Paged<WarningEntry> {
    return paged(this.allWarnings(), page, WARNING_RECORDS_PER_PAGE);
  }

  /** The page of the warnings list that holds a record (1 when it has none). */
  warningsPageOf(id: string): number {
    const index = this.allWarnings().findIndex((e) => e.id === id);
    return index < 0 ? 1 : Math.floor(index / WARNING_RECORDS_PER_PAGE) + 1;
  }

  private allWarnings(): WarningEntry[] {
    return this.cached('warnings', (s) => {
      const entries: WarningEntry[] = [];
      for (const row of [...s.records.values()].filter((r) => r.warnings > 0).sort(compareRecords)) {
        const messages = (this.readRecord(row.id)?.messages ?? []).filter((m) => m.severity !== 'info');
        if (messages.length === 0) continue;
        entries.push({ id: row.id, title: row.title, publisher: row.publisher, date: row.issue_date, issue: row.issue, sourcePath: row.source_path, messages });
      }
      return entries;
    });
  }

  /**
   * The original file of a record, when it is still there with the bytes that were ingested; null
   * otherwise. The path comes from the record, never from a URL.
   */
  sourceFile(id: string): { id: string; file: string; format: string; pages: number | null; encoding: string | null } | null {
    const row = this.current().records.get(id);
    const record = row ? this.readRecord(id) : null;
    if (!row || !record?.source?.sha256) return null;
    const candidates = path.isAbsolute(row.source_path) ? [row.source_path] : this.sourceRoots.map((root) => path.resolve(root, row.source_path));
    for (const file of candidates) {
      if (verifiedSource(file, record.source.sha256)) return { id, file, format: row.format, pages: record.source.pages, encoding: record.source.encoding };
    }
    return null;
  }
}

export function paged<T>(all: T[], page: number, size: number): Paged<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const at = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { items: all.slice((at - 1) * size, at * size), total: all.length, page: at, pages };
}

function withBodies(db: IndexDatabase, items: QueryResultItem[]): ItemView[] {
  const statement = db.prepare('SELECT name, body FROM organisations WHERE item_id = ?').raw();
  return items.map((item) => ({ ...item, bodies: Object.fromEntries(statement.all(item.itemId) as [string, string][]) }));
}

function fileStamp(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function load(db: IndexDatabase, stamp: string): Snapshot {
  const rows = db.prepare('SELECT id, source_path, format, issue_date, title, publisher, issue, year, warnings FROM records').all() as RecordRow[];
  const records = new Map(rows.map((r) => [r.id, r]));
  const issueOf = new Map<string, IssueSummary>();
  const issues = listIssues(db).map((issue): IssueSummary => {
    const preferred = issue.renditions.find((r) => r.preferred) ?? issue.renditions[0];
    const summary: IssueSummary = {
      issueId: issue.id,
      id: preferred.recordId,
      title: issue.title,
      publisher: issue.publisher,
      date: issue.date,
      issue: issue.issue,
      year: issue.year,
      items: issue.items,
      warnings: preferred.warnings,
      renditions: issue.renditions.map((r) => ({ id: r.recordId, format: r.format })),
    };
    for (const r of issue.renditions) issueOf.set(r.recordId, summary);
    return summary;
  });
  const items = db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number;
  return { db, stamp, records, issues, issueOf, items, cache: new Map() };
}

function compareRecords(a: RecordRow, b: RecordRow): number {
  // Newest first; undated last; then publisher, issue number, id: a stable, deterministic order.
  if (a.issue_date !== b.issue_date) return a.issue_date === null ? 1 : b.issue_date === null ? -1 : b.issue_date.localeCompare(a.issue_date);
  return (a.publisher ?? '').localeCompare(b.publisher ?? '') || (a.issue ?? 0) - (b.issue ?? 0) || a.id.localeCompare(b.id);
}

const verified = new Map<string, string>();

/** True when the file exists, is a regular file and hashes to the record's sha256 (cached by stat). */
function verifiedSource(file: string, sha256: string): boolean {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return false;
  }
  if (!st.isFile()) return false;
  const key = `${file}\u0000${st.ino}:${st.size}:${st.mtimeMs}`;
  let hash = verified.get(key);
  if (hash === undefined) {
    try {
      hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    } catch {
      return false;
    }
    verified.set(key, hash);
  }
  return hash === sha256;
}
