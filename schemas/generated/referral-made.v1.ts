// Generated from schemas/avro/municipality/referral-made.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';
import type { EventEnvelope } from './event-envelope.v1';
import type { OfficeType } from './office-type.v1';
import type { PersonRecord } from './person-record.v1';
import type { ProgrammeModality } from './programme-modality.v1';

/**
 * A municipal office referred a child to a programme, service or court (derivación). A referral to
 * a family court opens a protection cause (Causa P) and may lead to REFERRAL_ORDERED (S0); a
 * referral to a protection programme may lead to its AdmissionRegistered. envelope.sourceRecordId
 * is the referral's id; envelope.occurredAt is when it was sent.
 *
 * Avro record `hub.municipality.ReferralMade`.
 */
export interface ReferralMade {
  /** Where and when the referral was sent, and its idempotency id. */
  envelope: EventEnvelope;
  /** The child as the municipal office knows them. */
  person: PersonRecord;
  /** Comuna of the office as its 5-digit CUT code. */
  comunaCode: string;
  /** Kind of office (OPD or OLN). */
  officeType: OfficeType;
  /** Id of the local case the referral belongs to. */
  localCaseId: string;
  /** Kind of receiver the child is referred to. */
  target: ReferralTarget;
  /** Modality of the receiving programme when the target is a protection programme. */
  targetModality: ProgrammeModality | null;
  /**
   * Code of the receiving unit when known: programme code, court code, DEIS establishment code or
   * school RBD, according to target.
   */
  targetUnitCode: string | null;
}

/**
 * Where the child is referred. TRIBUNAL_FAMILIA: a family court, asking for a protection measure
 * (opens a Causa P). PROGRAMA_PROTECCION: a programme of the protection network (Mejor Niñez /
 * OCA). SERVICIO_MUNICIPAL: a municipal service (DIDECO, OMIL, housing...). SALUD: a health service
 * (CESFAM, COSAM). EDUCACION: an education service or school. OTRO: anywhere else; also what older
 * readers see for a target added later.
 *
 * Avro enum `hub.municipality.ReferralTarget`.
 */
export type ReferralTarget = 'TRIBUNAL_FAMILIA' | 'PROGRAMA_PROTECCION' | 'SERVICIO_MUNICIPAL' | 'SALUD' | 'EDUCACION' | 'OTRO';

/** Symbols of {@link ReferralTarget}, in schema order. */
export const ReferralTargetSymbols: readonly ReferralTarget[] = ['TRIBUNAL_FAMILIA', 'PROGRAMA_PROTECCION', 'SERVICIO_MUNICIPAL', 'SALUD', 'EDUCACION', 'OTRO'];

/**
 * Self-contained Avro schema of `hub.municipality.ReferralMade` (referenced types inlined), as the
 * registry receives it.
 */
