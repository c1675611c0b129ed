import type { ParsedArgs } from '../cli/command';
import { parseIsoDay } from './calendar';
import type { CsvFile } from './columns';
import { DEFAULT_OPTIONS, OUTPUTS, type GenerateOptions } from './generate';
import { MAX_CHILDREN } from './world';

/** A problem with the command line: a message key of messages.ts and its parameters. */
export interface OptionError { readonly key: string; readonly params: Readonly<Record<string, string | number>> }

export const KNOWN_FLAGS: ReadonlySet<string> = new Set([
  'children', 'seed', 'out', 'reference-date', 'months', 'only', 'enrollments', 'noise-scale', 'invalid-rate', 'plain', 'help',
]);

/** Flags → options, or every problem found (each a translatable message). */
export function parseGenerateOptions(args: ParsedArgs): { options: GenerateOptions; out: string } | { errors: OptionError[] } {
  const errors: OptionError[] = [];
  const flag = (name: string): string | undefined => {
    const v = args.flags[name];
    return v === undefined || v === true ? undefined : String(v);
  };
  const number = (name: string, rule: 'positive' | 'integer' | 'rate' | 'scale', fallback: number): number => {
    const text = flag(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    const ok = text.trim() !== '' && Number.isFinite(n) && (
      rule === 'positive' ? Number.isInteger(n) && n > 0
        : rule === 'integer' ? Number.isInteger(n)
          : rule === 'rate' ? n >= 0 && n <= 1 : n >= 0);
    if (!ok) errors.push({ key: 'synthetic.error.number', params: { flag: name, rule, value: text } });
    return ok ? n : fallback;
  };

  const children = number('children', 'positive', DEFAULT_OPTIONS.children);
  if (children > MAX_CHILDREN) errors.push({ key: 'synthetic.error.tooMany', params: { max: MAX_CHILDREN } });
  const seed = number('seed', 'integer', DEFAULT_OPTIONS.seed);
  const months = number('months', 'positive', DEFAULT_OPTIONS.months);
  const noiseScale = number('noise-scale', 'scale', DEFAULT_OPTIONS.noiseScale);
  const invalidRate = number('invalid-rate', 'rate', DEFAULT_OPTIONS.invalidRate);
  const enrollmentsText = flag('enrollments');
  const enrollments = enrollmentsText === undefined ? null : number('enrollments', 'positive', 1);
  if (enrollments !== null && enrollments > MAX_CHILDREN) errors.push({ key: 'synthetic.error.tooMany', params: { max: MAX_CHILDREN } });

  const referenceDate = flag('reference-date') ?? DEFAULT_OPTIONS.referenceDate;
  if (parseIsoDay(referenceDate) === undefined) errors.push({ key: 'synthetic.error.date', params: { value: referenceDate } });

  let only: readonly CsvFile[] = OUTPUTS;
  const onlyText = flag('only');
  if (onlyText !== undefined) {
    const names = onlyText.split(',').map((s) => s.trim().toLowerCase().replace(/\.(csv|json)$/, '')).filter((s) => s !== '');
    const unknown = names.filter((n) => !(OUTPUTS as readonly string[]).includes(n));
    if (unknown.length > 0 || names.length === 0) errors.push({ key: 'synthetic.error.only', params: { allowed: OUTPUTS.join(', '), value: onlyText } });
    else only = OUTPUTS.filter((o) => names.includes(o));
    if (enrollments !== null && !(only.length === 1 && only[0] === 'colegios')) errors.push({ key: 'synthetic.error.bulkOnly', params: { value: onlyText } });
  }
  const plainFlag = args.flags.plain;
  const plain = plainFlag === true || plainFlag === 'true' || plainFlag === '1';

  if (errors.length > 0) return { errors };
  return {
    out: flag('out') ?? 'datos-sinteticos',
    options: { seed, children, referenceDate, months, noiseScale, invalidRate, only: enrollments !== null ? ['colegios'] : only, plain, enrollments },
  };
}
