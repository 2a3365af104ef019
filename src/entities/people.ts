/**
 * People in item text, found from their context, never from a list of names:
 * - a title before the name (`市政协副主席钱振宇`), several titles joined by 、 (`市委常委、统战部部长、…巴特尔`),
 *   one title over an enumeration (`副秘书长孙丽华、冯志刚`), a role noun (`医护人员江晓燕、李楠`);
 * - a title after the name (`上官婉清副主任`, `赵国庆书记`), `X同志`;
 * - a verb of speech or action at a clause start (`周立新强调`, `会议由张三主持`);
 * - a bare list of names (`杜文斌、蒋海鹰、鲍丽君…出席`), counts and elections
 *   (`冯建军等10名`, `选举赵文华为…`, `叶建华当选会长`, `林秀珍、何振东当选副主委`: the office elected to is a title);
 * - after a strong title and before a strong frame (出席, 主持, 、, ，), names without a Han surname (`县政协主席岩罕主持`,
 *   Dai, Wa, Jingpo: see names.ts) and ordinary words (`统战部部长江海出席`); an ordinary word that is no verb
 *   opening a list under a title or role (`主任医师万千、宋晓梅`); even a word of not-names.txt where the item also opens a
 *   clause with it before a verb of speech (`部长夏天出席…夏天强调`);
 * - within an issue, a bare mention of a name found in any item (`钱振宇详细询问了`).
 */
import type { Person } from '../record/schema.js';
import type { Byline } from './bylines.js';
import { isHan, isHanCode, suffixEndingAt, wordStartingAt, type ItemContext } from './context.js';
import { lookupWord } from './dictionary.js';
import { fromBareLists, fromNamePairs, fromNameRolls, fromTitledRolls } from './lists.js';
import { joinerAt, MentionSet, type PersonMention } from './mentions.js';
import { acceptable, assessName, frameFollowerAt, groupHeadAt, nameAfter, nameBefore, scoreNext, scorePrev, surnameLength, withSurnameYu, type NameHit, type Strength } from './names.js';
import { findTitles, type TitleSpan } from './titles.js';
import { WordTrie } from './trie.js';

export type { PersonMention } from './mentions.js';

const COLONS = new Set(['：', ':']);
/** The longest listed word passed over in an enumeration (a name reading as a word). */
const MAX_SKIPPED_NAME = 4;
const isHanRun = (text: string, from: number, to: number): boolean => [...text.slice(from, to)].every((c) => isHan(c));

/** Names following `first` in an enumeration (`赵海涛、常青、钱思远`), each given `titles`. */
function followEnumeration(ctx: ItemContext, found: MentionSet, first: NameHit, titles: string[], strength: Strength): void {
  let cur = first.end;
  for (;;) {
    const joiner = joinerAt(ctx.text, cur);
    if (!joiner) return;
    let next = nameAfter(ctx, cur + joiner.length, strength);
    // 副主席王某、江河、李某出席: a listed name that reads as a word is left out, but the list goes on past it
    if (!next && joiner === '、') {
      const skip = ctx.text.indexOf('、', cur + 1);
      if (skip > cur + 1 && skip - cur - 1 <= MAX_SKIPPED_NAME && isHanRun(ctx.text, cur + 1, skip)) {
        const after = nameAfter(ctx, skip + 1, strength);
        if (after && (!after.assessment.ordinary || after.assessment.nrWord) && !after.assessment.suspicious) next = after;
      }
    }
    if (!next) return;
    if (joiner !== '、' && (next.assessment.ordinary || next.assessment.framed)) return;
    if (!found.add(next, titles)) return;
    cur = next.end;
  }
}

/**
 * An ordinary word right after a title that opens a list of names (副主委方圆、韩冰、史永强): the list
 * shows it is a name.
 */
function listHeadAfter(ctx: ItemContext, pos: number): NameHit | null {
  const first = nameAfter(ctx, pos, 'enumeration') ?? wordListHeadAt(ctx, pos);
  if (!first || ctx.text[first.end] !== '、') return null;
  const second = nameAfter(ctx, first.end + 1, 'enumeration');
  return second && !second.assessment.ordinary && !second.assessment.suspicious ? first : null;
}

