/**
 * Recognising one bulletin issue present as several files (a .doc and a .pdf of it, or a copy in
 * another folder): the same masthead publisher, year and issue number, or simply identical bytes.
 * The key is the one the index's issue ids use (src/record/issue-id.ts).
 */
import { issueKeyText, type IssueKey } from '../record/issue-id.js';

export type { IssueKey };

export interface IssueCandidate {
  path: string;
  sha256: string;
  issue: IssueKey | null;
}

/** For each path, the other paths (sorted) that hold the same issue; files with no twin map to []. */
export function findSameIssue(candidates: readonly IssueCandidate[]): Map<string, string[]> {
  const parent = new Map<string, string>();
  const find = (p: string): string => {
    let root = p;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(p, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const c of candidates) parent.set(c.path, c.path);
  const firstByKey = new Map<string, string>();
  for (const c of candidates) {
    for (const key of [issueKeyText(c.issue), `sha256:${c.sha256}`]) {
      if (key === null) continue;
      const first = firstByKey.get(key);
      if (first === undefined) firstByKey.set(key, c.path);
      else union(first, c.path);
    }
  }
  const groups = new Map<string, string[]>();
  for (const c of candidates) {
    const root = find(c.path);
    const group = groups.get(root) ?? [];
    group.push(c.path);
    groups.set(root, group);
  }
  const result = new Map<string, string[]>();
  for (const group of groups.values()) {
    group.sort();
    for (const p of group) result.set(p, group.filter((other) => other !== p));
  }
  return result;
}
