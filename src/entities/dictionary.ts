/**
 * jieba, loaded once per process: its word dictionary (to tell ordinary words from unseen names) and its
 * segmenter/tagger (word boundaries and parts of speech), with the entity lexicons added as user words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import type { Lexicons } from './lexicons.js';
import { WordTable, type DictEntry } from './word-table.js';

export type { DictEntry } from './word-table.js';

/** jieba's word dictionary, read on the first lookup (see word-table.ts for its form). */
let dictionary: WordTable | null = null;

function loadDictionary(): WordTable {
  let bytes: Uint8Array = new Uint8Array(0);
  try {
    const dictPath = (nodejieba as unknown as { DEFAULT_DICT?: string }).DEFAULT_DICT;
    if (dictPath) bytes = fs.readFileSync(dictPath);
  } catch {
    bytes = new Uint8Array(0);
  }
  // The jieba dictionary's words of 2+ characters (single characters carry no evidence here), read from
  // its bytes: decoding 5 MB of UTF-8 into a string is time spent for nothing.
  return WordTable.fromBytes(bytes);
}

export function lookupWord(word: string): DictEntry | undefined {
  dictionary ??= loadDictionary();
  return dictionary.get(word);
}

const loadedLexicons = new WeakSet<Lexicons>();
let jiebaLoaded = false;

/**
 * jieba's IDF table (6 MB) and stop-word list serve only its keyword extraction, which this project
 * never calls; one-line stand-ins shipped with the lexicons save their load time in every worker.
 */
const STUBS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lexicons');

function ensureJieba(lex: Lexicons): void {
  if (!jiebaLoaded) {
    nodejieba.load({ idfDict: path.join(STUBS, 'jieba-idf-stub.utf8'), stopWordDict: path.join(STUBS, 'jieba-stop-words-stub.utf8') });
    jiebaLoaded = true;
  }
  if (loadedLexicons.has(lex)) return;
  loadedLexicons.add(lex);
  for (const w of lex.titleHeads) nodejieba.insertWord(w, 'n');
  for (const w of lex.orgSuffixes) if (w.length >= 2) nodejieba.insertWord(w, 'n');
  for (const w of lex.organisations) nodejieba.insertWord(w, 'nt');
  for (const w of lex.parties) nodejieba.insertWord(w, 'nt');
  for (const w of lex.places) if (w.length >= 2) nodejieba.insertWord(w, 'ns');
}

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** Tagged tokens with their offsets in `text`. */
export function tokenize(text: string, lex: Lexicons): Token[] {
  ensureJieba(lex);
  const tokens: Token[] = [];
  let cursor = 0;
  for (const { word, tag } of nodejieba.tag(text)) {
    const at = text.indexOf(word, cursor);
    if (at < 0) continue;
    tokens.push({ word, tag, start: at, end: at + word.length });
    cursor = at + word.length;
  }
  return tokens;
}

/**
 * A set of offsets 0…length kept as one byte each: `has` answers as Set#has would, without hashing (the finders
 * ask at nearly every offset whether a token starts or ends there).
 */
export class OffsetSet {
  private readonly flags: Uint8Array;
  constructor(length: number) {
    this.flags = new Uint8Array(length + 1);
  }
  add(offset: number): void {
    this.flags[offset] = 1;
  }
  has(offset: number): boolean {
    return this.flags[offset] === 1;
  }
}

/** Per-character views of a token list: whether a token starts/ends at an offset, and the token covering it. */
export class TokenIndex {
  readonly starts: OffsetSet;
  readonly ends: OffsetSet;
  private readonly at: (Token | undefined)[];
  constructor(
    readonly tokens: Token[],
    length: number,
  ) {
    this.starts = new OffsetSet(length);
    this.ends = new OffsetSet(length);
    this.at = new Array(length);
    for (const t of tokens) {
      this.starts.add(t.start);
      this.ends.add(t.end);
      for (let i = t.start; i < t.end; i++) this.at[i] = t;
    }
  }
  tokenAt(i: number): Token | undefined {
    return this.at[i];
  }
}
