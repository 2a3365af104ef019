/**
 * Errors about OUT itself (not about an input file): the run cannot start there, or OUT stopped
 * taking writes part-way (disk full, made read-only). The CLI prints the message alone, no stack.
 */

/** Why OUT could not be used or written. `started` tells whether any file was processed. */
export class OutError extends Error {
  constructor(
    message: string,
    readonly started: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OutError';
  }
}

const FS_CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file is in the way',
  EIO: 'input/output error',
  ENAMETOOLONG: 'the name is too long',
};

/** Write errors that no retry of the same file can cure: the run stops taking new files. */
export const OUT_WRITE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO']);

export function isOutWriteError(err: unknown): boolean {
  return OUT_WRITE_CODES.has(String((err as NodeJS.ErrnoException)?.code));
}

/** "no space left on the device (ENOSPC)" for a file-system error; its message otherwise. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code && FS_CAUSES[code]) return `${FS_CAUSES[code]} (${code})`;
  return (err as Error)?.message ?? String(err);
}
