import type { EventEnvelope, PersonRecord } from '../../../schemas';
import { canonicalJson, FIELD_SEPARATOR, type Hasher } from './canonical';

/**
 * Envelope fields that change every time the same fact is sent, and so are NOT part of its
 * content: the event id (connectors derive it from the source's version number, which a source
 * may bump without changing anything), when the hub accepted it, the request that carried it,
 * and the schema major it was written with (a property of the pipe, not of the fact).
 * Everything else of the event is content: `sourceInstitution`, `sourceUnit`, `sourceRecordId`,
 * `occurredAt`, the `person` block and every payload field.
 */
export const PER_SEND_ENVELOPE_FIELDS = ['eventId', 'recordedAt', 'traceId', 'schemaVersion'] as const;

/** A child event as the dedup decision needs it: ids and hashes, nothing personal beyond the person block it will copy. */
export interface InstitutionEvent {
  readonly recordName: string;
  readonly envelope: EventEnvelope;
  readonly person: PersonRecord;
  /** Source record: the institution, its unit, the kind of fact and the fact's own record id (hashed). */
  readonly sourceKey: string;
  /** Hash of the canonical content (the event minus PER_SEND_ENVELOPE_FIELDS), with its record name. */
  readonly contentHash: string;
  /** `<institution>` + `person.sourceRecordId`: whose person block this is. */
  readonly personKey: PersonKey;
  readonly personHash: string;
}

export interface PersonKey {
  readonly institution: string;
  readonly personRecordId: string;
}

/** Why a decoded message cannot be deduplicated: it is dead-lettered with this code and field. */
export interface Poison {
  readonly code: 'UNEXPECTED_RECORD' | 'ENVELOPE_MISSING' | 'PERSON_MISSING';
  readonly field: string;
  readonly message: string;
}

export type Inspection = { readonly ok: true; readonly event: InstitutionEvent } | { readonly ok: false; readonly poison: Poison };

/**
 * The source record of a fact. The fact's own record id (`envelope.sourceRecordId`, e.g. a court
 * resolution number) qualified by the institution and unit that issued it (record ids are unique
 * only within a unit for schools and health establishments) and by the kind of record (an
 * enrollment and a withdrawal may share a row id in a school's system). This is exactly what
 * connectors/sdk/process-record.ts puts in the event id besides the version, so "the same source
 * record" here means "the record a connector would give the same event id if its version had not
 * changed".
 */
export function sourceKeyText(envelope: Pick<EventEnvelope, 'sourceInstitution' | 'sourceUnit' | 'sourceRecordId'>, recordName: string): string {
  return [envelope.sourceInstitution, envelope.sourceUnit ?? '', recordName, envelope.sourceRecordId].join(FIELD_SEPARATOR);
}

/** The content of an event: the record name and the whole value minus the envelope's per-send fields. */
export function contentOf(recordName: string, value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const envelope = { ...(value.envelope as Record<string, unknown>) };
  for (const f of PER_SEND_ENVELOPE_FIELDS) delete envelope[f];
  return { recordName, value: { ...value, envelope } };
}

/**
 * Checks that a decoded message is a child event of one of the expected records and reduces it
 * to what deduplication compares. Pure: the hasher is passed in.
 */
export function inspectEvent(recordName: string, value: unknown, expectedRecords: ReadonlySet<string>, hash: Hasher): Inspection {
  if (!expectedRecords.has(recordName)) {
    return { ok: false, poison: { code: 'UNEXPECTED_RECORD', field: '(record)', message: `record ${recordName} is not a child event of this topic` } };
  }
  const v = value as Record<string, unknown> | null;
  const envelope = v?.envelope as EventEnvelope | null | undefined;
  if (!envelope || typeof envelope !== 'object' || typeof envelope.eventId !== 'string' || envelope.eventId.length === 0
    || typeof envelope.sourceInstitution !== 'string' || envelope.sourceInstitution.length === 0 || typeof envelope.sourceRecordId !== 'string') {
    return { ok: false, poison: { code: 'ENVELOPE_MISSING', field: 'envelope', message: 'the event has no usable envelope (event id, institution, record id)' } };
  }
  const person = v!.person as PersonRecord | null | undefined;
  if (!person || typeof person !== 'object' || typeof person.sourceRecordId !== 'string' || person.sourceRecordId.length === 0) {
    return { ok: false, poison: { code: 'PERSON_MISSING', field: 'person', message: 'the event carries no person record' } };
  }
  return {
    ok: true,
    event: {
      recordName,
      envelope,
      person,
      sourceKey: hash(sourceKeyText(envelope, recordName)),
      contentHash: hash(canonicalJson(contentOf(recordName, v!))),
      personKey: { institution: envelope.sourceInstitution, personRecordId: person.sourceRecordId },
      personHash: hash(canonicalJson(person)),
    },
  };
}

export function personKeyText(k: PersonKey): string {
  return `${k.institution}${FIELD_SEPARATOR}${k.personRecordId}`;
}
