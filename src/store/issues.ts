/**
 * The derived, archive-wide part of the index, recomputed after every change to it (in the same
 * transaction; an update recomputes only the issues whose records it deleted or inserted): which records are renditions of one issue and which of them is preferred, which item
 * of the preferred rendition each other rendition's item is, and which people in different
 * publishers' bulletins are one person.
 *
 * - Issue: records with one `issue_id` (src/record/issue-id.ts). The preferred rendition is the first
 *   by the rendition order (setting `rendition_order`, default docx > doc > pdf > txt > scan), then
 *   fewest warnings, then record id.
 * - Items: `items.canonical_id` is the preferred rendition's item (NULL for the preferred rendition's
 *   own items and for items no other rendition has), so counting distinct `COALESCE(canonical_id, id)`
 *   counts an item of an issue once however many files hold it.
 * - People: a person is a name within a scope (the publishing body). Two scopes of one name are one
 *   person when a title of the name in one scope names the other scope's body (贺俊, 包头市政协副主席,
 *   in another office's bulletin is 包头市政协's 贺俊); the merged rows take the smaller scope.
 */
import type { IndexDatabase } from './index-db.js';
import { alignItems, type AlignableItem } from './align-items.js';

export const RENDITION_KINDS = ['docx', 'doc', 'pdf', 'txt', 'scan'] as const;
export const DEFAULT_RENDITION_ORDER: readonly string[] = RENDITION_KINDS;
const ORDER_SETTING = 'rendition_order';

/** Parses `docx,pdf,txt`: known kinds, no repeats; the kinds left out follow in default order. */
export function parseRenditionOrder(text: string): string[] {
  const given = text.split(/[\s,>]+/u).filter((k) => k.length > 0).map((k) => k.toLowerCase());
  for (const kind of given) {
    if (!(RENDITION_KINDS as readonly string[]).includes(kind)) throw new Error(`unknown rendition ${JSON.stringify(kind)} (known: ${RENDITION_KINDS.join(', ')})`);
  }
  const unique = [...new Set(given)];
  return [...unique, ...DEFAULT_RENDITION_ORDER.filter((k) => !unique.includes(k))];
}

export function readRenditionOrder(db: IndexDatabase): string[] {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ORDER_SETTING) as string | undefined;
  return value ? parseRenditionOrder(value) : [...DEFAULT_RENDITION_ORDER];
}

export function writeRenditionOrder(db: IndexDatabase, order: readonly string[]): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(ORDER_SETTING, order.join(','));
}

interface RecordInfo {
  id: string;
  issue_id: string;
  format: string;
  warnings: number;
}

/**
 * Recomputes issues, preferred renditions, item links and person scopes. Call inside a transaction.
 * With `issueIds`, only those issues are recomputed (the ones whose records an update deleted or
 * inserted); without, all of them.
 */
