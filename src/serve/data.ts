/**
 * What `bulletin serve` reads: one read-only view over an output folder (its SQLite index, its record
 * files and its manifest). Every page asks this module, never SQL or the file system directly, so the
 * pages stay the same when the index grows new tables (issue ids, canonical bodies).
 *
 * Ids and names from a URL are only ever used as SQL parameters; a record file is opened only for an id
 * the index lists, and an original only when its bytes still hash to the record's sha256 — so no URL
 * can reach a file the archive does not name.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bulletinsDir, indexPath, openIndexForRead, type IndexDatabase } from '../store/index-db.js';
import { personTimeline, queryItems, type QueryFilters, type TitleSpan, type TopEntry } from '../query/search.js';
import type { QueryResultItem } from '../query/result-schema.js';
import type { BulletinRecord } from '../record/schema.js';

export type ItemView = QueryResultItem;
export type { TitleSpan, TopEntry, QueryFilters };

export interface Rendition {
  id: string;
  format: string;
}

export interface IssueSummary {
  /** The record shown for the issue (the preferred rendition). */
  id: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  issue: number | null;
  year: number | null;
  items: number;
  /** Messages of severity warning or error in the shown record. */
  warnings: number;
  /** Every file of this issue, the shown one first. */
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
  summary: IssueSummary;
  /** Canonical body name per organisation name met in the record. */
  canonicalOrganisations: Map<string, string>;
}

export interface PersonDetail {
  name: string;
  titles: TitleSpan[];
  items: ItemView[];
  /** Items beyond those shown. */
  more: boolean;
}

export interface EntityItems {
  name: string;
  /** Canonical name (for an organisation; the name itself when none is known). */
  canonical: string;
  items: ItemView[];
  more: boolean;
}

export interface SearchResult {
  items: ItemView[];
  more: boolean;
}

/** Pages list at most this many items; the rest is announced, not rendered (keeps pages fast). */
export const PAGE_ITEMS = 300;

const FORMAT_PREFERENCE = ['docx', 'txt', 'pdf', 'doc'];
const RECORD_ID = /^[\p{L}\p{N}._-]+$/u;

interface RecordRow {
  id: string;
  source_path: string;
  format: string;
  issue_date: string | null;
  title: string | null;
  publisher: string | null;
  issue: number | null;
  year: number | null;
  items: number;
}

interface Snapshot {
  db: IndexDatabase;
  stamp: string;
  records: Map<string, RecordRow>;
  issues: IssueSummary[];
  issueOf: Map<string, IssueSummary>;
  messages: Map<string, RecordMessage[]>;
  /** The record shown for each issue: items of its other renditions are left out of lists. */
  shown: Set<string>;
  /** `shown` as a JSON array, for SQL's json_each. */
  shownJson: string;
  /** Top lists, computed once per snapshot. */
  top: Map<string, TopEntry[]>;
}

