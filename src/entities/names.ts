/**
 * Whether a string can be a person's name, and where a name starts or ends next to its context.
 * A name is 2–4 Han characters led by a surname (single or compound: 2–3 after a single surname, 3–4 after a
 * compound one); a transliterated name (巴特尔, 鲍巴雅尔, 阿拉坦巴根: up to 6 characters, possibly after
 * a Han surname) needs a title or role right next to it. Words of jieba's dictionary (常青, 安然, 方圆, 时光)
 * are names only in strong context; words that are never names live in not-names.txt. A name without a surname
 * that is no transliteration either (岩罕, 玉应香 of the Dai) needs a strong title right before it, a strong frame
 * right after it (出席, 主持, 、, ，) and an opening character of ethnic-name-initials.txt.
 */
import { isHan, wordEndingAt, wordStartingAt, type ItemContext } from './context.js';
import { lookupWord } from './dictionary.js';
import type { Lexicons } from './lexicons.js';

/**
 * How strongly the context says "a name is here":
 * `title` a title right before/after it; `enumeration` inside a list led by a title and a found name;
 * `list` inside a bare list of names;
 * `role` after a role noun (人员, 代表); `weak` a verb of speech, 同志, a bare list, an earlier mention.
 */
export type Strength = 'title' | 'enumeration' | 'list' | 'role' | 'weak';

export interface NameAssessment {
  ok: boolean;
  /** A word of the dictionary (常青, 单位). */
  ordinary: boolean;
  /** Tagged as a name in the dictionary (常青 nr, 赵海涛 nr). */
  nrWord: boolean;
  /** No Han surname: a transliterated name. */
  ethnic: boolean;
  /** A dictionary word that is a noun or adjective (方圆, 高洁), not a verb or function word. */
  nounLike: boolean;
  /** Surname + a frequent ordinary word (高质量, 高标准): a name only in strong context. */
  suspicious: boolean;
  /** Led by a Han surname (single or compound). */
  surnamed: boolean;
  /** A dictionary word that reads like a name when framed: a place (江海) or a not very frequent noun (方圆). */
  nameLikeWord: boolean;
  /**
   * No surname and not a transliteration either (岩罕, 玉应香, 刀志强 of Yunnan's Dai), a surname unknown to
   * surnames.txt (three characters, no dictionary word inside), or a given name opening with 名 or 年 (X名扬):
   * a name only where a strong title stands right before it and a clear boundary (出席, 主持, 、, ，) right after it.
   */
  framed: boolean;
}

/** Characters that do not occur in given names (function words, administrative suffixes). */
const NON_NAME_CHARS = new Set([...'界村的了们这那是在着过吗呢吧啊及与或等个之此该各每所被把从对为将已并也都还就要让使给至到省市区县旗镇乡局部委办室处科厅司党协会员席任议记团队组院校站届次年日号时期项条份位第和总师老某']);
/**
 * 名 counts people (三名, 等10名), 年 opens time words (年初, 年底) and 和 joins (主席王和委员们), yet each is a given
 * name's first character too (X名扬, X年华, 王和生): there the name needs what a name without a surname needs (framed): a strong title before it and
 * punctuation or a verb that follows names (出席, 主持) after it — 会长于年初召开 is no name.
 */
const SOFT_GIVEN_FIRST = new Set([...'名年和会']);
/**
 * Office and function characters that open a two-character given name (李科军, 丁时勇, 潘为民, 何协平, 郑席林, 吴之恒, 王要武) but
 * would end a unit's name or a title, or be the clause's next word, if they ended one (王科 of 王科长, 张某时, 李某为大会):
 * allowed first only.
 */
const OPENS_GIVEN_ONLY = new Set([...'科时为协席之要位']);
// (从 and 科 end given names too, 黄某从, 吴某科: framed, so 王某从三个方面, 秘书科 stay no names)
const SOFT_GIVEN_LAST = new Set([...'和旗之年从科']);
/**
 * A dictionary noun ending in a nominal suffix (班子, 样子, 个头) is a common noun, not a word used as a given name
 * (方圆, 江海): never a name after a title on its own.
 */
const NOMINAL_SUFFIXES = new Set([...'子儿头们者员感性']);
/** A two-character word this frequent at the head of a three-character one (安全|感, 幸福|感) makes it a word. */
const FREQUENT_HEAD = 1000;
/** A verb this frequent at the head of a three-character candidate (应邀|参) makes it a verb and what follows. */
const VERB_HEAD = 100;
/** Characters of place names (冯家峪, 田家圪旦): not taken for given names from weak context. */
const PLACE_CHARS = new Set([...'沟湾堡寨坡岭峪店屯营庄桥路街巷港场厦楼馆坊厂矿渠坝滩洼峁圪旦']);

