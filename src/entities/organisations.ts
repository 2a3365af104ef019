/**
 * Organisations: known bodies (中共中央, 市政协, 提案委), democratic parties and their branches
 * (民革中央, 九三学社包头市委, 民革包头市青山区总支), and names built from a well-formed prefix plus an
 * organisation suffix (…有限公司, …医院, …商会, …委员会, …局). The longest well-formed name wins.
 */
import type { NamedSpan } from '../record/schema.js';
import { BODY_QUANTIFIERS, boundaryAt, cutAtFunctionWords, isHan, stripLeadingNoise, suffixEndingAt, wordEndingAt, wordStartingAt, type ItemContext } from './context.js';
import { lookupWord } from './dictionary.js';
import { longestWins, occurrences, type Candidate } from './spans.js';

const MAX_PREFIX = 16;
/** Rooms of a building (县委党校中心报告厅): where a meeting is held, not a body; what stands before them names the building. */
const ROOMS = ['报告厅', '会议厅', '多功能厅', '演播厅', '宴会厅', '会客厅', '接待厅', '大厅', '展厅', '餐厅', '门厅', '会议室', '活动室', '阅览室'];
const ADMIN_CHARS = new Set([...'省市区县旗盟州镇乡']);
/** Parts of speech that never belong to a body's name (verbs, prepositions, conjunctions, pronouns…). */
const STOP_TAGS = /^(p|c|r|u|d|y|e|o|ad$)/;
/** A one-character verb or function word right before a name (送|市委办公室, 在|…医院). */
const LEADING_TAGS = /^(v$|vd|p|c|r|u|d|y|e|o|ad$)/;
/** Words ending in 局/委/办… that are not organisations. */
const NOT_ORG_ENDINGS = new Set(['格局', '布局', '大局', '结局', '全局', '开局', '定局', '残局', '时局', '政局', '骗局', '饭局', '部委', '党政办', ...ROOMS]);
const BRANCH_SUFFIXES = ['基层委员会', '委员会', '市委会', '工委', '总支部', '总支', '支部', '支社', '委', '中央'];
const LONE_ADMIN = new Set([...'省市区县州旗盟']);
/** Whether a verb of jieba's segmentation (走访, 看望) ends at `at`. */
function verbEndsAt(ctx: ItemContext, at: number): boolean {
  const t = ctx.tokens.tokenAt(at - 1);
  return t !== undefined && t.end === at && t.word.length >= 2 && /^v/.test(t.tag);
}

/** Characters after which a lone 省/市 opens a name (、省民进, 和市民革, 在县民盟). */
const LEADING_FUNCTION = new Set([...'、和与及在由对向为是的了，。；：']);
/** A character of a place's stem: no numeral (中共|十九大…) nor function word (…精神和|省委, 九三学社等|市委会). */
const STEM_CHAR = '(?:(?![和与及或的了在对是为等〇零一二三四五六七八九十])[\\u4e00-\\u9fff])';
/** The place of a party's branch (九三学社|包头市|委): stems of autonomous areas run longer than the rest. */
const PLACE_PART = new RegExp(`^(?:${STEM_CHAR}{1,8}?(?:自治区|自治州|自治县)|${STEM_CHAR}{1,4}?(?:省|市|区|县|旗|盟))`, 'u');

export interface Blocker {
  /** Offsets where a prefix may not extend past (ends of person names and title heads). */
  stops: Set<number>;
  /** Offsets inside a person name or a title head: no organisation ends there. */
  inside: boolean[];
  /** Where the person name ending at an offset starts. */
  personStartByEnd?: Map<number, number>;
}

const MAX_INSTITUTION = 12;
/** An institution's name (某某大学, 某某医院, 某某公司) and the party branch it holds (总支, 支部, 支社, 委员会). */
const INSTITUTION_BEFORE_BRANCH = new RegExp(`^(\\p{Script=Han}{2,${MAX_INSTITUTION - 2}}?(?:大学|学院|医院|中学|小学|研究院|研究所|党校|学校|公司|集团))(基层委员会|总支部|总支|支部|支社|委员会)`, 'u');

