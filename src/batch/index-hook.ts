/**
 * Keeping the SQLite query index in step with the records. The index module is optional: when
 * src/store/sqlite-index is not there, the batch goes on without it.
 *
 * An ingest run opens an `IndexSession` before its workers start: each record written is staged at
 * once (while the workers go on), and at the end `commit` applies the run's changes in one
 * transaction. Nothing here throws: a failure to stage only means the records are read back from
 * OUT/bulletins at the end, and a failure to update the index is reported as the run's index outcome.
 */
import type { BulletinRecord } from '../record/schema.js';
import type { IndexChanges, IndexStaging } from '../store/sqlite-index.js';

interface IndexModule {
  IndexStaging?: new (outDir: string) => IndexStaging;
  applyIndexChanges?: (outDir: string, changes: IndexChanges, staging: IndexStaging | null) => void;
  markIndexCurrent?: (outDir: string) => void;
  rebuildIndex?: (outDir: string, options?: { skipIds?: ReadonlySet<string> }) => unknown;
}

export type IndexOutcome = { status: 'updated' } | { status: 'unavailable' } | { status: 'failed'; message: string };

export type { IndexChanges };

const INDEX_MODULE = '../store/sqlite-index.js';

async function loadIndexModule(): Promise<IndexModule | null> {
  try {
    return (await import(/* @vite-ignore */ INDEX_MODULE)) as IndexModule;
  } catch (err) {
    const code = (err as { code?: string }).code;
    const text = String((err as Error)?.message ?? '');
    // Only "this module does not exist (yet)" is silent; a broken index module is reported.
    if ((code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url/i.test(text)) && text.includes('sqlite-index')) return null;
    throw err;
  }
}

export interface IndexSession {
  /** Stages a record just written to OUT/bulletins under its id. */
  add(record: BulletinRecord): void;
  /** Forgets a staged record (renamed or gone). */
  drop(id: string): void;
  /** Applies the run's changes to OUT/index.sqlite (does not mark it current yet). */
  commit(changes: IndexChanges): IndexOutcome;
  /** Rebuilds OUT/index.sqlite from every record but the `removed` ones (an index known stale). */
  rebuild(removed: string[]): IndexOutcome;
  /** Marks the index current; call after the last change to OUT/bulletins. */
  touch(): IndexOutcome;
  /** Deletes the staging file (a no-op after commit). */
  discard(): void;
}

/**
 * Loads the index module and, when `stage` is set, opens a staging area in OUT. Resolves to the
 * outcome instead when the index module is missing or cannot be loaded.
 */
export async function openIndexSession(outDir: string, stage: boolean): Promise<IndexSession | IndexOutcome> {
  let mod: IndexModule | null;
  try {
    mod = await loadIndexModule();
  } catch (err) {
    return { status: 'failed', message: `cannot load the index module: ${messageOf(err)}` };
  }
  const { IndexStaging: Staging, applyIndexChanges, markIndexCurrent, rebuildIndex } = mod ?? {};
  if (!Staging || !applyIndexChanges || !markIndexCurrent || !rebuildIndex) return { status: 'unavailable' };
  let staging: IndexStaging | null = null;
  const discard = () => {
    try {
      staging?.discard();
    } catch {
      // a scratch file left behind is removed by the next run
    }
    staging = null;
  };
  if (stage) {
    try {
      staging = new Staging(outDir);
    } catch {
      staging = null; // the changed records are read from their files at the end
    }
  }
  return {
    add(record) {
      try {
        staging?.add(record);
      } catch {
        discard();
      }
    },
    drop(id) {
      try {
        staging?.drop(id);
      } catch {
        discard();
      }
    },
    commit(changes) {
      try {
        applyIndexChanges(outDir, changes, staging);
        return { status: 'updated' };
      } catch (err) {
        return { status: 'failed', message: messageOf(err) };
      } finally {
        discard();
      }
    },
    rebuild(removed) {
      try {
        rebuildIndex(outDir, { skipIds: new Set(removed) });
        return { status: 'updated' };
      } catch (err) {
        return { status: 'failed', message: messageOf(err) };
      } finally {
        discard();
      }
    },
    touch() {
      try {
        markIndexCurrent(outDir);
        return { status: 'updated' };
      } catch (err) {
        return { status: 'failed', message: messageOf(err) };
      }
    },
    discard,
  };
}

function messageOf(err: unknown): string {
  return (err as Error)?.message ?? String(err);
}
