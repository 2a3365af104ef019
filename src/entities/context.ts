/**
 * What every entity finder needs to know about one item text: the text, lexicons, jieba tokens, and the
 * offsets where a clause starts (after punctuation or a date).
 */
import { TokenIndex, tokenize } from './dictionary.js';
import type { Lexicons } from './lexicons.js';

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
export const isHan = (c: string | undefined): boolean => c !== undefined && HAN_RE.test(c);
export const isDigit = (c: string | undefined): boolean => c !== undefined && /[0-9０-９]/.test(c);

export function createContext(text: string, lex: Lexicons, dateEnds: number[]): ItemContext {
  const protectedAt = new Array<boolean>(text.length).fill(false);
  for (const known of [lex.organisations, lex.places]) {
    for (const w of known) {
      if (w.length < 3) continue;
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
        for (let i = at + 1; i < at + w.length; i++) protectedAt[i] = true;
      }
    }
  }
  return {
    text,
    lex,
    tokens: new TokenIndex(tokenize(text, lex), text.length),
    clauseStarts: new Set(dateEnds),
    protectedAt,
  };
}

/** Whether a word boundary of jieba's segmentation falls at `at` (boundary words inside 和平 do not count). */
export function atTokenBoundary(ctx: ItemContext, at: number): boolean {
  return ctx.tokens.starts.has(at) || ctx.tokens.ends.has(at) || ctx.tokens.tokenAt(at) === undefined;
}

/** The word from `words` that ends exactly at `end`, longest first (up to 6 characters). */
export function wordEndingAt(text: string, end: number, words: Set<string>, maxLen = 6): string | null {
  for (let len = Math.min(maxLen, end); len >= 1; len--) {
    const w = text.slice(end - len, end);
    if (words.has(w)) return w;
  }
  return null;
}

/** The word from `words` that starts exactly at `start`, longest first (up to 6 characters). */
export function wordStartingAt(text: string, start: number, words: Set<string>, maxLen = 6): string | null {
  for (let len = Math.min(maxLen, text.length - start); len >= 1; len--) {
    const w = text.slice(start, start + len);
    if (words.has(w)) return w;
  }
  return null;
}

/**
 * Words that never open the name of a body or a place but often stand right before one without a
 * separator (2015年市政协, 20位市政协, 就区疾控中心, 确保下三屯村): stripped from the front of a prefix.
 */
const LEADING_NOISE = ['年以来', '以来', '年度', '今年', '去年', '明年', '全年', '当年', '年', '月', '日', '位', '个', '名', '次', '届', '我', '该', '其', '此', '驻', '赴', '的', '了', '是', '确保', '提交', '叮嘱', '前往', '来到'];

export function stripLeadingNoise(text: string, start: number, end: number): number {
  let s = start;
  for (let changed = true; changed && s < end; ) {
    changed = false;
    for (const w of LEADING_NOISE) {
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
 * Whether the boundary word ending at `s` is the 和 inside a body's name (文化文史和学习委主任,
 * 住房和城乡建设局): a short stretch after it, not opening with 市/区/县…, runs into the head or suffix.
 */
export function andInsideName(ctx: ItemContext, s: number, end: number): boolean {
  const { text, lex } = ctx;
  if (text[s - 1] !== '和' || !isHan(text[s - 2])) return false;
  const segment = text.slice(s, end);
  // 和包头市书法家协会, 有限公司和邗江区人民医院: a conjunction between two bodies
  if (segment.length < 2 || segment.length > 6 || /[省市区县旗盟州镇乡]/.test(segment)) return false;
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

export function boundaryAt(ctx: ItemContext, s: number, end: number): boolean {
  const { text, lex } = ctx;
  if (ctx.protectedAt[s] || !atTokenBoundary(ctx, s)) return false;
  const word = wordEndingAt(text, s, lex.boundaryWords, 4);
  if (!word) return false;
  if (NAME_INNER_WORDS.has(word) && lex.orgSuffixes.some((x) => text.startsWith(x, s))) return false;
  return !andInsideName(ctx, s, end);
}
