import { COMUNAS, PROVINCES, REGIONS, rbdMod11CheckDigit, type Comuna } from '../../services/platform/chile';
import type { Administration, CareRegime, ProgrammeModality } from '../../schemas';
import { hashText, rngOf, STREAM, type Rng } from './random';

/**
 * The institutions of the synthetic world: family and guarantee courts per region, the SENAME
 * network's programmes (AADD centres and OCA projects) with their places, one municipal office
 * (OPD or OLN) per comuna, schools (RBD) and health establishments (DEIS-like codes). Codes are
 * invented but shaped like the real ones; reference data depend only on the seed.
 */
export interface Court { readonly code: string; readonly type: 'FAMILIA' | 'GARANTIA'; readonly regionCode: string }

export interface Programme {
  readonly code: string;
  readonly name: string;
  readonly modality: ProgrammeModality;
  readonly regime: CareRegime;
  readonly administration: Administration;
  readonly ocaCode: string | null;
  readonly regionCode: string;
  readonly comunaCode: string;
  readonly places: number;
}

export interface School { readonly rbd: number; readonly dv: string; readonly comunaCode: string }

export interface HealthEstablishment {
  readonly code: string;
  readonly kind: 'HOSPITAL' | 'CESFAM';
  /** Whether the establishment exports FHIR bundles (salud.json) or CSV rows (salud.csv). */
  readonly exportsFhir: boolean;
}

export interface Reference {
  pickComuna(rng: Rng): Comuna;
  familyCourt(comuna: Comuna): Court;
  guaranteeCourt(comuna: Comuna): Court;
  /** A programme of that modality in the comuna's region (or in the Metropolitana when the region has none). */
  programme(comuna: Comuna, modality: ProgrammeModality, rng: Rng): Programme;
  readonly programmes: readonly Programme[];
  officeType(comunaCode: string): 'OPD' | 'OLN';
  schools(comunaCode: string): readonly School[];
  /** Every school, for the bulk enrollment mode. */
  readonly allSchools: readonly School[];
  cesfam(comuna: Comuna): HealthEstablishment;
  hospital(comuna: Comuna): HealthEstablishment;
}

/** Approximate share of the population per region (INE 2017, Ñuble split from Biobío), in %. */
const REGION_WEIGHTS: Readonly<Record<string, number>> = {
  '13': 40.5, '05': 10.3, '08': 8.8, '07': 5.9, '09': 5.4, '06': 5.2, '10': 4.7, '04': 4.3, '02': 3.5, '16': 2.7,
  '14': 2.2, '01': 1.9, '03': 1.6, '15': 1.3, '12': 0.9, '11': 0.6,
};

interface ProgrammeKind {
  readonly modality: ProgrammeModality;
  readonly regime: CareRegime;
  readonly administration: Administration;
  readonly label: string;
  readonly places: readonly [number, number];
  /** Regions that have one; undefined = every region. */
  readonly regions?: readonly string[];
  readonly perRegion?: number;
}

const PROGRAMME_KINDS: readonly ProgrammeKind[] = [
  { modality: 'CTDL', regime: 'RESIDENCIAL', administration: 'AADD', label: 'CTD Lactantes', places: [40, 100], regions: ['08', '09', '13'] },
  { modality: 'CTD', regime: 'RESIDENCIAL', administration: 'AADD', label: 'CTD', places: [30, 80] },
  { modality: 'CTDE', regime: 'RESIDENCIAL', administration: 'AADD', label: 'CTD Especializado', places: [15, 30], regions: ['01', '13'] },
  { modality: 'COD', regime: 'RESIDENCIAL', administration: 'AADD', label: 'COD', places: [20, 60] },
  { modality: 'CERECO', regime: 'RESIDENCIAL', administration: 'AADD', label: 'CERECO', places: [20, 50] },
  { modality: 'RESIDENCIA', regime: 'RESIDENCIAL', administration: 'OCA', label: 'Residencia', places: [15, 40], perRegion: 2 },
  { modality: 'PROGRAMA_MALTRATO', regime: 'AMBULATORIO', administration: 'OCA', label: 'PRM', places: [50, 150] },
  { modality: 'FAMILIA_DE_ACOGIDA', regime: 'AMBULATORIO', administration: 'OCA', label: 'FAE', places: [40, 100] },
  { modality: 'MEDIO_LIBRE_RPA', regime: 'AMBULATORIO', administration: 'OCA', label: 'PLA', places: [30, 80] },
];

