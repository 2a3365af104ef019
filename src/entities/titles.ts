/**
 * Titles (职务) in item text: a head from the title lexicon (副主席, 一级巡视员, 主委) with the organisation or
 * qualifier prefix printed before it (`市政协经济委员会主任`, `九三学社包头市委主委`). The prefix starts after
 * the previous punctuation, date, or boundary word (与 和 及 由 向 在 陪同 会见 …).
 */
import { boundaryAt, isDigit, isHan, type ItemContext } from './context.js';
import { lookupWord } from './dictionary.js';

export interface TitleSpan {
  /** Prefix + head, as printed. */
  text: string;
  start: number;
  headStart: number;
  end: number;
  head: string;
  /** A role noun (人员, 代表) rather than an office. */
  role: boolean;
}

/** Characters that turn a title head into an organisation or a plural (委员会, 主席团, 书记处, 委员们). */
// (董事|局, 理事|会: a board, not its members)
const NOT_AFTER_HEAD = new Set([...'会团处级们室办局']);
const MAX_PREFIX = 20;
/**
 * Words after a head that make one title of it: the assistant of an office (区委书记助理, 总经理助理), and a nominee
 * for it (主席提名人选, 副主席候选人), whose name follows the whole.
 */
const HEAD_TAILS = ['提名人选', '候选人', '助理', '人选'];
const GLUED_PREPOSITIONS = new Set([...'由在对向为从到赴']);
const ADMIN_OPENERS = new Set([...'省市区县']);
const LIST_VERBS = new Set([...'有是']);
const DAY_MARKS = new Set([...'日号']);
/** What follows a number that counts or dates (2023年, 500余名, 120人): no body is named by such a number. */
const COUNTED_AFTER_NUMBER = new Set([...'年月日号时分秒人名个位次届件项条家所万亿元余多米亩户座']);
/** What stands before the 日 of a date: numerals, 星期, 今/昨/明/次/当 (今日, 次日, 当日). */
const CHINESE_DAY_DIGITS = new Set([...'一二三四五六七八九十廿卅期今昨明次当翌']);

/** A bracketed qualifier of two to four characters (not a person's 女 or 回族): （外事）, （侨务）. */
const BRACKETED_QUALIFIER = /[（(](?![^)）]*族[)）])[\u4e00-\u9fff]{2,4}[)）]$/u;

/** Where the prefix of a title whose head starts at `headStart` begins. */
export function titlePrefixStart(ctx: ItemContext, headStart: number, previousHeadEnd: number): number {
  const { text } = ctx;
  let s = headStart;
  while (s > 0 && headStart - s < MAX_PREFIX && s > previousHeadEnd) {
    const c = text[s - 1];
    if (isDigit(c)) {
      // 第5界别: digits belong to the prefix only after 第, or inside a body's name between Han characters
      // (省委520办公室: a number of three digits or more that counts nothing)
      let d = s - 1;
      while (d > 0 && isDigit(text[d - 1])) d--;
      const namedByNumber = s - d >= 3 && d > 0 && isHan(text[d - 1]) && isHan(text[s]) && !COUNTED_AFTER_NUMBER.has(text[s]);
      if (text[d - 1] !== '第' && !namedByNumber) break;
      s = d;
      continue;
    }
    // 港澳台侨（外事）委员会|副主任: a short qualifier in brackets inside the body's name
    const qualifier = BRACKETED_QUALIFIER.exec(text.slice(Math.max(0, s - 8), s));
    if (qualifier && s - qualifier[0].length > 0 && isHan(text[s - qualifier[0].length - 1])) {
      s -= qualifier[0].length;
      continue;
    }
    if (!isHan(c)) break;
    if (ctx.clauseStarts.has(s)) break;
    if (boundaryAt(ctx, s, headStart) && !departmentWordAt(ctx, s, headStart)) break;
    // 座谈会由|县政协主席: jieba glued the preposition to the 区/市/县 that opens the title (由区)
    if (GLUED_PREPOSITIONS.has(text[s - 1]) && ADMIN_OPENERS.has(text[s])) break;
    // 出席的有|市政协委员…: 有 or 是 on its own (or glued by jieba to the 市 after it, 有市) opens the list of who was
    // there, not the title
    if (LIST_VERBS.has(text[s - 1]) && ADMIN_OPENERS.has(text[s]) && standsAlone(ctx, s - 1)) break;
    s--;
  }
  s = afterLeadingVerb(ctx, s, headStart);
  // 12日市政协副主席, 5号区政协…: the day of a date the date finder did not take (no month) is not the title's
  for (let p = headStart - 1; p >= s; p--) {
    if (DAY_MARKS.has(text[p]) && p > 0 && (isDigit(text[p - 1]) || CHINESE_DAY_DIGITS.has(text[p - 1]))) return p + 1;
  }
  return s;
}

/** Whether jieba reads the character at `at` as a word of its own or glued it to an unknown neighbour (有市). */
function standsAlone(ctx: ItemContext, at: number): boolean {
  const t = ctx.tokens.tokenAt(at);
  return t === undefined || t.word.length === 1 || t.tag === 'x';
}

