/**
 * Captures what a command writes to stdout and stderr during each test of the file that calls it
 * (commands print with process.stdout.write). Assign '' to a field to start afresh within a test.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export interface CapturedOutput {
  stdout: string;
  stderr: string;
}

export function captureOutput(): CapturedOutput {
  const output: CapturedOutput = { stdout: '', stderr: '' };
  beforeEach(() => {
    output.stdout = '';
    output.stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.stderr += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return output;
}