/** Every mention of a party with the branch that follows it (in text order: `longestWins` takes any order). */
function partyBranches(ctx: ItemContext): Candidate[] {
  const { text, lex } = ctx;
  const out: Candidate[] = [];
  lex.partyTrie.forEachMatch(text, (party, at) => {
    let cur = at + party.length;
    // 民革中央 / 九三学社包头市委 / 民革包头市青山区总支
    for (let k = 0; k < 3; k++) {
      const m = PLACE_PART.exec(text.slice(cur, cur + 12));
      if (!m) break;
      cur += m[0].length;
    }
    let branch = BRANCH_SUFFIXES.find((b) => text.startsWith(b, cur) && (b !== '委' || cur > at + party.length));
    // 民盟某市某某大学总支, 农工党某某医院支部: the branch of an institution, named after it
    const institution = branch ? null : INSTITUTION_BEFORE_BRANCH.exec(text.slice(cur, cur + MAX_INSTITUTION + 4));
    if (institution) {
      cur += institution[1].length;
      branch = institution[2];
    }
    // 九三学社市基层委员会, 民盟县委: the party's branch of this city or county, named by 市/县 alone
    if (!branch && cur === at + party.length && LONE_ADMIN.has(text[cur])) {
      branch = BRANCH_SUFFIXES.find((b) => b !== '中央' && text.startsWith(b, cur + 1));
      if (branch) cur++;
    }
    const end = branch ? cur + branch.length : at + party.length;
    // 省民进, 市民革: the party's committee of this province or city, named by 省/市 alone before it
    // (not the 市 of a place's name: 某某市民进 is taken by the suffix names)
    const lone = at > 0 && LONE_ADMIN.has(text[at - 1]) && (at < 2 || !isHan(text[at - 2]) || ctx.clauseStarts.has(at - 1) || LEADING_FUNCTION.has(text[at - 2]) || verbEndsAt(ctx, at - 1));
    const start = lone ? at - 1 : at;
    out.push({ name: text.slice(start, end), start, end });
  });
  return out;
}

function prefixStart(ctx: ItemContext, suffixStart: number, end: number, blocker: Blocker): number {
  const { text } = ctx;
  let s = suffixStart;
  while (s > 0 && suffixStart - s < MAX_PREFIX) {
    // 港澳台侨（外事）|委员会: a short qualifier in brackets inside the name
    const qualifier = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, s - 8), s));
    if (qualifier && s - qualifier[0].length > 0 && isHan(text[s - qualifier[0].length - 1])) {
      s -= qualifier[0].length;
      continue;
    }
    if (!isHan(text[s - 1])) break;
    if (blocker.stops.has(s) || ctx.clauseStarts.has(s)) break;
    // 某某镇|市人大代表: a town, township or village holds no city's, county's or province's body
    if (/[镇乡村]/u.test(text[s - 1]) && /[省市县区]/u.test(text[s])) break;
    if (boundaryAt(ctx, s, end)) break;
    // 新华社北京2月27日电|政协第十二届…: a news dateline ends where the report starts
    if (/日[电讯]$/u.test(text.slice(s - 2, s))) break;
    // 常委及|区统战部: jieba glued the conjunction to the 区/市/县 that opens the next body (及区)
    if (/[和与及或]/u.test(text[s - 1]) && ADMIN_CHARS.has(text[s]) && ctx.tokens.tokenAt(s - 1)?.tag === 'x') break;
    const t = ctx.tokens.tokenAt(s - 1);
    if (!ctx.protectedAt[s] && t && t.end === s && t.word.length > 1 && STOP_TAGS.test(t.tag)) break;
    // 调研组以|中国某商会, 一年里|民进某市委: a one-character preposition, or a localizer closing a time phrase,
    // stands between the clause and the body
    if (!ctx.protectedAt[s] && t && t.end === s && t.word.length === 1 && ((t.tag === 'p' && !/[与和及同]/u.test(t.word)) || (t.tag === 'f' && /^(m|t|mq)$/.test(ctx.tokens.tokenAt(s - 2)?.tag ?? '')))) break;
    s--;
    // 单位|区教育局: a lone 区/市/县 opens the body's name; inside a place word (青山区政协) it does not
    const own = ctx.tokens.tokenAt(s);
    if (ADMIN_CHARS.has(text[s]) && own && own.word.length === 1) break;
  }
  return s;
}

/** A bracketed qualifier of two to four characters (not a person's 女 or 回族) ending right where a prefix is being extended: （外事）, （侨务）. */
const QUALIFIER_BEFORE = /[（(](?![^)）]*族[)）])[\u4e00-\u9fff]{2,4}[)）]$/u;

const MAX_PARENT = 12;
/** Official names this long (中国人民政治协商会议) are never the tail of a clause: they open the body after them. */
const LONG_PARENT = 6;

/**
 * 中国人民政治协商会议|江州市…委员会: the long official name of the parent body printed right before a body's name
 * opens it, however long the whole becomes.
 */
function withParent(ctx: ItemContext, c: Candidate, blocker: Blocker): Candidate {
  if (blocker.stops.has(c.start)) return c;
  const parent = wordEndingAt(ctx.text, c.start, ctx.lex.organisations, MAX_PARENT);
  let start = parent !== null && parent.length >= LONG_PARENT ? c.start - parent.length : c.start;
  // the prefix's length limit cut the parent's name in two (中国人民|政治协商会议江州市…)
  if (start === c.start && ctx.protectedAt[c.start]) {
    let s = c.start;
    while (s > 0 && ctx.protectedAt[s]) s--;
    const known = ctx.lex.organisationTrie.longestAt(ctx.text, s);
    if (known !== null && known.length >= LONG_PARENT && s + known.length > c.start && s + known.length < c.end) start = s;
  }
  return start === c.start ? c : { name: ctx.text.slice(start, c.end), start, end: c.end };
}

