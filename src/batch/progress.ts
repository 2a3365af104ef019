/**
 * Progress on stderr while a batch runs: a single redrawn line on a terminal, a plain line every few
 * seconds in logs and CI (where carriage returns would pile up as noise).
 */
import type { BatchProgress } from './run.js';

export interface ProgressOptions {
  isTTY: boolean;
  /** Minimum time between redraws on a terminal / lines in a log. */
  intervalMs?: number;
  columns?: number;
  now?: () => number;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export class ProgressReporter {
  private readonly startedAt: number;
  private lastDraw = -Infinity;
  private drawn = false;
  private readonly interval: number;
  private readonly now: () => number;
  /** Files done when processing began (skipped ones), left out of the rate. */
  private baseline: number | null = null;

  constructor(
    private readonly write: (text: string) => void,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.startedAt = this.now();
    this.interval = options.intervalMs ?? (options.isTTY ? 100 : 5000);
  }

  update(p: BatchProgress): void {
    const t = this.now();
    this.baseline ??= p.done;
    const finished = p.done >= p.total;
    if (!finished && t - this.lastDraw < this.interval) return;
    if (!this.options.isTTY && (finished || t - this.startedAt < this.interval)) return; // logs: only the slow middle
    this.lastDraw = t;
    const line = this.line(p, t);
    if (this.options.isTTY) {
      this.write(`\r\x1b[K${line}`);
      this.drawn = true;
    } else {
      this.write(`${line}\n`);
    }
  }

  /** Clears the progress line so other output starts on a clean line. */
  clear(): void {
    if (this.drawn) this.write('\r\x1b[K');
    this.drawn = false;
  }

  line(p: BatchProgress, t = this.now()): string {
    const elapsed = Math.max((t - this.startedAt) / 1000, 0.001);
    const processed = p.done - (this.baseline ?? 0);
    const rate = processed / elapsed;
    const eta = rate > 0 ? (p.total - p.done) / rate : Infinity;
    const ocr = p.ocr ? `  OCR ${p.ocr.file} page ${p.ocr.done}/${p.ocr.total}` : '';
    const counts = `${p.done}/${p.total}  ok ${p.ok}  skipped ${p.skipped}  failed ${p.failed}  ${rate.toFixed(1)} files/s  ETA ${formatDuration(eta)}${ocr}`;
    if (!this.options.isTTY) return `ingest: ${counts}`;
    const width = Math.max(10, Math.min(30, (this.options.columns ?? 80) - counts.length - 4));
    const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : width;
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${counts}`;
  }
}