export function buildReference(seed: number): Reference {
  const rng = rngOf(seed, STREAM.reference);
  const byRegion = new Map<string, Comuna[]>();
  for (const c of COMUNAS) byRegion.set(c.regionCode, [...(byRegion.get(c.regionCode) ?? []), c]);
  const regionWeights = REGIONS.map((r) => [r.code, REGION_WEIGHTS[r.code] ?? 1] as const);

  const courts = new Map<string, { familia: Court[]; garantia: Court[] }>();
  for (const r of REGIONS) {
    const n = Math.max(1, Math.round((REGION_WEIGHTS[r.code] ?? 1) / 5));
    const num = Number(r.code);
    courts.set(r.code, {
      familia: Array.from({ length: n }, (_, k) => ({ code: `${num}${String(k + 1).padStart(2, '0')}`, type: 'FAMILIA' as const, regionCode: r.code })),
      garantia: Array.from({ length: n }, (_, k) => ({ code: `${num}${String(k + 51)}`, type: 'GARANTIA' as const, regionCode: r.code })),
    });
  }

  const programmes: Programme[] = [];
  const programmeIndex = new Map<string, Programme[]>();
  let oca = 0;
  for (const r of REGIONS) {
    const comunas = byRegion.get(r.code) ?? [];
    PROGRAMME_KINDS.forEach((kind, kindIdx) => {
      if (kind.regions && !kind.regions.includes(r.code)) return;
      for (let k = 0; k < (kind.perRegion ?? 1); k++) {
        const comuna = rng.pick(comunas);
        const p: Programme = {
          code: `1${r.code}${String(kindIdx + 1).padStart(2, '0')}${String(k + 1).padStart(2, '0')}`,
          name: `${kind.label} ${comuna.name}`,
          modality: kind.modality,
          regime: kind.regime,
          administration: kind.administration,
          ocaCode: kind.administration === 'OCA' ? `OCA${String(++oca).padStart(3, '0')}` : null,
          regionCode: r.code,
          comunaCode: comuna.code,
          places: rng.int(kind.places[0], kind.places[1]),
        };
        programmes.push(p);
        const key = `${r.code}/${kind.modality}`;
        programmeIndex.set(key, [...(programmeIndex.get(key) ?? []), p]);
      }
    });
  }

  const schoolsByComuna = new Map<string, School[]>();
  const allSchools: School[] = [];
  COMUNAS.forEach((c, i) => {
    const list = Array.from({ length: 4 }, (_, k) => {
      const rbd = 1000 + i * 5 + k;
      return { rbd, dv: rbdMod11CheckDigit(rbd), comunaCode: c.code };
    });
    schoolsByComuna.set(c.code, list);
    allSchools.push(...list);
  });

  const hospitals = new Map(PROVINCES.map((p) => [p.code, { code: `1${p.code}00`, kind: 'HOSPITAL' as const, exportsFhir: hashText(p.code) % 4 !== 0 }]));
  const cesfams = new Map(COMUNAS.map((c) => [c.code, { code: `2${c.code}`, kind: 'CESFAM' as const, exportsFhir: hashText(c.code) % 3 === 0 }]));

  const pickOf = <T>(list: readonly T[], key: string): T => list[hashText(key) % list.length]!;

  return {
    pickComuna: (r) => r.pick(byRegion.get(r.weighted(regionWeights))!),
    familyCourt: (c) => pickOf(courts.get(c.regionCode)!.familia, c.code),
    guaranteeCourt: (c) => pickOf(courts.get(c.regionCode)!.garantia, c.code),
    programme: (c, modality, r) => {
      const local = programmeIndex.get(`${c.regionCode}/${modality}`) ?? programmeIndex.get(`13/${modality}`);
      if (!local) throw new Error(`no programme of modality ${modality}`);
      return r.pick(local);
    },
    programmes,
    officeType: (code) => (hashText(`oficina/${code}`) % 10 < 3 ? 'OLN' : 'OPD'),
    schools: (code) => schoolsByComuna.get(code) ?? [],
    allSchools,
    cesfam: (c) => cesfams.get(c.code)!,
    hospital: (c) => hospitals.get(c.provinceCode)!,
  };
}
