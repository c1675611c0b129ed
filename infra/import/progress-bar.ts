import type { ImportProgress } from '../../connectors/sdk/import/run-import';

/** Numbers as people read them here: es-CL groups thousands with dots, en with commas. */
export function formatCount(n: number, lang: 'es' | 'en'): string {
  return n.toLocaleString(lang === 'es' ? 'es-CL' : 'en-US');
}

/**
 * One progress line: a bar by bytes read, records so far, rate and time left. Redrawn in place
 * on a terminal; printed every 10 % otherwise (logs and CI stay readable).
 */
export function renderProgress(p: ImportProgress, elapsedMs: number, lang: 'es' | 'en'): string {
  const fraction = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 0;
  const width = 24;
  const filled = Math.round(fraction * width);
  const rate = elapsedMs > 0 ? p.reconciliation.received / (elapsedMs / 1000) : 0;
  const etaS = fraction > 0 ? Math.max(0, (elapsedMs / fraction - elapsedMs) / 1000) : NaN;
  const eta = Number.isFinite(etaS) ? `${Math.floor(etaS / 60)}:${String(Math.round(etaS % 60)).padStart(2, '0')}` : '–';
  const words = lang === 'es' ? { records: 'registros', perS: 'reg/s', left: 'restante' } : { records: 'records', perS: 'rec/s', left: 'left' };
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)} % · `
    + `${formatCount(p.reconciliation.received, lang)} ${words.records} · ${formatCount(Math.round(rate), lang)} ${words.perS} · ${eta} ${words.left}`;
}