/** Parts of speech of words that do not stand for a person even in a list (verbs, adverbs, function words). */
const NOT_NAME_WORD_TAGS = /^(v|d|p|c|u|r|y|e|o|f|ad|ul|uj|uz)/;

/**
 * 主任医师万千、宋晓梅, 县领导龙海、许丹: a surname-led word of two or three characters that is not a verb or
 * function word (万千 is a numeral phrase, 龙海 a place, neither a common noun) right after a title or role and
 * before 、: a name if a clear name follows (listHeadAfter).
 */
function wordListHeadAt(ctx: ItemContext, pos: number): NameHit | null {
  const { text } = ctx;
  for (let len = 2; len <= 3; len++) {
    if (text[pos + len] !== '、') continue;
    const name = text.slice(pos, pos + len);
    const a = assessName(name, ctx.lex);
    if (!a.ok || !a.surnamed || !a.ordinary || a.suspicious) return null;
    const tag = lookupWord(name)?.tag ?? '';
    return NOT_NAME_WORD_TAGS.test(tag) ? null : { name, start: pos, end: pos + len, assessment: a };
  }
  return null;
}

function titlesOverName(titles: TitleSpan[], k: number, text: string): string[] {
  let first = k;
  let head = titles[k];
  // 律师事务所主任律师, 医院主任护师: an office right before a role noun is one title with it
  if (head.role && k > 0 && !titles[k - 1].role && titles[k - 1].end === head.start) {
    first = k - 1;
    head = { ...head, start: titles[k - 1].start, text: text.slice(titles[k - 1].start, head.end) };
  }
  const chain = [head];
  for (let j = first - 1; j >= 0; j--) {
    const head = chain[0];
    // a role noun inside this title's prefix (赤峰市群众艺术馆馆长) is part of it
    if (titles[j].start >= head.start) continue;
    // 市委常委、统战部部长 and 副主席兼秘书长: titles joined by 、 or 兼 belong to the same name
    if (titles[j].end === head.start - 1 && text[head.start - 1] === '、') chain.unshift(titles[j]);
    else if (titles[j].end === head.start && text[head.start] === '兼') chain.unshift(titles[j]);
    else break;
  }
  // the 兼 that joined a title to the one before it belongs to neither (秘书长兼办公室主任 → 办公室主任)
  return chain.map((t) => (t.text.length > 1 && t.text[0] === '兼' ? t.text.slice(1) : t.text));
}

/** The longest body an affiliation after a title may print (民盟某某市某某区总支). */
const MAX_AFFILIATION = 16;

/**
 * 区政协委员、民盟某区总支章某某作了…: after a title and its 、, a body with no title of its own and then a name
 * closed firmly (a verb that follows names, punctuation): the person of that body who holds the title.
 */
function nameAfterAffiliation(ctx: ItemContext, titles: TitleSpan[], k: number): NameHit | null {
  const { text, lex } = ctx;
  const from = titles[k].end + 1;
  if (text[from - 1] !== '、') return null;
  for (let end = from + MAX_AFFILIATION; end >= from + 3; end--) {
    if (end >= text.length || !isHan(text[end - 1])) continue;
    if (!suffixEndingAt(text, end, lex.orgSuffixesByLast)) continue;
    if (![...text.slice(from, end)].every((c) => isHan(c))) continue;
    // (a title inside the run is the chain's next link, which the chain itself reads)
    if (titles.some((t) => t.start < end + 4 && t.end > from)) return null;
    const hit = nameAfter(ctx, end, 'title');
    if (hit && !hit.assessment.ordinary && !hit.assessment.suspicious && scoreNext(ctx, hit.end) >= 1) return hit;
  }
  return null;
}

/**
 * 民进省委副主委、省政协常委、江城大学文学院方某教授: the titles joined by 、 before the person's workplace (a body
 * between the chain and the name, no title of its own) are the person's too.
 */
