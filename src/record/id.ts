/**
 * Record ids: stable across runs and machines, readable, and safe as a file name. They come from
 * the source file's name and format (`baotou-2020-18.pdf` → `baotou-2020-18-pdf`), so the .txt, .doc
 * and .pdf of one issue get distinct ids; the batch adds a suffix when two files still collide.
 */
import path from 'node:path';
import type { SourceFormat } from '../types.js';

export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'bulletin';
}

export function recordIdFor(sourcePath: string, format: SourceFormat): string {
  const base = path.basename(sourcePath).replace(/\.[^.]*$/, '');
  return `${slugify(base)}-${format}`;
}

export const itemId = (recordId: string, n: number): string => `${recordId}#${n}`;
