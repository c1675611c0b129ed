import type { ZodError } from 'zod';
import { childEventKey } from '../../schemas/topics';
import { contentHash, deterministicEventId } from './event-id';
import { fastRecordParser } from './fast-record-parser';
import { parseRunOnce } from './native-fields';
import { RUN_FIELD } from './person-fields';
import type { ConnectorSpec, FieldIssue, MappedEvent, RecordKind } from './record-kind';

/** A message ready to encode: unprefixed topic, key, Avro record name and value. */
export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string;
  readonly recordName: string;
  readonly value: Readonly<Record<string, unknown>>;
  readonly eventId: string;
}

export interface Accepted {
  readonly ok: true;
  readonly kind: RecordKind;
  readonly unit: string;
  readonly eventId: string;
  /**
   * The institution's event, which carries the child as the institution knows them (`person`).
   * No separate PersonObserved is published at ingest: the deduplication service derives it from
   * the institution topics once re-deliveries are dropped (ADR 0007).
   */
  readonly messages: readonly OutgoingMessage[];
  readonly warnings: readonly FieldIssue[];
}

export interface Rejected {
  readonly ok: false;
  /** The kind, when it could be told. */
  readonly kind: string | null;
  readonly issues: readonly FieldIssue[];
}

export type RecordOutcome = Accepted | Rejected;

export interface ProcessContext {
  /** When the hub accepted the record (epoch ms); the adapter reads the clock. */
  readonly recordedAt: number;
  readonly traceId: string | null;
}

/** Field of a file row that names its kind. HTTP routes name the kind instead. */
export const KIND_FIELD = 'tipo';

/** Finds the record kind from an explicit name (HTTP route) or the row's `tipo` column. */
export function resolveKind(spec: ConnectorSpec, raw: unknown, explicit?: string): RecordKind | Rejected {
  const name = explicit ?? (isObject(raw) && typeof raw[KIND_FIELD] === 'string' ? raw[KIND_FIELD].trim().toUpperCase() : undefined);
  const kind = name ? spec.kinds.find((k) => k.kind === name) : undefined;
  return kind ?? { ok: false, kind: null, issues: [{ field: KIND_FIELD, code: name ? 'UNKNOWN_KIND' : 'REQUIRED' }] };
}

/**
 * Validate → map → envelope: one native record in, its canonical messages (or field issues) out.
 * Deterministic for a given record and context, and free of I/O apart from hashing.
 */
export function processRecord(spec: ConnectorSpec, raw: unknown, ctx: ProcessContext, explicitKind?: string): RecordOutcome {
  if (!isObject(raw)) return { ok: false, kind: null, issues: [{ field: '(registro)', code: 'NOT_AN_OBJECT' }] };
  const kind = resolveKind(spec, raw, explicitKind);
  if ('ok' in kind) return kind;
  let native: unknown = fastRecordParser(kind.schema)?.(raw);
  if (native === undefined) {
    const parsed = kind.schema.safeParse(raw);
    if (!parsed.success) return { ok: false, kind: kind.kind, issues: zodIssues(parsed.error) };
    native = parsed.data;
  }
  const mapped = kind.map(native);
  const eventId = deterministicEventId([spec.institution, mapped.unit, kind.kind, mapped.recordId, mapped.version ?? `sha256:${contentHash(canonicalContent(mapped))}`]);
  const envelope = {
    eventId,
    sourceInstitution: spec.institution,
    sourceUnit: mapped.unit,
    sourceRecordId: mapped.recordId,
    occurredAt: mapped.occurredAt,
    recordedAt: ctx.recordedAt,
    schemaVersion: majorOf(kind.topic),
    traceId: ctx.traceId,
  };
  const person = mapped.person;
  const key = person ? childEventKey(spec.institution, person.sourceRecordId) : mapped.key ?? `${spec.institution}:${mapped.unit}`;
  const messages: OutgoingMessage[] = [{
    topic: kind.topic, key, recordName: kind.recordName, eventId,
    value: person ? { envelope, person, ...mapped.payload } : { envelope, ...mapped.payload },
  }];
  return { ok: true, kind, unit: mapped.unit, eventId, messages, warnings: person ? runWarnings(person.run) : [] };
}

/** What the content hash covers: the fact, not when or how it was delivered. */
function canonicalContent(m: MappedEvent): unknown {
  return { occurredAt: m.occurredAt, person: m.person, payload: m.payload, key: m.key ?? null };
}

function runWarnings(run: string | null): FieldIssue[] {
  if (run === null) return [];
  const r = parseRunOnce(run);
  if (r.ok) return [];
  if (r.reason === 'CHECK_DIGIT') return [{ field: RUN_FIELD, code: 'RUN_CHECK_DIGIT' }];
  if (r.reason === 'PLACEHOLDER') return [{ field: RUN_FIELD, code: 'RUN_PLACEHOLDER' }];
  return [];
}

function majorOf(topic: string): number {
  let major = majors.get(topic);
  if (major === undefined) {
    const m = /\.v(\d+)$/.exec(topic);
    major = m ? Number(m[1]) : 1;
    majors.set(topic, major);
  }
  return major;
}
const majors = new Map<string, number>();

/** Zod issues as field issues; our field types put the code in `message`, zod's own codes are mapped. */
export function zodIssues(error: ZodError): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const i of error.issues) {
    const field = i.path.map(String).join('.') || '(registro)';
    const code = i.code === 'custom' ? i.message : i.code === 'invalid_type' ? 'INVALID_TYPE' : i.code === 'too_big' ? 'TOO_LONG' : i.code === 'invalid_value' ? 'INVALID_OPTION' : 'INCONSISTENT';
    const k = `${field}\u0000${code}`;
    if (!seen.has(k)) { seen.add(k); out.push({ field, code }); }
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