function chainBeforeWorkplace(titles: TitleSpan[], k: number, nameStart: number, text: string): string[] {
  const workplaceStart = titles[k].start;
  if (nameStart - workplaceStart < 2 || text[workplaceStart - 1] !== '、') return [];
  const j = titles.findIndex((t, i) => i < k && t.end === workplaceStart - 1);
  return j < 0 ? [] : titlesOverName(titles, j, text);
}

/**
 * 主席李平和县人大代表张红: a title's prefix that runs back over a name found before it (and the 和, 与, 及 or 、
 * after that name) starts after them. The title is cut in `titles` itself, so that it is not joined to the
 * title before the name either.
 */
function cutPrefixAfterNames(found: MentionSet, titles: TitleSpan[], k: number, text: string): void {
  const t = titles[k];
  let start = t.start;
  for (const m of found.mentions) {
    if (m.start < start || m.end > t.headStart) continue;
    const joiner = joinerAt(text, m.end);
    start = m.end + (joiner?.length ?? 0);
  }
  if (start > t.start && start < t.headStart) titles[k] = { ...t, start, text: text.slice(start, t.end) };
}

/** Words that make a title honorary, acting or executive (任名誉团长, 任常务副会长): the title's, never a name's end. */
const TITLE_MODIFIER_END = /(?:名誉|荣誉|常务|执行|代理|终身)$/u;
/**
 * Role nouns that also follow a name as the way it is addressed (李某老师, 王某医生) and are then the person's
 * title, as 教授 is. Not 代表 or 委员: after a name they are as often a verb (王某代表市政协致辞) or a member's
 * plain role.
 */
const HONORIFIC_ROLES = new Set(['老师', '医生', '律师', '护士', '教师']);

function fromTitles(ctx: ItemContext, found: MentionSet, allTitles: TitleSpan[]): void {
  const { text } = ctx;
  const titles = allTitles.slice();
  titles.forEach((_, k) => {
    cutPrefixAfterNames(found, titles, k, text);
    const t = titles[k];
    // 欢迎各位委员常回家看看, 全体委员: a title counted over a group names no one after it
    if (GROUP_QUANTIFIER.test(text.slice(Math.max(0, t.headStart - 2), t.headStart))) return;
    const strength: Strength = t.role ? 'role' : 'title';
    // 组长：张三, 撰稿：刘建国
    // 出席的常委有黄某、…: the 有 that introduces the names (a word of its own, not 有关 or 有效)
    const at = COLONS.has(text[t.end]) ? t.end + 1 : text[t.end] === '有' && ctx.tokens.tokenAt(t.end)?.word === '有' ? t.end + 1 : t.end;
    const after = nameAfter(ctx, at, strength) ?? listHeadAfter(ctx, at);
    if (after) {
      const titleTexts = titlesOverName(titles, k, text);
      if (found.add(after, titleTexts)) followEnumeration(ctx, found, after, titleTexts, t.role ? 'role' : 'enumeration');
      return;
    }
    // 区政协委员、民盟某区总支章某某作了发言: the person's title, then the body they belong to, then the name
    const member = !t.role || t.start < t.headStart ? nameAfterAffiliation(ctx, titles, k) : null;
    if (member) {
      found.add(member, titlesOverName(titles, k, text));
      return;
    }
    // 罗某等3名副主委, 张某、李某等两位副主席: the title after a counted group is each listed name's
    const counted = COUNTED_GROUP.exec(text.slice(Math.max(0, t.headStart - 8), t.headStart));
    if (counted) {
      const before = nameEndingAt(ctx, t.headStart - counted[0].length);
      if (before) {
        found.add(before, [t.head]);
        shareBackwards(ctx, found, before.start, [t.head], true);
        return;
      }
    }
    // 王某当选为支部主委，李某、赵某为支部委员: names before the verb that gives them the title
    const appointed = APPOINTED_TO.exec(text.slice(Math.max(0, t.start - 3), t.start));
    // (an office, not a role, and closing its clause: 为群众义诊 gives no one a title)
    if (appointed && t.start > 0 && !t.role && (t.end === text.length || /[，。；、,;！]/u.test(text[t.end]))) {
      const before = nameEndingAt(ctx, t.start - appointed[0].length);
      if (before) {
        found.add(before, [t.text]);
        shareBackwards(ctx, found, before.start, [t.text], true);
        return;
      }
    }
    if (t.role && !HONORIFIC_ROLES.has(t.head)) return;
    const word = t.role ? null : confirmedWordName(ctx, at);
    if (word) {
      found.add(word, titlesOverName(titles, k, text));
      return;
    }
    // a title after the name: 上官婉清副主任, 贯彻赵国庆书记
    const prefix = text.slice(t.start, t.headStart);
    if (prefix.length >= 2 && prefix.length <= 4 && !TITLE_MODIFIER_END.test(prefix)) {
      const a = assessName(prefix, ctx.lex);
      // the title right after it closes the name as firmly as 出席 would (方新旗主委主持)
      if (acceptable(a, 'title', 3, true)) {
        const hit = withSurnameYu(ctx, { name: prefix, start: t.start, end: t.headStart, assessment: a }, t.headStart, 'title');
        if (found.add(hit, [t.head])) shareBackwards(ctx, found, hit.start, [t.head]);
        return;
      }
    }
    // 会议由肖云和秘书长主持: no name follows the title, so the 和 before it ends a name rather than joining one
    if (prefix.length === 0 && JOINERS_BEFORE_TITLE.test(text[t.start - 1] ?? '')) {
      const before = nameBefore(ctx, t.start, 'title');
      if (before && !before.assessment.ethnic) found.add(before, [t.head]);
      return;
    }
    if (prefix.length > 2 && !TITLE_MODIFIER_END.test(prefix)) {
      const before = nameBefore(ctx, t.headStart, 'title') ?? nameAfterBody(ctx, t.start, t.headStart) ?? taggedNameBefore(ctx, t.headStart);
      if (before && !before.assessment.ethnic && found.add(before, [...chainBeforeWorkplace(titles, k, before.start, text), t.head])) shareBackwards(ctx, found, before.start, [t.head]);
    }
  });
}