/** Whether the character at `at` and the 省/市/区/县 after it are a dictionary noun (地区, 社区) jieba split. */
function splitNoun(text: string, at: number): boolean {
  if (!PLACE_LEAD_CHARS.has(text[at + 1])) return false;
  const e = lookupWord(text.slice(at, at + 2));
  return e !== undefined && /^(n|ns)$/.test(e.tag);
}

/** Nouns for any body at all: a prefix of nothing else names none (各单位|中心组). */
const GENERIC_BODIES = new Set(['单位', '部门', '企业', '机关', '基层', '行业', '各单位', '各部门', '有关部门', '相关部门']);

/** A whole prefix that only quantifies (stripLeadingNoise never strips a whole prefix). */
const QUANTIFIERS = new Set([...BODY_QUANTIFIERS, '各', '全体']);

const SESSION_MEETINGS = ['全体会议', '常委会议', '会议', '大会', '全会'];
const SESSION_COUNT = /[〇零一二三四五六七八九十百\d]+[届次]/gu;

function suffixNames(ctx: ItemContext, blocker: Blocker): Candidate[] {
  const { text, lex } = ctx;
  const out: Candidate[] = [];
  for (let end = 1; end <= text.length; end++) {
    if (blocker.inside[end - 1]) continue;
    const suffix = suffixEndingAt(text, end, lex.orgSuffixesByLast);
    if (!suffix) continue;
    const suffixStart = end - suffix.length;
    const token = ctx.tokens.tokenAt(end - 1);
    // the suffix must end a word: 社会, 举办, 队伍 are no organisations
    // (jieba glues an unknown 办 to the preposition after it: 发展|办对)
    // (and to any character it could not segment: 社法委赴, 委赴 — a committee's short name before 赴)
    const gluedOffice = token !== undefined && token.tag === 'x' && (suffix !== ONE_CHAR_OFFICE || (token.start === suffixStart && token.end === end + 1));
    if (token && token.end !== end && !gluedOffice && !wordStartingAt(text, end, lex.titleHeadSet, 6)) continue;
    if (suffix.length === 1 && suffix !== ONE_CHAR_OFFICE && token && token.word !== suffix && !/^(n|j|x)/.test(token.tag)) continue;
    // 大局, and idioms that end in one (服务大局)
    // (but not a body the lexicons know whose last two characters happen to be one: 民政局, 市民|政局)
    const knownBody = wordEndingAt(text, end, lex.organisations, MAX_PARENT);
    const endsKnownBody = knownBody !== null && token !== undefined && knownBody.length >= token.word.length;
    if (token && token.end === end && !endsKnownBody && (NOT_ORG_ENDINGS.has(token.word) || (token.word.length > 2 && NOT_ORG_ENDINGS.has(token.word.slice(-2))))) continue;
    // 市委党校中心|报告厅: a name right before a room qualifies the room
    if (wordStartingAt(text, end, ROOM_SET, 4) && !ROOM_SET.has(text.slice(suffixStart, end))) {
      if (suffix === '中心') continue;
    }
    if (suffix === '中心' && centralTask(ctx, suffixStart)) continue;
    if (suffix === ONE_CHAR_OFFICE && !officeAbbreviation(ctx, suffixStart, end)) continue;
    let start = stripLeadingNoise(text, prefixStart(ctx, suffixStart, end, blocker), suffixStart);
    // 率队到区调研政协, 就区疾控中心: no verb of visiting or function word inside a body's name
    start = stripLeadingNoise(text, cutAtFunctionWords(ctx, start, suffixStart, end, false), suffixStart);
    // 政协十三届十六次|常委会议: a session count never stands inside a body's name, unless it numbers the body
    // itself (县政协九届委员会, 九届县政协常委会)
    const counted = start;
    for (const m of text.slice(counted, suffixStart).matchAll(SESSION_COUNT)) {
      let after = counted + m.index! + m[0].length;
      if (numbersTheBody(ctx, counted + m.index!, m.index!, m[0], after)) continue;
      // 七届三次会议|提案审查委员会: the session's meeting goes with its count
      const meeting = SESSION_MEETINGS.find((w) => text.startsWith(w, after) && after + w.length < suffixStart);
      if (meeting) after += meeting.length;
      start = Math.max(start, after);
    }
    // 观看|全国政协, 商议|县政协, 协助|提案委: a verb before a body is the clause's, not the name's
    start = skipLeadingVerbs(ctx, start, suffixStart);
    // 送|市委办公室: a one-character verb or preposition before the name
    // (not the 地 of 地|区政协: jieba split the noun 地区 only for the known 区政协)
    // (nor the first character of a committee's three-character short name standing alone: 、教文委, 政协教文委)
    for (let t = ctx.tokens.tokenAt(start); t && t.start === start && t.word.length === 1 && LEADING_TAGS.test(t.tag) && start < suffixStart - 1 && !splitNoun(text, start) && !committeeShortName(ctx, start, end, suffix); t = ctx.tokens.tokenAt(start)) start++;
    const prefixLength = suffixStart - start;
    if (prefixLength < (suffix.length === 1 ? 2 : 1)) continue;
    // 全市|代表联络站, 部分|常委会: a quantifier over bodies is no name of one; nor is a noun for any body
    // (单位|中心组) or a lone conjunction (和|主席团)
    const prefix = text.slice(start, suffixStart);
    if (QUANTIFIERS.has(prefix) || GENERIC_BODIES.has(prefix)) continue;
    // 秘书长兼|办公室主任: the 兼 joining two titles leaves the second's bare office, which names no body
    if (prefix.length === 1 && /[和与及或并兼]/.test(prefix)) continue;
    if (suffix.endsWith('工作室') && !STUDIO_OWNER_BODY.test(prefix)) continue;
    out.push({ name: text.slice(start, end), start, end });
  }
  return out;
}

