import { HttpException } from '@nestjs/common';
import type { z } from 'zod';
import { AUTH_MESSAGES_EN, AUTH_MESSAGES_ES } from '../../platform/auth/messages';
import { createTranslator, type Lang, type Params, type Translator } from '../../platform/i18n/i18n';
import type { CorrectionError, CorrectionErrorCode } from '../domain/corrections';
import { IDENTITY_API_MESSAGES_EN, IDENTITY_API_MESSAGES_ES } from '../messages';

const ES = { ...AUTH_MESSAGES_ES, ...IDENTITY_API_MESSAGES_ES };
const EN = { ...AUTH_MESSAGES_EN, ...IDENTITY_API_MESSAGES_EN };
const TRANSLATORS: Record<Lang, Translator> = { es: createTranslator('es', ES, EN), en: createTranslator('en', ES, EN) };

export function t(lang: Lang, key: string, params?: Params): string {
  return TRANSLATORS[lang].t(key, params);
}

/** A field problem: Spanish keys as in every hub API, the message in the caller's language. */
export interface FieldProblem {
  readonly campo: string;
  readonly codigo: string;
  readonly mensaje: string;
}

/** Every error body of the API: a stable code, a message for people, field problems for 400s. */
export interface ErrorBody {
  readonly codigo: string;
  readonly mensaje: string;
  readonly errores?: readonly FieldProblem[];
  readonly [extra: string]: unknown;
}

export function errorBody(code: string, lang: Lang, params?: Params, extra: Record<string, unknown> = {}): ErrorBody {
  return { codigo: code, mensaje: t(lang, code, params), ...extra };
}

/** An HTTP error already shaped (the filter passes it through). */
export function apiError(status: number, code: string, lang: Lang, params?: Params, extra?: Record<string, unknown>): HttpException {
  return new HttpException(errorBody(code, lang, params, extra), status);
}

/** zod issues → field problems (field path, code, message). Never echoes the value sent. */
export function fieldProblems(error: z.ZodError, lang: Lang): FieldProblem[] {
  return error.issues.flatMap((i): FieldProblem[] => {
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ campo: [...i.path, k].join('.'), codigo: 'field.unknown', mensaje: t(lang, 'field.unknown', { field: [...i.path, k].join('.') }) }));
    }
    const field = i.path.join('.') || '(body)';
    let code = 'field.invalid';
    let params: Params = { field };
    if (i.message.startsWith('field.')) code = i.message;
    else if (i.code === 'invalid_type' && (i as { input?: unknown }).input === undefined) code = 'field.required';
    else if (i.code === 'too_small') { code = 'field.tooShort'; params = { field, min: String(i.minimum) }; }
    else if (i.code === 'too_big') { code = 'field.tooLong'; params = { field, max: String(i.maximum) }; }
    return [{ campo: field, codigo: code, mensaje: t(lang, code, params) }];
  });
}

/** HTTP status of each refusal of the domain. */
export const CORRECTION_STATUS: Readonly<Record<CorrectionErrorCode, number>> = {
  TASK_NOT_FOUND: 404,
  IDENTITY_NOT_FOUND: 404,
  TASK_NOT_OPEN: 409,
  IDENTITY_MERGED: 409,
  IDENTITY_RETIRED: 409,
  VETOED: 409,
  VETO_CONFLICT: 409,
  SAME_IDENTITY: 422,
  NOT_A_CANDIDATE: 422,
  RECORD_NOT_IN_IDENTITY: 422,
  SPLIT_ALL_RECORDS: 422,
  NO_RECORDS: 422,
  REDIRECT_LOOP: 500,
};

export function correctionError(e: CorrectionError, lang: Lang): HttpException {
  return apiError(CORRECTION_STATUS[e.code], e.code, lang, e.params, { detalle: e.params });
}
