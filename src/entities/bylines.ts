/**
 * Bylines: who wrote, photographed or compiled a report — `（记者 王浩）`, `（记者王淼林光耀）` (names run
 * together once layout spaces are gone), `■通讯员王成虎`, `记者叶竞摄`, `德州晚报全媒体记者郑乃春整理`,
 * `本报讯 记者王浩 通讯员李四 2月28日…`, `（红山区政协吴立新供稿）`, `文/图 张三`, and a name in brackets closing a
 * paragraph `（张优优）`. Their names are recorded as bylines of the item (or of the record, for a byline
 * standing alone at the end of the document) and are never people of the item: the reporter did not take part
 * in what is reported.
 */
import type { Config } from '../config.js';
import type { Byline, RecordByline } from '../record/schema.js';
import { isHan } from './context.js';
import { lookupWord } from './dictionary.js';
import { getLexicons, type Lexicons } from './lexicons.js';
import { assessName } from './names.js';
import { signatureOf } from '../text/patterns.js';

export type { Byline, RecordByline };

/** Roles printed before the names, longest first so that `全媒体记者` wins over `记者`. */
const LEADING_ROLES = [
  '全媒体记者', '融媒体记者', '见习记者', '特约记者', '首席记者', '本报记者', '摄影记者', '实习记者', '记者', '特约通讯员', '通讯员', '实习生',
  '责任编辑', '责编', '编辑', '摄影', '摄像', '撰稿人', '撰稿', '供稿', '作者', '审稿人', '审稿', '审核人', '审核', '校对', '编审', '文/图', '图/文', '文图', '文', '图',
].sort((a, b) => b.length - a.length);
/** Roles printed after the names. */
const TRAILING_ROLES = ['摄影报道', '摄影', '摄', '报道', '整理', '供稿', '撰稿', '采写'].sort((a, b) => b.length - a.length);
/** Roles whose holder edited or compiled the document: a record-level byline with one of them is also a footer editor. */
export const EDITING_ROLES = new Set(['整理', '编辑', '责任编辑', '责编', '编审', '撰稿']);
/** Roles whose holder reviewed the text before it went out: a footer's reviewers. */
export const REVIEWING_ROLES = new Set(['审核', '审核人', '审稿', '审稿人']);

/** One-character roles (文, 图) only count with a separator after them: `文/张三`, `图：李四`. */
const SEPARATOR = /^[\s\u3000:：/／]+/u;
const MARKS = /^[\s\u3000■□●○◆◇▲△★☆·]+/u;
const MAX_BRACKETED = 40;
const MAX_LINE = 40;

function roleAt(text: string, pos: number, roles: string[]): string | null {
  for (const r of roles) {
    if (!text.startsWith(r, pos)) continue;
    if (r.length === 1 && !SEPARATOR.test(text.slice(pos + 1, pos + 2))) continue;
    return r;
  }
  return null;
}

/** A byline's role frames the name strongly, but an ordinary word (会上, 简介) still needs to be a known name. */
const acceptedName = (name: string, lex: Lexicons): boolean => {
  const a = assessName(name, lex);
  return a.ok && a.surnamed && !a.suspicious && (!a.ordinary || a.nrWord) && name.length >= 2 && name.length <= 4;
};

/** 玉应坎, 岩温: a transliterated name standing alone between separators in a byline (no surname to split at). */
const transliteratedName = (name: string, lex: Lexicons): boolean => {
  const a = assessName(name, lex);
  return a.ok && a.ethnic && !a.ordinary;
};

/** A surnamed name of 2–3 characters that is no ordinary word or doubtful reading: what splitRun cuts runs into. */
const clearSurnamed = (name: string, lex: Lexicons): boolean => {
  const a = assessName(name, lex);
  return a.ok && a.surnamed && !a.ordinary && !a.suspicious;
};

/** 王淼林光耀 → 王淼, 林光耀: the one way to cut a run into names of 2–3 characters that pass `isName`, or null. */
function splitRun(text: string, start: number, end: number, lex: Lexicons, isName = clearSurnamed): Array<[number, number]> | null {
  const ways: Array<Array<[number, number]>> = [];
  const walk = (pos: number, acc: Array<[number, number]>) => {
    if (ways.length > 1) return;
    if (pos === end) {
      ways.push(acc);
      return;
    }
    for (const len of [2, 3]) {
      if (pos + len > end) continue;
      if (isName(text.slice(pos, pos + len), lex)) walk(pos + len, [...acc, [pos, pos + len]]);
    }
  };
  walk(start, []);
  return ways.length === 1 ? ways[0] : null;
}