const ROOM_SET = new Set(ROOMS);
const SUBDISTRICT = '街道';
/** The one-character short form of an office (开发办, 区委办), a body only where it is framed as one (officeAbbreviation). */
const ONE_CHAR_OFFICE = '办';
const ADMIN_LEAD = /^(?:[省市区县]|全国|国家|中央|中国|我[省市区县])/;
const NEW_SENTENCE_OR_LIST = /[、，。；：,;:]/;

/**
 * 县政协九届委员会, 九届县政协常委会: a count of sessions (届) that numbers the committee after it, or that
 * opens the name before its place, is part of the body's name.
 */
function numbersTheBody(ctx: ItemContext, at: number, index: number, count: string, after: number): boolean {
  const { text, lex } = ctx;
  if (!count.endsWith('届')) return false;
  // the committee of a body or place (县政协九届委员会, 政协江州市第九届委员会, 县政协八届常委会), not 新一届委员会
  if (['委员会', '全国委员会', '常委会', '常务委员会', '人民代表大会', '人大常委会'].some((w) => text.startsWith(w, after))) {
    const before = text[at - 1] === '第' ? at - 1 : at;
    return index > 0 && (ADMIN_CHARS.has(text[before - 1]) || lex.orgSuffixes.some((x) => text.startsWith(x, before - x.length)) || wordEndingAt(text, before, lex.organisations, MAX_PARENT) !== null);
  }
  // 政协第六届南阳市委员会: the official name — 政协, the term, the place, 委员会
  if (text.endsWith('政协', at - (text[at - 1] === '第' ? 1 : 0)) && PLACE_COMMITTEE.test(text.slice(after, after + 12))) return true;
  return index === 0 && ADMIN_LEAD.test(text.slice(after, after + 2));
}
const PLACE_COMMITTEE = /^[\p{Script=Han}]{1,6}?[省市区县州旗]委员会/u;

/**
 * 观看|全国政协, 全年要紧扣|县委, 祝贺|县政协, 协助|提案委: the prefix starts after the last verb (jieba's tags v,
 * vd) that a body opening with 省/市/区/县, 全国, 我市… or a known body follows. (A verb before anything else may
 * belong to the name: 投资促进局, 招商局.)
 */
function skipLeadingVerbs(ctx: ItemContext, start: number, suffixStart: number): number {
  const { text, lex } = ctx;
  let s = start;
  for (let i = start; i < suffixStart; ) {
    const t = ctx.tokens.tokenAt(i);
    if (!t) break;
    const rest = t.end;
    if (rest <= suffixStart && t.start === i && t.word.length >= 2 && /^(v|vd)$/.test(t.tag) && !ctx.protectedAt[rest]) {
      const next = ctx.tokens.tokenAt(rest);
      const bodyFollows =
        ADMIN_LEAD.test(text.slice(rest, rest + 2)) ||
        (next !== undefined && next.start === rest && next.tag === 'nt') ||
        lex.organisationTrie.longestAt(text, rest) !== null ||
        lex.partyTrie.longestAt(text, rest) !== null;
      if (bodyFollows) s = rest;
    }
    i = Math.max(rest, i + 1);
  }
  // 企业|江州恒达电线电缆有限公司: a common noun before a place name is no part of the body's name (but a body's
  // own name is: 政协东湖区委员会, 民盟江州市委员会)
  const first = ctx.tokens.tokenAt(s);
  const bodyWord = (w: string) => PLACE_BODIES.includes(w) || lex.organisations.has(w) || lex.parties.includes(w);
  if (first && first.start === s && first.tag === 'n' && first.word.length >= 2 && first.end < suffixStart && !bodyWord(first.word)) {
    const next = ctx.tokens.tokenAt(first.end);
    if (next && next.start === first.end && next.tag.startsWith('ns')) s = first.end;
  }
  return s;
}

/**
 * 紧扣县委中心, 全县中心工作, 围绕我县工作中心: 中心 right after a known body, a quantifier over a place (全区) or 工作
 * is the central task, not a centre.
 */