export const ReferralMadeSchema: RecordSchema = {
  type: 'record',
  name: 'ReferralMade',
  namespace: 'hub.municipality',
  doc: "A municipal office referred a child to a programme, service or court (derivación). A referral to a family court opens a protection cause (Causa P) and may lead to REFERRAL_ORDERED (S0); a referral to a protection programme may lead to its AdmissionRegistered. envelope.sourceRecordId is the referral's id; envelope.occurredAt is when it was sent.",
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
      doc: 'Where and when the referral was sent, and its idempotency id.',
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
      doc: 'The child as the municipal office knows them.',
    },
    { name: 'comunaCode', type: 'string', doc: 'Comuna of the office as its 5-digit CUT code.' },
    {
      name: 'officeType',
      type: {
        type: 'enum',
        name: 'OfficeType',
        doc: 'Kind of municipal child-protection office. OPD: Oficina de Protección de Derechos (being replaced). OLN: Oficina Local de la Niñez (Ley 21.430; administrative protection).',
        symbols: ['OPD', 'OLN'],
      },
      doc: 'Kind of office (OPD or OLN).',
    },
    { name: 'localCaseId', type: 'string', doc: 'Id of the local case the referral belongs to.' },
    {
      name: 'target',
      type: {
        type: 'enum',
        name: 'ReferralTarget',
        doc: 'Where the child is referred. TRIBUNAL_FAMILIA: a family court, asking for a protection measure (opens a Causa P). PROGRAMA_PROTECCION: a programme of the protection network (Mejor Niñez / OCA). SERVICIO_MUNICIPAL: a municipal service (DIDECO, OMIL, housing...). SALUD: a health service (CESFAM, COSAM). EDUCACION: an education service or school. OTRO: anywhere else; also what older readers see for a target added later.',
        symbols: [
          'TRIBUNAL_FAMILIA',
          'PROGRAMA_PROTECCION',
          'SERVICIO_MUNICIPAL',
          'SALUD',
          'EDUCACION',
          'OTRO',
        ],
        default: 'OTRO',
      },
      doc: 'Kind of receiver the child is referred to.',
    },
    {
      name: 'targetModality',
      type: [
        'null',
        {
          type: 'enum',
          name: 'ProgrammeModality',
          namespace: 'hub.sename',
          doc: 'Modality of a programme or centre of the SENAME / Mejor Niñez network (modalidad), run directly (AADD) or by an OCA. CTDL: Centro de Tránsito y Distribución para Lactantes y Preescolares (0-5, residential). CTD: Centro de Tránsito y Distribución (6-17). CTDE: CTD Especializado (boys about 10-13, inimputables). CTD_14_16: CTD for 14-16-year-old offenders inside a COD. COD: Centro de Observación y Diagnóstico (16-18 offenders). CERECO: Centro de Rehabilitación Conductual. CIP: Centro de Internación Provisoria (LRPA, ex-COD). CENTRO_REGIMEN_CERRADO: Centro Privativo de Libertad, closed regime (LRPA, ex-CERECO). CENTRO_SEMICERRADO: semi-closed regime centre (LRPA). MEDIO_LIBRE_RPA: LRPA programmes in the community (intervención ambulatoria, reparación a la víctima, servicios en beneficio de la comunidad). RESIDENCIA: residencia de protección. RESIDENCIA_DISCAPACIDAD: residence for children with disabilities (Ley 20.032). FAMILIA_DE_ACOGIDA: foster-family programme. PROGRAMA_MALTRATO: programme against maltreatment and abuse. PROGRAMA_ESCI: programme against commercial sexual exploitation (ESCI). PROGRAMA_CALLE: street-situation programme. PROGRAMA_DROGAS: drug programme. PROGRAMA_TRABAJO_INFANTIL: child-labour programme. PROGRAMA_INIMPUTABLES: programme for children below the age of criminal responsibility. INTERVENCION_JURIDICA: legal-intervention programme. CIJ: Centro Infanto-Juvenil. OPD: Oficina de Protección de Derechos. ADOPCION: adoption programme / Unidad de Adopción. OTRO: any other modality; also what older readers see for a modality added later.',
          symbols: [
            'CTDL',
            'CTD',
            'CTDE',
            'CTD_14_16',
            'COD',
            'CERECO',
            'CIP',
            'CENTRO_REGIMEN_CERRADO',
            'CENTRO_SEMICERRADO',
            'MEDIO_LIBRE_RPA',
            'RESIDENCIA',
            'RESIDENCIA_DISCAPACIDAD',
            'FAMILIA_DE_ACOGIDA',
            'PROGRAMA_MALTRATO',
            'PROGRAMA_ESCI',
            'PROGRAMA_CALLE',
            'PROGRAMA_DROGAS',
            'PROGRAMA_TRABAJO_INFANTIL',
            'PROGRAMA_INIMPUTABLES',
            'INTERVENCION_JURIDICA',
            'CIJ',
            'OPD',
            'ADOPCION',
            'OTRO',
          ],
          default: 'OTRO',
        },
      ],
      default: null,
      doc: 'Modality of the receiving programme when the target is a protection programme.',
    },
    {
      name: 'targetUnitCode',
      type: ['null', 'string'],
      default: null,
      doc: 'Code of the receiving unit when known: programme code, court code, DEIS establishment code or school RBD, according to target.',
    },
  ],
};