/** The names of a run of Han characters (one name, or several run together), or null when it is not names. */
function namesOfRun(text: string, start: number, end: number, lex: Lexicons): Array<[number, number]> | null {
  const len = end - start;
  if (len < 2) return null;
  const whole = text.slice(start, end);
  // a two-character surname makes a four-character name (欧阳志明); otherwise four or more are several names
  if (len <= 3 || (len === 4 && assessName(whole, lex).ok && lex.compoundSurnames.has(whole.slice(0, 2)))) {
    return acceptedName(whole, lex) || transliteratedName(whole, lex) ? [[start, end]] : null;
  }
  return splitRun(text, start, end, lex);
}

/**
 * Reads `[outlet] role names [role names…] [trailing role]` from `start` to `end`; the whole stretch must be
 * byline. An outlet (德州晚报, 红山区政协) may stand before the first role when `outlet` is allowed.
 */
function readByline(text: string, start: number, end: number, lex: Lexicons, outlet: boolean): Byline[] | null {
  let pos = start + (MARKS.exec(text.slice(start, end))?.[0].length ?? 0);
  // the outlet: Han text up to the first role
  let first = pos;
  // (a role that ends the stretch is a trailing one: 吴立新供稿)
  // (nor does one that opens the trailing role closing the stretch: 井娇|摄影报道)
  const leadsHere = (at: number) => {
    const r = roleAt(text, at, LEADING_ROLES);
    return r !== null && at + r.length < end && !TRAILING_ROLES.includes(text.slice(at, end));
  };
  while (first < end && !leadsHere(first)) first++;
  if (first < end && first > pos) {
    if (!outlet || !/^[\p{Script=Han}·]+$/u.test(text.slice(pos, first))) return null;
    pos = first;
  }
  const out: Byline[] = [];
  let pendingRoles: string[] = [];
  while (pos < end) {
    const role = leadsHere(pos) ? roleAt(text, pos, LEADING_ROLES) : null;
    if (role !== null) {
      pendingRoles = [role];
      pos += role.length;
      pos += SEPARATOR.exec(text.slice(pos, end))?.[0].length ?? 0;
      continue;
    }
    // a run of Han characters up to a separator, the next role or the end
    let runEnd = pos;
    while (runEnd < end && isHan(text[runEnd]) && (runEnd - pos < 2 || !leadsHere(runEnd))) runEnd++;
    if (runEnd === pos) {
      const gap = /^[\s\u3000、,，]+/u.exec(text.slice(pos, end));
      if (!gap) return null;
      pos += gap[0].length;
      continue;
    }
    // `叶竞 摄`: a trailing role standing apart closes the byline
    if (runEnd === end && out.length > 0 && TRAILING_ROLES.includes(text.slice(pos, runEnd))) {
      const role = text.slice(pos, runEnd);
      for (const b of out) if (!b.roles.includes(role)) b.roles = [...b.roles, role];
      break;
    }
    // `邵文杰 阎立新 南京报道`: the place reported from and 报道 standing apart close the byline
    const placeReport = text.slice(pos, runEnd);
    if (runEnd === end && out.length > 0 && placeReport.endsWith('报道') && lookupWord(placeReport.slice(0, -2))?.tag.startsWith('ns')) {
      for (const b of out) if (!b.roles.includes('报道')) b.roles = [...b.roles, '报道'];
      break;
    }
    // a trailing role closes the byline: 叶竞摄, 郑乃春整理, 吴立新供稿
    let trailing: string | null = null;
    for (const r of TRAILING_ROLES) {
      if (runEnd === end && text.slice(pos, runEnd).endsWith(r) && runEnd - r.length - pos >= 2) {
        trailing = r;
        break;
      }
    }
    let namesEnd = trailing ? runEnd - trailing.length : runEnd;
    let names = namesOfRun(text, pos, namesEnd, lex);
    // 周琛路鑫菏泽报道: the place reported from stands between the names and 报道
    if (!names && trailing === '报道') {
      for (const len of [2, 3]) {
        if (lookupWord(text.slice(namesEnd - len, namesEnd))?.tag.startsWith('ns') && (names = namesOfRun(text, pos, namesEnd - len, lex))) {
          namesEnd -= len;
          break;
        }
      }
    }
    // （红山区政协吴立新供稿）: with no role before it, the name is the end of the run before the trailing role
    if (!names && trailing && pendingRoles.length === 0 && out.length === 0 && outlet) {
      for (const len of [3, 2]) {
        if (namesEnd - len > pos && acceptedName(text.slice(namesEnd - len, namesEnd), lex)) {
          names = [[namesEnd - len, namesEnd]];
          break;
        }
      }
    }
    // （记者某某、通讯员宜协宣）: in brackets, what a role names is its byline even when it is no clear name (a
    // pen name, an office's short name)
    if (!names && outlet && pendingRoles.length > 0 && namesEnd - pos >= 2 && namesEnd - pos <= 4 && runEnd === namesEnd) names = [[pos, namesEnd]];
    if (!names) return null;
    if (pendingRoles.length === 0 && !trailing) return null;
    const roles = trailing ? [...pendingRoles, trailing] : pendingRoles;
    for (const [s, e] of names) out.push({ name: text.slice(s, e), roles, span: [s, e] });
    if (trailing) for (const b of out) if (!b.roles.includes(trailing)) b.roles = [...b.roles, trailing];
    pos = runEnd;
  }
  return out.length > 0 ? out : null;
}

