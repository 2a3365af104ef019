/**
 * Chronicle lines whose month lost its 月 (`111日上午，…` for 1月11日上午): a page that shows the month as a
 * badge or a big numeral beside each entry gives, copied as text, the month's digits glued to the day's.
 * A run of three or four digits before 日 at a line's start cannot be a day, so where a file has two such
 * lines or more (the layout, not a typo) each is split into month and day — the month that keeps the
 * entries in order after the last month seen (a written 3月 or an earlier split), the smallest otherwise —
 * and the repair is reported.
 */
import { message, type Message } from '../types.js';
import type { Line } from '../segment/lines.js';

const GLUED = /^([\s\u3000]*)(\d{3,4})([日号])/u;
const WRITTEN_MONTH = /^[\s\u3000]*(\d{1,2})\s*月\s*\d{1,2}\s*[日号]/u;

/** The (month, day) readings of a glued run: month 1–12, day 1–31, neither with a leading zero. */
function readings(digits: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const cut of [1, 2]) {
    const m = digits.slice(0, cut), d = digits.slice(cut);
    if (d.length < 1 || d.length > 2 || m.startsWith('0') || d.startsWith('0')) continue;
    const month = Number(m), day = Number(d);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) out.push([month, day]);
  }
  return out;
}

export function repairGluedMonths(lines: Line[]): { lines: Line[]; messages: Message[] } {
  const glued = lines.filter((l) => GLUED.test(l.text) && readings(GLUED.exec(l.text)![2]).length > 0).length;
  if (glued < 2) return { lines, messages: [] };
  let lastMonth = 0;
  let repaired = 0;
  const out = lines.map((line) => {
    const written = WRITTEN_MONTH.exec(line.text);
    if (written) lastMonth = Number(written[1]);
    const m = GLUED.exec(line.text);
    if (!m) return line;
    const options = readings(m[2]);
    if (options.length === 0) return line;
    // in order: the smallest month not before the last one; failing that, the smallest
    const [month, day] = options.filter(([mo]) => mo >= lastMonth).sort((a, b) => a[0] - b[0])[0] ?? options.sort((a, b) => a[0] - b[0])[0];
    lastMonth = month;
    repaired++;
    return { ...line, text: `${m[1]}${month}月${day}${m[3]}${line.text.slice(m[0].length)}` };
  });
  return {
    lines: out,
    messages: [message('info', 'glued-months-repaired', `${repaired} chronicle lines opened with the month glued to the day (111日 for 1月11日); each was read as month and day.`)],
  };
}
