/**
 * Bare lists of names, without a title over them: `杜文斌、蒋海鹰、鲍丽君…出席`,
 * `还有赵海涛、钱思远…和孙丽华、…冯志刚等`. A run of list elements counts only when it is made of names that
 * are not ordinary words, and not when 等企业 / 等单位 closes it.
 */
import type { ItemContext } from './context.js';
import { joinerAt, type MentionSet } from './mentions.js';
import { acceptable, assessName, groupHeadAt, nameAfter, nameBefore, scoreNext, scorePrev, type NameHit } from './names.js';
import { charTable } from './trie.js';
import { ROLL_NAME, ROLL_PART, TITLED_ROLL_LINE } from '../text/patterns.js';

/** Verbs that introduce the names of a list (…常委有黄某、…, 参加的是张某、…). */
const LIST_OPENERS = new Set([...'有是']);

/** Punctuation that splits clauses, by character code (tested at every offset). */
const CLAUSE_SPLIT = charTable('，。；：！？\n,;:!?（）()“”"《》【】「」');

/** Bare lists of names: `杜文斌、蒋海鹰、鲍丽君…出席`, `还有赵海涛、钱思远…和孙丽华、…冯志刚等`. */
export function fromBareLists(ctx: ItemContext, found: MentionSet): void {
  const { text } = ctx;
  let clauseStart = 0;
  // the first 、 at or after clauseStart (-1: none left)
  let comma = text.indexOf('、');
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && CLAUSE_SPLIT[text.charCodeAt(i)] !== 1) continue;
    if (comma >= 0 && comma < clauseStart) comma = text.indexOf('、', clauseStart);
    if (comma >= 0 && comma < i) listInClause(ctx, found, clauseStart, i);
    clauseStart = i + 1;
  }
}

/**
 * `祁某某和梅某分别介绍了…`: two bare names joined by 和/与/及, then 分别/共同… — the frame makes both persons,
 * each by the rules of a list's names (a surname, no ordinary word).
 */
export function fromNamePairs(ctx: ItemContext, found: MentionSet): void {
  const { text } = ctx;
  for (const m of text.matchAll(/[和与及]/gu)) {
    const at = m.index ?? 0;
    // the second may carry its title (祁某某和州政协主席梅某分别…): the name right before the follower
    const clause = /^[^，。；：！？\n、]{2,20}?(?=分别|共同|一起|一同|先后|均)/u.exec(text.slice(at + 1));
    if (!clause) continue;
    const right = nameBefore(ctx, at + 1 + clause[0].length, 'list');
    if (!right || right.start < at + 1 || !acceptable(right.assessment, 'list', 2) || !right.assessment.surnamed) continue;
    const left = nameBefore(ctx, at, 'list');
    if (!left || !acceptable(left.assessment, 'list', 2) || !left.assessment.surnamed) continue;
    found.add(left, []);
    if (right.start === at + 1) found.add(right, []);
  }
}

/** A line of names and nothing else, set apart by gaps (a roll after 名单：): three names or more. */
const NAME_ROLL = /^[\p{Script=Han}·]{1,5}(?:[ \t\u3000]+[\p{Script=Han}·]{1,5}){2,}$/u;

/**
 * `王某某　李某某　赵某某…` on a line of its own (受表扬的委员名单：): a roll of names. A two-character name padded to
 * the width of three (`王　敏`) is two single characters in a row, joined back. Counts when every element is a name
 * and all but one are plain ones (not dictionary words); each is a person with no title.
 */
export function fromNameRolls(ctx: ItemContext, found: MentionSet): void {
  const { text } = ctx;
  let start = 0;
  for (const line of text.split('\n')) {
    const lineStart = start;
    start += line.length + 1;
    if (!NAME_ROLL.test(line)) continue;
    const tokens = [...line.matchAll(/[\p{Script=Han}·]+/gu)].map((m) => ({ text: m[0], start: lineStart + (m.index ?? 0) }));
    const elements: Array<{ name: string; start: number; end: number }> = [];
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      const next = tokens[k + 1];
      if (t.text.length === 1 && next?.text.length === 1) {
        elements.push({ name: t.text + next.text, start: t.start, end: next.start + 1 });
        k++;
      } else elements.push({ name: t.text, start: t.start, end: t.start + t.text.length });
    }
    const hits: NameHit[] = [];
    for (const e of elements) {
      const a = assessName(e.name, ctx.lex);
      if (!a.ok) break;
      hits.push({ ...e, assessment: a });
    }
    const plain = hits.filter((h) => !h.assessment.ordinary && !h.assessment.suspicious && (h.assessment.surnamed || h.assessment.ethnic)).length;
    if (elements.length >= 3 && hits.length === elements.length && plain >= elements.length - 1) for (const h of hits) found.add(h, []);
  }
}

