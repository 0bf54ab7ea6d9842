// A one-line progress bar on stderr for the CLI (only when stderr is a terminal).
import { PHASE_LABEL, type ProgressEvent } from '../import/progress.js';

function human(n: number, unit: ProgressEvent['unit']): string {
  if (unit === 'bytes') {
    if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GiB`;
    if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
    if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(0)} KiB`;
    return `${n} B`;
  }
  if (unit === 'percent') return `${n}%`;
  return n.toLocaleString('en-US');
}

export class ProgressBar {
  private last = 0;
  private shown = false;
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr, private readonly enabled = !!stream.isTTY) {}

  update(e: ProgressEvent): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && e.phase !== 'done') return;
    this.last = now;
    const width = 24;
    const frac = e.total > 0 ? Math.min(1, e.done / e.total) : 0;
    const filled = Math.round(frac * width);
    const bar = e.total > 0 ? '█'.repeat(filled) + '░'.repeat(width - filled) : '·'.repeat(width);
    const label = PHASE_LABEL[e.phase];
    const amount = e.unit === 'percent' ? `${e.done}%` : e.total > 0 ? `${human(e.done, e.unit)} / ${human(e.total, e.unit)}` : human(e.done, e.unit);
    const line = `${bar} ${label.zh} ${label.en} ${amount} ${e.file ?? ''}`;
    const cols = this.stream.columns ?? 100;
    this.stream.write(`\r${line.slice(0, cols - 1).padEnd(Math.min(cols - 1, 100))}`);
    this.shown = true;
  }

  clear(): void {
    if (this.enabled && this.shown) {
      const cols = this.stream.columns ?? 100;
      this.stream.write(`\r${' '.repeat(Math.min(cols - 1, 100))}\r`);
      this.shown = false;
    }
  }
}
