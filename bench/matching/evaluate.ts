/**
 * Pairwise precision, recall and F1 of a resolution (auto-links only) against the truth, from
 * cluster contingency counts — Σ C(n,2) over (entity ∩ cluster) cells — so a million records cost
 * one pass, never an enumeration of pairs.
 *
 *   node -r @swc-node/register bench/matching/evaluate.ts --records R --truth T --assignments A [--review V] [--errors N] [--explain] [--model M] [--json]
 *   node -r @swc-node/register bench/matching/evaluate.ts --dataset febrl3-noid --assignments A --errors 20
 *
 * A record missing from the assignments (or with a null childId) counts as its own singleton.
 * `--errors N` prints up to N false-positive and N false-negative pairs side by side (synthetic
 * data only); `--explain` adds the engine's explainPair for each pair.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PersonRecord } from '../../schemas';
import { readNdjson, recordKey, type TruthLine } from './ndjson';
import { datasetFiles } from './datasets';

export interface PairwiseScores {
  readonly records: number;
  readonly entities: number;
  readonly predictedClusters: number;
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly truePositivePairs: number;
  readonly falsePositivePairs: number;
  readonly falseNegativePairs: number;
  /** TP / predicted pairs; 1 when nothing was linked (no link is wrong). */
  readonly precision: number;
  /** TP / true pairs; 1 when there is nothing to link. */
  readonly recall: number;
  readonly f1: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Scores from two labellings of the same records: `entity[i]` is record i's true entity,
 * `cluster[i]` its predicted cluster (both dense integer ids).
 */
export function pairwiseScores(entity: ArrayLike<number>, cluster: ArrayLike<number>): PairwiseScores {
  if (entity.length !== cluster.length) throw new Error('entity and cluster labellings differ in length');
  const entitySize = new Map<number, number>();
  const clusterSize = new Map<number, number>();
  const cell = new Map<string, number>();
  for (let i = 0; i < entity.length; i++) {
    const e = entity[i]!;
    const c = cluster[i]!;
    entitySize.set(e, (entitySize.get(e) ?? 0) + 1);
    clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1);
    const k = `${e}:${c}`;
    cell.set(k, (cell.get(k) ?? 0) + 1);
  }
  let truePairs = 0;
  for (const n of entitySize.values()) truePairs += pairs(n);
  let predictedPairs = 0;
  for (const n of clusterSize.values()) predictedPairs += pairs(n);
  let tp = 0;
  for (const n of cell.values()) tp += pairs(n);
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    records: entity.length, entities: entitySize.size, predictedClusters: clusterSize.size,
    truePairs, predictedPairs, truePositivePairs: tp, falsePositivePairs: predictedPairs - tp, falseNegativePairs: truePairs - tp,
    precision, recall, f1,
  };
}

/** Dense ids for string labels. */
class Interner {
  private readonly ids = new Map<string, number>();
  id(s: string): number {
    let v = this.ids.get(s);
    if (v === undefined) { v = this.ids.size; this.ids.set(s, v); }
    return v;
  }
}

export interface Assignment { readonly source: string; readonly sourceRecordId: string; readonly childId: string | null }

export interface Labelled {
  readonly keys: readonly string[];
  readonly entity: Int32Array;
  readonly cluster: Int32Array;
  /** Records with no assignment line, or a null childId (each its own cluster). */
  readonly unassigned: number;
  /** Assignment lines for records that are not in the truth. */
  readonly unknownAssignments: number;
  readonly entityName: readonly string[];
  readonly clusterName: readonly (string | null)[];
}

/** Aligns truth and assignments by record key; unassigned records become singleton clusters. */
export function label(truth: Iterable<TruthLine>, assignments: Iterable<Assignment>): Labelled {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const entityNames: string[] = [];
  for (const t of truth) {
    const k = recordKey(t.source, t.sourceRecordId);
    if (index.has(k)) throw new Error(`record ${k} appears twice in the truth`);
    index.set(k, keys.length);
    keys.push(k);
    entityNames.push(t.entity);
  }
  const clusterName: (string | null)[] = new Array(keys.length).fill(null);
  let unknownAssignments = 0;
  for (const a of assignments) {
    const i = index.get(recordKey(a.source, a.sourceRecordId));
    if (i === undefined) { unknownAssignments++; continue; }
    clusterName[i] = a.childId ?? null;
  }
  const ents = new Interner();
  const clus = new Interner();
  const entity = new Int32Array(keys.length);
  const cluster = new Int32Array(keys.length);
  let unassigned = 0;
  for (let i = 0; i < keys.length; i++) {
    entity[i] = ents.id(entityNames[i]!);
    const c = clusterName[i];
    if (c === null || c === undefined) unassigned++;
    // An unassigned record is alone: a cluster name no childId can take.
    cluster[i] = clus.id(c ?? `\u0000unassigned:${i}`);
  }
  return { keys, entity, cluster, unassigned, unknownAssignments, entityName: entityNames, clusterName };
}

