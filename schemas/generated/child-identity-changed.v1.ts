// Generated from schemas/avro/identity/child-identity-changed.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';
import type { EventEnvelope } from './event-envelope.v1';
import type { Sex } from './person-record.v1';

/**
 * The hub's identity of one child (NNA, niño, niña o adolescente) changed: created, a source record
 * linked or unlinked, merged into another identity, split, or its golden record (registro maestro)
 * changed. Published by the identity service, keyed by child id, in the order of the identity's
 * link ledger. Carries the identity's state after the change, so a consumer can keep its own view
 * from this stream alone.
 *
 * Avro record `hub.identity.ChildIdentityChanged`.
 */
export interface ChildIdentityChanged {
  /**
   * sourceInstitution is HUB and sourceRecordId the child id; eventId is derived from the input
   * event (or request) and the ledger entry, so a replay produces the same ids; occurredAt is the
   * input fact's time.
   */
  envelope: EventEnvelope;
  /**
   * The hub's opaque child id (identificador del NNA), e.g. NNA-01J9Z3...; never reused. Also the
   * message key.
   */
  childId: string;
  /** Kind of change (tipo de cambio). */
  kind: IdentityChangeKind;
  /** State of the identity after the change (estado). */
  status: IdentityStatus;
  /**
   * Source records the change moved (registros afectados), as `<source>|<sourceRecordId>`: linked
   * for CREATED / RECORD_LINKED, unlinked for RECORD_UNLINKED / SPLIT, all of them for MERGED.
   */
  affectedRecordKeys: string[];
  /**
   * Every source record that belongs to the identity after the change (registros vinculados), as
   * `<source>|<sourceRecordId>`, sorted. Empty when MERGED or RETIRED.
   */
  recordKeys: string[];
  /** For MERGED: the surviving child id this one now redirects to (fusionado en). */
  mergedInto: string | null;
  /**
   * Child ids merged into this identity by this change (fusionados desde), on the survivor's event.
   */
  mergedFrom: string[];
  /**
   * For SPLIT: the new identities the records moved to; for a CREATED by a split: the identity it
   * was split from (identidades relacionadas).
   */
  relatedChildIds: string[];
  /**
   * True while a review task (tarea de revisión) involving this identity is open: its links are
   * provisional.
   */
  underReview: boolean;
  /** The golden record after the change (registro maestro); null when MERGED or RETIRED. */
  golden: GoldenRecord | null;
  /**
   * Sequence number of the link-ledger entry (bitácora de vínculos) that produced this event;
   * increases per identity.
   */
  ledgerSeq: number;
  /** Who decided (actor): engine for automatic decisions, user:<subject> for reviewers. */
  actor: string;
  /** Why (motivo), a code such as auto-link, new-child, review-provisional, manual-merge. */
  reason: string;
  /** Version of the matching model that decided, for engine decisions (versión del modelo). */
  modelVersion: string | null;
}

/**
 * What happened to the identity (tipo de cambio): CREATED a new identity; RECORD_LINKED source
 * records joined it; RECORD_UNLINKED records left it; MERGED it was merged into mergedInto and now
 * redirects there (the survivor gets RECORD_LINKED with mergedFrom); SPLIT records were moved out
 * to new identities (relatedChildIds); GOLDEN_CHANGED only the golden record changed; RETIRED it
 * has no records left; OTRO a kind added after this version.
 *
 * Avro enum `hub.identity.IdentityChangeKind`.
 */
export type IdentityChangeKind = 'CREATED' | 'RECORD_LINKED' | 'RECORD_UNLINKED' | 'MERGED' | 'SPLIT' | 'GOLDEN_CHANGED' | 'RETIRED' | 'OTRO';

/** Symbols of {@link IdentityChangeKind}, in schema order. */
export const IdentityChangeKindSymbols: readonly IdentityChangeKind[] = [
  'CREATED',
  'RECORD_LINKED',
  'RECORD_UNLINKED',
  'MERGED',
  'SPLIT',
  'GOLDEN_CHANGED',
  'RETIRED',
  'OTRO',
];

/**
 * State of the identity after the change (estado): ACTIVE in use; MERGED redirects to mergedInto;
 * RETIRED no longer has records.
 *
 * Avro enum `hub.identity.IdentityStatus`.
 */
export type IdentityStatus = 'ACTIVE' | 'MERGED' | 'RETIRED';

