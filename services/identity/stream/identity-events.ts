/**
 * ChildIdentityChanged events (schemas/avro/identity/child-identity-changed.v1.avsc) from the
 * identity changes the stream (or a correction) decided. Deterministic: the event id derives from
 * the cause (input event id or request id), the child id and the kind, so a replay of the same
 * input produces the same ids and consumers can deduplicate.
 */
import { createHash } from 'node:crypto';
import type { ChildIdentityChanged, GoldenFieldProvenance, GoldenRecord as AvroGolden, IdentityChangeKind } from '../../../schemas';
import { TOPICS } from '../../../schemas/topics';
import type { AvroCodec } from '../../platform/avro/avro-codec';
import { EVENT_ID_HEADER, type EncodedMessage } from '../../platform/kafka/encoded-message';
import type { GoldenRecord } from '../domain/golden-record';

export const IDENTITY_EVENT_RECORD = 'hub.identity.ChildIdentityChanged';
export const IDENTITY_SOURCE = 'HUB';

export interface IdentityEventInput {
  readonly childId: string;
  readonly kind: IdentityChangeKind;
  readonly status: 'active' | 'merged' | 'retired';
  readonly affectedRecordKeys: readonly string[];
  readonly recordKeys: readonly string[];
  readonly mergedInto?: string | null;
  readonly mergedFrom?: readonly string[];
  readonly relatedChildIds?: readonly string[];
  readonly underReview: boolean;
  readonly golden: GoldenRecord | null;
  readonly ledgerSeq: string;
  readonly actor: string;
  readonly reason: string;
  readonly modelVersion: string | null;
  /** Input event id (stream) or request id (API). */
  readonly causeId: string;
  readonly occurredAt: number;
  readonly recordedAt: number;
  readonly traceId?: string | null;
  /** An event id chosen by the caller (corrections: `<requestId>:<ledgerSeq>`); derived from the cause otherwise. */
  readonly eventId?: string;
}

export function identityEventId(causeId: string, childId: string, kind: string): string {
  const h = createHash('sha256').update(`${causeId}\u0000${childId}\u0000${kind}`).digest('hex').slice(0, 32);
  return `HUB:identity:${h}`;
}

const PROVENANCE_FIELDS = ['run', 'givenNames', 'paternalSurname', 'maternalSurname', 'birthDate', 'sex', 'comunaCode'] as const;

export function toAvroGolden(g: GoldenRecord | null): AvroGolden | null {
  if (!g) return null;
  const provenance: GoldenFieldProvenance[] = [];
  for (const f of PROVENANCE_FIELDS) {
    const v = g[f];
    if (v) provenance.push({ field: f, source: v.provenance.institution, recordKey: v.provenance.recordKey, observedAt: v.provenance.observedAt });
  }
  return {
    run: g.run?.value ?? null,
    givenNames: g.givenNames?.value ?? null,
    paternalSurname: g.paternalSurname?.value ?? null,
    maternalSurname: g.maternalSurname?.value ?? null,
    birthDate: g.birthDate?.value ?? null,
    sex: g.sex?.value ?? null,
    comunaCode: g.comunaCode?.value ?? null,
    provenance,
  };
}

export function buildIdentityEvent(i: IdentityEventInput): ChildIdentityChanged {
  const live = i.status === 'active';
  return {
    envelope: {
      eventId: i.eventId ?? identityEventId(i.causeId, i.childId, i.kind),
      sourceInstitution: IDENTITY_SOURCE,
      sourceUnit: null,
      sourceRecordId: i.childId,
      occurredAt: i.occurredAt,
      recordedAt: i.recordedAt,
      schemaVersion: 1,
      traceId: i.traceId ?? null,
    },
    childId: i.childId,
    kind: i.kind,
    status: i.status === 'active' ? 'ACTIVE' : i.status === 'merged' ? 'MERGED' : 'RETIRED',
    affectedRecordKeys: [...i.affectedRecordKeys],
    recordKeys: live ? [...i.recordKeys].sort() : [],
    mergedInto: i.mergedInto ?? null,
    mergedFrom: [...(i.mergedFrom ?? [])],
    relatedChildIds: [...(i.relatedChildIds ?? [])],
    underReview: i.underReview,
    golden: live ? toAvroGolden(i.golden) : null,
    ledgerSeq: Number(i.ledgerSeq),
    actor: i.actor,
    reason: i.reason,
    modelVersion: i.modelVersion,
  };
}

/** Encodes events for the identity topic (prefixed), keyed by child id. */
export async function encodeIdentityEvents(codec: AvroCodec, topicPrefix: string, events: readonly ChildIdentityChanged[]): Promise<EncodedMessage[]> {
  const topic = topicPrefix + TOPICS.identityChildren.name;
  return Promise.all(events.map(async (e) => ({
    topic, key: e.childId, value: await codec.encode(topic, IDENTITY_EVENT_RECORD, e), headers: { [EVENT_ID_HEADER]: e.envelope.eventId },
  })));
}
