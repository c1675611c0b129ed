// Generated from schemas/avro/tribunal/hearing-scheduled.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';
import type { CourtCaseRef } from './court-case-ref.v1';
import type { EventEnvelope } from './event-envelope.v1';
import type { PersonRecord } from './person-record.v1';

/**
 * A court scheduled a hearing in a child's cause (citación a audiencia). Drives the deadline for
 * the centre's report (2 days before the hearing). envelope.sourceRecordId is the hearing's id: a
 * later HearingScheduled with the same id reschedules it. envelope.occurredAt is when it was
 * scheduled, not when it takes place.
 *
 * Avro record `hub.tribunal.HearingScheduled`.
 */
export interface HearingScheduled {
  /** Where and when the hearing was scheduled, and its idempotency id. */
  envelope: EventEnvelope;
  /** The child as the court knows them. */
  person: PersonRecord;
  /** The cause (causa) the hearing belongs to. */
  courtCase: CourtCaseRef;
  /** When the hearing (audiencia) takes place (epoch milliseconds, UTC). */
  scheduledAt: number;
  /**
   * Kind of hearing as the court names or codes it (tipo de audiencia, e.g. preparatoria, de
   * juicio, de revisión de medida), when given.
   */
  hearingType: string | null;
}

/**
 * Self-contained Avro schema of `hub.tribunal.HearingScheduled` (referenced types inlined), as the
 * registry receives it.
 */
export const HearingScheduledSchema: RecordSchema = {
  type: 'record',
  name: 'HearingScheduled',
  namespace: 'hub.tribunal',
  doc: "A court scheduled a hearing in a child's cause (citación a audiencia). Drives the deadline for the centre's report (2 days before the hearing). envelope.sourceRecordId is the hearing's id: a later HearingScheduled with the same id reschedules it. envelope.occurredAt is when it was scheduled, not when it takes place.",
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
      doc: 'Where and when the hearing was scheduled, and its idempotency id.',
    },
    {
      name: 'person',
      type: {
        type: 'record',
        name: 'PersonRecord',
        namespace: 'hub.identity',
        doc: "A person as one source system holds them: the hub's canonical person record, also used one per line in NDJSON batch files. Values are kept as the source gives them; normalisation and matching happen downstream.",
        fields: [
          {
            name: 'source',
            type: 'string',
            doc: 'Code of the source system or institution the record comes from.',
          },
          {
            name: 'sourceRecordId',
            type: 'string',
            doc: "Id of the person's record in the source system.",
          },
          {
            name: 'run',
            type: ['null', 'string'],
            default: null,
            doc: 'Chilean RUN as the source wrote it, in any common form (12.345.678-5, 12345678-5, 123456785, lower-case k). Null when the person has none or the source does not know it. Validated and normalised downstream.',
          },
          {
            name: 'identifiers',
            type: {
              type: 'array',
              items: {
                type: 'record',
                name: 'Identifier',
                doc: 'An identifier other than the RUN, qualified by the scheme that issued it.',
                fields: [
                  {
                    name: 'scheme',
                    type: 'string',
                    doc: 'Issuing scheme, e.g. CL-IPE (the provisional school id given to migrant children without a RUN).',
                  },
                  { name: 'value', type: 'string', doc: 'The identifier as the scheme writes it.' },
                ],
              },
            },
            default: [],
            doc: 'Identifiers other than the RUN (e.g. IPE). Empty when there are none.',
          },
          {
            name: 'givenNames',
            type: ['null', 'string'],
            default: null,
            doc: 'Given names, as written by the source.',
          },
          {
            name: 'paternalSurname',
            type: ['null', 'string'],
            default: null,
            doc: 'First (paternal) surname, as written by the source.',
          },
          {
            name: 'maternalSurname',
            type: ['null', 'string'],
            default: null,
            doc: 'Second (maternal) surname, as written by the source.',
          },
          {
            name: 'birthDate',
            type: ['null', 'string'],
            default: null,
            doc: 'Date of birth as YYYY-MM-DD. A string, not a date logical type, because sources send partial or doubtful dates that must reach matching unchanged.',
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
            doc: 'Registered sex, when the source records it.',
          },
          {
            name: 'comunaCode',
            type: ['null', 'string'],
            default: null,
            doc: 'Comuna of residence as its 5-digit CUT code (e.g. 13101), when known.',
          },
          {
            name: 'address',
            type: [
              'null',
              {
                type: 'record',
                name: 'Address',
                doc: 'A postal address as the source holds it; every part may be missing.',
                fields: [
                  {
                    name: 'street',
                    type: ['null', 'string'],
                    default: null,
                    doc: 'Street, number and unit, as one line.',
                  },
                  {
                    name: 'locality',
                    type: ['null', 'string'],
                    default: null,
                    doc: 'Locality, town or village (for rural addresses, the sector).',
                  },
                  {
                    name: 'postcode',
                    type: ['null', 'string'],
                    default: null,
                    doc: 'Postal code, when the source has one.',
                  },
                  {
                    name: 'region',
                    type: ['null', 'string'],
                    default: null,
                    doc: 'Region, as the source names or codes it.',
                  },
                ],
              },
            ],
            default: null,
            doc: 'Address of residence, when the source has one.',
          },
          {
            name: 'phone',
            type: ['null', 'string'],
            default: null,
            doc: 'Contact phone number, as written by the source.',
          },
        ],
      },
      doc: 'The child as the court knows them.',
    },
    {
      name: 'courtCase',
      type: {
        type: 'record',
        name: 'CourtCaseRef',
        doc: 'Reference to a court cause (causa): which court and under which RIT, plus the national RUC when there is one. The RIT is unique only within its court, so (courtCode, rit) together identify the cause. RIT and RUC reveal that a child is in a protection cause: they are sensitive quasi-identifiers, never message keys and never logged.',
        fields: [
          {
            name: 'courtCode',
            type: 'string',
            doc: 'Code of the court (código de tribunal) as the Poder Judicial assigns it.',
          },
          {
            name: 'courtType',
            type: {
              type: 'enum',
              name: 'CourtType',
              doc: 'Kind of court (tipo de tribunal). FAMILIA: Tribunal de Familia (protection measures, 14-16-year-old offenders). GARANTIA: Tribunal de Garantía (adolescent criminal procedure, 16-18). MENORES: legacy Tribunal / Juzgado de Menores. OTRO: any other court; also what older readers see for a kind added later.',
              symbols: ['FAMILIA', 'GARANTIA', 'MENORES', 'OTRO'],
              default: 'OTRO',
            },
            doc: 'Kind of court that holds the cause (tipo de tribunal).',
          },
          {
            name: 'rit',
            type: 'string',
            doc: 'RIT (Rol Interno del Tribunal), <letter>-<number>-<year> as the court writes it, e.g. P-1234-2023 (P: protection cause, O: OLN communications). Unique only within courtCode.',
          },
          {
            name: 'ruc',
            type: ['null', 'string'],
            default: null,
            doc: 'RUC (Rol Único de Causa), the national cause number (YYONNNNNNN-D, modulo-11 check digit), when the cause has one. Null for many family causes.',
          },
        ],
      },
      doc: 'The cause (causa) the hearing belongs to.',
    },
    {
      name: 'scheduledAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the hearing (audiencia) takes place (epoch milliseconds, UTC).',
    },
    {
      name: 'hearingType',
      type: ['null', 'string'],
      default: null,
      doc: 'Kind of hearing as the court names or codes it (tipo de audiencia, e.g. preparatoria, de juicio, de revisión de medida), when given.',
    },
  ],
};
