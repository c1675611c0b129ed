/** Small builders of synthetic PersonRecords for the matching tests (never real people). */
import type { PersonRecord } from '../../../../../schemas/generated/person-record.v1';

export function person(overrides: Partial<PersonRecord> & { sourceRecordId: string }): PersonRecord {
  return {
    source: 'TEST', run: null, identifiers: [], givenNames: null, paternalSurname: null, maternalSurname: null,
    birthDate: null, sex: null, comunaCode: null, address: null, phone: null, ...overrides,
  };
}

const GIVEN = ['Sofía', 'Martina', 'Florencia', 'Agustina', 'Isidora', 'Benjamín', 'Vicente', 'Martín', 'Matías', 'Tomás', 'Joaquín', 'Catalina', 'Emilia', 'Josefa', 'Maximiliano', 'Renata'];
const SECOND = ['Ignacia', 'Antonia', 'Alejandro', 'Andrés', 'Belén', 'Ignacio', null, null];
const SURNAMES = ['González', 'Muñoz', 'Rojas', 'Díaz', 'Pérez', 'Soto', 'Contreras', 'Silva', 'Martínez', 'Sepúlveda', 'Morales', 'Rodríguez', 'López', 'Fuentes', 'Hernández', 'Torres', 'Araya', 'Flores', 'Espinoza', 'Valenzuela', 'Castillo', 'Tapia', 'Reyes', 'Gutiérrez', 'Castro', 'Pizarro', 'Álvarez', 'Vásquez', 'Sánchez', 'Fernández', 'Ramírez', 'Carrasco'];
const COMUNAS = ['13101', '13110', '05101', '08101', '13201'];

/** Seeded PRNG for fixtures. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function runOf(body: number): string {
  let sum = 0;
  let factor = 2;
  for (const d of String(body).split('').reverse()) { sum += Number(d) * factor; factor = factor === 7 ? 2 : factor + 1; }
  const r = 11 - (sum % 11);
  return `${body}-${r === 11 ? '0' : r === 10 ? 'K' : String(r)}`;
}

/**
 * `children` synthetic children, each seen by 1–4 sources with light noise (RUN missing, second
 * given name dropped, accents dropped, a typo), plus siblings sharing surnames and address.
 * Returns the records and the true child of each record key.
 */
export function syntheticBatch(children: number, seed: number): { records: PersonRecord[]; truth: Map<string, number> } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const records: PersonRecord[] = [];
  const truth = new Map<string, number>();
  let family: { pat: string; mat: string; street: string; comuna: string; phone: string } | null = null;
  for (let c = 0; c < children; c++) {
    if (family === null || r() < 0.6) {
      family = { pat: pick(SURNAMES), mat: pick(SURNAMES), street: `Pasaje ${pick(SURNAMES)} ${Math.floor(r() * 900) + 10}`, comuna: pick(COMUNAS), phone: `9${Math.floor(r() * 9e7 + 1e7)}` };
    }
    const second = pick(SECOND);
    const given = second ? `${pick(GIVEN)} ${second}` : pick(GIVEN);
    const birth = `20${String(5 + Math.floor(r() * 15)).padStart(2, '0')}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const run = runOf(20_000_000 + Math.floor(r() * 8_000_000));
    const views = 1 + Math.floor(r() * 4);
    for (let v = 0; v < views; v++) {
      const id = `C${c}-V${v}`;
      let g = given;
      if (r() < 0.2 && g.includes(' ')) g = g.split(' ')[0]!;
      if (r() < 0.3) g = g.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
      records.push(person({
        source: ['SENAME', 'SCHOOL', 'HEALTH', 'TRIBUNAL'][v]!, sourceRecordId: id, run: r() < 0.25 ? null : run,
        givenNames: g, paternalSurname: family.pat, maternalSurname: r() < 0.1 ? null : family.mat,
        birthDate: r() < 0.05 ? null : birth, sex: null, comunaCode: family.comuna,
        address: r() < 0.3 ? null : { street: family.street, locality: null, postcode: null, region: null }, phone: r() < 0.5 ? family.phone : null,
      }));
      truth.set(`${['SENAME', 'SCHOOL', 'HEALTH', 'TRIBUNAL'][v]}|${id}`, c);
    }
  }
  return { records, truth };
}
