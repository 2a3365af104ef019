/**
 * One ingest run at a time per OUT: two runs into one folder would each delete the other's records as
 * "not mine". The lock is `OUT/.bulletin-ingest.lock`, holding the owner's pid and host; it is made
 * complete and then hard-linked into place, so it is never seen half-written, and link() fails when a
 * lock is there. A lock whose process is gone (same host, pid not alive) is taken over; a live one
 * makes the second run refuse with a message naming the owner.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeFsError, OutError } from './out-errors.js';

export const LOCK_FILE = '.bulletin-ingest.lock';

interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

export interface OutLock {
  release(): void;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a live pid may still be the run that took the lock: after a reboot or a long time the pid
 * may belong to an unrelated process. Where /proc tells (Linux), a process that is not node is not it.
 */
function couldBeIngest(pid: number): boolean {
  try {
    return /node|bulletin/i.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1'));
  } catch {
    return true;
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
    return Number.isInteger(owner?.pid) && typeof owner.host === 'string' ? owner : null;
  } catch {
    return null;
  }
}

/** Takes the lock on OUT (which must exist) or throws an OutError saying who holds it. */
export function acquireOutLock(outDir: string): OutLock {
  const lockFile = path.join(outDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  const text = `${JSON.stringify(me)}\n`;
  const draft = path.join(outDir, `${LOCK_FILE}.${process.pid}.draft`);
  try {
    fs.writeFileSync(draft, text);
  } catch (err) {
    throw new OutError(`cannot write to the output folder ${outDir}: ${describeFsError(err)}`, false, { cause: err });
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.linkSync(draft, lockFile);
        return holding(lockFile, text);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new OutError(`cannot lock the output folder ${outDir}: ${describeFsError(err)}`, false, { cause: err });
        }
      }
      const owner = readOwner(lockFile);
      if (owner && (owner.host !== me.host || (processAlive(owner.pid) && couldBeIngest(owner.pid)))) {
        const where = owner.host === me.host ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`;
        throw new OutError(
          `another bulletin ingest (${where}, started ${owner.started}) is writing to ${outDir}; wait for it to finish or choose another --out ` +
            `(if that run is surely gone, delete ${lockFile})`,
          false,
        );
      }
      takeOver(lockFile, owner);
    }
    throw new OutError(`cannot lock the output folder ${outDir}: other runs keep taking it`, false);
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/**
 * Removes a dead owner's lock. It is renamed aside first and checked to still be that owner's: if a
 * live run took the lock meanwhile, it is linked back (link never overwrites) and the next attempt
 * sees that run.
 */
function takeOver(lockFile: string, dead: LockOwner | null): void {
  const aside = `${lockFile}.${process.pid}.stale`;
  try {
    fs.renameSync(lockFile, aside);
  } catch {
    return; // gone already: someone else took it over
  }
  const found = readOwner(aside);
  if (dead && found && (found.pid !== dead.pid || found.started !== dead.started)) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // a third run holds it now; the next attempt sees it
    }
  }
  fs.rmSync(aside, { force: true });
}

function holding(lockFile: string, text: string): OutLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      if (fs.readFileSync(lockFile, 'utf8') === text) fs.rmSync(lockFile, { force: true });
    } catch {
      // already gone
    }
  };
  // A second Ctrl-C ends the process with process.exit: the lock goes with it.
  process.on('exit', release);
  return { release };
}
