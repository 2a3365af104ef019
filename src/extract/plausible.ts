/**
 * Character-class tests shared by the text decoder and the PDF garble check: does a decoded
 * string look like the Chinese (and some Latin) text a bulletin holds, or like mojibake?
 */

/** CJK ideographs (URO + extension A + compatibility), as used in running Chinese text. */
export function isHan(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

/**
 * Characters a Chinese bulletin plausibly contains: ASCII, Han, CJK and general punctuation,
 * full-width forms, the geometric glyphs used as item markers, and Latin-1 letters.
 * Kana, Hangul, Cyrillic, Greek, private-use and control characters are not: in a
 * Chinese file they are the fingerprints of a wrong decoding.
 */
export function isPlausibleChar(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x0c) return true;
  if (cp >= 0x20 && cp <= 0x7e) return true;
  if (isHan(cp)) return true;
  if (cp >= 0x3000 && cp <= 0x303f) return true; // CJK symbols and punctuation, U+3000 space
  if (cp >= 0xff01 && cp <= 0xff5e) return true; // full-width ASCII forms
  if (cp >= 0xffe0 && cp <= 0xffe6) return true; // full-width signs (￥)
  if (cp >= 0x2000 && cp <= 0x206f) return true; // general punctuation: “ ” ‘ ’ — … ※ ‰
  if (cp >= 0x25a0 && cp <= 0x25ff) return true; // geometric shapes: ■ □ ▲ △ ◆ ◇ ○ ●
  if (cp >= 0x2500 && cp <= 0x257f) return true; // box drawing: ━ ─ ═ rules under mastheads
  if (cp >= 0x2460 && cp <= 0x24ff) return true; // enclosed numbers ① ⑴ ⒈
  if (cp >= 0x2160 && cp <= 0x217f) return true; // roman numerals Ⅰ Ⅱ
  if (cp >= 0x2190 && cp <= 0x21ff) return true; // arrows
  if (cp >= 0x2600 && cp <= 0x27bf) return true; // misc symbols / dingbats ★ ☆ ✓ ❖ ➢
  if (cp >= 0x3200 && cp <= 0x32ff) return true; // enclosed CJK ㈠ ㊣
  if (cp >= 0x2100 && cp <= 0x214f) return true; // letterlike ℃ №
  if (cp >= 0xfe30 && cp <= 0xfe4f) return true; // CJK compatibility forms
  if (cp === 0xb7 || cp === 0xd7 || cp === 0xf7 || cp === 0xb0 || cp === 0xa7 || cp === 0xa9 || cp === 0xae) return true;
  if (cp >= 0xc0 && cp <= 0x17f && cp !== 0xd7 && cp !== 0xf7) return true; // accented Latin letters (names, pinyin)
  if (cp >= 0x2e80 && cp <= 0x2fdf) return true; // CJK / Kangxi radicals (PDF fonts map some Han to these)
  if (cp >= 0x2200 && cp <= 0x22ff) return true; // math operators ∶ ≤
  if (cp === 0xfeff) return true; // stray BOM, harmless
  return false;
}

export interface CharStats {
  /** Characters other than ASCII. */
  nonAscii: number;
  /** Non-ASCII characters that are not plausible (see isPlausibleChar). */
  implausible: number;
  han: number;
  /** U+FFFD replacement characters. */
  replacement: number;
  /** Private-use characters (U+E000–U+F8FF and the supplementary private-use planes). */
  privateUse: number;
  /** C0/C1 control characters other than tab, newline, carriage return and form feed. */
  control: number;
  total: number;
}

export function charStats(text: string): CharStats {
  const stats: CharStats = { nonAscii: 0, implausible: 0, han: 0, replacement: 0, privateUse: 0, control: 0, total: 0 };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    stats.total++;
    if (cp === 0xfffd) stats.replacement++;
    if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) stats.privateUse++;
    if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d && cp !== 0x0c) || (cp >= 0x7f && cp <= 0x9f)) stats.control++;
    if (isHan(cp)) stats.han++;
    if (cp > 0x7e) {
      stats.nonAscii++;
      if (!isPlausibleChar(cp)) stats.implausible++;
    }
  }
  return stats;
}