/**
 * 市委政研室汪某副主任, 统战部办公室刘某主任: a name between the body that employs the person and the title that
 * follows the name. The body's suffix (室, 部, 局) ends right before it; the name must be no ordinary word.
 */
function nameAfterBody(ctx: ItemContext, from: number, headStart: number): NameHit | null {
  const { text, lex } = ctx;
  for (let len = 3; len >= 2; len--) {
    const start = headStart - len;
    if (start <= from) continue;
    const suffixes = lex.orgSuffixesByLast.get(text.charCodeAt(start - 1)) ?? [];
    const body = suffixes.some((x) => text.startsWith(x, start - x.length) && start - x.length >= from) || unitNounEndingAt(ctx, start, from);
    if (!body) continue;
    const a = assessName(text.slice(start, headStart), lex);
    if (a.ok && a.surnamed && !a.ordinary && !a.suspicious && !a.framed && acceptable(a, 'title', 2, true)) return { name: text.slice(start, headStart), start, end: headStart, assessment: a };
  }
  return null;
}

/**
 * 统战部王某会见了调研组: a name printed right after the body it works for, with no title, and closed by a verb
 * that follows names (出席, 会见, 陪同). The body's suffix ends right before it; the name must be a clear one.
 */
function fromBodyThenVerb(ctx: ItemContext, found: MentionSet): void {
  const { text, lex } = ctx;
  for (let start = 2; start < text.length - 2; start++) {
    const suffixes = lex.orgSuffixesByLast.get(text.charCodeAt(start - 1));
    if (!suffixes || !suffixes.some((x) => x.length >= 2 && text.startsWith(x, start - x.length))) continue;
    for (let len = 3; len >= 2; len--) {
      const end = start + len;
      const a = assessName(text.slice(start, end), lex);
      if (!a.ok || !a.surnamed || (a.ordinary && !a.nrWord) || a.suspicious || a.framed) continue;
      if (wordStartingAt(text, end, lex.strongFollowers, 4) === null) continue;
      found.add({ name: text.slice(start, end), start, end }, []);
      break;
    }
  }
}

