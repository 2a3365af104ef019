/**
 * Names in a bulletin footer (编辑：宋海明 陈 芳): layout spaces pad 2-character names to the width of
 * 3-character ones, and letter-space whole names, so runs of single characters are joined back into names.
 */
import { getLexicons } from './lexicons.js';

const LABEL = /^[\s\u3000]*(?:责任编辑|编\s*辑|审\s*核|签\s*发|校\s*对|审\s*稿|核\s*稿|拟\s*稿)[\s\u3000]*[：:][\s\u3000]*/;

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
    .map((t) => t.replace(/[：:。.]/g, ''))
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
    names.push(t);
    i++;
  }
  return names;
}
