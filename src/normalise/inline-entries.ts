/**
 * Entries of a yearbook or column run together in one paragraph, set apart only by gaps, with their headings
 * inline: `【全体委员会议】 七届三次会议 2006年1月5日至8日召开，…。 【常务委员会会议】 第15次会议 1月7日召开，…。
 * 第16次会议 1月8日召开，…`. A copied web page keeps them so. Where a paragraph holds two such breaks or more,
 * it is cut into lines: each inline 【heading】 on its own, and each entry — a short name, a gap, its date — from
 * the gap before it. The entry keeps its name apart from its date by an ideographic space (spacing repair
 * would otherwise close the gap).
 */
import { message, type Message } from '../types.js';
import type { Line } from '../segment/lines.js';
import { repairSpacing } from './spacing.js';

const GAP = '[ \\t\\u3000]+';
/** An inline heading in 【】 (its own line), or an entry's name and a gap before its date. */
const ENTRY_DATE = '(?:(?:19|20)\\d{2}\\s*年\\s*)?\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日';
const ENTRY_NAME = '[^\\s\\u3000。，；！？【】]{2,12}';
/**
 * A heading wrapped on both sides by one ornament (`★园区共建★`, `◆重要会议◆`): a column's section title
 * inside a run-on digest. Set apart by a gap from what came before, it is cut out whatever follows it.
 */
const ORNAMENTS = [...'★☆◆◇■□▲△●○◎◉〓※'];
const DECORATED = ORNAMENTS.map((g) => `${g}[^${g}\\s\\u3000。，；！？]{2,16}${g}`).join('|');
const BREAK = new RegExp(
  `(?<=[。！？】])${GAP}(?=【[^】\\s]{1,12}】|${ENTRY_NAME}${GAP}${ENTRY_DATE})|(?<=^【[^】\\s]{1,12}】)${GAP}|(?<=${GAP}【[^】\\s]{1,12}】)${GAP}` +
    `|${GAP}(?=${DECORATED})|(?<=(?:^|${GAP})(?:${DECORATED}))${GAP}?(?=\\S)`,
  'gu',
);
const ENTRY = new RegExp(`^(${ENTRY_NAME})${GAP}(?=${ENTRY_DATE})`, 'u');
const MIN_BREAKS = 2;

export function splitInlineEntries(lines: Line[]): { lines: Line[]; messages: Message[] } {
  let split = 0;
  const out: Line[] = [];
  for (const line of lines) {
    const breaks = line.kind === 'paragraph' ? [...line.raw.matchAll(BREAK)] : [];
    if (breaks.length < MIN_BREAKS) {
      out.push(line);
      continue;
    }
    split++;
    let from = 0;
    for (const b of [...breaks, null]) {
      const piece = line.raw.slice(from, b ? b.index : undefined).trim();
      if (b) from = (b.index ?? 0) + b[0].length;
      if (!piece) continue;
      const entry = ENTRY.exec(piece);
      const text = entry ? `${entry[1]}\u3000${repairSpacing(piece.slice(entry[0].length))}` : repairSpacing(piece);
      out.push({ ...line, raw: piece, text });
    }
  }
  if (split === 0) return { lines, messages: [] };
  return { lines: out, messages: [message('info', 'inline-entries-split', `${split} paragraph(s) held several entries or inline headings set apart by gaps; each was cut into lines.`)] };
}
