/**
 * The entity lexicons: data files in `lexicons/*.txt` (one entry per line, or several separated by spaces;
 * `#` starts a comment) merged with the user's `Config['lexicons']`. Loaded once per process and per
 * distinct config.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';

export type LexiconConfig = Config['lexicons'];

export interface Lexicons {
  /** Title heads, longest first. */
  titleHeads: string[];
  titleHeadSet: Set<string>;
  /** Role nouns (人员, 代表): anchor names like titles, but weaker. */
  roleHeads: Set<string>;
  singleSurnames: Set<string>;
  /** Rare surnames that are more often words of their own (区): a name only right after a title. */
  titleOnlySurnames: Set<string>;
  compoundSurnames: Set<string>;
  ethnicNameChars: Set<string>;
  /** Characters that open a name without a surname (岩罕, 玉应香): see ethnic-name-initials.txt. */
  ethnicNameInitials: Set<string>;
  notNames: Set<string>;
  /** Words that may follow a name: strong ones decide a name's end on their own. */
  strongFollowers: Set<string>;
  weakFollowers: Set<string>;
  /** Words after which a title / organisation prefix starts. */
  boundaryWords: Set<string>;
  /** Verbs of speech/action that reveal a name before them at a clause start. */
  speechVerbs: Set<string>;
  orgSuffixes: string[];
  parties: string[];
  organisations: Set<string>;
  placeSuffixes: string[];
  placeSuffixSet: Set<string>;
  partySet: Set<string>;
  places: Set<string>;
  notPlaces: Set<string>;
  /** Longest entry length per word set, for bounded scans. */
  maxWordLength: number;
}

/** The data files sit beside this module: in src/ and, copied by `npm run build`, in dist/. */
function lexiconDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'lexicons');
}

const fileCache = new Map<string, string[]>();

export function readLexiconFile(name: string): string[] {
  let entries = fileCache.get(name);
  if (!entries) {
    const raw = fs.readFileSync(path.join(lexiconDir(), name), 'utf8');
    entries = raw
      .split(/\r?\n/)
      .map((line) => line.replace(/#.*$/, '').trim())
      .flatMap((line) => (line ? line.split(/[\s\u3000]+/) : []))
      .filter(Boolean);
    fileCache.set(name, entries);
  }
  return entries;
}

const byLengthDesc = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
const unique = (xs: string[]) => [...new Set(xs)];

const lexiconCache = new Map<string, Lexicons>();

const EMPTY_CONFIG: LexiconConfig = {
  titles: [],
  surnames: [],
  organisationSuffixes: [],
  organisations: [],
  placeSuffixes: [],
  places: [],
  notNames: [],
};

export function getLexicons(config: LexiconConfig = EMPTY_CONFIG): Lexicons {
  const key = JSON.stringify(config);
  const cached = lexiconCache.get(key);
  if (cached) return cached;

  const titleHeads = unique([...readLexiconFile('titles.txt'), ...config.titles]).sort(byLengthDesc);
  const surnames = [...readLexiconFile('surnames.txt'), ...config.surnames];
  const followers = readLexiconFile('name-followers.txt');
  const lex: Lexicons = {
    titleHeads,
    titleHeadSet: new Set(titleHeads),
    roleHeads: new Set(readLexiconFile('roles.txt')),
    singleSurnames: new Set(surnames.filter((s) => s.length === 1)),
    titleOnlySurnames: new Set(surnames.filter((s) => s.length === 2 && s[0] === '!').map((s) => s.slice(1))),
    compoundSurnames: new Set(surnames.filter((s) => s.length === 2 && s[0] !== '!')),
    ethnicNameChars: new Set(readLexiconFile('ethnic-name-chars.txt')),
    ethnicNameInitials: new Set(readLexiconFile('ethnic-name-initials.txt')),
    notNames: new Set([...readLexiconFile('not-names.txt'), ...config.notNames]),
    strongFollowers: new Set(followers.filter((w) => !w.startsWith('!'))),
    weakFollowers: new Set(followers.filter((w) => w.startsWith('!')).map((w) => w.slice(1))),
    boundaryWords: new Set(readLexiconFile('boundary-words.txt')),
    speechVerbs: new Set(readLexiconFile('speech-verbs.txt')),
    orgSuffixes: unique([...readLexiconFile('org-suffixes.txt'), ...config.organisationSuffixes]).sort(byLengthDesc),
    parties: unique(readLexiconFile('parties.txt')).sort(byLengthDesc),
    organisations: new Set([...readLexiconFile('organisations.txt'), ...config.organisations]),
    placeSuffixes: unique([...readLexiconFile('place-suffixes.txt'), ...config.placeSuffixes]).sort(byLengthDesc),
    placeSuffixSet: new Set<string>(),
    partySet: new Set<string>(),
    places: new Set([...readLexiconFile('places.txt'), ...config.places]),
    notPlaces: new Set(readLexiconFile('not-places.txt')),
    maxWordLength: 8,
  };
  lex.placeSuffixSet = new Set(lex.placeSuffixes);
  lex.partySet = new Set(lex.parties);
  lexiconCache.set(key, lex);
  return lex;
}