const MAX_NAME = 4;
/** Transliterated names run longer (阿拉坦巴根). */
const MAX_ETHNIC_NAME = 6;
const RARE_WORD_FREQ = 20;
// Every assessment is written with all fields in one order, so they share one hidden class: the finders
// read them at hot sites, and a second shape there made V8 throw away and recompile their optimised code.
const NOT_OK: NameAssessment = {
  ok: false, ordinary: false, nrWord: false, ethnic: false, suspicious: false, nounLike: false, surnamed: false, nameLikeWord: false, framed: false,
};
/** Characters that do not open a name without a surname: numerals, verbs of motion, adverbs, conjunctions. */
const NOT_FRAMED_FIRST = new Set([...'一二三四五六七八九十两百千万零赴来去回率带请让给以于向同共亲先又再仍更最很便即乃不没无未已正均皆只就才有是']);
/** Characters that never open a name, not even one of a surname unknown to surnames.txt: numerals, pronouns, prepositions. */
const UNSEEN_SURNAME_NOT_FIRST = new Set([...'一二三四五六七八九十两百千万零个我你他她它其这那每各本该某以于向同自从对把被让给与和及或而且但则即并又也都还均皆只就将要会能可不没无未已正在赴来去回到往率带请共亲先再仍更最很非便即乃有是']);
/** A given name after a surname unknown to surnames.txt may be a dictionary word rarer than this (立新, 明远). */
const GIVEN_WORD_FREQ = 100;
/** Words of the dictionary more frequent than this inside a candidate show it is ordinary text, not a name. */
const FRAMED_WORD_FREQ = 20;
const assessCache = new WeakMap<Lexicons, Map<string, NameAssessment>>();

const opensWord = (pair: string) => {
  const entry = lookupWord(pair);
  return entry !== undefined && !entry.tag.startsWith('nr');
};

export function surnameLength(cand: string, lex: Lexicons): number {
  if (cand.length >= 3 && lex.compoundSurnames.has(cand.slice(0, 2))) return 2;
  if (lex.singleSurnames.has(cand[0])) return 1;
  // (a surname that is more often a word of its own opens no name where it makes a word with the next
  // character: 会长年初召开, 书记从严要求)
  if (lex.titleOnlySurnames.has(cand[0]) && !(cand.length >= 2 && opensWord(cand.slice(0, 2)))) return 1;
  return 0;
}

/**
 * A name without a surname (岩罕, 玉应香, 刀志强): 2–4 characters opening with a character of such names
 * (ethnic-name-initials.txt: 岩 玉 波 咪 …), none of which is a function word, an
 * administrative or place character, with no word of jieba's dictionary inside (亲自, 工作, 景洪) unless
 * tagged as a name.
 */
function framedName(cand: string, lex: Lexicons): boolean {
  if (cand.length < 2 || cand.length > MAX_NAME) return false;
  // 副主席邓某、才某某、蔡某某: a surname missing from surnames.txt opens a three-character name as well; the
  // frame demanded of such names (a strong title before, 、，出席 after) and the dictionary check stand in for it
  const unseenSurname = cand.length === 3 && !lex.ethnicNameInitials.has(cand[0]) && !UNSEEN_SURNAME_NOT_FIRST.has(cand[0]);
  if (!unseenSurname && (NOT_FRAMED_FIRST.has(cand[0]) || !lex.ethnicNameInitials.has(cand[0]))) return false;
  // 岩罕坎|说: a verb or particle that may follow a name does not end one
  if (lex.weakFollowers.has(cand[cand.length - 1])) return false;
  // place characters (庄, 桥) do occur in such names (岩庄): the dictionary check below keeps places out
  for (const c of cand) if (NON_NAME_CHARS.has(c)) return false;
  for (let i = 0; i < cand.length; i++) {
    for (let j = i + 2; j <= cand.length; j++) {
      const e = lookupWord(cand.slice(i, j));
      if (!e || e.freq < FRAMED_WORD_FREQ || e.tag.startsWith('nr')) continue;
      // after an unknown surname the given name may be a rare word (立新, 明远), never a common one (重视)
      if (unseenSurname && i === 1 && (e.freq < GIVEN_WORD_FREQ || /^(nz|t)/.test(e.tag))) continue;
      return false;
    }
  }
  return true;
}

/** Whether the first two characters of a three-character word are a frequent dictionary word that is no name or place. */
function frequentWordHead(cand: string): boolean {
  if (cand.length !== 3) return false;
  const head = lookupWord(cand.slice(0, 2));
  return head !== undefined && head.freq >= FREQUENT_HEAD && !/^(nr|ns)/.test(head.tag);
}

export function assessName(cand: string, lex: Lexicons): NameAssessment {
  // Most candidates (every 2–6 characters next to a title, verb or list) open with a character that no
  // name opens with: rejected here without the cache, a Map of every candidate seen in the process.
  if (!lex.nameInitials.has(cand.charCodeAt(0)) && cand.length !== 3) return NOT_OK;
  let cache = assessCache.get(lex);
  if (!cache) assessCache.set(lex, (cache = new Map()));
  const hit = cache.get(cand);
  if (hit) return hit;
  const result = assess(cand, lex);
  cache.set(cand, result);
  return result;
}