export class ArchiveUnavailable extends Error {}

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

  /** The index and the records as they are now: reloaded when either changed on disk. */
  private current(): Snapshot {
    const stamp = fileStamp(indexPath(this.outDir)) + '|' + fileStamp(bulletinsDir(this.outDir));
    if (this.snapshot && this.snapshot.stamp === stamp) return this.snapshot;
    const db = openIndexForRead(this.outDir);
    if (!db) throw new ArchiveUnavailable(`no current index in ${this.outDir}; run \`bulletin index --out ${this.outDir}\``);
    this.snapshot?.db.close();
    this.snapshot = load(db, stamp, this.outDir);
    return this.snapshot;
  }

  listIssues(): IssueSummary[] {
    return this.current().issues;
  }

  counts(): { issues: number; records: number; items: number } {
    const s = this.current();
    return { issues: s.issues.length, records: s.records.size, items: [...s.records.values()].reduce((n, r) => n + r.items, 0) };
  }

  getIssue(id: string): IssueDetail | null {
    const s = this.current();
    const row = s.records.get(id);
    if (!row || !RECORD_ID.test(id)) return null;
    const file = path.join(bulletinsDir(this.outDir), `${id}.json`);
    let record: BulletinRecord;
    try {
      record = JSON.parse(fs.readFileSync(file, 'utf8')) as BulletinRecord;
    } catch {
      return null;
    }
    if (record?.id !== id || !Array.isArray(record.items)) return null;
    const canonicalOrganisations = new Map<string, string>();
    for (const item of record.items) for (const org of item.organisations) canonicalOrganisations.set(org.name, org.name);
    return { record, summary: s.issueOf.get(id)!, canonicalOrganisations };
  }

  /** The issue a record belongs to (for renditions and warnings counts). */
  issueOf(id: string): IssueSummary | null {
    return this.current().issueOf.get(id) ?? null;
  }

  /** A person's titles over time and items, counted once per issue (not once per file of it). */
  getPerson(name: string): PersonDetail | null {
    const s = this.current();
    const timeline = personTimeline(s.db, name);
    const items = distinct(s, timeline.items);
    if (items.length === 0) return null;
    return { name: timeline.name, titles: titleSpans(timeline.name, items), items: items.slice(0, PAGE_ITEMS), more: items.length > PAGE_ITEMS };
  }

  getOrganisation(name: string): EntityItems | null {
    return this.entityItems('organisations', name);
  }

  getPlace(name: string): EntityItems | null {
    return this.entityItems('places', name);
  }

  private entityItems(table: 'organisations' | 'places', name: string): EntityItems | null {
    const s = this.current();
    const rows = s.db
      .prepare(
        `${ITEM_SQL}
          WHERE i.id IN (SELECT item_id FROM ${table} WHERE name = ?) AND i.record_id IN (SELECT value FROM json_each(?))
          ORDER BY ${ITEM_ORDER} LIMIT ?`,
      )
      .raw()
      .all(name, s.shownJson, PAGE_ITEMS + 1) as unknown[][];
    if (rows.length === 0) return null;
    const items = rows.map(itemView);
    return { name, canonical: name, items: items.slice(0, PAGE_ITEMS), more: items.length > PAGE_ITEMS };
  }

  topPeople(limit: number): TopEntry[] {
    return this.top('people', limit);
  }

  topOrganisations(limit: number): TopEntry[] {
    return this.top('organisations', limit);
  }

  /** The most-mentioned names, items counted once per issue; cached until the archive changes. */
  private top(table: 'people' | 'organisations', limit: number): TopEntry[] {
    const s = this.current();
    const key = `${table}:${limit}`;
    let entries = s.top.get(key);
    if (!entries) {
      entries = s.db
        .prepare(
          `SELECT e.name AS name, COUNT(DISTINCT e.item_id) AS items,
                  MIN(COALESCE(i.date_start, r.issue_date)) AS first, MAX(COALESCE(i.date_end, r.issue_date)) AS last
             FROM ${table} e JOIN items i ON i.id = e.item_id JOIN records r ON r.id = i.record_id
            WHERE i.record_id IN (SELECT value FROM json_each(?))
            GROUP BY e.name ORDER BY items DESC, e.name LIMIT ?`,
        )
        .all(s.shownJson, limit) as TopEntry[];
      s.top.set(key, entries);
    }
    return entries;
  }

  /** Items whose date range covers the day, and the issues dated that day. */
  getDate(iso: string): { items: ItemView[]; more: boolean; issues: IssueSummary[] } {
    const s = this.current();
    const items = distinct(s, queryItems(s.db, { from: iso, to: iso }));
    return { items: items.slice(0, PAGE_ITEMS), more: items.length > PAGE_ITEMS, issues: s.issues.filter((i) => i.date === iso) };
  }

  /** The filters of `bulletin query`, at most `limit` items (PAGE_ITEMS when not given). */
  search(filters: QueryFilters): SearchResult {
    const s = this.current();
    const limit = Math.min(filters.limit ?? PAGE_ITEMS, PAGE_ITEMS);
    // Items of an issue's other files are dropped after the query: ask for a few times the limit
    // first, and for everything only when that was not enough.
    const ask = limit * 4 + 1;
    let found = queryItems(s.db, { ...filters, limit: ask });
    let items = distinct(s, found);
    if (items.length <= limit && found.length === ask) {
      found = queryItems(s.db, { ...filters, limit: undefined });
      items = distinct(s, found);
    }
    return { items: items.slice(0, limit), more: items.length > limit };
  }

  /** Records with warnings or errors, newest issue first. */
  warnings(): WarningEntry[] {
    const s = this.current();
    const entries: WarningEntry[] = [];
    for (const row of sortedRecords([...s.records.values()])) {
      const messages = (s.messages.get(row.id) ?? []).filter((m) => m.severity !== 'info');
      if (messages.length === 0) continue;
      entries.push({ id: row.id, title: row.title, publisher: row.publisher, date: row.issue_date, issue: row.issue, sourcePath: row.source_path, messages });
    }
    return entries;
  }

  /**
   * The original file of a record, when it is still there with the bytes that were ingested; null
   * otherwise. The path comes from the record, never from a URL.
   */
  sourceFile(id: string): { id: string; file: string; format: string; pages: number | null; encoding: string | null } | null {
    const s = this.current();
    const row = s.records.get(id);
    if (!row) return null;
    const detail = this.getIssue(id);
    const sha = detail?.record.source.sha256;
    if (!sha) return null;
    const candidates = path.isAbsolute(row.source_path) ? [row.source_path] : this.sourceRoots.map((root) => path.resolve(root, row.source_path));
    for (const file of candidates) {
      if (verifiedSource(file, sha)) return { id, file, format: row.format, pages: detail.record.source.pages, encoding: detail.record.source.encoding };
    }
    return null;
  }
}