/**
 * 领会|习近平|总书记: a word jieba's dictionary knows as a person's name, segmented whole right before a title,
 * whatever word stands before it (领会 is tagged a noun, so no verb frame vouches for the name's start).
 */
function taggedNameBefore(ctx: ItemContext, end: number): NameHit | null {
  const t = ctx.tokens.tokenAt(end - 1);
  if (t === undefined || t.end !== end || t.word.length < 2 || t.word.length > 4 || !/^nr/.test(t.tag)) return null;
  const a = assessName(t.word, ctx.lex);
  return a.ok && a.surnamed ? { name: t.word, start: t.start, end, assessment: a } : null;
}

/** Last characters of the nouns that name a unit of an office (政研室, 秘书处, 信息科, 宣传组). */
const UNIT_ENDS = new Set([...'室处科部局办厅所站组']);

/** A noun of jieba's dictionary naming a unit (政研室) that ends at `end`, inside the title's prefix. */
function unitNounEndingAt(ctx: ItemContext, end: number, from: number): boolean {
  const t = ctx.tokens.tokenAt(end - 1);
  return t !== undefined && t.end === end && t.start >= from && t.word.length >= 2 && UNIT_ENDS.has(t.word[t.word.length - 1]) && /^(?:n|nt|j)$/.test(t.tag);
}

const CLAUSE_OPENERS = /[，。；！？：\n,;!?:]/;
const JOINERS_BEFORE_TITLE = /[和与]/u;
/** The verb between a name and the title it is given: 当选为, 担任, 任, 为. */
const APPOINTED_TO = /(?:当选为|当选|担任|出任|任|为)$/u;
/** `等3名`, `等两位` between the last name of a group and the title they share. */
const COUNTED_GROUP = /等\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*[名位]$/u;
const GROUP_QUANTIFIER = /(?:各位|全体|广大|诸位|各)$/u;

/**
 * 董某、钱某、谢某委员: a title after the last name of a list is every listed name's (not so after 等: 纪某…徐某等常委
 * counts people of a group). Walks back over names joined by 、 from the name starting at `start`.
 */
function shareBackwards(ctx: ItemContext, found: MentionSet, start: number, titles: string[], merge = false): void {
  let cur = start;
  while (cur > 0 && ctx.text[cur - 1] === '、') {
    const before = nameBefore(ctx, cur - 1, 'enumeration') ?? (merge ? nameEndingAt(ctx, cur - 1) : null);
    if (!before || before.assessment.ordinary || before.assessment.suspicious) return;
    // (merge: names a list finder took already get the title too)
    if (!found.add(before, titles) && !merge) return;
    cur = before.start;
  }
}

/**
 * A clear name (surnamed, no dictionary word unless tagged a name, 3 or 2 characters) ending at `end`, whatever stands before it: the
 * caller vouches for its end (a counted group after it, 罗某等3名副主委; or a 、 of that group's list).
 */
function nameEndingAt(ctx: ItemContext, end: number): NameHit | null {
  for (let len = 3; len >= 2; len--) {
    const start = end - len;
    if (start < 0) continue;
    const a = assessName(ctx.text.slice(start, end), ctx.lex);
    if (a.ok && a.surnamed && (!a.ordinary || a.nrWord) && !a.suspicious && !a.framed && acceptable(a, 'title', 2, true)) return { name: ctx.text.slice(start, end), start, end, assessment: a };
  }
  return null;
}

/**
 * 部长夏天出席…\n夏天强调: a word that is never taken for a name on its own (not-names.txt: 夏天, 高度) is one
 * where the item gives it every frame at once: right after an office, closed by a verb that follows names
 * (出席, 主持), and printed again opening a clause before a verb of speech (夏天指出, 夏天强调).
 */
