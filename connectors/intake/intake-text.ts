import { AUTH_MESSAGES_EN, AUTH_MESSAGES_ES } from '../../services/platform/auth/messages';
import { createTranslator, type Lang, type Params, type Translator } from '../../services/platform/i18n/i18n';
import { ISSUE_MESSAGES_EN, ISSUE_MESSAGES_ES } from '../sdk/messages';
import type { FieldIssue } from '../sdk/record-kind';
import { FHIR_MESSAGES_EN, FHIR_MESSAGES_ES } from './connectors';
import { INTAKE_MESSAGES_EN, INTAKE_MESSAGES_ES } from './messages';

const TRANSLATORS: Record<Lang, Translator> = {
  es: createTranslator('es', { ...ISSUE_MESSAGES_ES, ...FHIR_MESSAGES_ES, ...AUTH_MESSAGES_ES, ...INTAKE_MESSAGES_ES }, { ...ISSUE_MESSAGES_EN, ...FHIR_MESSAGES_EN, ...AUTH_MESSAGES_EN, ...INTAKE_MESSAGES_EN }),
  en: createTranslator('en', { ...ISSUE_MESSAGES_ES, ...FHIR_MESSAGES_ES, ...AUTH_MESSAGES_ES, ...INTAKE_MESSAGES_ES }, { ...ISSUE_MESSAGES_EN, ...FHIR_MESSAGES_EN, ...AUTH_MESSAGES_EN, ...INTAKE_MESSAGES_EN }),
};

/** A field problem as API bodies carry it: Spanish keys, the message in the caller's language. */
export interface FieldProblem {
  readonly campo: string;
  readonly codigo: string;
  readonly mensaje: string;
}

/** Every error body of the intake: a stable code, a message for people, field problems for 400s. */
export interface ErrorBody {
  readonly codigo: string;
  readonly mensaje: string;
  readonly errores?: readonly FieldProblem[];
}

export function t(lang: Lang, key: string, params?: Params): string {
  return TRANSLATORS[lang].t(key, params);
}

export function fieldProblems(issues: readonly FieldIssue[], lang: Lang): FieldProblem[] {
  return issues.map((i) => ({ campo: i.field, codigo: i.code, mensaje: t(lang, i.code, { field: i.field }) }));
}

export function errorBody(code: string, lang: Lang, params?: Params, issues?: readonly FieldIssue[]): ErrorBody {
  return { codigo: code, mensaje: t(lang, code, params), ...(issues ? { errores: fieldProblems(issues, lang) } : {}) };
}
