/** Messages between the batch and its worker threads. */
import { INGEST_ERROR_CODES, type IngestErrorCode, type Message } from '../types.js';
import type { BulletinRecord } from '../record/schema.js';

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

export interface ToWorker {
  taskId: number;
  filePath: string;
  displayPath: string;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; error: ErrorInfo }
  | ({ type: 'result'; taskId: number; /** The worker's heap after the file, to recycle leaky workers. */ heapUsed?: number } & IngestOutcome);

const KNOWN_CODES = new Set<string>(INGEST_ERROR_CODES);

/** An IngestError keeps its code; anything else thrown is an `internal-error`. */
export function toErrorInfo(err: unknown): ErrorInfo {
  const e = err as { name?: unknown; code?: unknown; message?: unknown } | null;
  if (e && e.name === 'IngestError' && typeof e.code === 'string' && KNOWN_CODES.has(e.code)) {
    return { code: e.code as IngestErrorCode, message: String(e.message ?? '') };
  }
  const text = e && typeof e.message === 'string' ? e.message : String(err);
  return { code: 'internal-error', message: `unexpected error: ${text}` };
}
