/**
 * One job per file: what it carries, its id, which failures are retried, and how a failure crosses
 * Redis (BullMQ keeps only a failed job's message, so its typed code travels inside it).
 */
import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import { INGEST_ERROR_CODES, type IngestErrorCode } from '../types.js';
import type { ErrorInfo } from '../batch/protocol.js';

export interface FileJobData {
  /** The file under the `--root` both sides name, with `/` separators. */
  path: string;
  /** The path the record names (as a local run from the coordinator's folder would). */
  displayPath: string;
  sha256: string;
  bytes: number;
  /** Which config (stored in Redis under keys.config) and which tool version the record is for. */
  configHash: string;
  toolVersion: string;
}

/**
 * Content hash + tool version + config hash, and the path: a record names its source file, so two
 * copies of the same bytes are two jobs. Enqueueing a file twice (a second coordinator, or one
 * restarted) finds the job already there and adds nothing.
 */
export function jobIdOf(data: Pick<FileJobData, 'sha256' | 'toolVersion' | 'configHash' | 'displayPath'>): string {
  const digest = createHash('sha256').update([data.sha256, data.toolVersion, data.configHash, data.displayPath].join('\0')).digest('hex');
  // BullMQ ids must not look like integers nor contain ':'.
  return `f${digest.slice(0, 40)}`;
}

/** Failures that may go another way on another try: a time limit, a lost thread or worker, a storage hiccup. Never a corrupt file. */
export const RETRIED_ERRORS: ReadonlySet<string> = new Set<IngestErrorCode>(['timeout', 'internal-error', 'read-failed']);

/** Tries in all for a transient failure, the first retry after BACKOFF_MS and each next one after twice as long. */
export const ATTEMPTS = 3;
export const BACKOFF_MS = 2000;

export const jobOptions = (jobId: string): JobsOptions => ({
  jobId,
  attempts: ATTEMPTS,
  backoff: { type: 'exponential', delay: BACKOFF_MS },
  // The coordinator removes each job once it has its result (memory stays bounded by what is in flight).
  removeOnComplete: false,
  removeOnFail: false,
});

const KNOWN = new Set<string>(INGEST_ERROR_CODES);

/** A typed error as the message of the Error a worker throws (BullMQ stores it as the failed reason). */
export function encodeFailure(error: ErrorInfo): string {
  return `${error.code}: ${error.message}`;
}

/**
 * The failed reason of a job back into a typed error. Reasons BullMQ writes itself (a worker lost
 * too often: "job stalled more than allowable limit") and anything unknown are `internal-error`.
 */
export function decodeFailure(reason: string | undefined): ErrorInfo {
  const text = reason ?? 'the job failed without a reason';
  const match = /^([a-z-]+): ([\s\S]*)$/.exec(text);
  if (match && KNOWN.has(match[1])) return { code: match[1] as IngestErrorCode, message: match[2] };
  if (/stalled/i.test(text)) return { code: 'internal-error', message: `worker lost: ${text}` };
  return { code: 'internal-error', message: text };
}
