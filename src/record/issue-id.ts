/**
 * The issue a record is a rendition of. Archives keep one issue as several files (a .docx, its .pdf,
 * a .txt copy); all of them get one issue id, computed from the record alone so that every stage
 * (items.jsonl, the manifest's `issueGroup`, the query index) agrees without seeing the others:
 * publisher (else title) + year + issue number from the masthead, or, when the masthead lacks one of
 * them, a hash of the item texts (whitespace removed, so a .txt and a .pdf of one text agree).
 */
import { createHash } from 'node:crypto';
import type { BulletinRecord } from './schema.js';

export interface IssueKey {
  publisher: string | null;
  year: number | null;
  number: number | null;
}

/** `publisher-year-number` (layout spaces removed), or null when a part is missing. */
export function issueKeyText(issue: IssueKey | null): string | null {
  if (!issue || issue.publisher === null || issue.year === null || issue.number === null) return null;
  const publisher = issue.publisher.replace(/\s+/gu, '');
  if (!publisher) return null;
  return `${publisher}-${issue.year}-${issue.number}`;
}

export function issueKeyOf(record: Pick<BulletinRecord, 'masthead'>): IssueKey {
  const m = record.masthead;
  return { publisher: m.publisher ?? m.title, year: m.year, number: m.issue };
}

export function issueIdFor(record: Pick<BulletinRecord, 'masthead' | 'items' | 'source'>): string {
  const key = issueKeyText(issueKeyOf(record));
  if (key !== null) return key;
  if (record.items.length === 0) return `file-${record.source.sha256.slice(0, 16)}`;
  const hash = createHash('sha256');
  for (const item of record.items) hash.update(`${(item.headline ?? '').normalize('NFKC').replace(/\s+/gu, '')}\u0000${item.text.normalize('NFKC').replace(/\s+/gu, '')}\u0001`);
  return `text-${hash.digest('hex').slice(0, 16)}`;
}
