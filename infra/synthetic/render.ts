import { formatDate, formatInstant } from './calendar';
import { COLUMNS, DATE_COLUMNS, EVENT_TIME_COLUMN } from './columns';
import { optionAsWords, WORDY_OPTION_COLUMNS, type Dialect } from './dialects';
import { corruptCells, type Corruption } from './invalid';
import type { PersonView } from './noise';
import type { Fact } from './records';
import type { Rng } from './random';
import type { NewbornView } from './views';

/** A record ready to write: the fact, the child as this unit sees them, and whether it is made invalid. */
export interface Rendered {
  readonly fact: Fact;
  readonly view: PersonView | null;
  readonly traits: readonly string[];
  readonly invalid: Corruption | null;
}

/** The record's cells in the file's column order, written in the file's dialect. */
export function csvCells(r: Rendered, d: Dialect, rng: Rng): string[] {
  const cells: Record<string, string> = { tipo: r.fact.kind, id_registro: r.fact.recordId, version: '' };
  for (const [k, v] of Object.entries(r.fact.fields)) {
    let value = v;
    if (d.dateSeparator !== '-' && DATE_COLUMNS.has(k)) value = value.replace(/-/g, d.dateSeparator);
    if (d.optionsAsWords && WORDY_OPTION_COLUMNS.has(k) && value !== '') value = optionAsWords(value);
    if (d.decimalComma && k === 'porcentaje_asistencia') value = value.replace('.', ',');
    cells[k] = value;
  }
  cells[EVENT_TIME_COLUMN[d.file]] = formatInstant(r.fact.at, d.dateSeparator);
  if (r.view) Object.assign(cells, personCells(r.view, d));
  if (r.invalid) corruptCells(cells, r.invalid, { eventColumn: EVENT_TIME_COLUMN[d.file], dateSep: d.dateSeparator, capacity: r.fact.kind === 'PLAZAS' }, rng);
  return COLUMNS[d.file].map((c) => cells[c] ?? '');
}

function personCells(v: PersonView, d: Dialect): Record<string, string> {
  const cells: Record<string, string> = {
    id_nna: v.idNna,
    run_nna: v.run ?? '',
    ipe: v.ipe ?? '',
    nombres: v.givenNames.join(' '),
    apellido_paterno: v.paternal ?? '',
    apellido_materno: v.maternal ?? '',
    fecha_nacimiento: v.birth === null ? '' : formatDate(v.birth, d.dateSeparator),
    sexo: v.sex === null ? '' : sexText(v.sex, d.sex),
    comuna_residencia: v.comuna === null ? '' : d.comunaAsNumber ? v.comuna.replace(/^0/, '') : v.comuna,
    direccion: v.address ?? '',
    telefono: v.phone ?? '',
  };
  if ('motherRun' in v) cells.run_madre = (v as NewbornView).motherRun ?? '';
  return cells;
}

function sexText(sex: 'F' | 'M', style: Dialect['sex']): string {
  if (style === 'letter') return sex;
  const word = sex === 'F' ? 'Femenino' : 'Masculino';
  return style === 'upperWord' ? word.toUpperCase() : word;
}