/** A dictionary word that is no place or name (会上, 会见): a clause's word, not a given name. */
function clauseWord(word: string): boolean {
  const e = lookupWord(word);
  return e !== undefined && !/^(ns|nr|nz)/.test(e.tag);
}

/** Whether a three-character candidate opens with a frequent verb or adverb (应邀|参, 付出|了, 严格|按): a clause, not a name. */
function verbHead(cand: string, lex: Lexicons): boolean {
  if (cand.length !== 3) return false;
  const head = lookupWord(cand.slice(0, 2));
  // (or an adverb: 严格|按, 认真|抓, 马上|到; but one of the most common surnames before a word jieba tags an
  // adverb only now and then opens a name: 高新|亭)
  if (head !== undefined && head.tag === 'd' && head.freq < COMMON_SURNAME_ADVERB && lex.commonSurnames.has(cand[0])) return false;
  return head !== undefined && /^(v|ad|d)$/.test(head.tag) && head.freq >= VERB_HEAD;
}
const COMMON_SURNAME_ADVERB = 1000;
/** Surnames that are also prepositions. */
const PREPOSITION_SURNAMES = new Set([...'向于对从以由']);
/** A noun this frequent after such a surname is the preposition's object. */
const COMMON_OBJECT_FREQ = 3000;

function assess(cand: string, lex: Lexicons): NameAssessment {
  if (cand.length < 2 || cand.length > MAX_ETHNIC_NAME) return NOT_OK;
  // (surnames that are verbs or prepositions, 应 and 向, open clauses too)
  if (verbHead(cand, lex)) return NOT_OK;
  for (const c of cand) if (!isHan(c)) return NOT_OK;
  if (lex.notNames.has(cand)) return NOT_OK;
  const found = lookupWord(cand);
  // words rarer than this in jieba's dictionary carry no evidence of being ordinary (达来, 钟南山)
  // (places stay ordinary however rare: 乌海, 固阳)
  const entry = found && (found.freq >= RARE_WORD_FREQ || (found.tag.startsWith('ns') && cand.length === 2)) ? found : undefined;
  // a long transliterated name in the dictionary (a Mongolian name of five characters) is still a name
  const ordinary = entry !== undefined && cand.length <= 3;
  const nrWord = entry !== undefined && (entry.tag.startsWith('nr') || (cand.length === 3 && entry.tag === 'ns'));
  const nounLike = entry !== undefined && /^(n$|nz|a$|an|ng)/.test(entry.tag);
  const surLen = cand.length <= MAX_NAME ? surnameLength(cand, lex) : 0;
  const given = cand.slice(surLen);
  // 向选民述职, 向群众报告, 对企业: a surname that is also a preposition, before a common noun, is the preposition
  // and its object (a name may be such a noun all the same when it is rarer: 向红军)
  if (surLen === 1 && PREPOSITION_SURNAMES.has(cand[0]) && given.length === 2) {
    const object = lookupWord(given);
    if (object !== undefined && object.tag === 'n' && object.freq >= COMMON_OBJECT_FREQ) return NOT_OK;
  }
  // 暨|人大, 左|一 (a photo caption): the given part is a body, a title or a number
  const givenIsBody =
    lex.organisations.has(given) || lex.titleHeadSet.has(given) || lex.roleHeads.has(given) || /^[一二三四五六七八九十两]+$/.test(given);
  // (会 opens given names, 李会昌, but not the words it opens: 会上, 会见, 会同)
  const softFirst = given.length === 2 && SOFT_GIVEN_FIRST.has(given[0]) && !(given[0] === '会' && clauseWord(given));
  // 向立和, 李春和, 杜红旗, 郑恒之: 和, 旗 and 之 end given names too, where they are no conjunction, banner or
  // particle (the frame
  // decides: 、 or 出席 after it)
  const softLast = given.length === 2 && SOFT_GIVEN_LAST.has(given[1]);
  const givenChars = softFirst ? given.slice(1) : softLast ? given.slice(0, 1) : given;
  if (surLen > 0 && given.length >= 1 && given.length <= 2 && !givenIsBody && ![...givenChars].some((c, k) => NON_NAME_CHARS.has(c) && !(k === 0 && givenChars.length === 2 && OPENS_GIVEN_ONLY.has(c)))) {
    let suspicious = softFirst || softLast || [...given].some((c) => PLACE_CHARS.has(c));
    if (!suspicious && given.length === 2) {
      const g = lookupWord(given);
      // 高|质量, 高|标准: a common noun, verb or adjective as the given name (not 建国 ns, 文华 nz, 国庆 t)
      suspicious = g !== undefined && /^(n$|vn|v$|a$|an|d$|ad)/.test(g.tag) && g.freq >= 1000;
    }
    // a 3-character dictionary word tagged as a name after a single surname is a person's name (赵海涛), not
    // an ordinary word: the ordinary-word names are the 2-character ones (常青, 安然, 乌兰)
    // jieba tags many compounds nr (安全感, 幸福感, 贡献者): one whose first two characters are a frequent word
    // that is no name or place is that word plus a suffix, not a person
    const knownName = entry !== undefined && entry.tag.startsWith('nr') && given.length === 2 && !frequentWordHead(cand);
    // a rare surname that is more often a word of its own (区 in 区政协) counts only after a title
    if (surLen === 1 && !lex.singleSurnames.has(cand[0])) suspicious = true;
    const nameLikeWord =
      entry !== undefined && (/^(ns|nz)/.test(entry.tag) || (nounLike && entry.freq < 1000 && !NOMINAL_SUFFIXES.has(cand[cand.length - 1])));
    return { ok: true, ordinary: ordinary && !knownName, nrWord, ethnic: false, suspicious, nounLike, surnamed: true, nameLikeWord, framed: softFirst || softLast };
  }
  // a transliterated name, possibly after a Han surname (鲍巴雅尔, 斯琴图雅)
  const ethnicFrom = surLen === 1 && !lex.ethnicNameChars.has(cand[0]) ? 1 : 0;
  // 不 only inside a transliteration (阿不都), never opening one (不断, 不拉)
  let transliterated = cand.length - ethnicFrom >= 2 && cand[ethnicFrom] !== '不';
  for (const c of cand.slice(ethnicFrom)) if (!lex.ethnicNameChars.has(c)) transliterated = false;
  if (transliterated) return { ok: true, ordinary, nrWord, ethnic: true, suspicious: false, nounLike, surnamed: false, nameLikeWord: false, framed: false };
  if ((entry === undefined || entry.tag.startsWith('nr')) && framedName(cand, lex)) {
    return { ok: true, ordinary: false, nrWord, ethnic: true, suspicious: false, nounLike: false, surnamed: false, nameLikeWord: false, framed: true };
  }
  return NOT_OK;
}