/**
 * 宣传|调研部部长, 组织|联络处处长: a department named by two activities, the first a word that would end a title's
 * prefix elsewhere (宣传, 组织); it names the department when the rest up to the head is one more word and the
 * department's one-character office (部, 处, 科, 室).
 */
function departmentWordAt(ctx: ItemContext, s: number, headStart: number): boolean {
  const { text } = ctx;
  if (!/^\p{Script=Han}{2}[部处科室]$/u.test(text.slice(s, headStart))) return false;
  const word = lookupWord(text.slice(s - 2, s));
  return word !== undefined && /^(v|vn|n)$/.test(word.tag);
}

/** What opens a body's name after a verb: a place level (省市区县州) or a body the lexicons know. */
const BODY_OPENERS = new Set([...'省市区县州旗盟']);

/**
 * 学习讨论|州人大常委会副主任, 会见|县委书记: a verb of the clause (jieba's v, vd; two characters or more) before a body
 * that opens with a place level or a known body is no part of the title; the prefix starts after it.
 */
function afterLeadingVerb(ctx: ItemContext, start: number, headStart: number): number {
  const { text } = ctx;
  let s = start;
  for (let i = start; i < headStart; ) {
    const t = ctx.tokens.tokenAt(i);
    if (!t) break;
    if (t.start === i && t.end < headStart && t.word.length >= 2 && /^(v|vd)$/.test(t.tag) && !ctx.protectedAt[t.end]) {
      if (BODY_OPENERS.has(text[t.end]) || ctx.lex.organisationTrie.longestAt(text, t.end) !== null) s = t.end;
    }
    i = Math.max(t.end, i + 1);
  }
  return s;
}

/**
 * 参政议|政委|员会: a head that an organisation suffix starts inside and runs past is part of the
 * body's name (议政委员会), not a title (政委).
 */
function insideBodyName(ctx: ItemContext, start: number, end: number): boolean {
  for (let k = start + 1; k < end; k++) {
    // the longest suffix starting at k runs past `end` if any does
    const suffix = ctx.lex.orgSuffixTrie.longestAt(ctx.text, k);
    if (suffix !== null && k + suffix.length > end) return true;
  }
  return false;
}

const MAX_PARTY_NAME = 4;
function partyEndsAt(ctx: ItemContext, end: number): boolean {
  for (let s = Math.max(0, end - MAX_PARTY_NAME); s < end - 1; s++) {
    const party = ctx.lex.partyTrie.longestAt(ctx.text, s);
    if (party !== null && s + party.length === end) return true;
  }
  return false;
}

/** The longest title or role head at `i` that is neither a body's name nor a plural (委员会, 委员们), or null. */
function headAt(ctx: ItemContext, i: number): string | null {
  const { text } = ctx;
  if (!ctx.lex.headTrie.mayStartWith(text.charCodeAt(i))) return null;
  // 民盟|长沙市委: a head whose first character ends a party's name (民盟 + 盟长) is no title
  if (partyEndsAt(ctx, i + 1)) return null;
  const heads = ctx.lex.headTrie.wordsAt(text, i);
  for (let k = heads.length - 1; k >= 0; k--) {
    const end = i + heads[k].length;
    if (!NOT_AFTER_HEAD.has(text[end] ?? '') && !insideBodyName(ctx, i, end) && !opensBodyBeforeTitle(ctx, end)) return heads[k];
  }
  return null;
}

/**
 * 委员|工委|主任: a head followed at once by a body's suffix and another title is the first word of that body's
 * short name (委员工委 = 委员工作委员会), not a title of its own.
 */
function opensBodyBeforeTitle(ctx: ItemContext, end: number): boolean {
  const suffix = ctx.lex.orgSuffixTrie.longestAt(ctx.text, end);
  if (suffix === null || suffix.length < 2) return false;
  return ctx.lex.headTrie.longestAt(ctx.text, end + suffix.length) !== null || (ctx.text[end + suffix.length] === '副' && ctx.lex.headTrie.longestAt(ctx.text, end + suffix.length + 1) !== null);
}

/** Every title in the text, in order. */
export function findTitles(ctx: ItemContext): TitleSpan[] {
  const { text, lex } = ctx;
  const titles: TitleSpan[] = [];
  let previousHeadEnd = 0;
  for (let i = 0; i < text.length; ) {
    const head = headAt(ctx, i);
    if (head === null) {
      i++;
      continue;
    }
    // 区委书记助理, 总经理助理: the assistant of an office holds a title of its own; 主席提名人选 a nominee's
    const assistant = HEAD_TAILS.find((t) => text.startsWith(t, i + head.length)) ?? '';
    const end = i + head.length + assistant.length;
    const start = titlePrefixStart(ctx, i, previousHeadEnd);
    // a role noun is a head of roles.txt that is not also a title
    const role = !lex.titleHeadSet.has(head);
    titles.push({ text: text.slice(start, end), start, headStart: i, end, head: head + assistant, role });
    // a role noun inside a body's name (群众艺术馆) does not cut the next title's prefix
    if (!role) previousHeadEnd = end;
    i = end;
  }
  return titles;
}
