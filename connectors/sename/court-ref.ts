import type { z } from 'zod';
import * as f from '../sdk/native-fields';
import { courtType } from './native-options';

/**
 * The court cause a SENAME record refers to, in the same columns a court uses. Optional as a
 * group (ambulatory programmes and extrajudicial admissions have none), but a cause is the pair
 * (court, RIT): a RIT is unique only within its court, so one without the other identifies
 * nothing. Given either (or a RUC, which is never lost silently), both are required.
 */
export const COURT_REF_SHAPE = {
  cod_tribunal: f.id.opt({ description: 'Código del tribunal de la causa, si la hay (exige rit).', example: '1301' }),
  tipo_tribunal: courtType.opt({ description: 'FAMILIA (por defecto), GARANTIA, MENORES u OTRO.' }),
  rit: f.rit.opt({ description: 'RIT de la causa (exige cod_tribunal).', example: 'P-1234-2023' }),
  ruc: f.ruc.opt({ description: 'RUC, si la causa tiene uno.', example: '2320012345-K' }),
} as const;

export type CourtRefNative = z.output<z.ZodObject<typeof COURT_REF_SHAPE>>;

/** A field's value after parsing: null when blank; anything else (even a value that failed) was given. */
const given = (v: unknown): boolean => v !== null && v !== undefined;

/**
 * The group rule, for `.superRefine(requireCompleteCourtRef, EVEN_WITH_FIELD_ERRORS)`: names the
 * missing half. It runs even when other fields failed, so one answer lists every problem.
 */
export function requireCompleteCourtRef(v: { cod_tribunal: unknown; rit: unknown; ruc: unknown }, ctx: z.RefinementCtx): void {
  if (!given(v.cod_tribunal) && !given(v.rit) && !given(v.ruc)) return;
  if (!given(v.cod_tribunal)) ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: ['cod_tribunal'] });
  if (!given(v.rit)) ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: ['rit'] });
}

/**
 * Options of a record-level rule that runs whenever the record is an object, not only when every
 * field parsed; failed fields then hold a non-null marker, so rules test presence or `typeof`.
 */
export const EVEN_WITH_FIELD_ERRORS = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};
