import { addMonths, at, formatDate, parseIsoDay, type Day } from './calendar';
import { DIALECTS, plainDialect } from './dialects';
import { healthTrajectory } from './health';
import { pickCorruption } from './invalid';
import { NOISE_LABELS, NoiseStats, scaledRates, type NoiseRates } from './noise';
import { CsvOutput, FhirOutput, TruthOutput, type FileSummary } from './outputs';
import { protectionTrajectories } from './protection';
import { Ids, type Fact, type Institution } from './records';
import { buildReference, type Reference } from './reference';
import { hashText, rngOf, STREAM } from './random';
import type { Rendered } from './render';
import { schoolTrajectory } from './school';
import type { SinkFactory } from './sinks';
import { FamilyTimeline, type Scope } from './timeline';
import { FamilyViews } from './views';
import { DEFAULT_WORLD_RATES, makeFamily, type Family, type WorldParams } from './world';
import { bulkEnrollments } from './enrollments';
import type { CsvFile } from './columns';

/** The native files the generator can write (`--only`); `salud` is salud.csv plus salud.json. */
export const OUTPUTS: readonly CsvFile[] = ['tribunales', 'sename', 'municipios', 'colegios', 'salud'];

export interface GenerateOptions {
  readonly seed: number;
  readonly children: number;
  /** `YYYY-MM-DD`: the world is observed on this day; records happen before it. */
  readonly referenceDate: string;
  /** Months of records before the reference date. */
  readonly months: number;
  /** Multiplies every noise rate (0 = clean views). */
  readonly noiseScale: number;
  /** Share of records made invalid on purpose (expected DLQ). */
  readonly invalidRate: number;
  readonly only: readonly CsvFile[];
  /** Every file as UTF-8, comma, LF. */
  readonly plain: boolean;
  /** Bulk mode: this many school enrollments (colegios.csv only) instead of the world. */
  readonly enrollments: number | null;
  /** Share of families with a protection case (default 0.45). */
  readonly protectionRate?: number;
}

export const DEFAULT_OPTIONS: GenerateOptions = {
  seed: 1, children: 1000, referenceDate: '2024-01-01', months: 36, noiseScale: 1, invalidRate: 0.01, only: OUTPUTS, plain: false, enrollments: null,
};

export interface Manifest {
  readonly generator: 'hub generate';
  readonly formatVersion: 1;
  readonly params: {
    seed: number; children: number; referenceDate: string; months: number; windowStart: string; noiseScale: number;
    invalidRate: number; only: readonly string[]; plain: boolean; enrollments: number | null;
  };
  readonly world: { families: number; children: number; twins: number; migrants: number; inProtection: number; juvenileJustice: number };
  readonly files: readonly FileSummary[];
  readonly truth: { readonly file: 'truth.csv'; readonly rows: number };
  /** Per institution and label: the configured rate, views where it could apply, views where it did. */
  readonly noise: Readonly<Record<string, Readonly<Record<string, { rate: number; eligible: number; applied: number }>>>>;
}

export interface Progress { readonly done: number; readonly total: number }

/**
 * Writes the native files, truth.csv and manifest.json for a seed. Streams family by family
 * (memory does not grow with `children`), and is byte-for-byte reproducible: no clock, no
 * Math.random, every draw from the seed.
 */
