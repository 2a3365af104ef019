/** Span bookkeeping shared by the organisation and place finders. */
import type { NamedSpan } from '../record/schema.js';
import type { WordTrie } from './trie.js';

export interface Candidate {
  name: string;
  start: number;
  end: number;
}

/**
 * Keeps the longest of overlapping candidates (earlier first on ties) and folds them into named spans;
 * `nested` may add candidates lying inside the kept ones.
 */
export function longestWins(candidates: Candidate[], nested: (kept: Candidate[]) => Candidate[] = () => []): NamedSpan[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  // names reported inside a kept one (市工商联 of 市工商联党组), placed after it
  kept.push(...nested(kept));
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  const byName = new Map<string, NamedSpan>();
  for (const c of kept) {
    let n = byName.get(c.name);
    if (!n) byName.set(c.name, (n = { name: c.name, spans: [] }));
    n.spans.push([c.start, c.end]);
  }
  return [...byName.values()];
}

/**
 * Every occurrence of every word of `words` in `text`, in one pass. (The order differs from a scan per word,
 * which `longestWins` does not mind: candidates that tie in length and start are the same text.)
 */
export function occurrences(text: string, words: WordTrie): Candidate[] {
  const out: Candidate[] = [];
  words.forEachMatch(text, (w, at) => out.push({ name: w, start: at, end: at + w.length }));
  return out;
}
