/**
 * Names in bylines: `（记者王淼林光耀）` (names run together once layout spaces are gone), `撰稿：刘建国`,
 * and a name in brackets closing an item `（张优优）`.
 */
import { isHan, type ItemContext } from './context.js';
import type { MentionSet } from './mentions.js';
import { assessName, type NameHit } from './names.js';

const BYLINE_ROLES = ['记者', '通讯员', '摄影', '撰稿', '供稿', '编辑', '责任编辑', '作者'];
const PAREN_NAME = /[（(]([\u4e00-\u9fff]{2,4})[）)]\s*$/;

/**
 * Bylines: `（记者王淼林光耀）` (names run together once layout spaces are gone) and a name in brackets
 * closing an item `（张优优）`.
 */
export function fromBylines(ctx: ItemContext, found: MentionSet): void {
  const { text } = ctx;
  const paren = PAREN_NAME.exec(text);
  if (paren) {
    const start = (paren.index ?? 0) + 1;
    const a = assessName(paren[1], ctx.lex);
    if (a.ok && !a.ordinary && !a.suspicious && !a.ethnic) found.add({ name: paren[1], start, end: start + paren[1].length }, []);
  }
  for (const role of BYLINE_ROLES) {
    for (let at = text.indexOf(role); at >= 0; at = text.indexOf(role, at + 1)) {
      const prev = text[at - 1];
      if (prev !== undefined && isHan(prev) && prev !== '、') continue;
      let pos = at + role.length;
      if (text[pos] === '：' || text[pos] === ':') pos++;
      let end = pos;
      while (end < text.length && isHan(text[end])) end++;
      if (end - pos < 4 || end - pos > 9 || (text[end] !== undefined && !/[）)\s，,、]/.test(text[end]))) continue;
      const names = splitRunIntoNames(ctx, pos, end);
      if (names) for (const n of names) found.add(n, [role]);
    }
  }
}

/** 王淼林光耀 → 王淼, 林光耀: the one way to cut the run into surname-led names of 2–3 characters. */
function splitRunIntoNames(ctx: ItemContext, start: number, end: number): NameHit[] | null {
  const ways: NameHit[][] = [];
  const walk = (pos: number, acc: NameHit[]) => {
    if (ways.length > 1) return;
    if (pos === end) {
      if (acc.length >= 2) ways.push(acc);
      return;
    }
    for (const len of [2, 3]) {
      if (pos + len > end) continue;
      const name = ctx.text.slice(pos, pos + len);
      const a = assessName(name, ctx.lex);
      if (a.ok && !a.ordinary && !a.ethnic && !a.suspicious) walk(pos + len, [...acc, { name, start: pos, end: pos + len, assessment: a }]);
    }
  };
  walk(start, []);
  return ways.length === 1 ? ways[0] : null;
}