/**
 * Whether a name of this assessment is acceptable with this context strength and boundary score.
 * `framedEnd`: the name is closed by a strong frame (出席, 主持, 、, ，: see `strongFrameAt`).
 */
export function acceptable(a: NameAssessment, strength: Strength, boundary: number, framedEnd = false): boolean {
  if (!a.ok) return false;
  // (at a clause's start, a verb that follows names closes one too: 会上，李春和表示…)
  // (a surnamed one only: a name without a surname needs a title before it)
  if (a.framed) return framedEnd && (strength === 'title' || strength === 'enumeration' || strength === 'role' || (strength === 'weak' && a.surnamed && boundary >= 3));
  if (a.ethnic) {
    if (a.ordinary && !a.nrWord) return false;
    return (strength === 'title' && boundary >= 1) || ((strength === 'role' || strength === 'enumeration') && boundary >= 1.5);
  }
  if (a.ordinary) {
    // 时光, 安然, 方圆 … are names in a list under a title; after the title alone they are words (高度重视),
    // unless a strong frame closes them: 部长江海出席, 区长常青主持
    if (!a.nrWord) {
      if (strength === 'title' && framedEnd && a.surnamed && a.nameLikeWord && !a.suspicious) return true;
      // (not a common noun that names a group or a thing: 班子, 样子)
      return strength === 'enumeration' && boundary >= 2 && a.nounLike && a.nameLikeWord;
    }
    if (strength === 'role') return boundary >= 1;
    if (strength === 'title' && framedEnd) return true;
    // (a list's last name, 、张华颁发了…: a verb after it closes it as it closes any name in the list)
    if (strength === 'list') return boundary >= 1.5;
    return (strength === 'title' || strength === 'enumeration') && boundary >= 2;
  }
  if (a.suspicious) return (strength === 'title' || strength === 'enumeration' || strength === 'role') && boundary >= 1.5;
  return boundary >= 1;
}

/** Followers that close a name after a title beyond doubt (出席, 主持, 一行): see `strongFrameAt`. */
const FRAME_FOLLOWERS = [
  '主持', '出席', '参加', '陪同', '带领', '带队', '率队', '率领', '介绍', '表示', '讲话', '指出', '强调', '一行', '同志',
  '致辞', '发言', '宣读', '回顾', '汇报', '主讲', '讲授', '作了', '带来', '当选', '先后', '分别', '首先',
  '感谢', '希望', '要求', '认为', '代表',
];
const FRAME_PUNCT = new Set([...'、，。；：,;:']);

/** Whether a verb that closes a name after a title beyond doubt (出席, 主持, 一行) starts at `at`. */
export const frameFollowerAt = (text: string, at: number): boolean => FRAME_FOLLOWERS.some((w) => text.startsWith(w, at));

