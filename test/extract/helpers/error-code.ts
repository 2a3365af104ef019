/** The IngestError code a promise rejects with (or a note when it rejects with something else). */
import { IngestError } from '../../../src/types.js';

export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    return err instanceof IngestError ? err.code : `not an IngestError: ${String(err)}`;
  }
  return undefined;
}