/** `副主委：马某某　杜某某　邢某某（专职）`: a title, a colon, then names set apart by gaps (text/patterns.ts). */
const ROLL_PARTS = new RegExp(ROLL_PART, 'gu');
const ROLL_NAMES = new RegExp(ROLL_NAME, 'gu');

/**
 * A titled roll's line (a body's new leaders under `…名单如下：`, `主任：纳某某　　副主任：杨某某`): each title (its
 * letter-spacing closed up: `主　委`) is its names' when the lexicons know it as a title and every element is a
 * name. A two-character name padded to the width of three (`冯　斌`) is joined back.
 */
export function fromTitledRolls(ctx: ItemContext, found: MentionSet): void {
  const { text } = ctx;
  let start = 0;
  for (const line of text.split('\n')) {
    const lineStart = start;
    start += line.length + 1;
    if (!TITLED_ROLL_LINE.test(line)) continue;
    for (const part of line.matchAll(ROLL_PARTS)) {
      const title = part[1].replace(/[\s\u3000]/gu, '');
      if (!ctx.lex.titleHeadSet.has(title)) continue;
      const namesAt = lineStart + (part.index ?? 0) + part[0].length - part[2].length;
      const hits: NameHit[] = [];
      for (const e of part[2].matchAll(ROLL_NAMES)) {
        const raw = e[0].replace(/[（(][^）)]*[)）]$/u, '');
        const name = raw.replace(/[\u3000 ]/gu, '');
        // (a gap inside a name pads a two-character name; anything else is two names)
        if (name.length !== raw.length && name.length !== 2) {
          hits.length = 0;
          break;
        }
        const a = assessName(name, ctx.lex);
        if (!acceptable(a, 'title', 2, true)) {
          hits.length = 0;
          break;
        }
        const at = namesAt + (e.index ?? 0);
        hits.push({ name, start: at, end: at + raw.length, assessment: a });
      }
      for (const h of hits) found.add(h, [title]);
    }
  }
}

function wholeName(ctx: ItemContext, start: number, end: number): NameHit | null {
  const name = ctx.text.slice(start, end);
  const a = assessName(name, ctx.lex);
  if (!acceptable(a, 'list', 2)) return null;
  return { name, start, end, assessment: a };
}

/**
 * 、斯某某、 between two names: a whole element framed by 、 on both sides that is no dictionary word but would
 * be a name only in strong context (a surname unknown to surnames.txt, a rare one) is a name inside a list; it
 * does not count towards the plain names a list needs (listInClause).
 */
function framedMiddle(ctx: ItemContext, start: number, end: number): NameHit | null {
  const name = ctx.text.slice(start, end);
  const a = assessName(name, ctx.lex);
  if (!a.ok || a.ordinary || a.ethnic !== a.framed || !(a.framed || a.suspicious) || !acceptable(a, 'enumeration', 2, true)) return null;
  return { name, start, end, assessment: a };
}