function centralTask(ctx: ItemContext, suffixStart: number): boolean {
  const { text, lex } = ctx;
  if (text.startsWith('工作', suffixStart - 2)) return true;
  // 区域中心城市: a central city or town is a place, not a centre
  if (/^中心(?:城市|城区|城镇)/u.test(text.slice(suffixStart, suffixStart + 4))) return true;
  // 围绕乡镇中心工作, 服务全县中心任务: 中心工作 is the central task (but 服务中心工作人员 are a centre's staff)
  if (/^中心(?:工作|任务)(?![人站室组队])/u.test(text.slice(suffixStart, suffixStart + 5)) && !lex.organisations.has(text.slice(suffixStart - 4, suffixStart + 2))) return true;
  if (BODY_QUANTIFIERS.some((q) => text.startsWith(q, suffixStart - q.length))) return true;
  for (let len = 2; len <= 6 && len <= suffixStart; len++) {
    const w = text.slice(suffixStart - len, suffixStart);
    if (lex.organisations.has(w) && !lex.orgSuffixes.some((x) => x.length > 2 && w.endsWith(x))) return true;
  }
  return /^(?:党委|政府)$/.test(text.slice(suffixStart - 2, suffixStart));
}

/**
 * 、教文委, 政协教文委: a committee's short name of three characters ending in 委, standing alone after a list mark, a
 * clause start or its parent body (政协), keeps its first character whatever jieba tags it (教 as a verb).
 */
function committeeShortName(ctx: ItemContext, start: number, end: number, suffix: string): boolean {
  if (suffix !== '委' || end - start !== 3) return false;
  const { text } = ctx;
  return start === 0 || !isHan(text[start - 1]) || ctx.clauseStarts.has(start) || text.endsWith('政协', start) || /[、和与及]/u.test(text[start - 1]);
}

/**
 * 开发办副主任, 区园区建设办对…作介绍, 市委办、市政府办: 办 ends a body only where jieba reads it alone, after a
 * noun, and a title, a list or clause mark or a preposition follows (为群众办|实事 is a verb).
 */
function officeAbbreviation(ctx: ItemContext, suffixStart: number, end: number): boolean {
  // 扶贫办, 市政府办: jieba knows the office's short name as one word (not a verb: 委办, 举办; nor the
  // distinguishing word 主办 of 区文联主办的…)
  const own = ctx.tokens.tokenAt(suffixStart);
  const known = own !== undefined && own.end === end && own.start < suffixStart && !/^(v|d|a|b)/.test(own.tag);
  const before = ctx.tokens.tokenAt(suffixStart - 1);
  if (known) return true;
  if (!before || before.end !== suffixStart || before.word.length < 2) return false;
  // 市委外宣办召开…, 县委网信办联合…: right after a known body (市委, 县政府) the office's short name (a word jieba may
  // not know: 网信) is the clause's subject, its verb after it (为群众办实事 has no body before it)
  const parent = wordEndingAt(ctx.text, before.start, ctx.lex.organisations, MAX_PARENT);
  if (parent !== null && /^(n|j|vn|x)/.test(before.tag)) {
    const verb = ctx.tokens.tokenAt(end);
    if (verb !== undefined && verb.start === end && verb.word.length >= 2 && /^v/.test(verb.tag)) return true;
  }
  return /^(n|j|vn)/.test(before.tag) && followsOffice(ctx, end);
}

/** A title or role (副主任, 负责人), a list or clause mark, or a conjunction or preposition after an office's short name. */
function followsOffice(ctx: ItemContext, end: number): boolean {
  const { text, lex } = ctx;
  if (end >= text.length || NEW_SENTENCE_OR_LIST.test(text[end])) return true;
  if (wordStartingAt(text, end, lex.titleHeadSet, 6) || wordStartingAt(text, end, lex.roleHeads, 4)) return true;
  return /[和与及对向]/.test(text[end]);
}

export function findOrganisations(ctx: ItemContext, blocker: Blocker, places: NamedSpan[] = []): NamedSpan[] {
  const known = occurrences(ctx.text, ctx.lex.organisationTrie).filter((c) => !blocker.inside[c.start] && !endsInsideWord(ctx, c.end));
  const placeSpans = places.flatMap((p) => p.spans);
  // a subdistrict (…街道) is the office that runs it as well as a place (区文化局、富民路街道等单位)
  const subdistricts = places.filter((p) => p.name.endsWith(SUBDISTRICT) && p.name.length > SUBDISTRICT.length + 1).flatMap((p) => p.spans.map(([start, end]) => ({ name: p.name, start, end })));
  const built = suffixNames(ctx, blocker).flatMap((c) => placeLedBody(ctx, extendOverPlaces(ctx, c, placeSpans, blocker), placeSpans) ?? []);
  const candidates = [...[...known, ...partyBranches(ctx), ...subdistricts].map((c) => extendOverPlaces(ctx, c, placeSpans, blocker)), ...built]
    .map((c) => withParent(ctx, c, blocker))
    .map((c) => withPlaceStem(ctx, c, blocker))
    .map((c) => withOrgan(ctx, c));
  candidates.push(...memberStudios(ctx, blocker));
  return longestWins(candidates, (kept) => [...bodiesOfPartyGroups(ctx.text, kept, candidates), ...institutionsOfUnits(kept, candidates)]);
}

