// Generated from schemas/avro/sename/diagnosis-reported.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';
import type { CourtCaseRef } from './court-case-ref.v1';
import type { DiagnosisType } from './diagnosis-type.v1';
import type { EgressDestination } from './egress-destination.v1';
import type { EventEnvelope } from './event-envelope.v1';
import type { PersonRecord } from './person-record.v1';

/**
 * A centre sent the court its diagnosis or expert report with its proposal of measures (informe
 * diagnóstico con proposición de medidas / informe de discernimiento). Only the coded outcome
 * travels, never the report's content. Drives IN_DIAGNOSIS -> REPORTED_TO_COURT (S4 -> S5).
 * envelope.occurredAt is when the report was sent to the court.
 *
 * Avro record `hub.sename.DiagnosisReported`.
 */
export interface DiagnosisReported {
  /** Where and when the report was sent, and its idempotency id. */
  envelope: EventEnvelope;
  /** The child as the programme knows them. */
  person: PersonRecord;
  /** Id of the stay (código de ingreso) the diagnosis belongs to. */
  caseId: string;
  /** Code of the programme or centre that made the diagnosis (código de proyecto / centro). */
  programmeCode: string;
  /** The court cause the report is filed in (court, RIT, RUC), when known. */
  courtCase: CourtCaseRef | null;
  /** Kind of diagnosis or expert report delivered (tipo de diagnóstico / pericia). */
  diagnosisType: DiagnosisType;
  /**
   * Complexity level of the violation (nivel de complejidad: alta, media, baja), when the diagnosis
   * qualifies it.
   */
  complexityLevel: ComplexityLevel | null;
  /**
   * Spheres the violation affects (ámbitos: individual, familiar, social). Empty when not
   * qualified.
   */
  ambits: Ambit[];
  /** The measure the centre proposes (proposición de medidas), when the report makes one. */
  recommendation: DiagnosisRecommendation | null;
  /** Destination proposed when the recommendation is an exit (destino de egreso propuesto). */
  recommendedDestination: EgressDestination | null;
}

/**
 * Complexity of the rights violation (nivel de complejidad). ALTA: e.g. problematic drug use,
 * school drop-out, street life, worst forms of child labour, conflict with the law, violence, vital
 * risk. MEDIA: intermediate. BAJA: less grave violations (e.g. mild physical maltreatment,
 * difficult interactions at school or with parents).
 *
 * Avro enum `hub.sename.ComplexityLevel`.
 */
export type ComplexityLevel = 'ALTA' | 'MEDIA' | 'BAJA';

/** Symbols of {@link ComplexityLevel}, in schema order. */
export const ComplexityLevelSymbols: readonly ComplexityLevel[] = ['ALTA', 'MEDIA', 'BAJA'];

/**
 * Sphere a violation affects or a plan works on (ámbito / eje). INDIVIDUAL: the child. FAMILIAR:
 * the family. SOCIAL_COMUNITARIO: the social and community environment (the diagnosis's 'social'
 * ámbito and the plan's 'comunitario' eje).
 *
 * Avro enum `hub.sename.Ambit`.
 */
export type Ambit = 'INDIVIDUAL' | 'FAMILIAR' | 'SOCIAL_COMUNITARIO';

/** Symbols of {@link Ambit}, in schema order. */
export const AmbitSymbols: readonly Ambit[] = ['INDIVIDUAL', 'FAMILIAR', 'SOCIAL_COMUNITARIO'];

/**
 * What the centre proposes to the court (proposición de medidas). INTERVENCION_BREVE: brief
 * intervention (PII of about 3 months). INTERVENCION_ESPECIALIZADA: specialised intervention (PII
 * of up to 6 months). EGRESO: exit, to the destination in recommendedDestination (family, another
 * programme...). OTRO: any other proposal; also what older readers see for a proposal added later.
 *
 * Avro enum `hub.sename.DiagnosisRecommendation`.
 */
export type DiagnosisRecommendation = 'INTERVENCION_BREVE' | 'INTERVENCION_ESPECIALIZADA' | 'EGRESO' | 'OTRO';

/** Symbols of {@link DiagnosisRecommendation}, in schema order. */
export const DiagnosisRecommendationSymbols: readonly DiagnosisRecommendation[] = ['INTERVENCION_BREVE', 'INTERVENCION_ESPECIALIZADA', 'EGRESO', 'OTRO'];

/**
 * Self-contained Avro schema of `hub.sename.DiagnosisReported` (referenced types inlined), as the
 * registry receives it.
 */
