/**
 * OUT/manifest.json: every file of the archive exactly once, sorted by path, with its outcome.
 * It is also the memory of incremental runs (content hash, base id, issue key per file), so it
 * holds no timestamps: an unchanged archive gives a byte-identical manifest. For that, it describes
 * the archive, not the last run: a file skipped as unchanged is written `ok` like when it was made
 * (the run's own skipped count is in its summary).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SourceFormat } from '../types.js';
import type { ErrorInfo } from './protocol.js';
import type { IssueKey } from './same-issue.js';

/** `skipped` lives only in a run's summary; the manifest file says `ok` or `failed`. */
export type FileStatus = 'ok' | 'skipped' | 'failed';

export interface ManifestEntry {
  path: string;
  status: FileStatus;
  format: SourceFormat | null;
  sha256: string;
  /** `bulletins/<id>.json`, or null when the file produced no record. */
  record: string | null;
  /** Number of messages on the record. */
  messages: number;
  error: ErrorInfo | null;
  /** Other files holding the same issue (same masthead publisher, year and issue, or same bytes). */
  sameIssueAs: string[];
  bytes: number;
  /** Record id, and the id ingestFile gave before making it unique within the archive. */
  id: string | null;
  baseId: string | null;
  items: number;
  issue: IssueKey | null;
}

export interface Manifest {
  tool: { name: string; version: string };
  configHash: string;
  /** Set when this run could not update OUT/index.sqlite: the next run rebuilds it whole. */
  indexStale?: true;
  totals: { files: number; ok: number; failed: number };
  files: ManifestEntry[];
}

export const MANIFEST_FILE = 'manifest.json';

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The previous run's manifest, or null when there is none or it cannot be used. */
export async function readManifest(outDir: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await fs.promises.readFile(path.join(outDir, MANIFEST_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Manifest;
    if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.files) || !parsed.tool) return null;
    const files = parsed.files.filter(
      (f): f is ManifestEntry => !!f && typeof f.path === 'string' && typeof f.sha256 === 'string' && typeof f.status === 'string',
    );
    return { ...parsed, files };
  } catch {
    return null; // a damaged manifest only costs a full run
  }
}

export function buildManifest(tool: Manifest['tool'], configHash: string, entries: ManifestEntry[], options: { indexStale?: boolean } = {}): Manifest {
  const files = [...entries].sort(byPath).map(normaliseEntry);
  const failed = files.filter((f) => f.status === 'failed').length;
  return {
    tool,
    configHash,
    ...(options.indexStale ? { indexStale: true as const } : {}),
    totals: { files: files.length, ok: files.length - failed, failed },
    files,
  };
}

/** Fixed key order, so the manifest's bytes depend only on its content. */
function normaliseEntry(e: ManifestEntry): ManifestEntry {
  return {
    path: e.path,
    status: e.status,
    format: e.format,
    sha256: e.sha256,
    record: e.record,
    messages: e.messages,
    error: e.error ? { code: e.error.code, message: e.error.message } : null,
    sameIssueAs: [...e.sameIssueAs].sort(),
    bytes: e.bytes,
    id: e.id,
    baseId: e.baseId,
    items: e.items,
    issue: e.issue ? { publisher: e.issue.publisher, year: e.issue.year, number: e.issue.number } : null,
  };
}

export function serialiseManifest(manifest: Manifest): string {
  const files = manifest.files.map((f) => (f.status === 'skipped' ? { ...f, status: 'ok' as const } : f));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}

export const recordPathOf = (id: string): string => `bulletins/${id}.json`;