/** A member's studio: 委员工作室, 代表工作室. */
const MEMBER_STUDIO = /(?:委员|代表)工作室/gu;

/** 王某委员工作室: a member's own studio, named after the member whose name stands right before it. */
function memberStudios(ctx: ItemContext, blocker: Blocker): Candidate[] {
  const out: Candidate[] = [];
  for (const m of ctx.text.matchAll(MEMBER_STUDIO)) {
    const start = blocker.personStartByEnd?.get(m.index!);
    if (start !== undefined) out.push({ name: ctx.text.slice(start, m.index! + m[0].length), start, end: m.index! + m[0].length });
  }
  return out;
}

/** A studio's prefix must end in the body whose members run it (县政协委员工作室), not in a verb (介绍委员工作室). */
const STUDIO_OWNER_BODY = /(?:政协|人大|常委会|商会|联合会|工商联|社区|村|镇|乡|街道)$/u;

/** Institutions whose units are named after them (`某某大学车辆工程学院`, `某某师范学院数学院`). */
const INSTITUTION = /(?:大学|学院|医院|中学|小学|研究院|党校)$/u;

/**
 * `某某大学车辆与交通工程学院`: a unit named after its institution mentions the institution too; the institution's
 * own name (a candidate from the same start, ending in 大学, 学院…) is reported beside the unit's.
 */
/** A democratic party's short or full name at a name's start. */
const PARTY_LEAD = /^(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟|中国国民党革命委员会|中国民主同盟|中国民主建国会|中国民主促进会|中国农工民主党|中国致公党)/u;
/** …and the rest of a branch named after its institution: place parts, the committee over it, the institution, the branch. */
const BRANCH_OF_INSTITUTION = new RegExp(
  `^((?:\\p{Script=Han}{1,6}?[省市区县])*)(?:委员会|市委会|委会|委)?(\\p{Script=Han}{2,${MAX_INSTITUTION}}?(?:大学|学院|医院|中学|小学|研究院|研究所|党校|学校|公司|集团))(?:基层委员会|总支部|总支|支部|支社|委员会)$`,
  'u',
);

/**
 * 民盟江州市临江大学总支, 农工党临江市人民医院支部: a party's branch in an institution mentions the institution —
 * as printed after the party (临江市人民医院), and without the place when that leaves a name (临江大学).
 */
function institutionOfBranch(k: Candidate): Candidate[] {
  const lead = PARTY_LEAD.exec(k.name);
  if (!lead) return [];
  const m = BRANCH_OF_INSTITUTION.exec(k.name.slice(lead[0].length));
  if (!m) return [];
  const end = k.start + lead[0].length + m[0].length - (m[0].length - m[0].lastIndexOf(m[2]) - m[2].length);
  const start = end - m[2].length;
  const out: Candidate[] = [{ name: m[2], start, end }];
  // (the place the branch's name gives before the institution, when no committee stands between them)
  const placed = k.name.slice(lead[0].length, lead[0].length + m[1].length) + m[2];
  if (m[1] && k.name.includes(placed)) out.push({ name: placed, start: start - m[1].length, end });
  return out;
}

function institutionsOfUnits(kept: Candidate[], candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const k of kept) {
    const inner = candidates.filter((c) => c.start === k.start && c.end < k.end && INSTITUTION.test(c.name)).sort((a, b) => b.end - a.end)[0];
    // (a party's branch named after its institution, 民盟某市某某大学总支, mentions the institution: below)
    if (inner && !PARTY_LEAD.test(inner.name) && !out.some((o) => o.start === inner.start && o.end === inner.end)) out.push(inner);
    for (const c of institutionOfBranch(k)) if (!out.some((o) => o.start === c.start && o.end === c.end)) out.push(c);
  }
  return out;
}

/** 组织|部分常委: a known body's last character opens a word of the segmentation that runs past it (部分). */
function endsInsideWord(ctx: ItemContext, end: number): boolean {
  const t = ctx.tokens.tokenAt(end - 1);
  return t !== undefined && t.start === end - 1 && t.end > end && lookupWord(t.word) !== undefined;
}

/** Stems that only quantify or point (全区, 各县, 我市, 该镇) or are function characters (县委和|县政协). */
const NOT_PLACE_STEM = new Set([...'全各本我该每这那其此和与及或在对由向为从到将把被等及并']);
/** A word more frequent than this is no rare place stem jieba happens to know (随后, 同时). */
const FREQUENT_STEM = 100;

/**
 * 泸|县政协, 大足|区政协, 窑口|镇政协: a body read from its 区/县/镇 on (the lexicons know 县政协) keeps the place's stem
 * before it — a place the dictionary knows (泸县), or at the start of a clause or after a list mark a stem that is
 * no frequent word and no function word.
 */