export function refreshIssues(db: IndexDatabase, issueIds?: ReadonlySet<string>): void {
  const order = readRenditionOrder(db);
  const rank = (r: RecordInfo) => {
    const k = order.indexOf(r.format);
    return k < 0 ? order.length : k;
  };
  // Issue by issue, a page of issue ids at a time: a rebuild of a large archive holds one issue's
  // records, not every record's.
  const recordsOf = db.prepare('SELECT id, issue_id, format, warnings FROM records WHERE issue_id = ? ORDER BY id');
  const issues = issueIds ? [...issueIds].sort() : allIssueIds(db);
  if (issueIds) {
    const deleteIssue = db.prepare('DELETE FROM issues WHERE id = ?');
    const unlink = db.prepare('UPDATE items SET canonical_id = NULL WHERE issue_id = ? AND canonical_id IS NOT NULL');
    for (const id of issueIds) {
      deleteIssue.run(id);
      unlink.run(id);
    }
  } else {
    db.exec('DELETE FROM issues');
    db.exec('UPDATE items SET canonical_id = NULL WHERE canonical_id IS NOT NULL');
  }
  const insertIssue = db.prepare('INSERT INTO issues (id, preferred_record_id, renditions) VALUES (?, ?, ?)');
  const setPreferred = db.prepare('UPDATE records SET preferred = ? WHERE id = ? AND preferred IS NOT ?');
  const itemsOf = db.prepare('SELECT id, headline, text FROM items WHERE record_id = ? ORDER BY seq');
  const link = db.prepare('UPDATE items SET canonical_id = ? WHERE id = ?');
  for (const issueId of issues) {
    const records = recordsOf.all(issueId) as RecordInfo[];
    if (records.length === 0) continue;
    const ranked = [...records].sort((x, y) => rank(x) - rank(y) || x.warnings - y.warnings || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const preferred = ranked[0];
    insertIssue.run(issueId, preferred.id, records.length);
    for (const r of ranked) setPreferred.run(r === preferred ? 1 : 0, r.id, r === preferred ? 1 : 0);
    if (ranked.length < 2) continue;
    const anchor = itemsOf.all(preferred.id) as AlignableItem[];
    for (const other of ranked.slice(1)) {
      for (const [itemId, canonicalId] of alignItems(anchor, itemsOf.all(other.id) as AlignableItem[])) link.run(canonicalId, itemId);
    }
  }
  refreshPersonScopes(db);
}

/** Every issue id of the records, in SQLite's order, read a page at a time. */
function* allIssueIds(db: IndexDatabase): Generator<string> {
  const page = db.prepare('SELECT DISTINCT issue_id FROM records WHERE issue_id > ? ORDER BY issue_id LIMIT 512').pluck();
  for (let after = ''; ; ) {
    const ids = page.all(after) as string[];
    yield* ids;
    if (ids.length < 512) return;
    after = ids[ids.length - 1];
  }
}

/** The issues of these records (call before deleting them, and after inserting). */
export function issuesOfRecords(db: IndexDatabase, recordIds: Iterable<string>): Set<string> {
  const issueOf = db.prepare('SELECT issue_id FROM records WHERE id = ?').pluck();
  const issues = new Set<string>();
  for (const id of recordIds) {
    const issue = issueOf.get(id) as string | undefined;
    if (issue !== undefined) issues.add(issue);
  }
  return issues;
}

function refreshPersonScopes(db: IndexDatabase): void {
  db.exec('UPDATE people SET scope = home WHERE scope IS NOT home');
  db.exec('UPDATE person_titles SET scope = home WHERE scope IS NOT home');
  const shared = db
    .prepare(
      `SELECT t.name AS name, t.home AS home, t.canonical AS title FROM person_titles t
        WHERE t.name IN (SELECT name FROM people GROUP BY name HAVING COUNT(DISTINCT home) > 1)
        GROUP BY t.name, t.home, t.canonical ORDER BY t.name, t.home`,
    )
    .all() as { name: string; home: string; title: string }[];
  const homesOf = db.prepare('SELECT DISTINCT home FROM people WHERE name = ? ORDER BY home').pluck();
  const setScope = [db.prepare('UPDATE people SET scope = ? WHERE name = ? AND home = ?'), db.prepare('UPDATE person_titles SET scope = ? WHERE name = ? AND home = ?')];
  const byName = new Map<string, { home: string; title: string }[]>();
  for (const row of shared) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
  for (const [name, rows] of byName) {
    const homes = homesOf.all(name) as string[];
    const parent = new Map(homes.map((h) => [h, h]));
    const find = (h: string): string => (parent.get(h) === h ? h : find(parent.get(h)!));
    const union = (x: string, y: string) => {
      const [rx, ry] = [find(x), find(y)];
      if (rx !== ry) parent.set(rx < ry ? ry : rx, rx < ry ? rx : ry);
    };
    for (const { home, title } of rows) {
      for (const other of homes) if (other !== home && title.startsWith(other)) union(home, other);
    }
    for (const home of homes) {
      const root = find(home);
      if (root !== home) for (const statement of setScope) statement.run(root, name, home);
    }
  }
}
