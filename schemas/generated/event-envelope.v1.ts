// Generated from schemas/avro/common/event-envelope.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';

/**
 * Metadata every hub event carries, whatever its payload: where it came from, when it happened,
 * when the hub accepted it, and an id that makes redelivery harmless.
 *
 * Avro record `hub.common.EventEnvelope`.
 */
export interface EventEnvelope {
  /**
   * Deterministic id the publisher derives from the source institution, the source record id and
   * the record's version or content hash. The same fact published twice gets the same id, so
   * consumers use it for idempotency.
   */
  eventId: string;
  /**
   * Code of the institution that holds the record: TRIBUNAL, SENAME, MUNICIPALITY, SCHOOL or
   * HEALTH. A string, not an enum, so a new kind of source does not need a schema change.
   */
  sourceInstitution: string;
  /**
   * Unit within the institution, when known: court code, OCA/programme code, comuna CUT code,
   * school RBD or health establishment code.
   */
  sourceUnit: string | null;
  /** Id of the record in the source system, as the source gives it. */
  sourceRecordId: string;
  /** When the fact happened in the world (epoch milliseconds, UTC), as the source reports it. */
  occurredAt: number;
  /**
   * When the hub accepted the event (epoch milliseconds, UTC). Later than occurredAt when a source
   * reports late.
   */
  recordedAt: number;
  /**
   * Major version of the event's schema (the v<major> of its .avsc file and topic), so a reader can
   * tell versions apart without the registry.
   */
  schemaVersion: number;
  /** Distributed-tracing id of the request or batch that produced the event, when there is one. */
  traceId: string | null;
}

/**
 * Self-contained Avro schema of `hub.common.EventEnvelope` (referenced types inlined), as the
 * registry receives it.
 */
export const EventEnvelopeSchema: RecordSchema = {
  type: 'record',
  name: 'EventEnvelope',
  namespace: 'hub.common',
  doc: 'Metadata every hub event carries, whatever its payload: where it came from, when it happened, when the hub accepted it, and an id that makes redelivery harmless.',
  fields: [
    {
      name: 'eventId',
      type: 'string',
      doc: "Deterministic id the publisher derives from the source institution, the source record id and the record's version or content hash. The same fact published twice gets the same id, so consumers use it for idempotency.",
    },
    {
      name: 'sourceInstitution',
      type: 'string',
      doc: 'Code of the institution that holds the record: TRIBUNAL, SENAME, MUNICIPALITY, SCHOOL or HEALTH. A string, not an enum, so a new kind of source does not need a schema change.',
    },
    {
      name: 'sourceUnit',
      type: ['null', 'string'],
      default: null,
      doc: 'Unit within the institution, when known: court code, OCA/programme code, comuna CUT code, school RBD or health establishment code.',
    },
    {
      name: 'sourceRecordId',
      type: 'string',
      doc: 'Id of the record in the source system, as the source gives it.',
    },
    {
      name: 'occurredAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the fact happened in the world (epoch milliseconds, UTC), as the source reports it.',
    },
    {
      name: 'recordedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the hub accepted the event (epoch milliseconds, UTC). Later than occurredAt when a source reports late.',
    },
    {
      name: 'schemaVersion',
      type: 'int',
      doc: "Major version of the event's schema (the v<major> of its .avsc file and topic), so a reader can tell versions apart without the registry.",
    },
    {
      name: 'traceId',
      type: ['null', 'string'],
      default: null,
      doc: 'Distributed-tracing id of the request or batch that produced the event, when there is one.',
    },
  ],
};
