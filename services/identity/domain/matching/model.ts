/**
 * The model file: zod schema (parseModel), the untrained base model (EM starting point and
 * default thresholds), and the compiled form the scorer uses (log-probability tables).
 */
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- zod is pure (no I/O); the API contract asks parseModel to validate the model file with it.
import { z } from 'zod';
import { DEFAULT_NICKNAMES, FIELD_LEVELS, FIELD_NAMES, MODEL_FORMAT } from './config';
import type { FieldParams, LevelParams, MatchingModel } from './types';

const prob = z.number().min(0).max(1);
const levelSchema = z.object({ name: z.string(), m: prob, u: prob, h: prob, n: prob.optional() });
const fieldSchema = z.object({ name: z.string(), levels: z.array(levelSchema).min(2) });

export const modelSchema = z.object({
  version: z.string().min(1),
  prior: z.object({ match: prob, household: prob, unrelated: prob, namesake: prob.optional() }),
  fields: z.array(fieldSchema),
  thresholds: z.object({ autoLink: z.number(), review: z.number(), nearTie: z.number().min(0), maxTwinShare: prob.optional() })
    .refine((t) => t.review <= t.autoLink, 'thresholds.review must not exceed thresholds.autoLink'),
  comparators: z.object({ jwHigh: prob, jwLow: prob, nicknames: z.record(z.string(), z.string()) }),
  blocking: z.object({ keys: z.array(z.string()), maxBlockSize: z.number().int().min(2) }),
  tf: z.object({
    given: z.record(z.string(), prob), surname: z.record(z.string(), prob),
    givenMean: prob.optional(), surnameMean: prob.optional(),
    floor: prob, maxAdjustment: z.number().min(0),
  }),
  training: z.object({
    records: z.number(), candidatePairs: z.number(), patterns: z.number(), iterations: z.number(), converged: z.boolean(),
  }).nullable(),
  household: z.object({ siblingPairs: z.number().min(0), guardedPairs: z.number().min(0), twinShare: prob, guard: z.boolean() }).optional(),
}).superRefine((m, ctx) => {
  // The level lists are code (the comparators return indices into them): a model trained for
  // another level layout would silently mis-score, so refuse it.
  for (const name of FIELD_NAMES) {
    const f = m.fields.find((x) => x.name === name);
    const expected = FIELD_LEVELS[name] as readonly string[];
    if (!f) { ctx.addIssue({ code: 'custom', message: `missing field "${name}"` }); continue; }
    if (f.levels.map((l) => l.name).join(',') !== expected.join(',')) {
      ctx.addIssue({ code: 'custom', message: `field "${name}": levels must be ${expected.join(', ')} (model format ${MODEL_FORMAT}); retrain the model` });
    }
  }
});

/** Validates a model (e.g. a JSON file); throws an Error listing what is wrong. */
export function parseModel(json: unknown): MatchingModel {
  const parsed = modelSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 8).map((i) => `${i.path.join('.') || '(model)'}: ${i.message}`);
    throw new Error(`invalid matching model: ${issues.join('; ')}`);
  }
  return parsed.data as MatchingModel;
}

/**
 * Starting m/u/h of EM, from what each class should look like (not from any data set):
 * matches agree on the best levels, unrelated pairs mostly fall in the worst non-null level,
 * household pairs agree on family fields (surnames, address, comuna, phone) and not on given names.
 */
function initialLevels(field: string, levels: readonly string[]): LevelParams[] {
  const k = levels.length - 1; // non-null levels
  const household = new Set(['surnames', 'street', 'locality', 'postcode', 'comuna', 'phone']);
  const decay = levels.slice(0, k).map((_, i) => (i === k - 1 ? 0.02 : 0.5 ** i));
  const decaySum = decay.reduce((a, b) => a + b, 0);
  return levels.map((name, i) => {
    if (i === k) return { name, m: 1, u: 1, h: 1, n: 1 };
    const m = decay[i]! / decaySum;
    const u = i === k - 1 ? 0.9 : 0.1 / (k - 1 || 1);
    const h = field === 'given' ? HOUSEHOLD_GIVEN[name] ?? 0.001 : household.has(field) ? m : field === 'run' || field === 'identifier' ? u : (m + u) / 2;
    const n = field === 'given' || field === 'surnames' ? m : u;
    return { name, m, u, h, n };
  });
}

