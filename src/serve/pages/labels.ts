import type { Archive, IssueSummary } from '../data.js';

/** How an issue is named on pages: publisher (or title), issue number, date. */
export function issueName(summary: Pick<IssueSummary, 'publisher' | 'title' | 'issue' | 'date' | 'id'>): string {
  const who = summary.publisher ?? summary.title ?? summary.id;
  const number = summary.issue !== null ? ` 第${summary.issue}期` : '';
  return `${who}${number}`;
}

/** A labeller for item cards, by record id. */
export function issueLabeller(archive: Archive): (recordId: string) => string {
  return (recordId) => {
    const summary = archive.issueOf(recordId);
    return summary ? `${issueName(summary)}${summary.date ? ` (${summary.date})` : ''}` : recordId;
  };
}
