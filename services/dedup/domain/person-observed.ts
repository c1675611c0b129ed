import type { EventEnvelope, PersonObserved, PersonRecord } from '../../../schemas';
import { FIELD_SEPARATOR, uuidFromHex, type Hasher } from './canonical';

/** Schema major of hub.identity.person-observed.v1. */
export const PERSON_OBSERVED_SCHEMA_VERSION = 1;

/** Names what is derived, so the derived id can never equal an institution event id or another derivation's. */
const DERIVATION = 'hub.dedup/PersonObserved/v1';

/**
 * The PersonObserved event id: a name-based UUID of the source institution and the source event
 * id. Deterministic, so re-handling the same source event (a retry inside the service) yields the
 * same id, and downstream consumers (identity) stay idempotent on it.
 */
export function personObservedEventId(source: Pick<EventEnvelope, 'sourceInstitution' | 'eventId'>, hash: Hasher): string {
  return uuidFromHex(hash([DERIVATION, source.sourceInstitution, source.eventId].join(FIELD_SEPARATOR)));
}

/**
 * The PersonObserved derived from a forwarded institution event: the person block copied as the
 * institution sent it, in an envelope whose context is the source event's (institution, unit,
 * when it happened, when the hub accepted it, trace) and whose record id is the PERSON's record id
 * (`person.sourceRecordId`): the record this observation is about. No clock: recordedAt is the
 * source event's, so the same input always derives the same bytes.
 */
export function derivePersonObserved(source: { readonly envelope: EventEnvelope; readonly person: PersonRecord }, hash: Hasher): PersonObserved {
  const e = source.envelope;
  return {
    envelope: {
      eventId: personObservedEventId(e, hash),
      sourceInstitution: e.sourceInstitution,
      sourceUnit: e.sourceUnit,
      sourceRecordId: source.person.sourceRecordId,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      schemaVersion: PERSON_OBSERVED_SCHEMA_VERSION,
      traceId: e.traceId,
    },
    person: copyPerson(source.person),
  };
}

/** A plain copy (decoded Avro records are class instances; the copy is a plain object with the same fields). */
function copyPerson(p: PersonRecord): PersonRecord {
  return {
    source: p.source,
    sourceRecordId: p.sourceRecordId,
    run: p.run,
    identifiers: p.identifiers.map((i) => ({ scheme: i.scheme, value: i.value })),
    givenNames: p.givenNames,
    paternalSurname: p.paternalSurname,
    maternalSurname: p.maternalSurname,
    birthDate: p.birthDate,
    sex: p.sex,
    comunaCode: p.comunaCode,
    address: p.address ? { street: p.address.street, locality: p.address.locality, postcode: p.address.postcode, region: p.address.region } : null,
    phone: p.phone,
  };
}