function confirmedWordName(ctx: ItemContext, pos: number): NameHit | null {
  const { text, lex } = ctx;
  for (let len = 2; len <= 3; len++) {
    const name = text.slice(pos, pos + len);
    if (!lex.notNames.has(name) || surnameLength(name, lex) === 0 || !frameFollowerAt(text, pos + len)) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (at === pos || !(at === 0 || CLAUSE_OPENERS.test(text[at - 1]))) continue;
      const verb = lex.speechVerbTrie.longestAt(text, at + len);
      if (verb !== null && verb.length >= 2) return { name, start: pos, end: pos + len, assessment: assessName(name, lex) };
    }
  }
  return null;
}

function fromComrade(ctx: ItemContext, found: MentionSet): void {
  const { text } = ctx;
  for (let at = text.indexOf('同志'); at >= 0; at = text.indexOf('同志', at + 2)) {
    if (text[at + 2] === '们') continue;
    const hit = nameBefore(ctx, at, 'enumeration');
    // 有关负责同志: 关负责 is no name
    if (hit && (!hit.assessment.suspicious || hit.assessment.nrWord)) found.add(hit, []);
  }
}

function fromSpeechVerbs(ctx: ItemContext, found: MentionSet): void {
  const { text, lex } = ctx;
  const verbs = lex.speechVerbTrie;
  for (let at = 2; at < text.length; at++) {
    // most offsets open no verb: one lookup by code before any string is made
    const code = text.charCodeAt(at);
    if (!verbs.mayStartWith(code) || !isHanCode(code)) continue;
    // the longest verb of up to 4 characters starting here
    const verbWord = verbs.longestAt(text, at);
    if (verbWord === null) continue;
    // A verb that ends the text counts as 4 characters long, as it did when verbs were looked up as
    // text.slice(at, at + 4) … text.slice(at, at + 1): the first slice then already is the verb (说 at the
    // very end is not held to the stricter start of a one-character verb). Kept so that output is unchanged.
    const verbLength = at + verbWord.length === text.length ? 4 : verbWord.length;
    // a byline closes a paragraph (…区政协杨学文供稿）): jieba's word boundary is the evidence there
    const byline = BYLINE_VERBS.has(verbWord) && !isHan(text[at + verbLength]);
    // a one-character verb (说) only right after a clause start: 孙志强说：
    let hit = nameBefore(ctx, at, 'weak', verbLength === 1 ? 3 : byline ? 0 : 2);
    if (hit && byline && scorePrev(ctx, hit.start) < 2 && !ctx.tokens.starts.has(hit.start)) hit = null;
    // (a framed name, 李春和, only where a clause opens with it: nameBefore held it to the verb after it)
    if (hit && !hit.assessment.ordinary && (!hit.assessment.suspicious || (hit.assessment.framed && scorePrev(ctx, hit.start) >= 3))) {
      found.add(hit, []);
      followEnumeration(ctx, found, hit, [], 'weak');
    }
  }
}

const SPEECH_CLAUSE_END = /[，。；！？\n,;!?]/;

/** `赵国庆在全市…会议上强调`: a name opening a clause, then 在 …, then a verb of speech in the same clause. */
function fromSpeechAfterSetting(ctx: ItemContext, found: MentionSet): void {
  const { text, lex } = ctx;
  for (let at = text.indexOf('在'); at >= 0; at = text.indexOf('在', at + 1)) {
    const hit = nameBefore(ctx, at, 'weak', 3);
    if (!hit || hit.assessment.ordinary || hit.assessment.suspicious) continue;
    let end = at;
    while (end < text.length && end - at < 40 && !SPEECH_CLAUSE_END.test(text[end])) end++;
    const clause = text.slice(at, end);
    if (lex.longSpeechVerbs.some((v) => clause.includes(v))) found.add(hit, []);
  }
}

