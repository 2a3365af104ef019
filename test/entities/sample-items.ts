/**
 * The sample bulletin (fixtures/baotou-2020-18.txt, a copy of ../shared/corpus/) cut into item texts by hand, normalised the way
 * the segmenter hands them over (no layout spaces between Han characters, paragraphs joined by '\n').
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE = path.resolve(here, '../../fixtures/baotou-2020-18.txt');

export function sampleAvailable(): boolean {
  return fs.existsSync(SAMPLE);
}

function normalise(paragraphs: string[]): string {
  return paragraphs
    .map((p) => p.replace(/(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])/g, '').trim())
    .filter(Boolean)
    .join('\n');
}

/** Item texts keyed like the gold file's items (A…K). */
export function sampleItems(): { key: string; text: string }[] {
  const lines = fs.readFileSync(SAMPLE, 'utf8').split(/\r?\n/);
  const items: { key: string; lines: string[] }[] = [];
  let current: { key: string; lines: string[] } | null = null;
  let inFooter = false;
  for (const line of lines) {
    const t = line.trim();
    if (t.startsWith('### 中共中央召开党外人士座谈会')) {
      current = { key: 'A', lines: [] };
      items.push(current);
      continue;
    }
    if (t.startsWith('报：')) inFooter = true;
    if (inFooter || !current && !t.startsWith('◆') && !t.startsWith('◇')) continue;
    if (t.startsWith('#') || t === '---') {
      if (t.startsWith('##')) current = current && current.key === 'A' && items.length === 1 ? null : current;
      continue;
    }
    if (t.startsWith('◆') || t.startsWith('◇')) {
      current = { key: String.fromCharCode(65 + items.length), lines: [t.slice(1)] };
      items.push(current);
      continue;
    }
    if (current) current.lines.push(t);
  }
  return items.map((i) => ({ key: i.key, text: normalise(joinBrokenLines(i.lines)) }));
}

/** The sample breaks a few sentences in mid-word across paragraphs (时\n\n刻绷紧): join those back. */
function joinBrokenLines(lines: string[]): string[] {
  const out: string[] = [];
  let pendingJoin = false;
  for (const l of lines) {
    if (!l) continue;
    if (pendingJoin && out.length) out[out.length - 1] += l;
    else out.push(l);
    pendingJoin = !/[。！？”：；]$/.test(l);
  }
  return out;
}