/** The names of `（张优优）` or `（丁泉　杨常成）` between `from` and `to`, or null unless each is a clear name. */
function bareNames(text: string, from: number, to: number, lex: Lexicons): Byline[] | null {
  const out: Byline[] = [];
  for (const m of text.slice(from, to).matchAll(/[^\s\u3000、]+/gu)) {
    const name = m[0];
    const a = assessName(name, lex);
    if (name.length < 2 || name.length > 4 || !a.ok || a.ordinary || a.suspicious || a.ethnic) return null;
    const start = from + (m.index ?? 0);
    out.push({ name, roles: [], span: [start, start + name.length] });
  }
  return out.length > 0 ? out : null;
}

// (some papers print the byline in lenticular brackets: 新某讯【记者 某某】5月6日上午，…)
const OPEN = new Set(['（', '(', '【']);
const CLOSE = new Set(['）', ')', '】']);

/** `（记者王浩）`, `(记者 张迪 赵晨光)`, `（红山区政协吴立新供稿）`, and `（张优优）` closing a paragraph. */
function bracketed(text: string, lex: Lexicons): Byline[] {
  const out: Byline[] = [];
  for (let at = 0; at < text.length; at++) {
    if (!OPEN.has(text[at])) continue;
    let close = at + 1;
    while (close < text.length && close - at <= MAX_BRACKETED && !CLOSE.has(text[close]) && !OPEN.has(text[close]) && !/[，。；！？]/u.test(text[close])) close++;
    if (!CLOSE.has(text[close])) {
      // （撰稿人：王某，审稿人：李某）: labelled credits set apart by commas, each read on its own
      const signed = labelledCredits(text, at, lex);
      if (signed) {
        out.push(...signed.bylines);
        at = signed.close;
      }
      continue;
    }
    const hits = readByline(text, at + 1, close, lex, true) ?? spacedCredits(text, at + 1, close, lex);
    if (hits) out.push(...hits);
    else {
      // bare names in brackets (`（张优优）`, `（丁泉　杨常成）`, set apart by gaps or 、) are a byline only where they
      // close a paragraph, and only when every one of them is a clear name
      const closes = close + 1 === text.length || text[close + 1] === '\n';
      const names = closes ? bareNames(text, at + 1, close, lex) : null;
      if (names) out.push(...names);
    }
    at = close;
  }
  return out;
}

/** `/文图`, `/摄` closing a bracketed credit: the role of every name in it. */
const SLASHED_ROLE = /[/／](文图|图文|文|图|摄影|摄)$/u;