/** Symbols of {@link IdentityStatus}, in schema order. */
export const IdentityStatusSymbols: readonly IdentityStatus[] = ['ACTIVE', 'MERGED', 'RETIRED'];

/**
 * The identity's best values (registro maestro), chosen field by field from its records by source
 * trust, recency and frequency. Null fields are unknown.
 *
 * Avro record `hub.identity.GoldenRecord`.
 */
export interface GoldenRecord {
  /** Normalised RUN (12345678-5) when a valid one is known. */
  run: string | null;
  /** Given names (nombres). */
  givenNames: string | null;
  /** First surname (apellido paterno). */
  paternalSurname: string | null;
  /** Second surname (apellido materno). */
  maternalSurname: string | null;
  /** Date of birth (fecha de nacimiento) as YYYY-MM-DD. */
  birthDate: string | null;
  /** Registered sex (sexo registral). */
  sex: Sex | null;
  /**
   * Current comuna of residence as its 5-digit CUT code (comuna de residencia), for municipal
   * routing.
   */
  comunaCode: string | null;
  /** One entry per non-null field above. */
  provenance: GoldenFieldProvenance[];
}

/**
 * Where one golden value came from (procedencia).
 *
 * Avro record `hub.identity.GoldenFieldProvenance`.
 */
export interface GoldenFieldProvenance {
  /** Golden field name, e.g. comunaCode. */
  field: string;
  /** Source institution of the chosen value. */
  source: string;
  /** Source record of the chosen value, `<source>|<sourceRecordId>`. */
  recordKey: string;
  /** When that record was observed (envelope occurredAt). */
  observedAt: number;
}

/**
 * Self-contained Avro schema of `hub.identity.ChildIdentityChanged` (referenced types inlined), as
 * the registry receives it.
 */
