/**
 * What every entity finder needs to know about one item text: the text, lexicons, jieba tokens, and the
 * offsets where a clause starts (after punctuation or a date).
 */
import { lookupWord } from './dictionary.js';
import { TokenIndex, tokenize } from './dictionary.js';
import type { Lexicons } from './lexicons.js';
import { charTable, WordEndTrie, WordTrie, wordsByCode } from './trie.js';

export interface ItemContext {
  text: string;
  lex: Lexicons;
  tokens: TokenIndex;
  /** Offsets right after a date expression (`5月7日上午张三…`): a clause starts there. */
  clauseStarts: Set<number>;
  /** Per offset: true inside a known place or organisation (a boundary word there is part of a name). */
  protectedAt: boolean[];
}

const HAN_RE = /[\u3400-\u9fff\uf900-\ufaff]/;
const DIGIT_RE = /[0-9０-９]/;

/** Whether a UTF-16 code unit is a Han character (CJK Extension A, Unified and Compatibility Ideographs). */
export const isHanCode = (code: number): boolean => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

// Called on one character at nearly every offset of every item: a code comparison costs far less than a
// regex test; longer strings (never passed today) keep the regex's "contains one" meaning.
export const isHan = (c: string | undefined): boolean =>
  c !== undefined && (c.length === 1 ? isHanCode(c.charCodeAt(0)) : HAN_RE.test(c));
export const isDigit = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  if (c.length !== 1) return DIGIT_RE.test(c);
  const code = c.charCodeAt(0);
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
};

export function createContext(text: string, lex: Lexicons, dateEnds: number[]): ItemContext {
  const protectedAt = new Array<boolean>(text.length).fill(false);
  // every occurrence of a known name of 3+ characters, all found in one pass (not one scan per word)
  lex.protectedTrie.forEachMatch(text, (w, at) => {
    for (let i = at + 1; i < at + w.length; i++) protectedAt[i] = true;
  });
  return {
    text,
    lex,
    tokens: new TokenIndex(tokenize(text, lex), text.length),
    clauseStarts: new Set(dateEnds),
    protectedAt,
  };
}

/**
 * Whether a word boundary of jieba's segmentation falls at `at` (boundary words inside 和平 do not count). Inside a
 * run of characters jieba could not segment (tag x: 率州, 委赴) any position may be one.
 */
export function atTokenBoundary(ctx: ItemContext, at: number): boolean {
  const t = ctx.tokens.tokenAt(at);
  return ctx.tokens.starts.has(at) || ctx.tokens.ends.has(at) || t === undefined || t.tag === 'x';
}

/*
 * Tries over the lexicon sets asked about below, made on first use. The scans ask at nearly every offset;
 * trying each length cost a string and a hash per length. The sets are never changed once built.
 */
const startTries = new WeakMap<Set<string>, WordTrie>();
const endTries = new WeakMap<Set<string>, WordEndTrie>();

/** The word from `words` that ends exactly at `end`, longest first (up to 6 characters). */
export function wordEndingAt(text: string, end: number, words: Set<string>, maxLen = 6): string | null {
  if (end < 0 || end > text.length) return wordEndingAtBySlices(text, end, words, maxLen);
  let trie = endTries.get(words);
  if (!trie) endTries.set(words, (trie = new WordEndTrie(words)));
  return trie.longestEndingAt(text, end, maxLen);
}

/** The word from `words` that starts exactly at `start`, longest first (up to 6 characters). */
export function wordStartingAt(text: string, start: number, words: Set<string>, maxLen = 6): string | null {
  if (start < 0 || start > text.length) return wordStartingAtBySlices(text, start, words, maxLen);
  let trie = startTries.get(words);
  if (!trie) startTries.set(words, (trie = new WordTrie(words)));
  return trie.longestAt(text, start, maxLen);
}

// Offsets outside the text (never asked today) keep the meaning slice() gave them.
function wordEndingAtBySlices(text: string, end: number, words: Set<string>, maxLen: number): string | null {
  for (let len = Math.min(maxLen, end); len >= 1; len--) {
    const w = text.slice(end - len, end);
    if (words.has(w)) return w;
  }
  return null;
}

