// Generated from schemas/avro/tribunal/diagnosis-requested.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';
import type { CareRegime } from './care-regime.v1';
import type { CourtCaseRef } from './court-case-ref.v1';
import type { DiagnosisType } from './diagnosis-type.v1';
import type { EventEnvelope } from './event-envelope.v1';
import type { PersonRecord } from './person-record.v1';
import type { ProgrammeModality } from './programme-modality.v1';

/**
 * A court requested a diagnosis or expert report about a child (solicitud de diagnóstico /
 * pericia). Starts the diagnosis (S3 -> S4) and its deadline (20 working days; 15 days for a
 * comprehensive assessment; 5 days in a COD). envelope.sourceRecordId is the request's id;
 * envelope.occurredAt is when it was issued.
 *
 * Avro record `hub.tribunal.DiagnosisRequested`.
 */
export interface DiagnosisRequested {
  /** Where and when the request was issued, and its idempotency id. */
  envelope: EventEnvelope;
  /** The child as the court knows them. */
  person: PersonRecord;
  /** The cause (causa) the request was issued in. */
  courtCase: CourtCaseRef;
  /** Kind of diagnosis or expert report requested (tipo de diagnóstico / pericia). */
  diagnosisType: DiagnosisType;
  /**
   * Whether the diagnosis is to be done residentially or ambulatorily (diagnóstico residencial o
   * ambulatorio), when the court says.
   */
  regime: CareRegime | null;
  /** Modality of the programme asked to do it (e.g. CTD, COD), when the request names one. */
  targetModality: ProgrammeModality | null;
  /**
   * Code of the programme or centre asked to do it (código de proyecto / centro), when the request
   * names one.
   */
  targetProgrammeCode: string | null;
  /**
   * Date the report is due (plazo), YYYY-MM-DD, when the court sets one; otherwise the hub applies
   * the statutory deadline.
   */
  dueDate: string | null;
}

/**
 * Self-contained Avro schema of `hub.tribunal.DiagnosisRequested` (referenced types inlined), as
 * the registry receives it.
 */
export const DiagnosisRequestedSchema: RecordSchema = {
  type: 'record',
  name: 'DiagnosisRequested',
  namespace: 'hub.tribunal',
  doc: "A court requested a diagnosis or expert report about a child (solicitud de diagnóstico / pericia). Starts the diagnosis (S3 -> S4) and its deadline (20 working days; 15 days for a comprehensive assessment; 5 days in a COD). envelope.sourceRecordId is the request's id; envelope.occurredAt is when it was issued.",
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
      doc: 'Where and when the request was issued, and its idempotency id.',
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
      doc: 'The cause (causa) the request was issued in.',
    },
    {
      name: 'diagnosisType',
      type: {
        type: 'enum',
        name: 'DiagnosisType',
        doc: 'Kind of diagnosis or expert report a court orders and a centre delivers (diagnóstico / pericia). DIAGNOSTICO: diagnosis and prognosis of the child and the family context (CTDL, CTD; 20 working days). PROFUNDIZACION_DIAGNOSTICA: in-depth diagnosis (CTDE). DIAGNOSTICO_INTEGRAL: comprehensive assessment of a 14-16-year-old offender (CTD 14-16; 15 days). DISCERNIMIENTO: discernment report on a 16-18-year-old (COD, pre-LRPA; at most 5 days). PERICIA_SOCIAL, PERICIA_PSICOLOGICA, PERICIA_DROGAS: social, psychological and drug-use expert reports (diligencias solicitadas por el tribunal). OTRO: any other kind; also what older readers see for a kind added later.',
        symbols: [
          'DIAGNOSTICO',
          'PROFUNDIZACION_DIAGNOSTICA',
          'DIAGNOSTICO_INTEGRAL',
          'DISCERNIMIENTO',
          'PERICIA_SOCIAL',
          'PERICIA_PSICOLOGICA',
          'PERICIA_DROGAS',
          'OTRO',
        ],
        default: 'OTRO',
      },
      doc: 'Kind of diagnosis or expert report requested (tipo de diagnóstico / pericia).',
    },
    {
      name: 'regime',
      type: [
        'null',
        {
          type: 'enum',
          name: 'CareRegime',
          namespace: 'hub.sename',
          doc: 'How a programme serves the child (régimen). RESIDENCIAL: the child lives in the centre (internado, residencial). AMBULATORIO: the child lives at home and attends (ambulatorio, medio libre).',
          symbols: ['RESIDENCIAL', 'AMBULATORIO'],
        },
      ],
      default: null,
      doc: 'Whether the diagnosis is to be done residentially or ambulatorily (diagnóstico residencial o ambulatorio), when the court says.',
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
      doc: 'Modality of the programme asked to do it (e.g. CTD, COD), when the request names one.',
    },
    {
      name: 'targetProgrammeCode',
      type: ['null', 'string'],
      default: null,
      doc: 'Code of the programme or centre asked to do it (código de proyecto / centro), when the request names one.',
    },
    {
      name: 'dueDate',
      type: ['null', 'string'],
      default: null,
      doc: 'Date the report is due (plazo), YYYY-MM-DD, when the court sets one; otherwise the hub applies the statutory deadline.',
    },
  ],
};
