// Generated from schemas/avro/sename/intervention-plan-created.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';
import type { Ambit } from './diagnosis-reported.v1';
import type { EventEnvelope } from './event-envelope.v1';
import type { InterventionPlanType } from './intervention-plan-type.v1';
import type { PersonRecord } from './person-record.v1';

/**
 * A programme drew up a child's individual intervention plan (PII, plan de intervención
 * individual). Drives REPORTED_TO_COURT -> IN_INTERVENTION_BRIEF or IN_INTERVENTION_SPECIALISED (S5
 * -> S6/S7; in a CERECO, reception -> S7) and the 30-day PII indicator. envelope.sourceRecordId is
 * the plan's id; envelope.occurredAt is when the plan was made.
 *
 * Avro record `hub.sename.InterventionPlanCreated`.
 */
export interface InterventionPlanCreated {
  /** Where and when the plan was made, and its idempotency id. */
  envelope: EventEnvelope;
  /** The child as the programme knows them. */
  person: PersonRecord;
  /** Id of the stay (código de ingreso) the plan belongs to. */
  caseId: string;
  /** Code of the programme or centre that made the plan (código de proyecto / centro). */
  programmeCode: string;
  /** Kind of plan (tipo de PII: breve, especializada, familiar, CERECO, LRPA). */
  planType: InterventionPlanType;
  /** Axes the plan works on (ejes: individual, familiar, comunitario). Empty when not stated. */
  axes: Ambit[];
  /**
   * Date the plan is expected to end, YYYY-MM-DD (about 3 months for a brief plan, up to 6 for a
   * specialised one), when the plan sets it.
   */
  plannedEndDate: string | null;
}

/**
 * Self-contained Avro schema of `hub.sename.InterventionPlanCreated` (referenced types inlined), as
 * the registry receives it.
 */
export const InterventionPlanCreatedSchema: RecordSchema = {
  type: 'record',
  name: 'InterventionPlanCreated',
  namespace: 'hub.sename',
  doc: "A programme drew up a child's individual intervention plan (PII, plan de intervención individual). Drives REPORTED_TO_COURT -> IN_INTERVENTION_BRIEF or IN_INTERVENTION_SPECIALISED (S5 -> S6/S7; in a CERECO, reception -> S7) and the 30-day PII indicator. envelope.sourceRecordId is the plan's id; envelope.occurredAt is when the plan was made.",
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
      doc: 'Where and when the plan was made, and its idempotency id.',
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
      doc: 'The child as the programme knows them.',
    },
    {
      name: 'caseId',
      type: 'string',
      doc: 'Id of the stay (código de ingreso) the plan belongs to.',
    },
    {
      name: 'programmeCode',
      type: 'string',
      doc: 'Code of the programme or centre that made the plan (código de proyecto / centro).',
    },
    {
      name: 'planType',
      type: {
        type: 'enum',
        name: 'InterventionPlanType',
        doc: 'Kind of individual intervention plan (tipo de PII). BREVE: brief intervention, about 3 months (CTD, less grave violations). ESPECIALIZADA: specialised intervention, up to 6 months (CTD, CTDE). FAMILIAR: family-of-origin intervention plan (CTDL, up to 6 months). CERECO: re-educational treatment plan of a CERECO (individual, family and community axes; within 10 days). LRPA: plan of a sanction under the adolescent criminal-responsibility law. OTRO: any other kind; also what older readers see for a kind added later.',
        symbols: ['BREVE', 'ESPECIALIZADA', 'FAMILIAR', 'CERECO', 'LRPA', 'OTRO'],
        default: 'OTRO',
      },
      doc: 'Kind of plan (tipo de PII: breve, especializada, familiar, CERECO, LRPA).',
    },
    {
      name: 'axes',
      type: {
        type: 'array',
        items: {
          type: 'enum',
          name: 'Ambit',
          doc: "Sphere a violation affects or a plan works on (ámbito / eje). INDIVIDUAL: the child. FAMILIAR: the family. SOCIAL_COMUNITARIO: the social and community environment (the diagnosis's 'social' ámbito and the plan's 'comunitario' eje).",
          symbols: ['INDIVIDUAL', 'FAMILIAR', 'SOCIAL_COMUNITARIO'],
        },
      },
      default: [],
      doc: 'Axes the plan works on (ejes: individual, familiar, comunitario). Empty when not stated.',
    },
    {
      name: 'plannedEndDate',
      type: ['null', 'string'],
      default: null,
      doc: 'Date the plan is expected to end, YYYY-MM-DD (about 3 months for a brief plan, up to 6 for a specialised one), when the plan sets it.',
    },
  ],
};