export interface ErrorPair { readonly kind: 'false-positive' | 'false-negative'; readonly a: number; readonly b: number }

/**
 * Up to `n` false-positive pairs (one per wrongly merged cluster: records of two different
 * entities) and `n` false-negative pairs (one per split entity: records in two clusters), spread
 * evenly over all error groups so the sample is not just the first source in the file.
 */
export function errorPairs(l: Pick<Labelled, 'entity' | 'cluster'>, n: number): ErrorPair[] {
  const byCluster = new Map<number, Map<number, number>>(); // cluster → entity → first record
  const byEntity = new Map<number, Map<number, number>>(); // entity → cluster → first record
  for (let i = 0; i < l.entity.length; i++) {
    const e = l.entity[i]!;
    const c = l.cluster[i]!;
    let ce = byCluster.get(c);
    if (!ce) byCluster.set(c, (ce = new Map()));
    if (!ce.has(e)) ce.set(e, i);
    let ec = byEntity.get(e);
    if (!ec) byEntity.set(e, (ec = new Map()));
    if (!ec.has(c)) ec.set(c, i);
  }
  const groups = (m: Map<number, Map<number, number>>, kind: ErrorPair['kind']): ErrorPair[] => {
    const all: ErrorPair[] = [];
    for (const inner of m.values()) {
      if (inner.size < 2) continue;
      const [a, b] = [...inner.values()];
      all.push({ kind, a: a!, b: b! });
    }
    if (all.length <= n) return all;
    return Array.from({ length: n }, (_, j) => all[Math.floor((j * all.length) / n)]!);
  };
  return [...groups(byCluster, 'false-positive'), ...groups(byEntity, 'false-negative')];
}

const FIELDS: readonly [string, (p: PersonRecord) => unknown][] = [
  ['run', (p) => p.run],
  ['identifiers', (p) => p.identifiers.map((i) => `${i.scheme}:${i.value}`).join(' ')],
  ['givenNames', (p) => p.givenNames],
  ['paternalSurname', (p) => p.paternalSurname],
  ['maternalSurname', (p) => p.maternalSurname],
  ['birthDate', (p) => p.birthDate],
  ['sex', (p) => p.sex],
  ['comunaCode', (p) => p.comunaCode],
  ['street', (p) => p.address?.street],
  ['locality', (p) => p.address?.locality],
  ['postcode', (p) => p.address?.postcode],
  ['region', (p) => p.address?.region],
  ['phone', (p) => p.phone],
];

/** Two records side by side, `≠` where they differ. */
export function renderPair(a: { key: string; entity: string; cluster: string | null; review: boolean; person: PersonRecord | undefined },
  b: typeof a): string {
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '·' : String(v));
  const rows: [string, string, string][] = [
    ['record', a.key, b.key],
    ['truth entity', a.entity, b.entity],
    ['childId', show(a.cluster) + (a.review ? ' (review)' : ''), show(b.cluster) + (b.review ? ' (review)' : '')],
    ...FIELDS.map(([f, get]) => [f, show(a.person && get(a.person)), show(b.person && get(b.person))] as [string, string, string]),
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([f, x, y]) => `  ${f.padEnd(w0)}  ${x.padEnd(w1)} ${x === y || f === 'record' ? ' ' : '≠'} ${y}`).join('\n');
}

export interface EvaluationFiles {
  readonly records?: string;
  readonly truth: string;
  readonly assignments: string;
  readonly review?: string;
}

export interface Evaluation extends PairwiseScores {
  readonly unassigned: number;
  readonly unknownAssignments: number;
  readonly reviewRecords: number;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Keys of the records a review file lists; tolerant of the line shape (`source`/`sourceRecordId`, `key`, or `record`). */
async function reviewKeys(file: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const line of readNdjson<Record<string, unknown>>(file)) {
    const rec = (typeof line.record === 'object' && line.record !== null ? line.record : line) as Record<string, unknown>;
    if (typeof rec.source === 'string' && typeof rec.sourceRecordId === 'string') keys.add(recordKey(rec.source, rec.sourceRecordId));
    else if (typeof line.key === 'string') keys.add(line.key);
    else if (typeof line.recordKey === 'string') keys.add(line.recordKey);
  }
  return keys;
}

export async function evaluateFiles(f: EvaluationFiles): Promise<{ evaluation: Evaluation; labelled: Labelled; review: Set<string> }> {
  const truth = await collect(readNdjson<TruthLine>(f.truth));
  const assignments = await collect(readNdjson<Assignment>(f.assignments));
  const labelled = label(truth, assignments);
  const review = f.review && existsSync(f.review) ? await reviewKeys(f.review) : new Set<string>();
  const evaluation: Evaluation = {
    ...pairwiseScores(labelled.entity, labelled.cluster),
    unassigned: labelled.unassigned, unknownAssignments: labelled.unknownAssignments, reviewRecords: review.size,
  };
  return { evaluation, labelled, review };
}

