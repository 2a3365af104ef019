/**
 * Names in a bulletin footer (编辑：宋海明 陈 芳): layout spaces pad 2-character names to the width of
 * 3-character ones, and letter-space whole names, so runs of single characters are joined back into names.
 */
import { getLexicons, type Lexicons } from './lexicons.js';
import { isHan } from './context.js';
import { assessName } from './names.js';

const LABEL = /^[\s\u3000]*(?:责任编辑|责\s*编|[一二三初复终]\s*审|编\s*辑|审\s*核|签\s*发|校\s*对|审\s*稿|核\s*稿|拟\s*稿)[\s\u3000]*[：:][\s\u3000]*/;

/** Joins a run of single characters: pairs (陈 刚 李 明), or one name of three (王 东 海). */
function joinSingles(run: string[]): string[] {
  if (run.length === 1) return run;
  if (run.length === 3) return [run.join('')];
  const names: string[] = [];
  for (let i = 0; i + 1 < run.length; i += 2) names.push(run[i] + run[i + 1]);
  if (run.length % 2 === 1) names[names.length - 1] += run[run.length - 1];
  return names;
}

export function splitFooterNames(text: string): string[] {
  const lex = getLexicons();
  const tokens = text
    .replace(LABEL, '')
    .split(/[\s\u3000、，,；;／/]+/)
    // (a colon, a full stop, and specks a scan's OCR reads as quotes)
    .map((t) => t.replace(/[：:。.“”"'‘’]/g, ''))
    .filter(Boolean);
  const names: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    if (t.length === 1) {
      let j = i;
      while (j < tokens.length && tokens[j].length === 1) j++;
      const run = tokens.slice(i, j);
      // 王 东海: a lone surname before a 2-character token is one name
      if (run.length === 1 && j < tokens.length && tokens[j].length === 2 && lex.singleSurnames.has(t)) {
        names.push(t + tokens[j]);
        i = j + 1;
        continue;
      }
      names.push(...joinSingles(run));
      i = j;
      continue;
    }
    // 欧阳 雪: a compound surname padded apart from its given name
    if (lex.compoundSurnames.has(t) && tokens[i + 1]?.length === 1) {
      names.push(t + tokens[i + 1]);
      i += 2;
      continue;
    }
    names.push(...splitRunTogether(t, lex));
    i++;
  }
  return names;
}

/**
 * 汪某贾某某 → 汪某, 贾某某: names whose printed gap a scan's OCR (or a PDF's text layer) lost. A run of four
 * characters or more splits into names of two or three characters that each open with a surname, the split
 * whose surnames are the most common winning (ties: fewer names). A run that opens with a compound surname
 * and fits one name (欧阳小红), or that cannot split so, stays whole.
 */
function splitRunTogether(token: string, lex: Lexicons): string[] {
  if (token.length < 4 || token.length > 9 || ![...token].every(isHan)) return [token];
  if (lex.compoundSurnames.has(token.slice(0, 2)) && token.length <= 4) return [token];
  // (a transliterated name of a minority people is one name however long: 阿依某某)
  if (assessName(token, lex).ethnic) return [token];
  const surnameWeight = (name: string): number => {
    if (lex.compoundSurnames.has(name.slice(0, 2))) return name.length >= 3 ? 2 : 0;
    return lex.commonSurnames.has(name[0]) ? 2 : lex.singleSurnames.has(name[0]) ? 1 : 0;
  };
  let best: { parts: string[]; mean: number } | null = null;
  const walk = (at: number, parts: string[]): void => {
    if (at === token.length) {
      const mean = parts.reduce((sum, p) => sum + surnameWeight(p), 0) / parts.length;
      if (!best || mean > best.mean || (mean === best.mean && parts.length < best.parts.length)) best = { parts, mean };
      return;
    }
    for (const len of [2, 3, 4]) {
      const part = token.slice(at, at + len);
      if (part.length !== len || surnameWeight(part) === 0 || (len === 4 && !lex.compoundSurnames.has(part.slice(0, 2)))) continue;
      walk(at + len, [...parts, part]);
    }
  };
  walk(0, []);
  const found = best as { parts: string[]; mean: number } | null;
  return found ? found.parts : [token];
}
