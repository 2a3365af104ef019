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
