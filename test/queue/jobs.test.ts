import { describe, expect, it } from 'vitest';
import { decodeFailure, encodeFailure, jobIdOf, RETRIED_ERRORS } from '../../src/queue/jobs.js';

const file = { sha256: 'a'.repeat(64), toolVersion: '0.1.0', configHash: '0123456789abcdef', displayPath: 'in/x.txt' };

describe('job ids', () => {
  it('are the same for the same file, version and config, so enqueueing twice adds one job', () => {
    expect(jobIdOf(file)).toBe(jobIdOf({ ...file }));
  });

  it('differ when the content, the tool version, the config or the path differs', () => {
    const ids = new Set([
      jobIdOf(file),
      jobIdOf({ ...file, sha256: 'b'.repeat(64) }),
      jobIdOf({ ...file, toolVersion: '0.2.0' }),
      jobIdOf({ ...file, configHash: 'fedcba9876543210' }),
      jobIdOf({ ...file, displayPath: 'in/copy/x.txt' }),
    ]);
    expect(ids.size).toBe(5);
  });

  it('are never integer-like and hold no colon, as BullMQ requires of custom ids', () => {
    expect(jobIdOf(file)).toMatch(/^f[0-9a-f]{40}$/);
  });
});

describe('failures across Redis', () => {
  it('keep their typed code through the failed reason', () => {
    expect(decodeFailure(encodeFailure({ code: 'timeout', message: 'took longer than 60000 ms: a' }))).toEqual({ code: 'timeout', message: 'took longer than 60000 ms: a' });
  });

  it("read BullMQ's stalled-job failure as a lost worker", () => {
    expect(decodeFailure('job stalled more than allowable limit')).toEqual({ code: 'internal-error', message: 'worker lost: job stalled more than allowable limit' });
  });

  it('read anything else as an internal error with its text', () => {
    expect(decodeFailure('boom')).toEqual({ code: 'internal-error', message: 'boom' });
    expect(decodeFailure(undefined).code).toBe('internal-error');
  });

  it('are retried only when another try may go otherwise: never a corrupt or encrypted file', () => {
    expect([...RETRIED_ERRORS].sort()).toEqual(['internal-error', 'read-failed', 'timeout']);
    for (const code of ['corrupt-file', 'encrypted', 'empty-file', 'needs-ocr', 'zip-bomb', 'changed-during-run']) expect(RETRIED_ERRORS.has(code)).toBe(false);
  });
});