export const ChildIdentityChangedSchema: RecordSchema = {
  type: 'record',
  name: 'ChildIdentityChanged',
  namespace: 'hub.identity',
  doc: "The hub's identity of one child (NNA, niño, niña o adolescente) changed: created, a source record linked or unlinked, merged into another identity, split, or its golden record (registro maestro) changed. Published by the identity service, keyed by child id, in the order of the identity's link ledger. Carries the identity's state after the change, so a consumer can keep its own view from this stream alone.",
  fields: [
    {
      name: 'envelope',
      type: {
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
      },
      doc: "sourceInstitution is HUB and sourceRecordId the child id; eventId is derived from the input event (or request) and the ledger entry, so a replay produces the same ids; occurredAt is the input fact's time.",
    },
    {
      name: 'childId',
      type: 'string',
      doc: "The hub's opaque child id (identificador del NNA), e.g. NNA-01J9Z3...; never reused. Also the message key.",
    },
    {
      name: 'kind',
      type: {
        type: 'enum',
        name: 'IdentityChangeKind',
        doc: 'What happened to the identity (tipo de cambio): CREATED a new identity; RECORD_LINKED source records joined it; RECORD_UNLINKED records left it; MERGED it was merged into mergedInto and now redirects there (the survivor gets RECORD_LINKED with mergedFrom); SPLIT records were moved out to new identities (relatedChildIds); GOLDEN_CHANGED only the golden record changed; RETIRED it has no records left; OTRO a kind added after this version.',
        symbols: [
          'CREATED',
          'RECORD_LINKED',
          'RECORD_UNLINKED',
          'MERGED',
          'SPLIT',
          'GOLDEN_CHANGED',
          'RETIRED',
          'OTRO',
        ],
        default: 'OTRO',
      },
      doc: 'Kind of change (tipo de cambio).',
    },
    {
      name: 'status',
      type: {
        type: 'enum',
        name: 'IdentityStatus',
        doc: 'State of the identity after the change (estado): ACTIVE in use; MERGED redirects to mergedInto; RETIRED no longer has records.',
        symbols: ['ACTIVE', 'MERGED', 'RETIRED'],
      },
      doc: 'State of the identity after the change (estado).',
    },
    {
      name: 'affectedRecordKeys',
      type: { type: 'array', items: 'string' },
      default: [],
      doc: 'Source records the change moved (registros afectados), as `<source>|<sourceRecordId>`: linked for CREATED / RECORD_LINKED, unlinked for RECORD_UNLINKED / SPLIT, all of them for MERGED.',
    },
    {
      name: 'recordKeys',
      type: { type: 'array', items: 'string' },
      default: [],
      doc: 'Every source record that belongs to the identity after the change (registros vinculados), as `<source>|<sourceRecordId>`, sorted. Empty when MERGED or RETIRED.',
    },
    {
      name: 'mergedInto',
      type: ['null', 'string'],
      default: null,
      doc: 'For MERGED: the surviving child id this one now redirects to (fusionado en).',
    },
    {
      name: 'mergedFrom',
      type: { type: 'array', items: 'string' },
      default: [],
      doc: "Child ids merged into this identity by this change (fusionados desde), on the survivor's event.",
    },
    {
      name: 'relatedChildIds',
      type: { type: 'array', items: 'string' },
      default: [],
      doc: 'For SPLIT: the new identities the records moved to; for a CREATED by a split: the identity it was split from (identidades relacionadas).',
    },
    {
      name: 'underReview',
      type: 'boolean',
      default: false,
      doc: 'True while a review task (tarea de revisión) involving this identity is open: its links are provisional.',
    },
    {
      name: 'golden',
      type: [
        'null',
        {
          type: 'record',
          name: 'GoldenRecord',
          doc: "The identity's best values (registro maestro), chosen field by field from its records by source trust, recency and frequency. Null fields are unknown.",
          fields: [
            {
              name: 'run',
              type: ['null', 'string'],
              default: null,
              doc: 'Normalised RUN (12345678-5) when a valid one is known.',
            },
            {
              name: 'givenNames',
              type: ['null', 'string'],
              default: null,
              doc: 'Given names (nombres).',
            },
            {
              name: 'paternalSurname',
              type: ['null', 'string'],
              default: null,
              doc: 'First surname (apellido paterno).',
            },
            {
              name: 'maternalSurname',
              type: ['null', 'string'],
              default: null,
              doc: 'Second surname (apellido materno).',
            },
            {
              name: 'birthDate',
              type: ['null', 'string'],
              default: null,
              doc: 'Date of birth (fecha de nacimiento) as YYYY-MM-DD.',
            },
            {
              name: 'sex',
              type: [
                'null',
                {
                  type: 'enum',
                  name: 'Sex',
                  doc: 'Registered sex: F female, M male, X non-binary or other.',
                  symbols: ['F', 'M', 'X'],
                },
              ],
              default: null,
              doc: 'Registered sex (sexo registral).',
            },
            {
              name: 'comunaCode',
              type: ['null', 'string'],
              default: null,
              doc: 'Current comuna of residence as its 5-digit CUT code (comuna de residencia), for municipal routing.',
            },
            {
              name: 'provenance',
              type: {
                type: 'array',
                items: {
                  type: 'record',
                  name: 'GoldenFieldProvenance',
                  doc: 'Where one golden value came from (procedencia).',
                  fields: [
                    { name: 'field', type: 'string', doc: 'Golden field name, e.g. comunaCode.' },
                    {
                      name: 'source',
                      type: 'string',
                      doc: 'Source institution of the chosen value.',
                    },
                    {
                      name: 'recordKey',
                      type: 'string',
                      doc: 'Source record of the chosen value, `<source>|<sourceRecordId>`.',
                    },
                    {
                      name: 'observedAt',
                      type: { type: 'long', logicalType: 'timestamp-millis' },
                      doc: 'When that record was observed (envelope occurredAt).',
                    },
                  ],
                },
              },
              default: [],
              doc: 'One entry per non-null field above.',
            },
          ],
        },
      ],
      default: null,
      doc: 'The golden record after the change (registro maestro); null when MERGED or RETIRED.',
    },
    {
      name: 'ledgerSeq',
      type: 'long',
      doc: 'Sequence number of the link-ledger entry (bitácora de vínculos) that produced this event; increases per identity.',
    },
    {
      name: 'actor',
      type: 'string',
      doc: 'Who decided (actor): engine for automatic decisions, user:<subject> for reviewers.',
    },
    {
      name: 'reason',
      type: 'string',
      doc: 'Why (motivo), a code such as auto-link, new-child, review-provisional, manual-merge.',
    },
    {
      name: 'modelVersion',
      type: ['null', 'string'],
      default: null,
      doc: 'Version of the matching model that decided, for engine decisions (versión del modelo).',
    },
  ],
};
