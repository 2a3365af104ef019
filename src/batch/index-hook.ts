/**
 * Keeping the SQLite query index in step with the records. The index module is optional: when
 * src/store/sqlite-index is not there, the batch goes on without it.
 */
import type { BulletinRecord } from '../record/schema.js';

type UpdateIndex = (outDir: string, changed: BulletinRecord[], removedIds: string[]) => void;

export type IndexOutcome = { status: 'updated' } | { status: 'unavailable' } | { status: 'failed'; message: string };

const INDEX_MODULE = '../store/sqlite-index.js';

export async function loadIndexUpdater(): Promise<UpdateIndex | null> {
  try {
    const mod = (await import(/* @vite-ignore */ INDEX_MODULE)) as { updateIndex?: UpdateIndex };
    return typeof mod.updateIndex === 'function' ? mod.updateIndex : null;
  } catch (err) {
    const code = (err as { code?: string }).code;
    const text = String((err as Error)?.message ?? '');
    // Only "this module does not exist (yet)" is silent; a broken index module is reported.
    if ((code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url/i.test(text)) && text.includes('sqlite-index')) return null;
    throw err;
  }
}

export function updateIndexSafely(update: UpdateIndex, outDir: string, changed: BulletinRecord[], removedIds: string[]): IndexOutcome {
  try {
    update(outDir, changed, removedIds);
    return { status: 'updated' };
  } catch (err) {
    return { status: 'failed', message: (err as Error)?.message ?? String(err) };
  }
}
