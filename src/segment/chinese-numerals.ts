/** Small Chinese numerals as they appear in issue numbers (第十八期) and masthead dates. */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** `十八` → 18, `二十四` → 24, `一百零五` → 105, `18` → 18; null when not a number. */
export function parseSmallNumber(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^[〇零○Ｏ一二两三四五六七八九十百]+$/.test(t)) return null;
  let total = 0;
  let current = 0;
  for (const ch of t) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = DIGITS[ch] ?? 0;
    }
  }
  return total + current;
}