/** Names of one list element (a middle one must be nothing but names: `钱思远和孙丽华`). */
function elementNames(ctx: ItemContext, start: number, end: number, position: 'first' | 'middle' | 'last'): NameHit[] | null {
  const { text } = ctx;
  const whole = wholeName(ctx, start, end) ?? (position === 'middle' ? framedMiddle(ctx, start, end) : null);
  if (whole) return position === 'first' && scorePrev(ctx, start) < 2 ? null : [whole];
  // 、张某等县领导先后到A局、B局: the clause's list of bodies goes on after 等 + a verb; the names end at 等
  if (position === 'middle') {
    const last = nameAfter(ctx, start, 'list');
    if (last && text[last.end] === '等' && !last.assessment.ordinary) return [last];
  }
  if (position === 'first') {
    const hit = nameBefore(ctx, end, 'weak');
    return hit && !hit.assessment.ordinary ? [hit] : null;
  }
  // names joined by 和/及/与, and for the last element a name followed by a verb (李楠回顾了, 冯志刚等)
  const names: NameHit[] = [];
  let cur = start;
  for (;;) {
    let hit: NameHit | null = null;
    if (position === 'last' || cur > start) hit = nameAfter(ctx, cur, 'list');
    else {
      for (let len = 2; len <= 4 && !hit; len++) {
        const j = joinerAt(text, cur + len);
        if (j && j !== '、') hit = wholeName(ctx, cur, cur + len);
      }
    }
    if (!hit || hit.end > end) return null;
    names.push(hit);
    cur = hit.end;
    if (cur === end) return names;
    const j = joinerAt(text, cur);
    if (!j || j === '、') return position === 'last' ? names : null;
    cur += j.length;
  }
}

function listInClause(ctx: ItemContext, found: MentionSet, start: number, end: number): void {
  const { text } = ctx;
  const bounds: [number, number][] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '、') {
      bounds.push([s, i]);
      s = i + 1;
    }
  }
  // 出席的副主委、常委有黄立明、许文静…: a list of roles, then 有 (是) and the names; the names' list starts after it
  const restarts = new Set<number>();
  // (the first element too: 出席会议的有吴某、… — a name the dictionary knows as a word needs the 有 before it)
  bounds.forEach(([a, b], k) => {
    for (let p = b - 2; p > a; p--) {
      if (!LIST_OPENERS.has(text[p - 1]) || wholeName(ctx, p, b) === null) continue;
      bounds[k] = [p, b];
      if (k > 0) restarts.add(k);
      break;
    }
  });
  const parsed = bounds.map(([a, b], k) =>
    elementNames(ctx, a, b, k === 0 || restarts.has(k) ? 'first' : k === bounds.length - 1 ? 'last' : 'middle'),
  );
  // accept maximal runs of consecutive elements that are names
  let run: NameHit[] = [];
  const flush = () => {
    const plain = run.filter((h) => !h.assessment.ordinary && !h.assessment.suspicious && !h.assessment.framed).length;
    // 王明、赵海涛出席: a name jieba's dictionary holds as a person (tag nr) stands beside a plain one
    const nrWords = run.filter((h) => h.assessment.ordinary && h.assessment.nrWord && !h.assessment.suspicious && !h.assessment.framed).length;
    if (run.length && notPeopleAfter(ctx, run[run.length - 1].end)) run = [];
    if (run.length >= 3 ? plain >= 2 : run.length === 2 && plain >= 1 && plain + nrWords === 2 && closesList(ctx, run[1])) {
      for (const h of run) found.add(h, []);
    }
    run = [];
  };
  parsed.forEach((names, k) => {
    if (restarts.has(k)) flush();
    if (!names) {
      flush();
      return;
    }
    run.push(...names);
    if (names[names.length - 1].end !== bounds[k][1]) flush();
  });
  flush();
}

/** 包钢、华电、苏宁等企业: a list closed by 等 + a noun for bodies or places is no list of people. */
const NOT_PEOPLE_AFTER_LIST = /^等(?:企业|单位|公司|部门|机构|地区|地|省|市|区|县|旗|乡|镇|村|行业|领域|产业|院校|学校|医院|商会|协会|项目|品牌|城市|国家|方面|问题|工作|产品|景区|园区|集团|银行)/;

/**
 * Whether 等 + a noun for bodies or places closes the list at `end` (包钢、华电等企业), unless that noun opens a
 * role or title (等区领导, 等市委常委): the list is of people then.
 */
function notPeopleAfter(ctx: ItemContext, end: number): boolean {
  return NOT_PEOPLE_AFTER_LIST.test(ctx.text.slice(end, end + 4)) && !groupHeadAt(ctx, end + 1);
}

/** A two-name list counts only when a verb or 等 closes it (张三、李四出席). */
function closesList(ctx: ItemContext, last: NameHit): boolean {
  return scoreNext(ctx, last.end) >= 2 || ctx.text[last.end] === '等';
}

