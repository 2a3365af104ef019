/**
 * Spacing repair for Chinese text. Spaces between Han characters come from letter-spaced titles
 * (`工 作 简 报`), layout padding and PDF glyph gaps; spaces around digits from typesetting
 * (`2020 年 5 月 11 日`). Both are removed. Spaces inside Latin text are kept.
 */

const HAN = '\\p{Script=Han}';
// CJK punctuation and full-width forms: a space next to them is never meaningful.
const CJK_PUNCT = '\\u3001-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65\\u2014\\u2015\\u2018-\\u201F\\u2026\\u00B7\\u203B\\u25A0-\\u25FF\\u2605\\u2606';
const WIDE = `[${HAN}${CJK_PUNCT}]`;

const SPACE_BETWEEN_WIDE = new RegExp(`(?<=${WIDE})[ \\u3000]+(?=${WIDE})`, 'gu');
// A line of single Han characters separated by gaps is letter-spaced: `工 作 简 报`, `编　辑`.
const LETTER_SPACED = new RegExp(`^${HAN}(?:[ \\u3000]+${HAN})+$`, 'u');
const SPACE_WIDE_DIGIT = new RegExp(`(?<=${WIDE})[ \\u3000]+(?=\\d)|(?<=\\d)[ \\u3000]+(?=${WIDE})`, 'gu');

/**
 * A bracket of names (two to four Han characters) and credit roles set apart by spaces: a credit
 * (`（丁泉 杨常成）`, `（江州日报记者 李霞 实习记者 杨帆）`). There a gap separates names and is kept as a wide gap
 * (U+3000), for prose never puts a space between Han characters.
 */
const CREDIT_WORD = `(?:${HAN}{2,4}|${HAN}{0,10}(?:记者|通讯员|实习生|摄影|编辑))`;
const SPACED_NAMES = new RegExp(`(?<=[（(])${CREDIT_WORD}(?:[ \\u3000]+${CREDIT_WORD})+(?=[)）])`, 'gu');

export const isHan = (ch: string): boolean => /\p{Script=Han}/u.test(ch);

/**
 * Trims a line (also U+3000 indents) and removes spaces that Chinese typesetting inserted.
 * A single space between Han characters is an artefact and goes; a wide gap (U+3000 or several
 * spaces) usually separates things (`张三　李四`, office and date) and is kept as one U+3000.
 */
export function repairSpacing(line: string): string {
  const trimmed = line.replace(/^[ \u3000]+|[ \u3000]+$/g, '');
  if (LETTER_SPACED.test(trimmed)) return trimmed.replace(/[ \u3000]+/g, '');
  return trimmed
    .replace(SPACED_NAMES, (group) => group.replace(/[ \u3000]+/g, '\u3000'))
    .replace(SPACE_WIDE_DIGIT, '')
    .replace(SPACE_BETWEEN_WIDE, (gap) => (gap === ' ' ? '' : '\u3000'))
    .replace(/ {2,}/g, ' ');
}

/** Collapses whitespace runs to one space without touching CJK spacing (for raw layout-aware text). */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}
