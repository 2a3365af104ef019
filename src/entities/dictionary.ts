/**
 * jieba, loaded once per process: its word dictionary (to tell ordinary words from unseen names) and its
 * segmenter/tagger (word boundaries and parts of speech), with the entity lexicons added as user words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import type { Lexicons } from './lexicons.js';

export interface DictEntry {
  freq: number;
  tag: string;
}

/**
 * Word → frequency and part-of-speech tag, packed into one number (freq × TAG_SLOTS + tag index):
 * one boxed object per entry for ~350k words would cost every worker thread ~100 MB more.
 */
let dictionary: Map<string, number> | null = null;
const tags: string[] = [];
const tagIndex = new Map<string, number>();
const TAG_SLOTS = 256;

function packTag(tag: string): number {
  let i = tagIndex.get(tag);
  if (i === undefined) {
    i = tags.length;
    tags.push(tag);
    tagIndex.set(tag, i);
  }
  return i;
}

function loadDictionary(): Map<string, number> {
  const words = new Map<string, number>();
  let raw = '';
  try {
    const dictPath = (nodejieba as unknown as { DEFAULT_DICT?: string }).DEFAULT_DICT;
    raw = dictPath ? fs.readFileSync(dictPath, 'utf8') : '';
  } catch {
    raw = '';
  }
  // The jieba dictionary's words of 2+ characters (single characters carry no evidence here).
  let at = 0;
  while (at < raw.length) {
    let end = raw.indexOf('\n', at);
    if (end < 0) end = raw.length;
    const sp1 = raw.indexOf(' ', at);
    if (sp1 > at + 1 && sp1 < end) {
      const sp2 = raw.indexOf(' ', sp1 + 1);
      const freq = Number(raw.slice(sp1 + 1, sp2));
      const tag = raw.slice(sp2 + 1, end).trim();
      if (tags.length < TAG_SLOTS || tagIndex.has(tag)) words.set(raw.slice(at, sp1), freq * TAG_SLOTS + packTag(tag));
    }
    at = end + 1;
  }
  return words;
}

export function lookupWord(word: string): DictEntry | undefined {
  dictionary ??= loadDictionary();
  const packed = dictionary.get(word);
  if (packed === undefined) return undefined;
  return { freq: Math.floor(packed / TAG_SLOTS), tag: tags[packed % TAG_SLOTS] };
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

/** Per-character views of a token list: whether a token starts/ends at an offset, and the token covering it. */
export class TokenIndex {
  readonly starts = new Set<number>();
  readonly ends = new Set<number>();
  private readonly at: (Token | undefined)[];
  constructor(
    readonly tokens: Token[],
    length: number,
  ) {
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