/** Between a credit's separators any surnamed name of two or three characters will do (粟科: 科 ends names too). */
const surnamedName = (name: string, lex: Lexicons): boolean => {
  const a = assessName(name, lex);
  return a.ok && a.surnamed && !a.ordinary && name.length >= 2 && name.length <= 3;
};

/**
 * `（王某 李某 记者 张某/文图）` (gaps closed by normalisation: `王某李某记者张某/文图`): names and roles closed by a
 * slashed role; names before any role are the page's correspondents. Every stretch between roles must be names.
 */
function spacedCredits(text: string, from: number, to: number, lex: Lexicons): Byline[] | null {
  const slashed = SLASHED_ROLE.exec(text.slice(from, to));
  if (!slashed) return null;
  const end = from + slashed.index;
  const out: Byline[] = [];
  let roles: string[] = [];
  let pos = from;
  const names = (s: number, e: number): boolean => {
    const run = text.slice(s, e).trim();
    if (run === '') return true;
    const at = s + text.slice(s, e).indexOf(run);
    const found = run.split(/[\s\u3000、]+/u).length > 1 ? null : namesOfRun(text, at, at + run.length, lex) ?? splitRun(text, at, at + run.length, lex, surnamedName);
    const parts = found ?? [...run.matchAll(/[^\s\u3000、]+/gu)].map((m): [number, number] => [at + (m.index ?? 0), at + (m.index ?? 0) + m[0].length]);
    if (!parts.every(([a, b]) => acceptedName(text.slice(a, b), lex) || surnamedName(text.slice(a, b), lex))) return false;
    for (const [a, b] of parts) out.push({ name: text.slice(a, b), roles: [...roles], span: [a, b] });
    return true;
  };
  for (let i = from; i < end; i++) {
    const role = roleAt(text, i, LEADING_ROLES);
    if (role === null || role.length === 1) continue;
    if (!names(pos, i)) return null;
    roles = [role];
    i += role.length - 1;
    pos = i + 1;
  }
  if (!names(pos, end) || out.length === 0) return null;
  for (const b of out) b.roles.push(slashed[1]);
  return out;
}

/** `（撰稿人：王某，审稿人：李某）` opening at `at`: every comma-separated part a role, its colon and names. */
function labelledCredits(text: string, at: number, lex: Lexicons): { bylines: Byline[]; close: number } | null {
  const m = /^[（(]((?:[^，,；;（()）。！？]{2,20}[，,；;]\s*){1,3}[^，,；;（()）。！？]{2,20})[）)]/u.exec(text.slice(at, at + MAX_BRACKETED * 2));
  if (!m) return null;
  const bylines: Byline[] = [];
  let pos = at + 1;
  for (const part of m[1].split(/[，,；;]/u)) {
    const start = pos + (/^\s*/u.exec(part)?.[0].length ?? 0);
    const end = pos + part.trimEnd().length;
    // each part names its role with a colon: 撰稿人：王某
    if (!/^\s*[\p{Script=Han}/]{1,5}\s*[:：]/u.test(part)) return null;
    const hits = readByline(text, start, end, lex, false);
    if (!hits) return null;
    bylines.push(...hits);
    pos += part.length + 1;
  }
  return { bylines, close: at + m[0].length - 1 };
}

/**
 * The names of a line that is a byline and nothing else (`大众网记者周琛路鑫菏泽报道`), or null: for
 * segmentation, where such a line is no headline. Spans are offsets in `line`.
 */
export function bylineOfLine(line: string, lexicons: Config['lexicons']): Byline[] | null {
  return bylineLine(line, 0, line.length, getLexicons(lexicons));
}

/** A line that is a byline and nothing else: `■通讯员王成虎`, `记者叶竞摄`, `德州晚报全媒体记者郑乃春整理`. */
function bylineLine(text: string, start: number, end: number, lex: Lexicons): Byline[] | null {
  if (end - start > MAX_LINE || /[，。；！？]/u.test(text.slice(start, end))) return null;
  // 记者甲、乙报道：  — the colon introduces the report that follows
  let stop = end;
  while (stop > start && /[\s\u3000:：]/u.test(text[stop - 1])) stop--;
  return readByline(text, start, stop, lex, true);
}

