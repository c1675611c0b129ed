// Generated from schemas/avro/ by `npx hub schemas generate`. Do not edit.

import type { NamedSchema, RecordSchema, SchemaCatalogue } from '../schema-types';
import { EventEnvelopeSchema } from './event-envelope.v1';
import { PersonObservedSchema, type PersonObserved } from './person-observed.v1';
import { PersonRecordSchema } from './person-record.v1';

export * from './event-envelope.v1';
export * from './person-observed.v1';
export * from './person-record.v1';

/** Full names of the top-level schemas, one per `.avsc` file. */
export type SchemaName = 'hub.common.EventEnvelope' | 'hub.identity.PersonObserved' | 'hub.identity.PersonRecord';

/** Full names of the events: top-level records carrying `envelope: hub.common.EventEnvelope`. */
export type EventName = 'hub.identity.PersonObserved';

/** The TypeScript type of each event, by full name, for typed publishing and decoding. */
export interface EventTypes {
  'hub.identity.PersonObserved': PersonObserved;
}

/** Every top-level bundled schema by full name (an unknown string gives `undefined`). */
export const SCHEMAS: SchemaCatalogue<SchemaName, NamedSchema> = {
  'hub.common.EventEnvelope': EventEnvelopeSchema,
  'hub.identity.PersonObserved': PersonObservedSchema,
  'hub.identity.PersonRecord': PersonRecordSchema,
};

/** The bundled schema of every event by full name: what codecs register and topics carry. */
export const EVENT_SCHEMAS: SchemaCatalogue<EventName, RecordSchema> = {
  'hub.identity.PersonObserved': PersonObservedSchema,
};
