import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_OPTIONS, generate, type Manifest } from '../../../infra/synthetic/generate';
import { directorySinks } from '../../../infra/synthetic/sinks';

/** The six native files `hub import` reads, with the institution name it takes. */
const FILES: readonly (readonly [string, string])[] = [
  ['municipio', 'municipios.csv'], ['tribunal', 'tribunales.csv'], ['sename', 'sename.csv'],
  ['colegio', 'colegios.csv'], ['salud', 'salud.csv'], ['salud', 'salud.json'],
];

export interface SyntheticData {
  readonly dir: string;
  readonly seed: number;
  readonly children: number;
  readonly files: readonly (readonly [string, string])[];
  /** Records in the files (published + expected DLQ), from the manifest. */
  readonly records: number;
  /** The comunas with most records: the ones that get a webhook subscription. */
  readonly comunas: readonly string[];
  readonly window: { from: string; to: string };
}

/** Generates the synthetic world once (same seed → same bytes) for every run of a test. */
export async function syntheticData(children: number, seed: number, subscribedComunas = 3): Promise<SyntheticData> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-faults-data-'));
  const manifest: Manifest = await generate({ ...DEFAULT_OPTIONS, seed, children }, directorySinks(dir));
  // comuna_residencia of the court and municipal files: the comunas where protection cases happen.
  const counts = new Map<string, number>();
  for (const file of ['tribunales.csv', 'municipios.csv']) {
    const text = readFileSync(path.join(dir, file), 'latin1');
    const lines = text.split(/\r?\n/);
    const header = lines[0]!.replace(/"/g, '').split(';');
    const col = header.indexOf('comuna_residencia');
    for (const line of lines.slice(1)) {
      const cell = line.split(';')[col]?.replace(/"/g, '');
      if (cell && /^\d{4,5}$/.test(cell)) {
        const code = cell.padStart(5, '0');
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
    }
  }
  const comunas = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, subscribedComunas).map(([c]) => c);
  return {
    dir, seed, children, files: FILES, comunas,
    records: manifest.files.reduce((n, f) => n + f.records, 0),
    window: { from: manifest.params.windowStart, to: '2023-12-31' },
  };
}