const SETTING_CLAUSE_END = /[，。；！？\n,;!?]/;

/** `金山在会上讲话`: 在 opens a setting, and a verb of speech of two characters or more closes the clause. */
function settingThenSpeech(ctx: ItemContext, at: number): boolean {
  const { text, lex } = ctx;
  if (text[at] !== '在') return false;
  let end = at;
  while (end < text.length && end - at < 40 && !SETTING_CLAUSE_END.test(text[end])) end++;
  const clause = text.slice(at, end);
  return lex.longSpeechVerbs.some((v) => clause.includes(v));
}

/**
 * Whether a name ending at `at` after a title is closed by a strong frame: punctuation of a list or clause, a
 * verb that follows names (出席, 主持, 介绍), or 在 … + a verb of speech (金山在会上讲话). A name without a
 * surname (`framed`) may also be closed by any strong follower of the lexicon (深入, 一同), by 正/在/就 + a verb
 * (岩温正带着, 玉香在会上), by 说 and a comma, and inside an enumeration by 等, 及, 和, 与.
 */
export function strongFrameAt(ctx: ItemContext, at: number, framed = false, strength: Strength = 'title'): boolean {
  const { text, lex } = ctx;
  if (at >= text.length) return true;
  if (FRAME_PUNCT.has(text[at])) return true;
  if (FRAME_FOLLOWERS.some((w) => text.startsWith(w, at))) return true;
  if (settingThenSpeech(ctx, at)) return true;
  // 经理何某某为副会长, 某某任名誉团长: the title the name is given closes it
  if (givenTitleAt(ctx, at)) return true;
  if (!framed) return false;
  if (wordStartingAt(text, at, lex.strongFollowers, 4)) return true;
  // 波罕、玉叶、岩庄及县直有关部门负责人: 等 or a conjunction closes the last name of a titled list
  if (strength === 'enumeration' && /[等及和与]/.test(text[at])) return true;
  // 岩罕坎说，今年…
  if (text[at] === '说' && /[，：:“,]/.test(text[at + 1] ?? '')) return true;
  // 岩温正带着, 玉香在会上, 玉波罕就中医药发展提出建议
  return (text[at] === '正' || text[at] === '在' || text[at] === '就') && isHan(text[at + 1]);
}

/** Punctuation that closes a name in a list or clause (张占均，), unlike an opening quote (石磊作“…”). */
const CLOSING_PUNCT = /^$|[、，,。；;：:！？!?）)\n]/;
const WEAK_PREV = new Set([...'在以和与及对向由等的将把被请邀同有是为好了']);
const VERBISH = /^(v|p|c|d|u|ad|vd|r)/;

/**
 * How clearly a name may end at `at`: 3 end of the Han run or a strong follower (强调, 出席, 一行),
 * 2 a title or a count (三位), 1.5 a dictionary verb or preposition (回顾, 关于), 1 a weak follower
 * (和, 等, 在), 0 nothing.
 */
export function scoreNext(ctx: ItemContext, at: number): number {
  const { text, lex } = ctx;
  if (at >= text.length || !isHan(text[at])) return 3;
  if (wordStartingAt(text, at, lex.strongFollowers, 4)) return 3;
  if (wordStartingAt(text, at, lex.titleHeadSet, 6) || wordStartingAt(text, at, lex.roleHeads, 4)) return 2;
  for (let len = 4; len >= 2; len--) {
    const e = lookupWord(text.slice(at, at + len));
    if (e && VERBISH.test(e.tag) && !e.tag.startsWith('vn')) return 1.5;
  }
  // 三位委员, 等10名: a count of people follows the name
  if (/[一二三四五六七八九十两几]/.test(text[at]) && /[位名人个]/.test(text[at + 1] ?? '')) return 2;
  // 看望了脱贫户李小梅一家: the person's household
  if (text.startsWith('一家', at) && householdAt(ctx, at)) return 2;
  if (speechOpensAt(text, at)) return 3;
  // 某某明|日前率队…: a brief's subject is followed by when it acted, however jieba reads the characters across
  if (RECENT_AFTER_SUBJECT.test(text.slice(at, at + 4))) return 3;
  // 在…主委花某的陪同下: the name is the one who accompanied, led or presided
  if (ESCORT_AFTER.test(text.slice(at, at + 4))) return 2;
  // 谈某某等县领导, 潘某等委员: 等 and the group the names belong to
  if (text[at] === '等' && groupHeadAt(ctx, at + 1)) return 2;
  // 何某某为副会长, 某某任名誉团长: the title the name is given
  if (givenTitleAt(ctx, at)) return 2;
  if (lex.weakFollowers.has(text[at])) return 1;
  return 0;
}

