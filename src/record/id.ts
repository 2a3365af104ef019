/**
 * Record ids: stable across runs and machines, readable, and safe as a file name. They come from
 * the source file's name and format (`baotou-2020-18.pdf` → `baotou-2020-18-pdf`), so the .txt, .doc
 * and .pdf of one issue get distinct ids; the batch adds a suffix when two files still collide.
 */
import path from 'node:path';
import type { SourceFormat } from '../types.js';

/**
 * A slug's cap in UTF-8 bytes, not characters: a Han character takes 3 bytes, and the record file's
 * name (the id, a format, a clash suffix of up to 65 bytes, `.json` and a temp file's ~30 bytes) must
 * stay under the 255 bytes most file systems allow.
 */
export const MAX_SLUG_BYTES = 100;

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return capBytes(slug, MAX_SLUG_BYTES).replace(/-+$/, '') || 'bulletin';
}

/** The longest prefix of `text` within `max` UTF-8 bytes, cut between characters. */
function capBytes(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > max) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

export function recordIdFor(sourcePath: string, format: SourceFormat): string {
  const base = path.basename(sourcePath).replace(/\.[^.]*$/, '');
  return `${slugify(base)}-${format}`;
}

export const itemId = (recordId: string, n: number): string => `${recordId}#${n}`;
