/**
 * Shapes of bulletin text that more than one stage reads: the segmenter uses them to keep lines together, the
 * entity pass to read what the lines say. Kept here, below both, so that the two stages agree and neither
 * reaches into the other.
 */

/**
 * One name of a titled roll (`马某某`, a padded `冯　斌`, `邢某某（专职）`): two to four Han characters, a gap
 * allowed between them, an optional note in brackets; it ends at a gap, 、 or the line's end, never before a colon
 * (that would be the next title).
 */
export const ROLL_NAME = '\\p{Script=Han}(?:[\\u3000 ]?\\p{Script=Han}){1,3}(?:[（(][^）)]{1,6}[)）])?(?=[\\s\\u3000、，,]|$)(?![\\u3000 ]*[：:])';

/** One title of a titled roll and its names: `副主委：马某某　杜某某`. Groups: the title, the names. */
export const ROLL_PART = `([\\p{Script=Han}\\u3000 ]{2,10})[：:][\\s\\u3000]*(${ROLL_NAME}(?:[\\s\\u3000、，,]+${ROLL_NAME})*)`;

/**
 * A line of a titled roll of names (a body's new leaders): one title or several (`主任：纳某某　　副主任：杨某某`),
 * each with its names. Test it on the raw line, whose gaps part the names.
 */
export const TITLED_ROLL_LINE = new RegExp(`^(?:[\\s\\u3000]*${ROLL_PART})+[\\s\\u3000]*$`, 'u');

/** An editor's note's label opening a paragraph: 编者按：, 编者的话：, 编者：, 编后：. */
export const EDITORS_NOTE_LABEL = /^[\s\u3000【\[]*(?:编者按|编者的话|编者|编后)[】\]]?[\s\u3000]*[：:]/u;

/**
 * The writers' body and names signing a text (`——民盟某市一支部 某某某`, `农工党某市委　葛某某`, `（民盟某支部 甲某 乙某）`):
 * a body's name, a gap, one to three names of two or three characters (a two-character one maybe padded), maybe all
 * in brackets. A dash before it makes the signature plain without the gap (which spacing repair closes). Groups:
 * dash, body, gap, names.
 */
const SIGNED_NAME = '\\p{Script=Han}(?:[ \\u3000]?\\p{Script=Han}){1,2}';
export const SIGNATURE = new RegExp(
  `^(?:(?<dash>[—－-]{1,2})[\\s\\u3000]*)?[（(]?(?<body>\\p{Script=Han}{1,14}(?:市委|县委|区委|省委|委员会|委会|支部|总支|办公室|政协|统战部|宣传部|工商联))(?<gap>[\\s\\u3000]*)(?<names>${SIGNED_NAME}(?:(?:[\\s\\u3000]{1,2}|、)${SIGNED_NAME}){0,2})[)）]?$`,
  'u',
);

/**
 * The signature a line holds, read only where a dash or a gap sets the names apart (and, for several names, gaps or
 * 、 part them; a two-character name's padding is closed); null otherwise.
 */
export function signatureOf(line: string): { body: string; names: string[] } | null {
  const t = line.trim();
  const m = SIGNATURE.exec(t);
  if (!m?.groups || (m.groups.dash === undefined && m.groups.gap === '')) return null;
  // (brackets come in pairs)
  if (/^(?:[—－-]{1,2}[\s\u3000]*)?[（(]/u.test(t) !== /[)）]$/u.test(t)) return null;
  const names = m.groups.names.split(/[\s\u3000]{2,}|、|(?<=\p{Script=Han}{2})[\s\u3000](?=\p{Script=Han}{2})/u).map((n) => n.replace(/[\s\u3000]/gu, ''));
  return { body: m.groups.body, names };
}
