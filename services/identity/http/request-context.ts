import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { credentialOf } from '../../platform/auth/credential.guard';
import { pickLang, type Lang } from '../../platform/i18n/i18n';
import { apiError, fieldProblems, t } from './api-errors';
import { purposeHeader } from './bodies';
import type { Caller } from './identity-api';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function langOf(req: FastifyRequest): Lang {
  return pickLang(req.headers['accept-language']);
}

/** X-Request-Id when well formed (so a caller can correlate), a fresh UUID otherwise. */
export function requestIdOf(req: FastifyRequest): string {
  const h = req.headers['x-request-id'];
  return typeof h === 'string' && REQUEST_ID.test(h) ? h : randomUUID();
}

/** The caller of a read: X-Purpose is required (400 without it), it goes to the audit row. */
export function readerOf(req: FastifyRequest): Caller {
  const lang = langOf(req);
  const raw = req.headers['x-purpose'];
  const purpose = purposeHeader.safeParse(Array.isArray(raw) ? raw.join(', ') : raw);
  if (!purpose.success) throw apiError(400, 'PURPOSE_REQUIRED', lang);
  return { credential: credentialOf(req), lang, requestId: requestIdOf(req), purpose: purpose.data };
}

/** A zod-validated body, or a 400 listing each field's problem (never echoing values). */
export function parseBody<S extends z.ZodType>(schema: S, req: FastifyRequest): z.output<S> {
  const lang = langOf(req);
  const r = schema.safeParse(req.body ?? {});
  if (r.success) return r.data;
  const errores = fieldProblems(r.error, lang);
  throw apiError(400, 'INVALID_BODY', lang, { count: errores.length }, { errores });
}

export function parseQuery<S extends z.ZodType>(schema: S, req: FastifyRequest): z.output<S> {
  const lang = langOf(req);
  const r = schema.safeParse(req.query ?? {});
  if (r.success) return r.data;
  const errores = fieldProblems(r.error, lang);
  throw apiError(400, 'INVALID_QUERY', lang, { detail: errores.map((e) => e.campo).join(', ') }, { errores });
}

/** The caller of a correction: the body's reason is its purpose. */
export function correctorOf(req: FastifyRequest, reason: string): Caller {
  return { credential: credentialOf(req), lang: langOf(req), requestId: requestIdOf(req), purpose: reason };
}

export { t };