function fileStamp(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function load(db: IndexDatabase, stamp: string, outDir: string): Snapshot {
  const rows = db
    .prepare(
      `SELECT r.id, r.source_path, r.format, r.issue_date, r.title, r.publisher, r.issue, r.year,
              (SELECT COUNT(*) FROM items i WHERE i.record_id = r.id) AS items
         FROM records r`,
    )
    .all() as RecordRow[];
  const records = new Map(rows.map((r) => [r.id, r]));
  const messages = new Map<string, RecordMessage[]>();
  for (const row of rows) messages.set(row.id, readMessages(outDir, row.id));
  // One issue, many files: publisher + year + issue number, as the batch's same-issue links do.
  const groups = new Map<string, RecordRow[]>();
  for (const row of rows) {
    const key = row.publisher !== null && row.year !== null && row.issue !== null ? `${row.publisher}\u0000${row.year}\u0000${row.issue}` : `\u0001${row.id}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  const issues: IssueSummary[] = [];
  const issueOf = new Map<string, IssueSummary>();
  for (const group of groups.values()) {
    const ordered = [...group].sort(
      (a, b) => b.items - a.items || FORMAT_PREFERENCE.indexOf(a.format) - FORMAT_PREFERENCE.indexOf(b.format) || a.id.localeCompare(b.id),
    );
    const shown = ordered[0];
    const renditions = ordered.map((r) => ({ id: r.id, format: r.format }));
    for (const row of ordered) {
      const summary: IssueSummary = {
        id: row.id,
        title: row.title,
        publisher: row.publisher,
        date: row.issue_date,
        issue: row.issue,
        year: row.year,
        items: row.items,
        warnings: countWarnings(messages.get(row.id) ?? []),
        renditions,
      };
      issueOf.set(row.id, summary);
      if (row === shown) issues.push(summary);
    }
  }
  issues.sort(compareIssues);
  const shown = issues.map((i) => i.id);
  return { db, stamp, records, issues, issueOf, messages, shown: new Set(shown), shownJson: JSON.stringify(shown), top: new Map() };
}

function distinct(s: Snapshot, items: ItemView[]): ItemView[] {
  return items.filter((item) => s.shown.has(item.recordId));
}

/** Titles with the first and last day each is seen (item dates, else the issue date), in time order. */
function titleSpans(name: string, items: ItemView[]): TitleSpan[] {
  const spans = new Map<string, TitleSpan>();
  for (const item of items) {
    const first = item.date?.start ?? item.issueDate;
    const last = item.date?.end ?? item.issueDate;
    const titles = new Set(item.people.filter((p) => p.name === name).flatMap((p) => p.titles));
    for (const title of titles) {
      const span = spans.get(title) ?? { title, first: null, last: null, items: 0 };
      if (first !== null && (span.first === null || first < span.first)) span.first = first;
      if (last !== null && (span.last === null || last > span.last)) span.last = last;
      span.items += 1;
      spans.set(title, span);
    }
  }
  return [...spans.values()].sort(
    (a, b) =>
      Number(a.first === null) - Number(b.first === null) || (a.first ?? '').localeCompare(b.first ?? '') || (a.last ?? '').localeCompare(b.last ?? '') || a.title.localeCompare(b.title),
  );
}

function countWarnings(messages: RecordMessage[]): number {
  return messages.filter((m) => m.severity !== 'info').length;
}

function compareIssues(a: { date: string | null; publisher: string | null; issue: number | null; id: string }, b: typeof a): number {
  // Newest first; undated last; then publisher, issue number, id — a stable, deterministic order.
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : b.date.localeCompare(a.date);
  return (a.publisher ?? '').localeCompare(b.publisher ?? '') || (a.issue ?? 0) - (b.issue ?? 0) || a.id.localeCompare(b.id);
}

function sortedRecords(rows: RecordRow[]): RecordRow[] {
  return rows
    .map((r) => ({ row: r, date: r.issue_date, publisher: r.publisher, issue: r.issue, id: r.id }))
    .sort(compareIssues)
    .map((x) => x.row);
}

function readMessages(outDir: string, id: string): RecordMessage[] {
  if (!RECORD_ID.test(id)) return [];
  try {
    const record = JSON.parse(fs.readFileSync(path.join(bulletinsDir(outDir), `${id}.json`), 'utf8')) as { messages?: RecordMessage[] };
    return Array.isArray(record.messages) ? record.messages : [];
  } catch {
    return [];
  }
}

const ITEM_SQL = `SELECT i.id, i.record_id, i.seq, r.issue_date, i.section, i.headline, i.text, i.date_text, i.date_start,
  i.date_end, i.part_of_day, r.source_path, i.page, i.paragraph, i.people_json, i.organisations_json, i.places_json
  FROM items i JOIN records r ON r.id = i.record_id`;

/** Undated items last; then date, record, position (the order of `bulletin query`). */
const ITEM_ORDER = 'i.date_start IS NULL, i.date_start, i.date_end, i.record_id, i.seq';

function itemView(row: unknown[]): ItemView {
  const [itemId, recordId, seq, issueDate, section, headline, text, dateText, start, end, partOfDay, sourcePath, page, paragraph] = row as [
    string, string, number, string | null, string | null, string | null, string, string | null, string | null, string | null,
    'am' | 'pm' | 'evening' | null, string, number | null, number | null,
  ];
  return {
    itemId, recordId, seq, issueDate, section, headline, text, sourcePath, page, paragraph,
    date: start !== null && end !== null ? { text: dateText ?? '', start, end, partOfDay } : null,
    people: JSON.parse(row[14] as string), organisations: JSON.parse(row[15] as string), places: JSON.parse(row[16] as string),
  };
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
      hash = createHashOf(fs.readFileSync(file));
    } catch {
      return false;
    }
    verified.set(key, hash);
  }
  return hash === sha256;
}

function createHashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