export async function generate(opts: GenerateOptions, sinks: SinkFactory, onProgress?: (p: Progress) => void): Promise<Manifest> {
  const referenceDay = parseIsoDay(opts.referenceDate);
  if (referenceDay === undefined) throw new RangeError('referenceDate must be a YYYY-MM-DD calendar date');
  const windowStart = addMonths(referenceDay, -opts.months);
  const reference = buildReference(opts.seed);
  const ids = new Ids();
  const rates = scaledRates(opts.noiseScale);
  const stats = new NoiseStats();

  const truth = new TruthOutput(sinks.open('truth.csv'));
  const wanted = new Set(opts.enrollments !== null ? ['colegios'] : opts.only);
  const csv = new Map<CsvFile, CsvOutput>();
  for (const file of OUTPUTS) {
    if (!wanted.has(file)) continue;
    const dialect = opts.plain ? plainDialect(DIALECTS[file]) : DIALECTS[file];
    csv.set(file, new CsvOutput(dialect, sinks.open(dialect.fileName), opts.seed, truth));
  }
  const fhir = wanted.has('salud') ? new FhirOutput(sinks.open('salud.json'), opts.seed, truth) : null;
  const world = { families: 0, children: 0, twins: 0, migrants: 0, inProtection: 0, juvenileJustice: 0 };
  const flush = async () => { for (const o of csv.values()) await o.flush(); await fhir?.flush(); await truth.flush(); };

  if (opts.enrollments !== null) {
    await bulkEnrollments({ seed: opts.seed, count: opts.enrollments, referenceDay, reference, ids, rates: rates.SCHOOL, invalidRate: opts.invalidRate, stats },
      csv.get('colegios')!, flush, onProgress);
    world.children = opts.enrollments;
  } else {
    const scope: Scope = { reference, ids, windowStart, referenceDay };
    const sename = csv.get('sename');
    for (const fact of capacityFacts(scope, opts.seed)) {
      const r: Rendered = { fact, view: null, traits: [], invalid: pickCorruption(rngOf(opts.seed, STREAM.invalid, hashText(fact.recordId), 1), opts.invalidRate, 'capacity') };
      sename?.add(r);
    }
    const params: WorldParams = { seed: opts.seed, referenceDay, reference, ...DEFAULT_WORLD_RATES };
    const step = Math.max(1, Math.floor(opts.children / 100));
    let nextReport = step;
    for (let family = 0, next = 1; next <= opts.children; family++) {
      const fam = makeFamily(params, family, next, opts.children - next + 1);
      next += fam.children.length;
      world.families++;
      world.children += fam.children.length;
      world.twins += fam.children.filter((c) => c.twinId !== null).length;
      world.migrants += fam.migrant ? fam.children.length : 0;
      const { facts, protectedCount, juvenileCount } = familyFacts(scope, fam, opts);
      world.inProtection += protectedCount;
      world.juvenileJustice += juvenileCount;
      const views = new FamilyViews(fam, ids, rates, rngOf(opts.seed, STREAM.noise, family), stats);
      fhir?.newFamily();
      for (const fact of facts) {
        const view = views.of(fact);
        const channel = fact.fhir ? (fact.kind === 'ATENCION_URGENCIA' ? 'fhir-encounter' : 'fhir-episode') : 'csv';
        const traits = [
          ...(fact.child!.twinId ? ['twin'] : []), ...(fam.children.length > 1 ? ['sibling'] : []), ...(fam.migrant ? ['migrant'] : []),
          ...(fact.kind === 'RECIEN_NACIDO' ? ['newborn'] : []),
        ];
        const r: Rendered = { fact, view, traits, invalid: pickCorruption(rngOf(opts.seed, STREAM.invalid, hashText(fact.recordId), 1), opts.invalidRate, channel) };
        if (fact.fhir) fhir?.add(r);
        else csv.get(fileOf(fact.institution))?.add(r);
      }
      if (next > nextReport || next > opts.children) {
        onProgress?.({ done: next - 1, total: opts.children });
        nextReport = next + step;
        await flush();
      }
    }
  }

  for (const o of csv.values()) await o.end();
  await fhir?.end();
  await truth.end();
  const files = [...[...csv.values()].map((o) => o.summary), ...(fhir ? [fhir.summary] : [])];
  const manifest: Manifest = {
    generator: 'hub generate', formatVersion: 1,
    params: {
      seed: opts.seed, children: opts.enrollments ?? opts.children, referenceDate: opts.referenceDate, months: opts.months,
      windowStart: formatIso(windowStart), noiseScale: opts.noiseScale, invalidRate: opts.invalidRate,
      only: [...wanted], plain: opts.plain, enrollments: opts.enrollments,
    },
    world, files, truth: { file: 'truth.csv', rows: truth.rows }, noise: noiseSummary(rates, stats, new Set(files.map((f) => f.institution))),
  };
  const out = sinks.open('manifest.json');
  await out.write(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  await out.end();
  return manifest;
}

function fileOf(institution: Institution): CsvFile {
  return ({ TRIBUNAL: 'tribunales', SENAME: 'sename', MUNICIPALITY: 'municipios', SCHOOL: 'colegios', HEALTH: 'salud' } as const)[institution];
}

/** One family's records of every institution, in time order. */
export function familyFacts(scope: Scope, family: Family, opts: Pick<GenerateOptions, 'seed' | 'protectionRate'>): { facts: Fact[]; protectedCount: number; juvenileCount: number } {
  const tl = new FamilyTimeline(scope, family, rngOf(opts.seed, STREAM.trajectory, family.index));
  const outcome = protectionTrajectories(tl, { protection: opts.protectionRate ?? 0.45, juvenile: 0.06 });
  for (const child of family.children) {
    const inProtection = outcome.protectedIds.has(child.id);
    schoolTrajectory(tl, child, inProtection);
    healthTrajectory(tl, child, { inProtection, juvenile: outcome.juvenileIds.has(child.id), maltreatmentVisit: outcome.maltreatmentVisits.get(child.id) ?? null });
  }
  const facts = tl.facts.slice().sort((a, b) => a.at - b.at);
  return { facts, protectedCount: outcome.protectedIds.size, juvenileCount: outcome.juvenileIds.size };
}

/** PLAZAS: every programme declares its places when the window opens; some revise them halfway. */
export function capacityFacts(scope: Scope, seed: number): Fact[] {
  const rng = rngOf(seed, STREAM.reference, 2);
  const facts: Fact[] = [];
  const reference: Reference = scope.reference;
  for (const p of reference.programmes) {
    const revision = rng.chance(0.3) ? scope.windowStart + rng.int(180, Math.max(181, scope.referenceDay - scope.windowStart - 30)) : null;
    const declare = (day: Day, places: number, until: Day | null) => {
      const n = scope.ids.next('registro/SENAME');
      facts.push({
        institution: 'SENAME', kind: 'PLAZAS', unit: p.code, at: at(day, 9, rng.int(0, 11) * 5), recordId: `PLZ-${String(n).padStart(6, '0')}`, child: null,
        fields: {
          cod_programa: p.code, nombre_programa: p.name, modalidad: p.modality, regimen: p.regime, administracion: p.administration,
          cod_institucion_colaboradora: p.ocaCode ?? '', cod_region: p.regionCode, comuna: p.comunaCode, plazas: String(places),
          vigente_desde: formatDate(day), vigente_hasta: until === null ? '' : formatDate(until),
        },
      });
    };
    if (revision !== null && revision < scope.referenceDay) {
      declare(scope.windowStart, p.places, revision - 1);
      declare(revision, Math.max(0, p.places + rng.int(-8, 8)), null);
    } else declare(scope.windowStart, p.places, null);
  }
  return facts;
}

/** The noise of the institutions whose files were written (views are made for all, so that `--only` changes no draw). */
function noiseSummary(rates: Readonly<Record<Institution, NoiseRates>>, stats: NoiseStats, written: ReadonlySet<Institution>): Manifest['noise'] {
  const out: Record<string, Record<string, { rate: number; eligible: number; applied: number }>> = {};
  for (const inst of (Object.keys(rates) as Institution[]).filter((i) => written.has(i))) {
    const labels: Record<string, { rate: number; eligible: number; applied: number }> = {};
    for (const label of NOISE_LABELS) {
      const c = stats.counts.get(`${inst}/${label}`);
      if (c) labels[label] = { rate: rates[inst][label], ...c };
    }
    if (Object.keys(labels).length > 0) out[inst] = labels;
  }
  return out;
}

function formatIso(day: Day): string {
  const [d, m, y] = formatDate(day).split('-');
  return `${y}-${m}-${d}`;
}