interface Explainer { explain(a: PersonRecord, b: PersonRecord): unknown }

/** The engine's explainPair, when it exists (engineer A's module), for `--explain`. */
function loadExplainer(modelFile: string | undefined): Explainer | null {
  const mod = path.join(__dirname, '..', '..', 'services', 'identity', 'domain', 'matching', 'index.ts');
  if (!existsSync(mod)) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const m = require(mod) as {
    normalisePerson(p: PersonRecord): unknown; explainPair(a: unknown, b: unknown, model: unknown): unknown;
    parseModel(j: unknown): unknown; DEFAULT_MODEL: unknown;
  };
  const model = modelFile ? m.parseModel(JSON.parse(readFileSync(modelFile, 'utf8'))) : m.DEFAULT_MODEL;
  return { explain: (a, b) => m.explainPair(m.normalisePerson(a), m.normalisePerson(b), model) };
}

function formatExplanation(x: unknown): string {
  const e = x as { weight?: number; probability?: number; rules?: string[]; fields?: { field: string; level: string; weight: number }[] };
  const fields = (e.fields ?? []).map((f) => `${f.field}=${f.level}(${f.weight.toFixed(1)})`).join(' ');
  return `  engine: weight ${e.weight?.toFixed(2)} p=${e.probability?.toPrecision(4)} rules [${(e.rules ?? []).join(', ')}]\n          ${fields}`;
}

export function formatScores(name: string, e: Evaluation): string {
  const p = (x: number) => x.toFixed(4);
  return [
    `${name}: ${e.records} records, ${e.entities} entities, ${e.predictedClusters} predicted clusters (${e.unassigned} unassigned, ${e.reviewRecords} in review)`,
    `  pairs: true ${e.truePairs}, predicted ${e.predictedPairs}, TP ${e.truePositivePairs}, FP ${e.falsePositivePairs}, FN ${e.falseNegativePairs}`,
    `  precision ${p(e.precision)}  recall ${p(e.recall)}  F1 ${p(e.f1)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dataset = opt('dataset');
  const ds = dataset ? datasetFiles(dataset) : undefined;
  const records = opt('records') ?? ds?.records;
  const truth = opt('truth') ?? ds?.truth;
  const assignments = opt('assignments');
  if (!truth || !assignments) {
    process.stderr.write('usage: evaluate.ts (--dataset NAME | --records R --truth T) --assignments A [--review V] [--errors N] [--explain] [--model M] [--json]\n');
    process.exit(2);
  }
  const { evaluation, labelled, review } = await evaluateFiles({ records, truth, assignments, review: opt('review') });
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(evaluation)}\n`);
  else process.stdout.write(`${formatScores(dataset ?? path.basename(path.dirname(truth)), evaluation)}\n`);
  const n = Number(opt('errors') ?? 0);
  if (n <= 0) return;
  if (!records) throw new Error('--errors needs --records (or --dataset)');
  const persons = new Map<string, PersonRecord>();
  for await (const p of readNdjson<PersonRecord>(records)) persons.set(recordKey(p.source, p.sourceRecordId), p);
  const explainer = argv.includes('--explain') ? loadExplainer(opt('model')) : null;
  if (argv.includes('--explain') && !explainer) process.stdout.write('(--explain: services/identity/domain/matching/index.ts not found)\n');
  const side = (i: number) => ({
    key: labelled.keys[i]!, entity: labelled.entityName[i]!, cluster: labelled.clusterName[i] ?? null,
    review: review.has(labelled.keys[i]!), person: persons.get(labelled.keys[i]!),
  });
  let last = '';
  for (const pair of errorPairs(labelled, n)) {
    if (pair.kind !== last) {
      last = pair.kind;
      const total = pair.kind === 'false-positive' ? evaluation.falsePositivePairs : evaluation.falseNegativePairs;
      process.stdout.write(`\n== ${pair.kind === 'false-positive' ? 'FALSE POSITIVES (linked, different entities)' : 'FALSE NEGATIVES (same entity, not linked)'} — ${total} pairs in all ==\n`);
    }
    const a = side(pair.a);
    const b = side(pair.b);
    process.stdout.write(`\n${renderPair(a, b)}\n`);
    if (explainer && a.person && b.person) {
      try { process.stdout.write(`${formatExplanation(explainer.explain(a.person, b.person))}\n`); } catch (err) { process.stdout.write(`  engine: ${String(err)}\n`); }
    }
  }
}

if (require.main === module) main().catch((err) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
