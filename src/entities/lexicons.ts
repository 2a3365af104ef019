/**
 * The entity lexicons: data files in `lexicons/*.txt` (one entry per line, or several separated by spaces;
 * `#` starts a comment) merged with the user's `Config['lexicons']`. Loaded once per process and per
 * distinct config.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { WordTrie, wordsByCode } from './trie.js';

export type LexiconConfig = Config['lexicons'];

export interface Lexicons {
  /** Title heads, longest first. */
  titleHeads: string[];
  titleHeadSet: Set<string>;
  /** Role nouns (人员, 代表): anchor names like titles, but weaker. */
  roleHeads: Set<string>;
  singleSurnames: Set<string>;
  /** The hundred most common single surnames: they decide how a run of names without gaps splits. */
  commonSurnames: Set<string>;
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
  /*
   * Indexes over the lists above, built once per lexicon rather than per item; the finders scan every
   * offset of every item, so they look words up by UTF-16 code unit instead of one-character strings.
   */
  /** Known organisations / places / parties, matched in one pass over an item. */
  organisationTrie: WordTrie;
  partyTrie: WordTrie;
  placeTrie: WordTrie;
  /** Known organisations and places of 3+ characters: their insides are protected from boundary words. */
  protectedTrie: WordTrie;
  /** Verbs of speech of up to 4 characters (the longest a verb is looked for). */
  speechVerbTrie: WordTrie;
  /** Verbs of speech of 2+ characters (one character is too weak inside a clause). */
  longSpeechVerbs: string[];
  /** Organisation / place suffixes by the code of their last character, each list in lexicon order. */
  orgSuffixesByLast: Map<number, string[]>;
  placeSuffixesByLast: Map<number, string[]>;
  /** Organisation suffixes, matched by where they start (a suffix running past a title head). */
  orgSuffixTrie: WordTrie;
  /**
   * Codes of the characters a name can open with: a surname's first character, a character of
   * transliterated names or one opening a name without a surname. Anything else is no name (names.ts).
   */
  nameInitials: Set<number>;
  /** Title heads and role nouns, matched where they start (roles are the heads not in titleHeadSet). */
  headTrie: WordTrie;
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
/** The codes of the first characters of the words of `lists`. */
const firstCodes = (...lists: Iterable<string>[]): Set<number> => {
  const codes = new Set<number>();
  for (const list of lists) for (const w of list) if (w) codes.add(w.charCodeAt(0));
  return codes;
};

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
  const speechVerbs = new Set(readLexiconFile('speech-verbs.txt'));
  const orgSuffixes = unique([...readLexiconFile('org-suffixes.txt'), ...config.organisationSuffixes]).sort(byLengthDesc);
  const parties = unique(readLexiconFile('parties.txt')).sort(byLengthDesc);
  const organisations = new Set([...readLexiconFile('organisations.txt'), ...config.organisations]);
  const placeSuffixes = unique([...readLexiconFile('place-suffixes.txt'), ...config.placeSuffixes]).sort(byLengthDesc);
  const places = new Set([...readLexiconFile('places.txt'), ...config.places]);
  const singleSurnames = new Set(surnames.filter((s) => s.length === 1));
  const titleOnlySurnames = new Set(surnames.filter((s) => s.length === 2 && s[0] === '!').map((s) => s.slice(1)));
  const compoundSurnames = new Set(surnames.filter((s) => s.length === 2 && s[0] !== '!'));
  const ethnicNameChars = new Set(readLexiconFile('ethnic-name-chars.txt'));
  const ethnicNameInitials = new Set(readLexiconFile('ethnic-name-initials.txt'));
  const roleHeads = new Set(readLexiconFile('roles.txt'));
  const lex: Lexicons = {
    titleHeads,
    titleHeadSet: new Set(titleHeads),
    roleHeads,
    singleSurnames,
    commonSurnames: new Set(readLexiconFile('common-surnames.txt')),
    titleOnlySurnames,
    compoundSurnames,
    ethnicNameChars,
    ethnicNameInitials,
    notNames: new Set([...readLexiconFile('not-names.txt'), ...config.notNames]),
    strongFollowers: new Set(followers.filter((w) => !w.startsWith('!'))),
    weakFollowers: new Set(followers.filter((w) => w.startsWith('!')).map((w) => w.slice(1))),
    boundaryWords: new Set(readLexiconFile('boundary-words.txt')),
    speechVerbs,
    orgSuffixes,
    parties,
    organisations,
    placeSuffixes,
    placeSuffixSet: new Set(placeSuffixes),
    partySet: new Set(parties),
    places,
    notPlaces: new Set(readLexiconFile('not-places.txt')),
    maxWordLength: 8,
    organisationTrie: new WordTrie(organisations),
    partyTrie: new WordTrie(parties),
    placeTrie: new WordTrie(places),
    protectedTrie: new WordTrie([...organisations, ...places].filter((w) => w.length >= 3)),
    speechVerbTrie: new WordTrie([...speechVerbs].filter((w) => w.length <= 4)),
    longSpeechVerbs: [...speechVerbs].filter((w) => w.length > 1),
    orgSuffixesByLast: wordsByCode(orgSuffixes, 'last'),
    placeSuffixesByLast: wordsByCode(placeSuffixes, 'last'),
    orgSuffixTrie: new WordTrie(orgSuffixes),
    nameInitials: firstCodes(singleSurnames, titleOnlySurnames, compoundSurnames, ethnicNameChars, ethnicNameInitials),
    headTrie: new WordTrie([...titleHeads, ...roleHeads]),
  };
  lexiconCache.set(key, lex);
  return lex;
}
