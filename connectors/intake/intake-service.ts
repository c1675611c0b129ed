import { createHash } from 'node:crypto';
import type { AvroCodec } from '../../services/platform/avro/avro-codec';
import type { Credential } from '../../services/platform/auth/credential';
import { checkInstitution, checkUnit } from '../../services/platform/auth/scope';
import type { Lang } from '../../services/platform/i18n/i18n';
import { canonicalJson } from '../sdk/event-id';
import { KIND_FIELD, processRecord, type Accepted } from '../sdk/process-record';
import { encodeMessages } from '../sdk/publish/encode-messages';
import type { FieldIssue } from '../sdk/record-kind';
import { bundleToNativeRows, fhirPathOf } from './connectors';
import { errorBody, fieldProblems, type FieldProblem } from './intake-text';
import type { OutboxRecord, StoredResponse, Submission, WriteOutcome } from './outbox/outbox-writer';
import type { FhirRoute, IntakeRoute, RecordRoute } from './routes';

/** Header naming the credential that sent a record, on every message it produced (audit, no personal data). */
export const CREDENTIAL_HEADER = 'hub.intake.credential';

export interface IntakeCall {
  readonly route: IntakeRoute;
  readonly credential: Credential;
  readonly body: unknown;
  readonly idempotencyKey: string | undefined;
  readonly lang: Lang;
  readonly traceId: string | null;
}

export interface IntakeAnswer extends StoredResponse {
  /** True when the answer is the stored response of an earlier request with the same Idempotency-Key. */
  readonly replayed: boolean;
}

/** The 202/200 body of a single record. */
export interface AcceptedBody {
  readonly eventId: string;
  readonly estado: 'aceptado';
  readonly duplicado: boolean;
  readonly advertencias: readonly FieldProblem[];
}

export interface IntakeServiceDeps {
  readonly writer: { submit(s: Submission): Promise<WriteOutcome> };
  readonly codec: AvroCodec;
  readonly topicPrefix: string;
  readonly now: () => number;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * One HTTP submission, from authenticated request to durable outcome: institution check,
 * validation and mapping (processRecord), the unit check against the credential's scope, Avro
 * encoding, then the outbox writer. Expected outcomes are answers (status + body); a failure
 * to store (database, registry) is thrown, and the HTTP layer answers 503.
 */
export class IntakeService {
  constructor(private readonly deps: IntakeServiceDeps) {}

  async handle(call: IntakeCall): Promise<IntakeAnswer> {
    const { route, credential, lang } = call;
    if (checkInstitution(credential, route.spec.institution)) return answer(403, errorBody('WRONG_INSTITUTION', lang));
    if (call.idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(call.idempotencyKey)) return answer(400, errorBody('INVALID_IDEMPOTENCY_KEY', lang));
    return route.type === 'record' ? this.record(route, call) : this.bundle(route, call);
  }

  private async record(route: RecordRoute, call: IntakeCall): Promise<IntakeAnswer> {
    const { credential, lang } = call;
    const kindIssue = kindMismatch(call.body, route.kind.kind);
    const outcome = processRecord(route.spec, call.body, { recordedAt: this.deps.now(), traceId: call.traceId }, route.kind.kind);
    if (!outcome.ok || kindIssue) {
      const issues = [...(kindIssue ? [kindIssue] : []), ...(outcome.ok ? [] : outcome.issues)];
      return answer(400, errorBody('INVALID_RECORD', lang, { count: issues.length }, issues));
    }
    if (checkUnit(credential, outcome.unit)) return answer(403, errorBody('WRONG_UNIT', lang, { scope: credential.scope }));
    const warnings = fieldProblems(outcome.warnings, lang);
    const records = [await this.encode(outcome, credential)];
    return this.write(call, records, (isNew) => ({
      status: isNew[0] ? 202 : 200,
      body: { eventId: outcome.eventId, estado: 'aceptado', duplicado: !isNew[0], advertencias: warnings } satisfies AcceptedBody,
    }));
  }

  /** A FHIR bundle is all or nothing: every row valid and of the credential's unit, written in one transaction. */
  private async bundle(route: FhirRoute, call: IntakeCall): Promise<IntakeAnswer> {
    const { credential, lang } = call;
    const read = bundleToNativeRows(call.body, credential.scope === '*' ? {} : { establishmentCode: credential.scope });
    const issues: FieldIssue[] = read.issues.map((i) => ({ field: i.field, code: i.code }));
    const accepted: { outcome: Accepted; warnings: FieldIssue[] }[] = [];
    const ctx = { recordedAt: this.deps.now(), traceId: call.traceId };
    for (const row of read.rows) {
      const o = processRecord(route.spec, row.row, ctx);
      if (!o.ok) issues.push(...o.issues.map((i) => ({ field: fhirPathOf(row, i), code: i.code })));
      else accepted.push({ outcome: o, warnings: o.warnings.map((w) => ({ field: fhirPathOf(row, w), code: w.code })) });
    }
    if (issues.length > 0) return answer(400, errorBody('INVALID_BUNDLE', lang, { count: issues.length }, issues));
    if (accepted.length === 0) return answer(400, errorBody('EMPTY_BUNDLE', lang, {}, []));
    if (accepted.some((a) => checkUnit(credential, a.outcome.unit))) return answer(403, errorBody('WRONG_UNIT', lang, { scope: credential.scope }));
    const records = await Promise.all(accepted.map((a) => this.encode(a.outcome, credential)));
    const warnings = fieldProblems(accepted.flatMap((a) => a.warnings), lang);
    return this.write(call, records, (isNew) => ({
      status: isNew.some(Boolean) ? 202 : 200,
      body: {
        estado: 'aceptado',
        duplicado: !isNew.some(Boolean),
        eventos: accepted.map((a, k) => ({ eventId: a.outcome.eventId, tipo: a.outcome.kind.kind, duplicado: !isNew[k] })),
        advertencias: warnings,
      },
    }));
  }

  private async encode(outcome: Accepted, credential: Credential): Promise<OutboxRecord> {
    const messages = await encodeMessages(this.deps.codec, this.deps.topicPrefix, outcome.messages, { [CREDENTIAL_HEADER]: credential.id });
    return { eventId: outcome.eventId, messages };
  }

  private async write(call: IntakeCall, records: OutboxRecord[], respond: Submission['respond']): Promise<IntakeAnswer> {
    const idempotency = call.idempotencyKey === undefined ? null : { key: call.idempotencyKey, requestHash: requestHash(call.route.path, call.body) };
    const result = await this.deps.writer.submit({ credentialId: call.credential.id, idempotency, records, respond });
    if (result.kind === 'key-reused') return answer(422, errorBody('IDEMPOTENCY_KEY_REUSED', call.lang));
    return { ...result.response, replayed: result.kind === 'replayed' };
  }
}

/** What makes two requests "the same" for Idempotency-Key: the route and the body's canonical JSON. */
export function requestHash(path: string, body: unknown): string {
  return createHash('sha256').update(path).update('\n').update(canonicalJson(body)).digest('hex');
}

/** A body that names another kind in `tipo` than its route is refused rather than silently read as the route's kind. */
function kindMismatch(body: unknown, kind: string): FieldIssue | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const named = (body as Record<string, unknown>)[KIND_FIELD];
  if (named === undefined || named === null || named === '') return null;
  return typeof named === 'string' && named.trim().toUpperCase() === kind ? null : { field: KIND_FIELD, code: 'INCONSISTENT' };
}

function answer(status: number, body: unknown): IntakeAnswer {
  return { status, body, replayed: false };
}