const BYLINE_VERBS = new Set(['供稿', '撰稿', '摄影报道', '摄', '报道']);
const COUNTED = /等(?:[0-9]+|[一二三四五六七八九十两几百]+)(?:名|位|人)/g;
const APPOINTING = /(?:选举|增补|任命|推选|推举|聘请|聘任|免去|表彰|授予|推荐|提名)/g;
const ELECTED = /当选为?|被(?:选举|推选|推举|增补|任命|聘任|聘请|选)为?/g;

/** The title printed right at `pos` (当选会长, 为市政协副主席), as a one-element list, or none. */
function titleAt(titles: TitleSpan[], pos: number, text: string): string[] {
  // the title's prefix may have run back over 为 (jieba reads 推选为|会长 as 推|选为会长): cut it at `pos`
  const t = titles.find((x) => !x.role && x.start <= pos && x.headStart >= pos && x.headStart - pos <= 20);
  return t ? [text.slice(pos, t.end)] : [];
}

/**
 * `冯建军等10名优秀委员`, `选举赵文华为副主席`, `增补钱玉兰为常委`, `叶建华当选会长`, `令狐建军当选为主委`
 * `王芳被推选为秘书长` (the title printed after 为 / 当选 is the person's).
 */
function fromCountsAndAppointments(ctx: ItemContext, found: MentionSet, titles: TitleSpan[]): void {
  const { text } = ctx;
  for (const m of text.matchAll(COUNTED)) {
    const hit = nameBefore(ctx, m.index ?? 0, 'weak', 0);
    if (hit && !hit.assessment.ordinary && !hit.assessment.suspicious) found.add(hit, []);
  }
  // 潘某等委员, 郑某等县领导: 等 and a role or office held by the group (not the name's title: 等常委 ≠ 常委 X)
  for (let at = text.indexOf('等'); at >= 0; at = text.indexOf('等', at + 1)) {
    if (!groupHeadAt(ctx, at + 1)) continue;
    const hit = nameBefore(ctx, at, 'weak', 2);
    if (hit && !hit.assessment.ordinary && !hit.assessment.suspicious) found.add(hit, []);
  }
  for (const m of text.matchAll(APPOINTING)) {
    const pos = (m.index ?? 0) + m[0].length;
    const hit = nameAfter(ctx, pos, 'weak');
    if (!hit || hit.assessment.ordinary || hit.assessment.suspicious) continue;
    if (text[hit.end] === '为') found.add(hit, titleAt(titles, hit.end + 1, text));
    else if (text.startsWith('同志', hit.end) || text[hit.end] === '等') found.add(hit, []);
  }
  for (const m of text.matchAll(ELECTED)) {
    const at = m.index ?? 0;
    const title = titleAt(titles, at + m[0].length, text);
    // 副院长程建波当选主委: a name found already gets the office it is elected to
    const known = found.mentions.find((x) => x.end === at);
    if (known) {
      found.add(known, title);
      continue;
    }
    // 叶建华当选会长: a name opening its clause (or after a boundary word: 会议选举，叶建华当选)
    let hit = nameBefore(ctx, at, 'weak', 2);
    if (!hit || hit.assessment.ordinary || hit.assessment.suspicious) continue;
    found.add(hit, title);
    // 林秀珍、何振东当选副主委: the names listed before it are elected too
    while (hit && text[hit.start - 1] === '、') {
      hit = nameBefore(ctx, hit.start - 1, 'weak', 2);
      if (!hit || hit.assessment.ordinary || hit.assessment.suspicious) break;
      found.add(hit, title);
    }
  }
}

/**
 * The names established anywhere in an issue, sought in every item: longest first (then in code-unit order),
 * each name's mentions left to right. One pass of a trie per item finds them all; an indexOf scan per name and
 * item cost names × items passes.
 */
export class EstablishedNames {
  private readonly names: string[];
  private readonly rank = new Map<string, number>();
  private readonly trie: WordTrie;