/** `为副会长`, `任名誉团长`, `担任秘书长` at `at`: a title given to the name before it. */
function givenTitleAt(ctx: ItemContext, at: number): boolean {
  const given = /^(?:为|任|担任)(?:副|常务|名誉|执行)?/u.exec(ctx.text.slice(at, at + 6));
  return given !== null && wordStartingAt(ctx.text, at + given[0].length, ctx.lex.titleHeadSet, 6) !== null;
}

/** 的陪同, 的带领: 在某某的陪同下 names the person who accompanied or led. */
const ESCORT_AFTER = /^的(?:陪同|带领|率领|主持|引领|邀请)/u;

/** 日前, 近日, 连日来: the time a brief's subject acted, right after the subject. */
const RECENT_AFTER_SUBJECT = /^(?:日前|近日|近期|连日来)/u;

const GROUP_LEAD = /^(?:[省市区县]|全国|各级)/;

/** Whether a role noun or office for people (委员, 区领导, 市政协常委) starts at `at`, after 市/区/县 at most. */
export function groupHeadAt(ctx: ItemContext, at: number): boolean {
  const { text, lex } = ctx;
  const lead = GROUP_LEAD.exec(text.slice(at, at + 2))?.[0].length ?? 0;
  for (const pos of lead ? [at, at + lead] : [at]) {
    const role = wordStartingAt(text, pos, lex.roleHeads, 4) ?? wordStartingAt(text, pos, lex.titleHeadSet, 6);
    // 委员会, 主席团: a body, not people
    if (role && !/[会团处室]/.test(text[pos + role.length] ?? '')) return true;
  }
  return false;
}

