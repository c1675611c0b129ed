import type { z } from 'zod';
import type { PersonRecord } from '../../schemas';

/** Institutions that send records to the hub; the envelope's `sourceInstitution`. */
export const INSTITUTIONS = ['TRIBUNAL', 'SENAME', 'MUNICIPALITY', 'SCHOOL', 'HEALTH'] as const;
export type Institution = (typeof INSTITUTIONS)[number];

/** A problem with one field of one native record. `field` is a path (`fecha_nacimiento`, `entry.0.resource.birthDate`). */
export interface FieldIssue {
  readonly field: string;
  /** Stable code, e.g. `REQUIRED`, `INVALID_DATE`; the key of its es/en message in `messages.ts`. */
  readonly code: string;
}

/**
 * What a record kind's pure mapping yields: the canonical event minus its envelope. The SDK adds
 * the envelope (deterministic event id, times), the PersonObserved and the message keys.
 */
export interface MappedEvent {
  /** Id of the fact in the source system (resolution number, admission id, visit id…). */
  readonly recordId: string;
  /**
   * Unit within the institution that owns the record: court code, programme code, comuna CUT,
   * school RBD or health establishment code. HTTP intake compares it with the credential's scope.
   */
  readonly unit: string;
  /** When the fact happened in the world, epoch ms UTC. */
  readonly occurredAt: number;
  /** The source's own version of the record, when it has one; otherwise the SDK hashes the content. */
  readonly version: string | null;
  /** The child as the institution knows them; null for events that are not about a child. */
  readonly person: PersonRecord | null;
  /** Event fields other than `envelope` and `person`, exactly as the Avro record wants them. */
  readonly payload: Readonly<Record<string, unknown>>;
  /** Message key of an event that is not about a child (child events use childEventKey). */
  readonly key?: string;
}

/**
 * One kind of native record an institution sends, e.g. a court's ORDEN_INGRESO: its zod schema
 * (Spanish field names, validated at the edge) and its pure mapping to one canonical event.
 * The same schema reads CSV rows (all strings) and JSON bodies (typed values).
 */
export interface RecordKind<N = unknown> {
  /** Native name, the value of the `tipo` column in files: `ORDEN_INGRESO`. */
  readonly kind: string;
  /** Fully-qualified Avro record it maps to: `hub.tribunal.AdmissionOrderIssued`. */
  readonly recordName: string;
  /** Unprefixed topic the event goes to (from schemas/topics.ts). */
  readonly topic: string;
  /** Last segment of its HTTP route: `orders` → `POST /v1/tribunals/orders`. */
  readonly httpPath: string;
  readonly summary: { readonly es: string; readonly en: string };
  readonly schema: z.ZodType<N>;
  map(native: N): MappedEvent;
}

/** Everything the hub knows about one institution's native records. */
export interface ConnectorSpec {
  readonly institution: Institution;
  /** First segment of its HTTP routes: `tribunals` → `/v1/tribunals/...`. */
  readonly httpPrefix: string;
  /** What a credential's scope names for this institution, for docs and CLI help. */
  readonly scopeMeaning: { readonly es: string; readonly en: string };
  readonly kinds: readonly RecordKind[];
}

/** Declares a record kind with its native type inferred from the schema (keeps `map` typed). */
export function recordKind<S extends z.ZodType>(k: Omit<RecordKind<z.output<S>>, 'schema'> & { schema: S }): RecordKind {
  return k as unknown as RecordKind;
}
