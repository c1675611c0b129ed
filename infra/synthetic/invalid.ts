import { formatRun, syntheticRun } from '../../services/platform/chile';
import type { Rng } from './random';

/**
 * Intentionally invalid records (expected DLQ): a small, separately counted share, so the
 * import's dead-letter path runs on every generated set. Each corruption breaks a rule every
 * connector applies (the common and person columns), so the record must be rejected whatever
 * its kind; the truth file names the corruption.
 */
export const CSV_CORRUPTIONS = ['bad_birth_date', 'run_with_letters', 'unknown_comuna', 'overlong_address', 'bad_event_time', 'missing_record_id'] as const;
export const CAPACITY_CORRUPTIONS = ['negative_places', 'bad_valid_from', 'unknown_comuna', 'missing_record_id'] as const;
export const FHIR_CORRUPTIONS = ['bad_event_time', 'missing_establishment', 'overlong_record_id'] as const;
export type Corruption = (typeof CSV_CORRUPTIONS)[number] | (typeof CAPACITY_CORRUPTIONS)[number] | (typeof FHIR_CORRUPTIONS)[number] | 'unknown_programme';

/** Whether this record is made invalid, and how. */
export function pickCorruption(rng: Rng, rate: number, channel: 'csv' | 'capacity' | 'fhir-encounter' | 'fhir-episode'): Corruption | null {
  if (!rng.chance(rate)) return null;
  switch (channel) {
    case 'csv': return rng.pick(CSV_CORRUPTIONS);
    case 'capacity': return rng.pick(CAPACITY_CORRUPTIONS);
    case 'fhir-encounter': return rng.pick(FHIR_CORRUPTIONS);
    case 'fhir-episode': return rng.pick([...FHIR_CORRUPTIONS, 'unknown_programme'] as const);
  }
}

/** Applies a corruption to a CSV record's cells (already written in the file's dialect). */
export function corruptCells(cells: Record<string, string>, corruption: Corruption, at: { eventColumn: string; dateSep: string; capacity: boolean }, rng: Rng): void {
  const { eventColumn, dateSep } = at;
  switch (corruption) {
    case 'bad_birth_date': cells.fecha_nacimiento = `31${dateSep}02${dateSep}${rng.int(2006, 2022)}`; break;
    // A record without a RUN (a migrant's, a newborn's) gets a mistyped one: any valid RUN will do, duplicates do not matter here.
    case 'run_with_letters': cells.run_nna = runWithLetter(cells.run_nna || formatRun(syntheticRun(rng.next, { minBody: 18_000_000 }).body), rng); break;
    case 'unknown_comuna': cells[at.capacity ? 'comuna' : 'comuna_residencia'] = '99999'; break;
    case 'overlong_address': cells.direccion = `${cells.direccion || 'Pasaje Los Aromos 123'} `.repeat(20).slice(0, 230).trim(); break;
    case 'bad_event_time': cells[eventColumn] = `32${dateSep}13${dateSep}${rng.int(2021, 2023)} 25:61`; break;
    case 'missing_record_id': cells.id_registro = ''; break;
    case 'negative_places': cells.plazas = `-${rng.int(1, 40)}`; break;
    case 'bad_valid_from': cells.vigente_desde = `31${dateSep}04${dateSep}${rng.int(2021, 2023)}`; break;
    default: throw new Error(`${corruption} does not apply to CSV records`);
  }
}

/** `12.345.678-5` → `12.3O5.678-5`: a letter typed for a digit (O for 0, I or l for 1, S for 5, B for 8). */
function runWithLetter(run: string, rng: Rng): string {
  const digits = [...run].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i > 0 && i < run.length - 2);
  const i = rng.pick(digits);
  return `${run.slice(0, i)}${rng.pick(['O', 'I', 'l', 'S', 'B'])}${run.slice(i + 1)}`;
}