/** `本报讯 记者王浩 通讯员李四 2月28日，…`: roles and names opening a paragraph (or after 讯/电/消息), up to the first non-name. */
function leadIn(text: string, start: number, lex: Lexicons): Byline[] | null {
  let pos = start;
  const lead = /^[^，。；！？\n]{0,20}?(?:讯|电|消息)[\s\u3000]*/u.exec(text.slice(start, start + 30));
  if (lead && roleAt(text, start + lead[0].length, LEADING_ROLES)) pos = start + lead[0].length;
  if (roleAt(text, pos, LEADING_ROLES) === null) return null;
  let end = pos;
  while (end < text.length && (isHan(text[end]) || /[\s\u3000:：/／、]/u.test(text[end])) && text[end] !== '\n') end++;
  // the stretch must stop at a date, a bracket or punctuation, never inside a sentence (a closing bracket too:
  // `本报讯通讯员 王某）县政协…`, its opening one lost in copying)
  if (end < text.length && !/[\d（()），。,]/u.test(text[end])) return null;
  return readByline(text, pos, end, lex, false);
}

/** `…在“委员通道”接受采访。新华社记者张玉薇摄`: a photo credit or byline after the last sentence of a line. */
function afterLastSentence(text: string, start: number, end: number, lex: Lexicons): Byline[] | null {
  let cut = end;
  while (cut > start && !/[。！？]/u.test(text[cut - 1])) cut--;
  if (cut === start || cut === end || end - cut > MAX_LINE) return null;
  // (…就座。王某、李某、赵某、 — a list the copy cut off, not a signature)
  if (/[、，,][\s\u3000]*$/u.test(text.slice(cut, end))) return null;
  // `…贡献政协智慧和力量。邵某`: a bare name after the item's last sentence signs it
  return readByline(text, cut, end, lex, true) ?? (end === text.length ? bareNames(text, cut, end, lex) : null);
}

/** The bylines of one item text, left to right, each name once per span. */
export function findBylines(text: string, lex: Lexicons): Byline[] {
  const found: Byline[] = [];
  const taken = new Set<number>();
  const add = (hits: Byline[] | null) => {
    for (const b of hits ?? []) {
      if (taken.has(b.span[0])) continue;
      taken.add(b.span[0]);
      found.push(b);
    }
  };
  add(bracketed(text, lex));
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    add(bylineLine(text, start, end, lex) ?? leadIn(text, start, lex));
    add(afterLastSentence(text, start, end, lex));
    start = end + 1;
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * Takes the credits that sign the document off its items, for the record: the writer's signature closing any item
 * (`——民革某市一支部 某某某`, `某党某市委　某某`: text/patterns.ts; each page of a file of several is signed so; no
 * role printed), and a last paragraph of the last item that is a byline and nothing else
 * (`德州晚报全媒体记者郑乃春整理`). The line is kept with each name.
 */
/** A short exclamation closing a page (`致敬努力奋斗的盟员！`): a slogan, no text of the report. */
const SLOGAN = /^[^。，；]{2,20}[！!]$/u;

export function takeTrailingBylines(items: Array<{ paragraphs: string[] }>, lexicons: Config['lexicons']): RecordByline[] {
  const lex = getLexicons(lexicons);
  const out: RecordByline[] = [];
  items.forEach((item, k) => {
    if (item.paragraphs.length < 2) return;
    // (a page may close with a slogan under its signature: `致敬奋斗的盟员！`)
    const at = item.paragraphs.length >= 3 && SLOGAN.test(item.paragraphs[item.paragraphs.length - 1]) ? item.paragraphs.length - 2 : item.paragraphs.length - 1;
    const signature = signatureOf(item.paragraphs[at]);
    if (signature && signature.names.every((name) => assessName(name, lex).ok)) {
      const [line] = item.paragraphs.splice(at, 1);
      for (const name of signature.names) out.push({ name, roles: [], line });
      return;
    }
    const line = item.paragraphs[item.paragraphs.length - 1];
    if (k !== items.length - 1) return;
    const inner = /^[（(](.*)[）)]$/u.exec(line);
    const hits = inner ? readByline(inner[1], 0, inner[1].length, lex, true) : bylineLine(line, 0, line.length, lex);
    if (!hits) return;
    item.paragraphs.pop();
    out.push(...hits.map((b) => ({ name: b.name, roles: b.roles, line })));
  });
  return out;
}