/** 说 followed by a colon, a comma or an opening quote: the words of the name before it follow. */
const speechOpensAt = (text: string, at: number): boolean => text[at] === '说' && /[：:，,“"]/.test(text[at + 1] ?? '');

/** 李小梅一家, 一家人: the household of the person before it, not a count of bodies (一家企业). */
function householdAt(ctx: ItemContext, at: number): boolean {
  if (ctx.text.startsWith('一家人', at) || !isHan(ctx.text[at + 2])) return true;
  const next = ctx.tokens.tokenAt(at + 2);
  return next !== undefined && next.start === at + 2 && !next.tag.startsWith('n');
}

/** How clearly a name may start at `start`: 3 clause start, 2 a boundary word / title / verb before, 0 nothing. */
export function scorePrev(ctx: ItemContext, start: number): number {
  const { text, lex } = ctx;
  if (start > 0 && NAME_DOTS.has(text[start - 1])) return 0;
  if (start === 0 || !isHan(text[start - 1]) || ctx.clauseStarts.has(start)) return 3;
  if (wordEndingAt(text, start, lex.boundaryWords, 4)) return 2;
  if (WEAK_PREV.has(text[start - 1])) return 2;
  // 我社张某、李某…, 本会王某: a body speaking of itself names its members next
  if (start >= 2 && /^[我本该][社会委院校局部所厅处室]$/u.test(text.slice(start - 2, start))) return 2;
  if (wordEndingAt(text, start, lex.titleHeadSet, 6) || wordEndingAt(text, start, lex.roleHeads, 4)) return 2;
  for (let len = 4; len >= 2; len--) {
    if (start - len < 0) continue;
    const e = lookupWord(text.slice(start - len, start));
    if (e && VERBISH.test(e.tag) && !e.tag.startsWith('vn')) return 2;
  }
  return 0;
}

/** Whether `start` cuts a dictionary word of jieba's segmentation in two (有|关负责). */
function startsInsideWord(ctx: ItemContext, start: number): boolean {
  const t = ctx.tokens.tokenAt(start);
  return t !== undefined && t.start < start && lookupWord(t.word) !== undefined;
}

export interface NameHit {
  name: string;
  start: number;
  end: number;
  assessment: NameAssessment;
}


/**
 * 理事长岩罕正带着: jieba, not knowing the name, glued it to the one character after it (岩罕正) that opens the
 * frame 正/在/就 + verb: the name ends there all the same.
 */
function gluedToFrame(ctx: ItemContext, pos: number, end: number): boolean {
  const t = ctx.tokens.tokenAt(end - 1);
  if (t === undefined || t.start < pos || t.end !== end + 1 || lookupWord(t.word) !== undefined) return false;
  const c = ctx.text[end];
  return (c === '正' || c === '在' || c === '就') && isHan(ctx.text[end + 1]);
}

/** Below this jieba frequency a two-character word ending in 在/和 (健在) is likelier a name's end and a follower. */
const RARE_FOLLOWER_WORD_FREQ = 200;

/**
 * Whether jieba's token at `at` is a rare two-character word ending in a weak follower (健在, not 正在/现在,
 * which are adverbs of time and follow names as they are) with more text after it: 邬家|健在|会上.
 */
function rareWordOverFollowerAt(ctx: ItemContext, at: number): boolean {
  const t = ctx.tokens.tokenAt(at);
  if (t === undefined || t.start !== at || t.word.length !== 2 || !ctx.lex.weakFollowers.has(t.word[1])) return false;
  if (!isHan(ctx.text[at + 2])) return false;
  const e = lookupWord(t.word);
  return e !== undefined && e.freq < RARE_FOLLOWER_WORD_FREQ && !/^[tdr]/.test(e.tag);
}

/** The name that starts at `pos` (right after a title, a list separator…), or null. */
function isVerbOfItsOwn(ctx: ItemContext, pos: number): boolean {
  const t = ctx.tokens.tokenAt(pos);
  return t !== undefined && t.start === pos && t.word.length === 1 && t.tag === 'v';
}

export function nameAfter(ctx: ItemContext, pos: number, strength: Strength): NameHit | null {
  const { text, lex } = ctx;
  let best: NameHit | null = null;
  // kept apart from the hit: a score field holding both integers and halves changed the hits' hidden class
  // mid-run, and V8 threw away the optimised code of every finder that reads hits
  let bestScore = 0;
  for (let len = 2; len <= MAX_ETHNIC_NAME; len++) {
    const end = pos + len;
    if (end > text.length || !isHan(text[end - 1])) break;
    const cand = text.slice(pos, end);
    const a = assessName(cand, lex);
    if (!a.ok) continue;
    // 理事长玉帕正带着, 主任阿力就…提出: 正 or 就 before a verb closes a transliterated name after a title, as it
    // closes a name without a surname (strongFrameAt)
    const next = a.ethnic && !a.framed && strength === 'title' && /[正就]/.test(text[end] ?? '') && isHan(text[end + 1]) ? Math.max(1, scoreNext(ctx, end)) : scoreNext(ctx, end);
    // a surnamed name held to the frame (X名扬, X年华) is closed only by punctuation or a verb that follows names
    const framedEnd = (a.framed || a.ordinary) && strongFrameAt(ctx, end, a.framed && !a.surnamed, strength);
    if (!acceptable(a, strength, next, framedEnd)) continue;
    // a name without a surname ends where a word of the segmentation ends (岩罕|主持); its start is the title's
    // end, which jieba may glue to it (厂长岩|叫|出席)
    if (a.framed && !ctx.tokens.ends.has(end) && !FRAME_PUNCT.has(text[end] ?? '、') && !gluedToFrame(ctx, pos, end)) continue;
    // (nor, after a role noun, where jieba reads its first character as a verb of its own: 人民群众|谋|福祉 is a
    // verb and its object; after a title the frame is strong enough: 副镇长|勒排麻)
    if (a.framed && !a.surnamed && strength === 'role' && isVerbOfItsOwn(ctx, pos)) continue;
    // jieba segmenting the very candidate as one word decides between lengths (孙建强|到会, not 孙建|强到)
    let score = next + (ctx.tokens.ends.has(end) && ctx.tokens.starts.has(pos) ? 1 : 0);
    // 石磊作“…”: a name rarely ends in a verb or particle that may follow it
    // 冯涛说：, 王建说“: no name ends in 说 before the words it introduces
    // (but 向付和|带队, 李春和|出席: a 和 before a verb that follows names joins nothing, so it ends the name —
    // unless the verb opens a relative clause that the 和 joins: 张华和|出席会议的代表)
    const verbAfter = JOINER_CHARS.has(cand[2]) ? wordStartingAt(text, end, lex.strongFollowers, 4) : null;
    const joinerBeforeVerb = verbAfter !== null && !/^[^，。；、,;]{0,4}的/u.test(text.slice(end + verbAfter.length, end + verbAfter.length + 6));
    if (len === 3 && !a.ethnic && lex.weakFollowers.has(cand[2]) && !joinerBeforeVerb && (!CLOSING_PUNCT.test(text[end] ?? '') || speechOpensAt(text, end - 1))) score -= 2.5;
    // 吴X和秘书长庞某: a name does not end in the 和, 与 or 及 that joins it to the next title (transliterations included)
    if (len >= 3 && JOINER_CHARS.has(cand[len - 1]) && wordStartingAt(text, end, lex.titleHeadSet, 6)) score -= 2.5;
    // 副主席邬家健在会上: jieba reads the given name's last character with the 在 after it as a rare word (健在);
    // a name is far more often followed by 在 than by such a word, so the two-character reading gives way
    if (len === 2 && rareWordOverFollowerAt(ctx, end)) score -= 2;
    if (!best || score >= bestScore) {
      best = { name: cand, start: pos, end, assessment: a };
      bestScore = score;
    }
  }
  // dotted transliterated names stand right after a title or in a list under one (副主席艾尔肯·吐尔逊、古丽娜尔·买买提)
  if (strength === 'title' || strength === 'role' || strength === 'enumeration') {
    const dotted = dottedName(ctx, pos);
    if (dotted && (!best || dotted.end > best.end)) return dotted;
  }
  if (!best && strength === 'title') best = jiebaName(ctx, pos);
  return best;
}

const JOINER_CHARS = new Set([...'和与及']);
const NAME_DOTS = new Set(['·', '•', '・', '‧']);

/** A transliterated name written with a middle dot (买买提·艾力) right after a title. */
function dottedName(ctx: ItemContext, pos: number): NameHit | null {
  const { text, lex } = ctx;
  let dot = pos;
  while (dot < text.length && dot - pos <= MAX_ETHNIC_NAME && isHan(text[dot])) dot++;
  if (dot - pos < 1 || !NAME_DOTS.has(text[dot])) return null;
  // (the dot itself marks a transliteration: one character the table lacks is let through, 伊力哈木·…)
  let unknown = 0;
  for (let i = pos; i < dot; i++) if (!lex.ethnicNameChars.has(text[i])) unknown++;
  if (unknown > (dot - pos >= 2 ? 1 : 0)) return null;
  // 艾买提|出席, not 艾买|提出席: of the ends a follower allows, the one where jieba's segmentation ends a word
  // too wins (the shorter on a tie)
  let best = -1;
  let bestScore = 0;
  for (let end = dot + 2; end <= dot + 1 + MAX_ETHNIC_NAME && end <= text.length && isHan(text[end - 1]); end++) {
    const next = scoreNext(ctx, end);
    if (next < 2) continue;
    const score = next + (ctx.tokens.ends.has(end) ? 1 : 0);
    if (best < 0 || score > bestScore) {
      best = end;
      bestScore = score;
    }
  }
  if (best < 0) return null;
  const a: NameAssessment = { ok: true, ordinary: false, nrWord: false, ethnic: true, suspicious: false, nounLike: false, surnamed: false, nameLikeWord: false, framed: false };
  return { name: text.slice(pos, best), start: pos, end: best, assessment: a };
}

/** After a title, a name jieba segments as one word (赵文来包调研 → 赵文) when no follower decides. */
function jiebaName(ctx: ItemContext, pos: number): NameHit | null {
  const token = ctx.tokens.tokenAt(pos);
  if (!token || token.start !== pos || token.word.length < 2 || token.word.length > 3) return null;
  const a = assessName(token.word, ctx.lex);
  if (!a.ok || a.ordinary || a.suspicious || a.ethnic) return null;
  return { name: token.word, start: pos, end: token.end, assessment: a };
}

/** The name that ends at `end` (right before a title, 同志, a verb of speech…), or null. */
export function nameBefore(ctx: ItemContext, end: number, strength: Strength, minPrev = 2): NameHit | null {
  const { text, lex } = ctx;
  let best: NameHit | null = null;
  let bestScore = 0;
  for (let len = 2; len <= MAX_ETHNIC_NAME; len++) {
    const start = end - len;
    if (start < 0 || !isHan(text[start])) break;
    const cand = text.slice(start, end);
    const a = assessName(cand, lex);
    if (!a.ok) continue;
    const prev = scorePrev(ctx, start);
    // with minPrev 0 the caller vouches for the start (a byline): judge the name as if weakly framed
    // (a title right after the name closes it as firmly as 出席 would: 肖云和秘书长)
    const framedEnd = strength === 'title' || (strength === 'weak' && a.framed && prev >= 3 && FRAME_FOLLOWERS.some((w) => text.startsWith(w, end)));
    if (prev < minPrev || !acceptable(a, strength, minPrev === 0 ? Math.max(prev, 1) : prev, framedEnd)) continue;
    if (strength !== 'title' && startsInsideWord(ctx, start)) continue;
    const score = prev + (ctx.tokens.starts.has(start) ? 0.5 : 0);
    if (!best || score > bestScore) {
      best = { name: cand, start, end, assessment: a };
      bestScore = score;
    }
  }
  return best ? withSurnameYu(ctx, best, end, strength) : null;
}

/** 会议由于某某副主委主持: the clause that 由 opens ends in who presided or led it. */
const PRESIDED_BY = /^[^，。；！？]*?(?:主持|负责|带队|率队|牵头|召集)/u;

/**
 * 会议由|于某某副主委主持: jieba reads 由于 ("because") where 由 is "by" and 于 the surname of who presided. When
 * the clause goes on to 主持 (or 带队, 负责…), the name takes the 于.
 */
export function withSurnameYu(ctx: ItemContext, hit: NameHit, end: number, strength: Strength): NameHit {
  const { text, lex } = ctx;
  if (hit.start < 2 || text.slice(hit.start - 2, hit.start) !== '由于' || !PRESIDED_BY.test(text.slice(end))) return hit;
  const name = text.slice(hit.start - 1, end);
  const a = assessName(name, lex);
  return a.ok && a.surnamed && acceptable(a, strength, 2, true) ? { name, start: hit.start - 1, end, assessment: a } : hit;
}