/**
 * What siblings' given names look like. Fixed, not learned: it is what *defines* the household
 * class (family fields agree, the given name does not). Learning it lets EM relabel the classes
 * (the household class swallowed the matches on FEBRL in a first attempt).
 */
export const HOUSEHOLD_GIVEN: Readonly<Record<string, number>> = {
  exact: 0.0003, subset: 0.003, shared: 0.04, nickname: 0.001, 'name-swap': 0.001, close: 0.005, phonetic: 0.01, similar: 0.06, else: 0.8797,
};

export const BASE_MODEL: MatchingModel = {
  version: `${MODEL_FORMAT}-untrained`,
  prior: { match: 0.2, household: 0.1, unrelated: 0.65, namesake: 0.05 },
  fields: FIELD_NAMES.map((name): FieldParams => ({ name, levels: initialLevels(name, FIELD_LEVELS[name]) })),
  // Posterior log2-odds: 12 bits ≈ P(same child) ≥ 0.9998 for an automatic link; ≥ 0 (P ≥ 0.5) for review.
  thresholds: { autoLink: 10, review: 0, nearTie: 4 },
  comparators: { jwHigh: 0.92, jwLow: 0.8, nicknames: DEFAULT_NICKNAMES },
  blocking: { keys: ['run', 'identifier', 'names', 'name-date', 'prefix-date', 'date-place', 'date', 'given-maternal', 'surnames-year', 'name-place', 'phone', 'address'], maxBlockSize: 25 },
  tf: { given: {}, surname: {}, floor: 0.00001, maxAdjustment: 3 },
  training: null,
};

/** Log-probability tables, one Float64Array per field (null level = 0 in every class). */
export interface CompiledModel {
  readonly model: MatchingModel;
  readonly logM: readonly Float64Array[];
  readonly logU: readonly Float64Array[];
  readonly logH: readonly Float64Array[];
  readonly logN: readonly Float64Array[];
  readonly logPrior: { readonly m: number; readonly u: number; readonly h: number; readonly n: number };
  readonly tfGiven: ReadonlyMap<string, number>;
  readonly tfSurname: ReadonlyMap<string, number>;
  /** false only when the model's training batch showed no households (household.ts). */
  readonly householdGuard: boolean;
}

const FLOOR = 1e-9;

export function compileModel(model: MatchingModel): CompiledModel {
  const tables = (pick: (l: LevelParams) => number) => FIELD_NAMES.map((name) => {
    const f = model.fields.find((x) => x.name === name)!;
    const out = new Float64Array(f.levels.length);
    f.levels.forEach((l, i) => { out[i] = i === f.levels.length - 1 ? 0 : Math.log(Math.max(pick(l), FLOOR)); });
    return out;
  });
  return {
    model,
    logM: tables((l) => l.m), logU: tables((l) => l.u), logH: tables((l) => l.h), logN: tables((l) => l.n ?? l.u),
    logPrior: {
      m: Math.log(Math.max(model.prior.match, FLOOR)), u: Math.log(Math.max(model.prior.unrelated, FLOOR)),
      h: Math.log(Math.max(model.prior.household, FLOOR)), n: Math.log(Math.max(model.prior.namesake ?? 0, FLOOR)),
    },
    tfGiven: new Map(Object.entries(model.tf.given)),
    tfSurname: new Map(Object.entries(model.tf.surname)),
    householdGuard: model.household?.guard ?? true,
  };
}
