/**
 * OUT is marked as bulletin-ingest's own by a small file, `OUT/.bulletin-ingest`. A run deletes
 * records and temp files in OUT that it does not account for, so it must never take over a folder
 * holding someone else's files: it starts only in a missing or empty folder, a marked one, or one an
 * older version wrote (its manifest names this tool), which it then marks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError, OutError } from './out-errors.js';

export const MARKER_FILE = '.bulletin-ingest';
const MARKER_TEXT = `${JSON.stringify({ tool: 'bulletin-ingest', purpose: 'output folder of bulletin ingest; its records, manifest and index may be rewritten by the next run' })}\n`;

/** Makes OUT if need be and checks it is ours (marking it when new); throws an OutError otherwise. */
export function claimOutDir(outDir: string, toolName: string): void {
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(outDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new OutError(`cannot use the output folder ${outDir}: ${describeFsError(err)}`, false, { cause: err });
  }
  if (stat && !stat.isDirectory()) throw new OutError(`the output folder ${outDir} is a file, not a folder; choose another --out`, false);
  const marker = path.join(outDir, MARKER_FILE);
  if (stat && fs.existsSync(marker)) return;
  if (stat) {
    const names = fs.readdirSync(outDir);
    if (names.length > 0 && !writtenByUs(outDir, toolName)) {
      const shown = names.sort().slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
      throw new OutError(
        `the output folder ${outDir} holds files bulletin ingest did not write (${shown}); ` +
          `a run deletes files in OUT it does not account for, so it only takes a new or empty folder, or one it made (marked by ${MARKER_FILE}). Choose another --out`,
        false,
      );
    }
  }
  try {
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(marker, MARKER_TEXT);
  } catch (err) {
    throw new OutError(`cannot write to the output folder ${outDir}: ${describeFsError(err)}`, false, { cause: err });
  }
}

/** An OUT written before markers existed: its manifest names this tool. */
function writtenByUs(outDir: string, toolName: string): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as { tool?: { name?: unknown } };
    return manifest?.tool?.name === toolName;
  } catch {
    return false;
  }
}