function wordStartingAtBySlices(text: string, start: number, words: Set<string>, maxLen: number): string | null {
  for (let len = Math.min(maxLen, text.length - start); len >= 1; len--) {
    const w = text.slice(start, start + len);
    if (words.has(w)) return w;
  }
  return null;
}

/**
 * The first suffix of `byLast` (grouped by last character, lexicon order: longest first) that ends exactly
 * at `end`, or undefined. Checked at every offset, so only suffixes ending in the character there are tried.
 */
export function suffixEndingAt(text: string, end: number, byLast: Map<number, string[]>): string | undefined {
  const list = byLast.get(text.charCodeAt(end - 1));
  if (list === undefined) return undefined;
  for (const s of list) if (s.length <= end && text.startsWith(s, end - s.length)) return s;
  return undefined;
}

/** Quantifiers over bodies (全市代表联络站, 部分常委会组成人员, 各级工会): the body is what follows them. */
export const BODY_QUANTIFIERS = ['全市', '全县', '全区', '全省', '全州', '全旗', '全盟', '部分', '各级'];

/**
 * Words that never open the name of a body or a place but often stand right before one without a
 * separator (2015年市政协, 20位市政协, 就区疾控中心, 确保下三屯村, 全市代表联络站): stripped from the front of a prefix.
 */
const LEADING_NOISE = ['年以来', '以来', '年度', '今年', '去年', '明年', '全年', '当年', '年', '月', '日', '位', '个', '名', '次', '届', '我', '该', '其', '此', '驻', '赴', '的', '了', '是', '确保', '提交', '叮嘱', '前往', '来到', '兼', ...BODY_QUANTIFIERS];

/** LEADING_NOISE by first character, in list order: only the words opening with the character at hand can match. */
const NOISE_BY_FIRST = wordsByCode(LEADING_NOISE, 'first');

/** A count of things in Chinese numerals before a noun (每到|一所|学校, 两个|中心): no part of a body's name. */
const LEADING_COUNT = /^[一二两三四五六七八九十几]{1,3}[所个位名座批]/u;

export function stripLeadingNoise(text: string, start: number, end: number): number {
  let s = start;
  for (let changed = true; changed && s < end; ) {
    changed = false;
    const count = LEADING_COUNT.exec(text.slice(s, s + 5));
    if (count && count[0].length <= end - s) {
      s += count[0].length;
      changed = true;
      continue;
    }
    const words = NOISE_BY_FIRST.get(text.charCodeAt(s));
    if (words === undefined) break;
    for (const w of words) {
      if (w.length < end - s && text.startsWith(w, s)) {
        s += w.length;
        changed = true;
        break;
      }
    }
  }
  return s;
}

/**
 * Whether the boundary word ending at `s` is the 和 (or 与) inside a body's name (文化文史和学习委主任,
 * 住房和城乡建设局, 学习与文史委员会): a short stretch after it, not opening with 市/区/县…, runs into the head or suffix.
 */
export function andInsideName(ctx: ItemContext, s: number, end: number): boolean {
  const { text, lex } = ctx;
  if ((text[s - 1] !== '和' && text[s - 1] !== '与') || !isHan(text[s - 2])) return false;
  const segment = text.slice(s, end);
  // 和包头市书法家协会, 有限公司和邗江区人民医院: a conjunction between two bodies
  // CPPCC special committees and sectors join two fields with 和 and run longer (农业农村和人口资源环境委员会,
  // 经济和科技界别活动组)
  const maxLength = segment.endsWith('委员会') || segment.includes('界别') ? 10 : 6;
  if (segment.length < 2 || segment.length > maxLength) return false;
  // (an admin character opens a second body: 和县政协, 和市妇联; but not inside a common noun: 界别和地区工作委员会)
  for (let i = s; i < end; i++) {
    if (!/[省市区县旗盟州镇乡]/u.test(text[i])) continue;
    const t = ctx.tokens.tokenAt(i);
    if (!(t !== undefined && t.word.length >= 2 && /^(n|vn)$/.test(t.tag))) return false;
  }
  for (let i = s; i < end; i++) if (!isHan(text[i])) return false;
  for (let i = s; i < end; i++) if (ctx.tokens.tokenAt(i)?.tag.startsWith('ns')) return false;
  if (lex.orgSuffixes.some((x) => text.startsWith(x, s - 1 - x.length))) return false;
  return lex.orgSuffixes.some((x) => segment.endsWith(x)) || lex.titleHeadSet.has(text.slice(end, end + 2));
}

