/**
 * Places: known provinces and cities (湖北, 包头市, 内蒙古自治区) and names built from a short prefix plus a
 * place suffix (石拐区, 固阳县, 土右旗, 明沙淖乡, 田家圪旦村, …街道, …社区, …苏木, …嘎查). Generic words
 * (全市, 城区, 农村) are not places. Places inside organisation names are listed too.
 */
import type { NamedSpan } from '../record/schema.js';
import { boundaryAt, cutAtFunctionWords, isHan, stripLeadingNoise, suffixEndingAt, wordEndingAt, type ItemContext } from './context.js';
import { lookupWord } from './dictionary.js';
import type { Blocker } from './organisations.js';
import { longestWins, occurrences, type Candidate } from './spans.js';

const MAX_PREFIX = 5;
/** 我区, 本市, 该县, 全旗, 各乡: not names of places. */
const DEICTIC = new Set([...'我本该全各每此']);
const STOP_TAGS = /^(v$|vd|p|c|u|y|e|o)/;
const NAME_TAGS = /^(ns|nr|nz|x|n$|ng|j)/;

function prefixStart(ctx: ItemContext, suffixStart: number, blocker: Blocker): number | null {
  const { text, lex } = ctx;
  let s = suffixStart;
  for (;;) {
    if (s === 0 || !isHan(text[s - 1]) || blocker.stops.has(s) || ctx.clauseStarts.has(s)) return s;
    if (boundaryAt(ctx, s, suffixStart)) return s;
    const t = ctx.tokens.tokenAt(s - 1);
    // multi-character verbs and function words (提交, 确保); single characters tagged so are often name parts (横塘岗乡)
    if (!ctx.protectedAt[s] && t && t.end === s && t.word.length > 1 && STOP_TAGS.test(t.tag)) return s;
    // a place, a party or an organisation ends here (明沙淖乡|田家圪旦村, 民革|包头市)
    if ((s < suffixStart && wordEndingAt(text, s, lex.placeSuffixSet, 3)) || wordEndingAt(text, s, lex.partySet, 5)) return s;
    if (suffixStart - s >= MAX_PREFIX) return null;
    s--;
  }
}

/** Falls back on jieba when the character scan finds no boundary: name-like tokens before the suffix. */
function tokenPrefixStart(ctx: ItemContext, suffixStart: number): number {
  let s = suffixStart;
  while (s > 0 && suffixStart - s < MAX_PREFIX) {
    const t = ctx.tokens.tokenAt(s - 1);
    if (!t || t.end !== s || !NAME_TAGS.test(t.tag) || suffixStart - t.start > MAX_PREFIX) break;
    s = t.start;
  }
  return s;
}

function suffixPlaces(ctx: ItemContext, blocker: Blocker): Candidate[] {
  const { text, lex } = ctx;
  const out: Candidate[] = [];
  for (let end = 1; end <= text.length; end++) {
    if (blocker.inside[end - 1]) continue;
    const suffix = suffixEndingAt(text, end, lex.placeSuffixesByLast);
    if (!suffix) continue;
    const suffixStart = end - suffix.length;
    // 某某镇|市: a town, township or village is never the stem of a city, county or province
    if (suffix.length === 1 && /[省市县区]/u.test(suffix) && /[镇乡村]/u.test(text[suffixStart - 1] ?? '')) continue;
    const token = ctx.tokens.tokenAt(end - 1);
    // 市场, 区别, 市委: the suffix character belongs to another word
    if (token && token.end > end) continue;
    // 地区, 城区, 社区 as ordinary words: the suffix belongs to a generic word
    if (token && token.start < suffixStart && token.end === end && !token.tag.startsWith('ns') && (lookupWord(token.word)?.freq ?? 0) >= 50) continue;
    let start = prefixStart(ctx, suffixStart, blocker);
    // jieba knows the place as a word (包头市) where the character scan finds no boundary
    if (start === null && token && token.start < suffixStart && token.end === end && token.tag.startsWith('ns')) start = token.start;
    if (start === null) start = tokenPrefixStart(ctx, suffixStart);
    start = stripLeadingNoise(text, start, suffixStart);
    // 委员们就区, 政协领导到区: no function word inside a place's name
    start = cutAtFunctionWords(ctx, start, suffixStart, end, true);
    // 企业|江州: jieba knows the place, and a common noun stands before it
    if (token && token.end === end && token.start > start && token.tag.startsWith('ns')) {
      const lead = ctx.tokens.tokenAt(start);
      if (lead && lead.start === start && lead.end === token.start && lead.tag === 'n') start = token.start;
    }
    if (start >= suffixStart) continue;
    const name = text.slice(start, end);
    // 驻村, 镇村, 就区: a one-character name before a one-character suffix only where it is known (沛县)
    if (suffixStart - start === 1 && suffix.length === 1 && !lex.places.has(name) && !(token && token.start === start && token.end === end && token.tag.startsWith('ns'))) continue;
    if (lex.notPlaces.has(name) || DEICTIC.has(text[suffixStart - 1])) continue;
    if (lex.boundaryWords.has(text.slice(start, suffixStart))) continue;
    const entry = lookupWord(name);
    if (entry && !entry.tag.startsWith('ns')) continue;
    out.push({ name, start, end });
  }
  return out;
}

export function findPlaces(ctx: ItemContext, blocker: Blocker): NamedSpan[] {
  const known = occurrences(ctx.text, ctx.lex.placeTrie).filter((c) => !blocker.inside[c.start]);
  return longestWins([...known, ...suffixPlaces(ctx, blocker)]);
}
