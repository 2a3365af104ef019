/**
 * Recognising one bulletin issue present as several files (a .doc and a .pdf of it, or a copy in
 * another folder): the same masthead publisher, year and issue number, or simply identical bytes.
 * The key is the one the index's issue ids use (src/record/issue-id.ts).
 *
 * The files of an issue form a group named by its first path (in manifest order). The grouping is
 * done in a SQLite database (the run's state, or any scratch one), so it costs no memory per file:
 * each file starts as its own group, and every file then takes the smallest group among the files
 * sharing a key with it, until nothing changes — connected components by label propagation.
 */
import type { Database } from 'better-sqlite3';
import { issueKeyText, type IssueKey } from '../record/issue-id.js';
import { fromJsOrderKey, jsOrderKey } from './js-order.js';

export type { IssueKey };

export interface IssueCandidate {
  path: string;
  sha256: string;
  issue: IssueKey | null;
}

export class SameIssue {
  private readonly insertMember;
  private readonly insertLink;
  private readonly groupStatement;
  private readonly sizeStatement;

  constructor(private readonly db: Database) {
    db.exec(`
      DROP TABLE IF EXISTS issue_members; DROP TABLE IF EXISTS issue_links;
      CREATE TABLE issue_members (member BLOB PRIMARY KEY, grp BLOB NOT NULL) WITHOUT ROWID;
      CREATE TABLE issue_links (link TEXT NOT NULL, member BLOB NOT NULL, PRIMARY KEY (link, member)) WITHOUT ROWID;
      CREATE INDEX issue_links_member ON issue_links (member, link);
    `);
    this.insertMember = db.prepare('INSERT OR IGNORE INTO issue_members (member, grp) VALUES (?, ?)');
    this.insertLink = db.prepare('INSERT OR IGNORE INTO issue_links (link, member) VALUES (?, ?)');
    this.groupStatement = db.prepare('SELECT grp FROM issue_members WHERE member = ?').pluck();
    this.sizeStatement = db.prepare('SELECT count(*) FROM issue_members WHERE grp = ?').pluck();
  }

  add(candidate: IssueCandidate): void {
    const member = jsOrderKey(candidate.path);
    this.insertMember.run(member, member);
    for (const link of [issueKeyText(candidate.issue), `sha256:${candidate.sha256}`]) if (link !== null) this.insertLink.run(link, member);
  }

  /** Settles the groups; call once every candidate is added. */
  settle(): void {
    const db = this.db;
    db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS link_groups (link TEXT PRIMARY KEY, grp BLOB NOT NULL) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS issue_members_grp ON issue_members (grp);
    `);
    const linkGroups = db.prepare(`
      INSERT INTO link_groups (link, grp)
      SELECT l.link, min(m.grp) FROM issue_links l JOIN issue_members m ON m.member = l.member GROUP BY l.link`);
    const spread = db.prepare(`
      UPDATE issue_members SET grp = (
        SELECT min(g.grp) FROM issue_links l JOIN link_groups g ON g.link = l.link WHERE l.member = issue_members.member)
      WHERE grp > (SELECT min(g.grp) FROM issue_links l JOIN link_groups g ON g.link = l.link WHERE l.member = issue_members.member)`);
    db.transaction(() => {
      for (;;) {
        db.exec('DELETE FROM link_groups');
        linkGroups.run();
        if (spread.run().changes === 0) break;
      }
    })();
  }

  /** The group of a file (the first path of its issue's files), or null when it is the only one. */
  groupOf(path: string): string | null {
    const grp = this.groupStatement.get(jsOrderKey(path)) as Buffer | undefined;
    if (!grp || (this.sizeStatement.get(grp) as number) < 2) return null;
    return fromJsOrderKey(grp);
  }
}