/**
 * A boundary word that ends at `s` where an organisation suffix begins is part of a name
 * (工商联合会, 为民服务中心, 纪律检查委员会), not a boundary.
 */
const NAME_INNER_WORDS = new Set(['联合', '服务', '支持', '检查', '协调', '指导', '宣传', '组织', '学习']);

const NEW_BODY_CHARS = new Set([...'省市区县']);

const PARTY_OPENER = '中共';

export function boundaryAt(ctx: ItemContext, s: number, end: number): boolean {
  const { text, lex } = ctx;
  if (ctx.protectedAt[s] || !atTokenBoundary(ctx, s)) return false;
  // 讨论|中共张掖市委: the party's name opens a body; nothing before it belongs to that body's name
  if (s > 0 && text.startsWith(PARTY_OPENER, s) && !text.startsWith(PARTY_OPENER, s - 1)) return true;
  const word = wordEndingAt(text, s, lex.boundaryWords, 4);
  if (!word) return false;
  // 组织|处处长, 宣传|科科长: an office's one character, then the title made of it, closes the office's name,
  // which the word before opens (组织处, 宣传科)
  // (and 组织|处副处长: the deputy's title the same)
  if (DOUBLED_OFFICES[text.charCodeAt(s)] === 1 && ((text[s + 1] === text[s] && text[s + 2] === '长') || (text[s + 1] === '副' && text[s + 2] === text[s] && text[s + 3] === '长'))) return false;
  // 服务中心 after 服务, and 联合会 that opens with 联合 itself (妇女联合会主席)
  // (but 联合|县委宣传部: a body led by 区/市/县 after it is a second body, joined by the verb)
  if (NAME_INNER_WORDS.has(word) && !NEW_BODY_CHARS.has(text[s]) && lex.orgSuffixes.some((x) => text.startsWith(x, s) || (x.length > word.length && text.startsWith(x, s - word.length)))) return false;
  if (word.length === 1 && placeStemEndingAt(ctx, s)) return false;
  return !andInsideName(ctx, s, end);
}

/** Offices named by one character whose head is that character + 长 (处长, 科长, 股长). */
const DOUBLED_OFFICES = charTable('处科股局所站队组院校');

const PLACE_STEM_SUFFIXES = ['县', '市', '区', '旗', '镇', '乡'];

/**
 * 池州东至|春晖茶业有限公司: a word of jieba's segmentation that ends in a boundary character (东至) is the stem
 * of a place where the item also prints it elsewhere with a place suffix (赴东至县): not a boundary.
 */
function placeStemEndingAt(ctx: ItemContext, s: number): boolean {
  const t = ctx.tokens.tokenAt(s - 1);
  if (t === undefined || t.end !== s || t.start >= s - 1) return false;
  const { text } = ctx;
  for (const suffix of PLACE_STEM_SUFFIXES) {
    const place = t.word + suffix;
    for (let at = text.indexOf(place); at >= 0; at = text.indexOf(place, at + 1)) if (at !== t.start) return true;
  }
  return false;
}

/** Single-character function words that never stand inside the name of a body or place (就|区疾控中心, 对|区文旅局). */
const FUNCTION_CHARS = charTable('就对向到在从把被将给为是的了们由各等');
/** 暨 joins two meetings or bodies (全体会议暨|全市政协…推进会) and stands inside no name, however jieba groups it. */
const ALWAYS_CUT_CHARS = charTable('暨');
/** Prepositions the segmentation glues to an unknown place after them (以中国, 经某市). */
const GLUED_PREPOSITION_CHARS = charTable('以经据按');
const CONJUNCTION_CHARS = charTable('和与及或');
const ADMIN_CHARS = charTable('省市区县旗盟州镇乡村');
/** Verbs of meeting, visiting and deliberating that never stand inside a name (率队到区|调研|政协, 酝酿|大会主席团). */
const NAME_BREAK_VERBS = [
  '调研', '召开', '开展', '深入', '率队', '带队', '率领', '带领', '走访', '考察', '视察', '看望', '慰问', '出席', '参加',
  '主持', '来到', '前往', '走进', '提出', '汇报', '召集', '举办', '举行', '参观', '督导', '酝酿', '推选', '审议', '听取', '征求', '传达',
];
/** Only verbs opening with the character at hand can start there (looked up at every offset of a name). */
const BREAK_VERBS_BY_FIRST = wordsByCode(NAME_BREAK_VERBS, 'first');

