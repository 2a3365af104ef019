/**
 * Sets of words matched at every offset of an item. The finders look for every occurrence of every word of a
 * lexicon (known organisations, places, verbs of speech, title heads) and for the longest word of a set that
 * starts or ends at an offset. A scan of the whole text per word costs a pass per word, and trying each length
 * makes a string per length (`text.slice`); walking a trie by UTF-16 code unit makes no string at all, and a
 * table of first characters turns most offsets away at once.
 */

interface TrieNode {
  /** Always a Map (never null), so every node has one shape. */
  readonly next: Map<number, TrieNode>;
  /** The word that ends at this node, or null. */
  word: string | null;
}

const newNode = (): TrieNode => ({ next: new Map(), word: null });

/** One flag per UTF-16 code unit (64 KB) for tables of fixed characters, looked up without hashing. */
const CODE_UNITS = 0x10000;
/**
 * A trie's table of opening characters is a filter by the low bits of the code (a false "maybe" only costs
 * the Map lookup it saves): 4 KB is cheap to make for the per-issue trie of established names.
 */
const FILTER_MASK = 0xfff;

/** The root of a trie of `words`, read forwards or backwards, with a filter of the codes its words open with. */
function build(words: Iterable<string>, backwards: boolean): { root: TrieNode; firsts: Uint8Array; maxLength: number } {
  const root = newNode();
  const firsts = new Uint8Array(FILTER_MASK + 1);
  let maxLength = 0;
  for (const w of words) {
    // empty strings would match everywhere
    if (!w) continue;
    let node = root;
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(backwards ? w.length - 1 - k : k);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = newNode()));
      node = child;
    }
    node.word = w;
    firsts[w.charCodeAt(backwards ? w.length - 1 : 0) & FILTER_MASK] = 1;
    maxLength = Math.max(maxLength, w.length);
  }
  return { root, firsts, maxLength };
}

/** Words matched from where they start. */
export class WordTrie {
  private readonly root: TrieNode;
  /** firsts[code & FILTER_MASK] is 0 when no word opens with that code unit. */
  private readonly firsts: Uint8Array;
  /** Length of the longest word. */
  readonly maxLength: number;

  constructor(words: Iterable<string>) {
    ({ root: this.root, firsts: this.firsts, maxLength: this.maxLength } = build(words, false));
  }

  /** False when no word opens with the code unit `code` (a cheap filter before a walk; true may be a miss). */
  mayStartWith(code: number): boolean {
    return this.firsts[code & FILTER_MASK] === 1;
  }

  /**
   * Calls `visit(word, start)` for every occurrence of every word in `text`, overlapping ones included
   * (the same set as an indexOf loop per word), ordered by start, then shorter words first.
   */
  forEachMatch(text: string, visit: (word: string, start: number) => void): void {
    for (let start = 0; start < text.length; start++) {
      if (this.firsts[text.charCodeAt(start) & FILTER_MASK] !== 1) continue;
      let node = this.root.next.get(text.charCodeAt(start));
      for (let j = start + 1; node !== undefined; j++) {
        if (node.word !== null) visit(node.word, start);
        if (j >= text.length) break;
        node = node.next.get(text.charCodeAt(j));
      }
    }
  }

  /** The longest word of up to `maxLength` characters that starts at `start`, or null. */
  longestAt(text: string, start: number, maxLength = this.maxLength): string | null {
    if (maxLength < 1 || this.firsts[text.charCodeAt(start) & FILTER_MASK] !== 1) return null;
    const stop = Math.min(text.length, start + maxLength);
    let found: string | null = null;
    let node = this.root.next.get(text.charCodeAt(start));
    for (let j = start + 1; node !== undefined; j++) {
      if (node.word !== null) found = node.word;
      if (j >= stop) break;
      node = node.next.get(text.charCodeAt(j));
    }
    return found;
  }

  /** Every word that starts at `start`, shortest first. */
  wordsAt(text: string, start: number): string[] {
    const out: string[] = [];
    if (this.firsts[text.charCodeAt(start) & FILTER_MASK] !== 1) return out;
    let node = this.root.next.get(text.charCodeAt(start));
    for (let j = start + 1; node !== undefined; j++) {
      if (node.word !== null) out.push(node.word);
      if (j >= text.length) break;
      node = node.next.get(text.charCodeAt(j));
    }
    return out;
  }
}

/** Words matched from where they end (the trie holds them backwards). */
export class WordEndTrie {
  private readonly root: TrieNode;
  /** lasts[code & FILTER_MASK] is 0 when no word ends with that code unit. */
  private readonly lasts: Uint8Array;
  readonly maxLength: number;

  constructor(words: Iterable<string>) {
    ({ root: this.root, firsts: this.lasts, maxLength: this.maxLength } = build(words, true));
  }

  /** The longest word of up to `maxLength` characters that ends right before `end`, or null. */
  longestEndingAt(text: string, end: number, maxLength = this.maxLength): string | null {
    if (maxLength < 1 || end < 1 || this.lasts[text.charCodeAt(end - 1) & FILTER_MASK] !== 1) return null;
    const stop = Math.max(0, end - maxLength);
    let found: string | null = null;
    let node = this.root.next.get(text.charCodeAt(end - 1));
    for (let j = end - 2; node !== undefined; j--) {
      if (node.word !== null) found = node.word;
      if (j < stop) break;
      node = node.next.get(text.charCodeAt(j));
    }
    return found;
  }
}

/** Words grouped by the code of their first (or last) character, keeping their order within a group. */
export function wordsByCode(words: Iterable<string>, at: 'first' | 'last'): Map<number, string[]> {
  const index = new Map<number, string[]>();
  for (const w of words) {
    if (!w) continue;
    const code = w.charCodeAt(at === 'first' ? 0 : w.length - 1);
    const list = index.get(code);
    if (list) list.push(w);
    else index.set(code, [w]);
  }
  return index;
}

/** A membership table of characters by code unit: `table[code] === 1` (an undefined code reads as absent). */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(CODE_UNITS);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