export const DiagnosisReportedSchema: RecordSchema = {
  type: 'record',
  name: 'DiagnosisReported',
  namespace: 'hub.sename',
  doc: "A centre sent the court its diagnosis or expert report with its proposal of measures (informe diagnóstico con proposición de medidas / informe de discernimiento). Only the coded outcome travels, never the report's content. Drives IN_DIAGNOSIS -> REPORTED_TO_COURT (S4 -> S5). envelope.occurredAt is when the report was sent to the court.",
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
      doc: 'Where and when the report was sent, and its idempotency id.',
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
      doc: 'Id of the stay (código de ingreso) the diagnosis belongs to.',
    },
    {
      name: 'programmeCode',
      type: 'string',
      doc: 'Code of the programme or centre that made the diagnosis (código de proyecto / centro).',
    },
    {
      name: 'courtCase',
      type: [
        'null',
        {
          type: 'record',
          name: 'CourtCaseRef',
          namespace: 'hub.tribunal',
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
      ],
      default: null,
      doc: 'The court cause the report is filed in (court, RIT, RUC), when known.',
    },
    {
      name: 'diagnosisType',
      type: {
        type: 'enum',
        name: 'DiagnosisType',
        namespace: 'hub.tribunal',
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
      doc: 'Kind of diagnosis or expert report delivered (tipo de diagnóstico / pericia).',
    },
    {
      name: 'complexityLevel',
      type: [
        'null',
        {
          type: 'enum',
          name: 'ComplexityLevel',
          doc: 'Complexity of the rights violation (nivel de complejidad). ALTA: e.g. problematic drug use, school drop-out, street life, worst forms of child labour, conflict with the law, violence, vital risk. MEDIA: intermediate. BAJA: less grave violations (e.g. mild physical maltreatment, difficult interactions at school or with parents).',
          symbols: ['ALTA', 'MEDIA', 'BAJA'],
        },
      ],
      default: null,
      doc: 'Complexity level of the violation (nivel de complejidad: alta, media, baja), when the diagnosis qualifies it.',
    },
    {
      name: 'ambits',
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
      doc: 'Spheres the violation affects (ámbitos: individual, familiar, social). Empty when not qualified.',
    },
    {
      name: 'recommendation',
      type: [
        'null',
        {
          type: 'enum',
          name: 'DiagnosisRecommendation',
          doc: 'What the centre proposes to the court (proposición de medidas). INTERVENCION_BREVE: brief intervention (PII of about 3 months). INTERVENCION_ESPECIALIZADA: specialised intervention (PII of up to 6 months). EGRESO: exit, to the destination in recommendedDestination (family, another programme...). OTRO: any other proposal; also what older readers see for a proposal added later.',
          symbols: ['INTERVENCION_BREVE', 'INTERVENCION_ESPECIALIZADA', 'EGRESO', 'OTRO'],
          default: 'OTRO',
        },
      ],
      default: null,
      doc: 'The measure the centre proposes (proposición de medidas), when the report makes one.',
    },
    {
      name: 'recommendedDestination',
      type: [
        'null',
        {
          type: 'enum',
          name: 'EgressDestination',
          doc: 'Where a child goes when leaving a programme (destino de egreso), as proposed by a centre, ordered by a court or executed. FAMILIA_ORIGEN: family of origin (reinserción familiar). FAMILIA_EXTENDIDA: extended family. FAMILIA_ADOPTIVA: adoptive family (after the declaration of susceptibility, Ley 19.620). FAMILIA_SUSTITUTA: substitute family. VIDA_INDEPENDIENTE: independent living (14-18 only). PROGRAMA_RED_PROTECCION: another project of the protection network (residence, foster care, ambulatory reparative programme, OPD...; which one is in the destination modality and programme fields). MEDIO_LIBRE: protection measure in the community (medida de protección en el medio libre). CERECO: a CERECO / closed-regime centre. GENDARMERIA: Sección de Menores of Gendarmería (con discernimiento). PROGRAMA_FUERA_RED: services outside the network (COSAM, municipal programmes, education, SENCE training). OTRO: any other destination; also what older readers see for a destination added later.',
          symbols: [
            'FAMILIA_ORIGEN',
            'FAMILIA_EXTENDIDA',
            'FAMILIA_ADOPTIVA',
            'FAMILIA_SUSTITUTA',
            'VIDA_INDEPENDIENTE',
            'PROGRAMA_RED_PROTECCION',
            'MEDIO_LIBRE',
            'CERECO',
            'GENDARMERIA',
            'PROGRAMA_FUERA_RED',
            'OTRO',
          ],
          default: 'OTRO',
        },
      ],
      default: null,
      doc: 'Destination proposed when the recommendation is an exit (destino de egreso propuesto).',
    },
  ],
};