/**
 * Where the name of a body or place between `start` and `suffixStart` really starts: after the last meeting
 * verb (调研, 召开) or function word (就, 对, 到, 们; with `conjunctions` also 和, 与, 及) inside it. A function
 * word counts where jieba segments it alone or where 区/市/县… follows it (jieba reads 对区文|旅局); a known
 * name (protectedAt) is kept whole, and a verb right before a one-character suffix is part of the name (考察团).
 */
/** 和|常委: the word after a conjunction is a bare body word of two characters that ends the candidate. */
function bareSuffixAfter(ctx: ItemContext, at: number, end: number): boolean {
  const t = ctx.tokens.tokenAt(at);
  return t !== undefined && t.start === at && t.end === end && t.word.length <= 2;
}

/** A frequent common noun of jieba's segmentation (单位, 部门, 企业) ending exactly at `end`. */
function commonNounEndingAt(ctx: ItemContext, end: number): boolean {
  const t = ctx.tokens.tokenAt(end - 1);
  if (t === undefined || t.end !== end || t.word.length < 2 || t.tag !== 'n') return false;
  const e = lookupWord(t.word);
  return e !== undefined && e.freq >= COMMON_NOUN_FREQ;
}
const COMMON_NOUN_FREQ = 1000;

export function cutAtFunctionWords(ctx: ItemContext, start: number, suffixStart: number, end: number, conjunctions: boolean): number {
  const { text } = ctx;
  let s = start;
  for (let i = start; i < suffixStart; i++) {
    if (ctx.protectedAt[i] || ctx.protectedAt[i + 1]) continue;
    const c = text.charCodeAt(i);
    const t = ctx.tokens.tokenAt(i);
    const alone = t !== undefined && t.start === i && t.end === i + 1;
    if (ALWAYS_CUT_CHARS[c] === 1) s = i + 1;
    // (升格为|民建…总支部: jieba reads 为民 as a word, yet a party's name opens right after the 为)
    else if ((FUNCTION_CHARS[c] === 1 || (conjunctions && CONJUNCTION_CHARS[c] === 1)) && (alone || ADMIN_CHARS[text.charCodeAt(i + 1)] === 1 || ctx.lex.partyTrie.longestAt(text, i + 1) !== null)) s = i + 1;
    // (以 glued by the segmentation to the place after it: 调研组|以中国|某商会 — the body's name opens at the place)
    else if (GLUED_PREPOSITION_CHARS[c] === 1 && t !== undefined && t.start === i && t.tag === 'x' && ctx.lex.placeTrie.longestAt(text, i + 1) !== null) s = i + 1;
    // 会议精神和|省委, 历程展和|常委: a lone conjunction before 省/市/区/县 or before the suffix itself joins two
    // phrases; bodies keep theirs inside (住房和城乡建设局, 人力资源和社会保障局), where neither follows it
    else if (CONJUNCTION_CHARS[c] === 1 && alone && (ADMIN_CHARS[text.charCodeAt(i + 1)] === 1 || i + 1 === suffixStart || bareSuffixAfter(ctx, i + 1, end))) s = i + 1;
    // 牵头单位|民进市委会: a party's name opens a body; a frequent common noun before it is the clause's
    if (i > s && ctx.lex.partyTrie.longestAt(text, i) !== null && commonNounEndingAt(ctx, i)) s = i;
    const verbs = BREAK_VERBS_BY_FIRST.get(c);
    if (verbs === undefined) continue;
    for (const v of verbs) {
      if (!text.startsWith(v, i) || i + v.length > suffixStart) continue;
      // 考察团, 调研组: a verb right before a one-character suffix names the body; 调研|政协 does not
      if (i + v.length < suffixStart || end - suffixStart > 1) s = Math.max(s, i + v.length);
    }
  }
  return s;
}
