/** Messages between the batch and its worker threads (both stages speak the same protocol). */
import { INGEST_ERROR_CODES, type IngestErrorCode, type Message } from '../types.js';
import type { BulletinRecord } from '../record/schema.js';
import { exhaustionError } from '../extract/bounds.js';

export interface ErrorInfo {
  code: IngestErrorCode;
  message: string;
}

export interface IngestOutcomeOk {
  ok: true;
  result: { record: BulletinRecord; messages: Message[] };
}
export interface IngestOutcomeFailed {
  ok: false;
  error: ErrorInfo;
}
export type IngestOutcome = IngestOutcomeOk | IngestOutcomeFailed;

/** The stage a worker thread serves; given to it in `workerData.stage`. */
export type Stage = 'parse' | 'analyse';

/** What the parse stage is asked: one file. (The analyse stage is sent a ParsedDocument.) */
export interface ParseTask {
  /** Bytes when a name in the path is not UTF-8 (a Buffer arrives in the worker as a Uint8Array). */
  filePath: string | Uint8Array;
  displayPath: string;
  /** The content hash the batch found: bytes read that differ (the file changed or was swapped for a link) are refused. */
  sha256?: string;
}

/** The task's path as the fs functions take it. */
export const taskPath = (task: ParseTask): string | Buffer => (typeof task.filePath === 'string' ? task.filePath : Buffer.from(task.filePath));

export interface ToWorker<P = unknown> {
  taskId: number;
  payload: P;
}

export type TaskOutcome<V = unknown> = { ok: true; value: V } | { ok: false; error: ErrorInfo };

export type FromWorker<V = unknown> =
  | { type: 'ready' }
  | { type: 'fatal'; error: ErrorInfo }
  | ({ type: 'result'; taskId: number; /** The worker's heap after the task, to recycle leaky workers. */ heapUsed?: number } & TaskOutcome<V>);

/** The outcome of a file the run was stopped before (Ctrl-C): retried by the next run. */
export const INTERRUPTED: ErrorInfo = { code: 'interrupted', message: 'the run was interrupted before this file was processed; the next run will do it' };

const KNOWN_CODES = new Set<string>(INGEST_ERROR_CODES);

/** An IngestError keeps its code; anything else thrown is an `internal-error`. */
export function toErrorInfo(err: unknown): ErrorInfo {
  const e = err as { name?: unknown; code?: unknown; message?: unknown } | null;
  if (e && e.name === 'IngestError' && typeof e.code === 'string' && KNOWN_CODES.has(e.code)) {
    return { code: e.code as IngestErrorCode, message: String(e.message ?? '') };
  }
  const exhausted = exhaustionError(err);
  if (exhausted) return { code: exhausted.code, message: exhausted.message };
  const text = e && typeof e.message === 'string' ? e.message : String(err);
  return { code: 'internal-error', message: `unexpected error: ${text}` };
}
