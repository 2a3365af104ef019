/**
 * Content and config fingerprints for incremental runs: a file is redone only when its bytes, the
 * tool version or the parts of the config that shape records have changed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Config } from '../config.js';

const STREAM_THRESHOLD = 8 * 1024 * 1024;

export async function sha256File(file: string | Buffer): Promise<{ sha256: string; bytes: number }> {
  const stat = await fs.promises.stat(file);
  const hash = createHash('sha256');
  if (stat.size < STREAM_THRESHOLD) {
    const data = await fs.promises.readFile(file);
    hash.update(data);
    return { sha256: hash.digest('hex'), bytes: data.length };
  }
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export function sha256Text(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted, so equal values give equal text whatever the key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Hash of the settings that can change a record or a file's outcome. Where output goes, how many
 * workers run and the time limit (timeouts are always retried) do not invalidate earlier records.
 */
export function configHash(config: Config): string {
  const { outDir: _outDir, concurrency: _concurrency, limits, ocr, ...rest } = config;
  const { timeoutMs: _timeoutMs, ...sizeLimits } = limits;
  // OCR on/off, languages, dpi, page segmentation and the confidence threshold change records (turning --ocr on redoes
  // the needs-ocr files); its time limit and process count do not.
  const { pageTimeoutMs: _pageTimeoutMs, processes: _processes, ...ocrSettings } = ocr;
  return sha256Text(stableStringify({ ...rest, limits: sizeLimits, ocr: ocrSettings })).slice(0, 16);
}

/** Runs `fn` over the items an iterable yields (pulled only as lanes free up) with at most `limit` in flight. */
export async function forEachLimit<T>(items: Iterable<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const lanes = Array.from({ length: Math.max(1, limit) }, async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await fn(next.value);
  });
  await Promise.all(lanes);
}
