/**
 * Page furniture in text that was copied or converted from paged documents: page numbers
 * (`— 1 —`, `-3-`, `第3页 共8页`) and the running header or footer printed next to them. The PDF
 * extractor removes these with page geometry; this pass catches them in .txt/.doc files, where only
 * the text is left, and reports what it removed.
 */
import { message, type Message } from '../types.js';
import type { Line } from '../segment/lines.js';

const PAGE_NUMBER =
  /^(?:[—–\-－─]{1,3}\s*\d{1,3}\s*[—–\-－─]{1,3}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|-- \d+ of \d+ --|[·•]\s*\d{1,3}\s*[·•])$/u;
const MAX_HEADER_LENGTH = 30;

export const isPageNumber = (text: string): boolean => PAGE_NUMBER.test(text.trim());

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/**
 * Removes page numbers, and short lines next to them that are running headers/footers: lines that
 * recur at several page breaks, or that repeat the masthead title.
 */
export function removePageFurniture(lines: Line[], mastheadTitle: string | null): { lines: Line[]; messages: Message[] } {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(squash(l.text), (counts.get(squash(l.text)) ?? 0) + 1);
  const title = mastheadTitle ? squash(mastheadTitle) : null;
  const isRunningHeader = (l: Line | undefined) => {
    if (!l || l.kind === 'heading' || l.text.length > MAX_HEADER_LENGTH || /[。，；！？]/.test(l.text)) return false;
    const t = squash(l.text);
    return (counts.get(t) ?? 0) >= 2 || (title !== null && title.length >= 2 && (t.endsWith(title) || t.includes(title)));
  };
  const drop = new Set<number>();
  lines.forEach((line, i) => {
    if (!isPageNumber(line.text)) return;
    drop.add(i);
    for (const j of [i - 1, i + 1, i + 2]) if (j > 0 && isRunningHeader(lines[j]) && !isMastheadLine(j, lines)) drop.add(j);
  });
  if (drop.size === 0) return { lines, messages: [] };
  const removed = [...drop].sort((a, b) => a - b).map((i) => lines[i].text);
  return {
    lines: lines.filter((_, i) => !drop.has(i)),
    messages: [message('info', 'page-furniture-removed', `Removed ${drop.size} page-number/running-header line(s): ${removed.slice(0, 6).map((t) => `“${t}”`).join(' ')}`)],
  };
}

/** The first lines of a document are its masthead, even when they look like a running header. */
function isMastheadLine(index: number, lines: Line[]): boolean {
  return index < 4 && lines.slice(0, index).every((l) => !isPageNumber(l.text));
}
