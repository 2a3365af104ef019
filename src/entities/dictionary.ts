/**
 * jieba, loaded once per process: its word dictionary (to tell ordinary words from unseen names) and its
 * segmenter/tagger (word boundaries and parts of speech), with the entity lexicons added as user words.
 */
import fs from 'node:fs';
import nodejieba from 'nodejieba';
import type { Lexicons } from './lexicons.js';

export interface DictEntry {
  freq: number;
  tag: string;
}

let dictionary: Map<string, DictEntry> | null = null;

/** The jieba dictionary's words of 2+ characters (single characters carry no evidence here). */
export function dictionaryWords(): Map<string, DictEntry> {
  if (!dictionary) {
    dictionary = new Map();
    let raw = '';
    try {
      const dictPath = (nodejieba as unknown as { DEFAULT_DICT?: string }).DEFAULT_DICT;
      raw = dictPath ? fs.readFileSync(dictPath, 'utf8') : '';
    } catch {
      raw = '';
    }
    for (const line of raw.split('\n')) {
      const sp1 = line.indexOf(' ');
      if (sp1 < 2) continue;
      const sp2 = line.indexOf(' ', sp1 + 1);
      const word = line.slice(0, sp1);
      dictionary.set(word, { freq: Number(line.slice(sp1 + 1, sp2)), tag: line.slice(sp2 + 1).trim() });
    }
  }
  return dictionary;
}

export function lookupWord(word: string): DictEntry | undefined {
  return dictionaryWords().get(word);
}

const loadedLexicons = new WeakSet<Lexicons>();
let jiebaLoaded = false;

function ensureJieba(lex: Lexicons): void {
  if (!jiebaLoaded) {
    nodejieba.load();
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