function withPlaceStem(ctx: ItemContext, c: Candidate, blocker: Blocker): Candidate {
  const { text } = ctx;
  if (!ADMIN_CHARS.has(text[c.start]) || c.start === 0 || blocker.stops.has(c.start)) return c;
  for (const len of [2, 1]) {
    const start = c.start - len;
    if (start < 0) continue;
    const stem = text.slice(start, c.start);
    if (![...stem].every((ch) => isHan(ch) && !NOT_PLACE_STEM.has(ch))) continue;
    // (a stem that ends a word with the character before it is that word's: 上午|市政协, 县政府|县政协)
    const endsWord = start > 0 && isHan(text[start - 1]) && lookupWord(text.slice(start - 1, start + 1)) !== undefined;
    const known = lookupWord(stem + text[c.start]);
    if (known?.tag.startsWith('ns') && !endsWord) return { name: text.slice(start, c.end), start, end: c.end };
    const opens = start === 0 || !isHan(text[start - 1]) || ctx.clauseStarts.has(start);
    const word = lookupWord(stem);
    if (len === 2 && opens && (word === undefined || (word.freq < FREQUENT_STEM && !/^(p|c|r|u|m|q|f|t)/.test(word.tag)))) {
      return { name: text.slice(start, c.end), start, end: c.end };
    }
  }
  return c;
}

/** Bodies whose staff and offices are an organ of their own: 县政协机关, 市委机关, 区人大机关. */
const ORGAN_OF = /(?:政协|人大|人大常委会|政府|人民政府|委|部|局|厅|办|院|会)$/u;

/** 县政协|机关要早作准备: the body's organ (its offices and staff) is a body of its own, named with 机关. */
function withOrgan(ctx: ItemContext, c: Candidate): Candidate {
  if (!ctx.text.startsWith('机关', c.end) || !ORGAN_OF.test(c.name)) return c;
  return { name: c.name + '机关', start: c.start, end: c.end + 2 };
}

/** Bodies that exist once per place (the CPPCC, the government, the congress of a city or county). */
const PLACE_BODIES = ['人大常委会', '人民政府', '政府', '政协', '人大'];
const PLACE_LEAD_CHARS = new Set([...'省市区县旗州盟镇乡']);

/**
 * 为强国建设贡献|政协, 团结广大|政协, 商议|县政协: the CPPCC, government or congress built from a suffix is named by the
 * places before it and nothing else, so the name starts where the run of places, 全国 and 省/市/区/县… before the
 * suffix starts; with none, it is no body's name (智慧政协, 履行政协). Null when nothing is left.
 */
const TERM_BEFORE = /(?<=[省市区县州旗盟])第?[〇零一二三四五六七八九十百\d]{1,3}届$/u;

function placeLedBody(ctx: ItemContext, c: Candidate, placeSpans: Array<[number, number]>): Candidate | null {
  const suffix = PLACE_BODIES.find((x) => c.name.endsWith(x));
  if (suffix === undefined || c.name.length === suffix.length) return c;
  const { text } = ctx;
  const suffixStart = c.end - suffix.length;
  let p = suffixStart;
  let afterAdmin = false;
  while (p > c.start) {
    const place = placeSpans.find(([ps, pe]) => pe === p && ps >= c.start && !ordinaryStemBefore(ctx, pe - 1));
    const token = ctx.tokens.tokenAt(p - 1);
    const tokenEnds = token !== undefined && token.end === p && token.start >= c.start && token.word.length >= 2;
    if (place) p = place[0];
    // 项|城市|政协: a frequent word ending in 市/县 (城市) read where a place's stem and its 市 meet (项城|市)
    else if (tokenEnds && token.tag.startsWith('ns') && commonAdminWord(token.word)) {
      const stem = text[token.start - 1] + token.word.slice(0, -1);
      if (token.start - 1 < c.start || lookupWord(stem) === undefined || !placeLikeStem(stem, '')) break;
      p = token.start - 1;
    }
    // 敖汉旗|政协: jieba may tag a place it knows as a person's name
    else if (tokenEnds && (token.tag.startsWith('ns') || (/^(nr|nz)/.test(token.tag) && PLACE_LEAD_CHARS.has(token.word[token.word.length - 1])))) p = token.start;
    else if (afterAdmin && tokenEnds && placeLikeStem(token.word, token.tag) && stemStandsAsPlace(ctx, token.start, p + 1)) p = token.start;
    else if (text.startsWith('全国', p - 2) && p - 2 >= c.start) p -= 2;
    // 南山市|第九届|人大常委会: the term that numbers the place's body
    else if (TERM_BEFORE.test(text.slice(c.start, p))) p -= TERM_BEFORE.exec(text.slice(c.start, p))![0].length;
    else if (PLACE_LEAD_CHARS.has(text[p - 1])) {
      p--;
      afterAdmin = true;
      continue;
    } else break;
    afterAdmin = false;
  }
  if (p === suffixStart) return null;
  return p === c.start ? c : { name: text.slice(p, c.end), start: p, end: c.end };
}