  constructor(names: Iterable<string>) {
    this.names = [...new Set(names)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.names.forEach((name, k) => this.rank.set(name, k));
    this.trie = new WordTrie(this.names);
  }

  /** Calls `visit(name, at)` for every mention in `text`, in the order above. */
  forEachMention(text: string, visit: (name: string, at: number) => void): void {
    // rank × (length + 1) + offset: one number per mention, so a numeric sort gives the order
    const span = text.length + 1;
    const keys: number[] = [];
    this.trie.forEachMatch(text, (name, at) => keys.push((this.rank.get(name) ?? 0) * span + at));
    keys.sort((a, b) => a - b);
    for (const key of keys) visit(this.names[Math.floor(key / span)], key % span);
  }
}

/** Bare mentions of names established anywhere in the issue. */
function fromEstablished(ctx: ItemContext, found: MentionSet, established: EstablishedNames): void {
  const { lex } = ctx;
  established.forEachMention(ctx.text, (name, at) => {
    const a = assessName(name, lex);
    const end = at + name.length;
    if (!found.free(at, end)) return;
    const prev = scorePrev(ctx, at);
    const next = scoreNext(ctx, end);
    // a word of not-names.txt confirmed as a name in its item (confirmedWordName) only opening a clause before a
    // verb that follows names: 。夏天强调 (never 炎热的夏天，)
    if (lex.notNames.has(name)) {
      if (prev === 3 && isHan(ctx.text[end]) && next === 3) found.add({ name, start: at, end }, []);
      return;
    }
    // a name that is also an ordinary word (时光, 安然) needs a clear frame in a bare mention
    const ok =
      a.ordinary && !a.nrWord
        ? prev >= 2 && next >= 3
        : a.ordinary || a.ethnic
          ? (prev >= 2 && next >= 2) || (prev === 3 && next >= 1)
          : prev >= 2 || next >= 2;
    if (ok) found.add({ name, start: at, end }, []);
  });
}

/** Mentions found from context in one item (phase 1). */
export function findPersonMentions(ctx: ItemContext, bylines: Byline[] = []): { mentions: PersonMention[]; titles: TitleSpan[] } {
  const found = new MentionSet(ctx.text.length);
  // a byline's names (记者王浩) are no people of the item: claimed before any finder sees them (bylines.ts)
  for (const b of bylines) found.claim(b.span[0], b.span[1]);
  const titles = findTitles(ctx);
  fromTitles(ctx, found, titles);
  fromComrade(ctx, found);
  fromSpeechVerbs(ctx, found);
  fromSpeechAfterSetting(ctx, found);
  fromCountsAndAppointments(ctx, found, titles);
  fromBodyThenVerb(ctx, found);
  fromBareLists(ctx, found);
  fromNameRolls(ctx, found);
  fromTitledRolls(ctx, found);
  fromNamePairs(ctx, found);
  return { mentions: found.mentions, titles };
}

/** Adds bare mentions of `established` names (phase 2) and folds mentions into one Person per name. */
/**
 * 局长张某|和参会 where the item also names 张某和 (张某和感谢…): a name ending in 和 (or 之, 从…) is the same person
 * wherever its shorter form stands before that character.
 */
function withSoftLast(ctx: ItemContext, m: PersonMention, all: PersonMention[]): PersonMention {
  const next = ctx.text[m.end];
  if (next === undefined || !all.some((o) => o.name === m.name + next && o.name.length === 3)) return m;
  return { ...m, name: m.name + next, end: m.end + 1 };
}

export function collectPeople(ctx: ItemContext, mentions: PersonMention[], established: EstablishedNames, bylines: Byline[] = []): Person[] {
  const found = new MentionSet(ctx.text.length);
  for (const b of bylines) found.claim(b.span[0], b.span[1]);
  for (const m of mentions) found.add(m, m.titles);
  fromEstablished(ctx, found, established);
  const byName = new Map<string, Person>();
  for (const m of [...found.mentions].sort((a, b) => a.start - b.start).map((m) => withSoftLast(ctx, m, found.mentions))) {
    let p = byName.get(m.name);
    if (!p) byName.set(m.name, (p = { name: m.name, titles: [], spans: [] }));
    for (const t of m.titles) if (!p.titles.includes(t)) p.titles.push(t);
    p.spans.push([m.start, m.end]);
  }
  return [...byName.values()];
}
