/**
 * Progress on stderr: one bar redrawn in place on a terminal; otherwise a line per phase change
 * and every 25 %, so logs and CI stay readable. Numbers in the reader's notation.
 */
export type Lang = 'es' | 'en';

export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'es' ? 'es-CL' : 'en-US');
}

export function formatSeconds(ms: number, lang: Lang): string {
  const s = (ms / 1000).toFixed(1);
  return lang === 'es' ? s.replace('.', ',') : s;
}

export class ProgressBar {
  private lastPhase = '';
  private lastQuarter = -1;
  private lastDraw = 0;

  constructor(private readonly isTTY: boolean, private readonly write: (text: string) => void, private readonly now: () => number) {}

  update(label: string, done: number, total: number): void {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    if (this.isTTY) {
      const t = this.now();
      if (label === this.lastPhase && t - this.lastDraw < 100 && fraction < 1) return;
      this.lastDraw = t;
      this.lastPhase = label;
      const width = 24;
      const filled = Math.round(fraction * width);
      this.write(`\r${label.padEnd(16)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)} %\u001b[K`);
      return;
    }
    const quarter = Math.floor(fraction * 4);
    if (label !== this.lastPhase) { this.lastPhase = label; this.lastQuarter = -1; }
    if (quarter > this.lastQuarter) {
      this.lastQuarter = quarter;
      this.write(`${label} ${Math.round(fraction * 100)} %\n`);
    }
  }

  finish(): void {
    if (this.isTTY && this.lastPhase !== '') this.write('\n');
  }
}