/** 城市, 都市: a frequent dictionary word ending in 市/县/区… that is no particular place. */
function commonAdminWord(word: string): boolean {
  const e = lookupWord(word);
  return PLACE_LEAD_CHARS.has(word[word.length - 1]) && e !== undefined && e.freq >= COMMON_ADMIN_WORD_FREQ;
}
const COMMON_ADMIN_WORD_FREQ = 10000;

/** Words this frequent that are no place names (时代, 协商) are no stem of a place before 市/区/县. */
const COMMON_STEM_FREQ = 1000;

/**
 * 项城|市, 和平|区, 朝阳|区, 秦安|县: a stem before 市/区/县 that is a place, a proper noun (jieba tags some places as
 * names), or a rare or unknown word.
 */
function placeLikeStem(word: string, tag: string): boolean {
  // 县政府|县政协: a body (jieba's nt, as the lexicons' bodies are added) is no place's stem
  if (tag === 'nt') return false;
  const e = lookupWord(word);
  return /^(ns|nz|nr)/.test(tag) || e === undefined || e.freq < COMMON_STEM_FREQ || /^(ns|nz|nr)/.test(e.tag);
}

/**
 * 精心筹划|县政协 against 来到项城市政协: a stem that jieba knows as a fairly common ordinary word (筹划 n) and
 * not as a place makes a place with the 县/市/区 after it only where the text treats it as one: at a clause's
 * start, or with the same place written again elsewhere in the item. Mid-clause after other words, once, it is
 * the clause's verb or noun before a bare 县政协.
 */
/** Words rarer than this (项城 63, 开化 87) may be a place's stem anywhere; 筹划 (408) needs the text to show it. */
const MID_CLAUSE_STEM_FREQ = 200;

function stemStandsAsPlace(ctx: ItemContext, stemStart: number, placeEnd: number): boolean {
  const { text } = ctx;
  const stem = text.slice(stemStart, placeEnd - 1);
  const e = lookupWord(stem);
  if (e === undefined || /^(ns|nz|nr)/.test(e.tag) || e.freq < MID_CLAUSE_STEM_FREQ) return true;
  if (stemStart === 0 || ctx.clauseStarts.has(stemStart) || !isHan(text[stemStart - 1])) return true;
  const place = text.slice(stemStart, placeEnd);
  return text.indexOf(place) !== stemStart || text.indexOf(place, placeEnd) !== -1;
}

/** 新时代|区: the place finder read a frequent common word (时代) before the suffix at `suffixAt` as a place. */
function ordinaryStemBefore(ctx: ItemContext, suffixAt: number): boolean {
  const t = ctx.tokens.tokenAt(suffixAt - 1);
  return t !== undefined && t.end === suffixAt && t.word.length >= 2 && !placeLikeStem(t.word, t.tag);
}

/** The party group (党组) of a body is named after it: the body of a kept `X党组` is reported as well. */
function bodiesOfPartyGroups(text: string, kept: Candidate[], candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const k of kept) {
    if (!text.startsWith('党组', k.end - 2)) continue;
    const body = candidates.find((c) => c.start === k.start && c.end === k.end - 2);
    if (body && !out.some((o) => o.start === body.start && o.end === body.end)) out.push(body);
  }
  return out;
}

/**
 * 单位区|教育局: a "place" whose stem before 区/市/县… is an ordinary word (not a place name) was a
 * misreading, and a body's name does not extend over it.
 */
function misreadPlace(text: string, ps: number, pe: number): boolean {
  const entry = lookupWord(text.slice(ps, pe - 1));
  return entry !== undefined && !entry.tag.startsWith('ns');
}

/**
 * A body's name opens with the places it belongs to: a name that starts inside a place (西安|市政协,
 * 莲洲|镇中心小学, 无|锡金鑫…) or right after one (包头|河南商会) takes the place in.
 */
/** 某某镇|市人大: a town, township or village ending right before a body of a city, county or province holds none. */
function lowerPlaceBefore(text: string, placeEnd: number, start: number): boolean {
  return placeEnd === start && /[镇乡村]/u.test(text[placeEnd - 1]) && /[省市县区]/u.test(text[start]);
}

function extendOverPlaces(ctx: ItemContext, c: Candidate, placeSpans: Array<[number, number]>, blocker: Blocker): Candidate {
  let start = c.start;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [ps, pe] of placeSpans) {
      if (ps < start && start <= pe && !blocker.inside[ps] && !ctx.clauseStarts.has(start) && !misreadPlace(ctx.text, ps, pe) && !ordinaryStemBefore(ctx, pe - 1) && !lowerPlaceBefore(ctx.text, pe, start)) {
        start = ps;
        changed = true;
      }
    }
  }
  return start === c.start ? c : { name: ctx.text.slice(start, c.end), start, end: c.end };
}
