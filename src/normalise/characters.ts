/**
 * Character-level repairs that do not change meaning: full-width ASCII letters and digits become
 * half-width (so `２０２０年` parses as a date), invisible characters go, odd spaces become plain ones,
 * and pinyin readings printed after characters (政協(xié)) go.
 * Full-width punctuation (，。：；) is kept: it is the normal form of Chinese text, and NFKC would
 * turn it into ASCII.
 */

const FULLWIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
// Zero-width space/joiners, BOM, soft hyphen, word joiner: never meaningful in a bulletin.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// No-break and other typographic spaces (not U+3000, which marks indents and layout gaps).
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\t]/g;

/**
 * A reading in pinyin that some sites print after a character with more than one reading (政協(xié),
 * 動態(tài)): a toned syllable in brackets right after a Han character. It is no part of the text.
 */
const PINYIN_READING = /(?<=\p{Script=Han})[(（]\s*[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\s*[)）]/gu;

export function normaliseCharacters(text: string): string {
  return text
    .replace(PINYIN_READING, '')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .replace(FULLWIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0E(?=\d)/g, '.')
    .replace(/\uFF20/g, '@');
}
