// Generated from schemas/avro/tribunal/egress-resolved.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';
import type { CourtCaseRef } from './court-case-ref.v1';
import type { EgressDestination } from './egress-destination.v1';
import type { EventEnvelope } from './event-envelope.v1';
import type { PersonRecord } from './person-record.v1';
import type { ProgrammeModality } from './programme-modality.v1';

/**
 * A court resolved on a child's exit from a programme (resolución de egreso), accepting, modifying
 * or rejecting the centre's proposal, or on its own motion. Drives EGRESS_PROPOSED or
 * REPORTED_TO_COURT -> EGRESS_ORDERED (S8/S5 -> S9) unless the decision is RECHAZA.
 * envelope.sourceRecordId is the resolution's id; envelope.occurredAt is when it was issued.
 *
 * Avro record `hub.tribunal.EgressResolved`.
 */
export interface EgressResolved {
  /** Where and when the resolution was issued, and its idempotency id. */
  envelope: EventEnvelope;
  /** The child as the court knows them. */
  person: PersonRecord;
  /** The cause (causa) the resolution was issued in. */
  courtCase: CourtCaseRef;
  /** The court's decision on the exit (acoge, modifica, rechaza, de oficio). */
  decision: EgressDecision;
  /**
   * Code of the programme or centre the child leaves (código de proyecto / centro), when the
   * resolution names it.
   */
  fromProgrammeCode: string | null;
  /** Where the child goes (destino de egreso). Null when the decision is RECHAZA. */
  destination: EgressDestination | null;
  /**
   * Modality of the receiving programme when the destination is a programme (e.g. RESIDENCIA,
   * FAMILIA_DE_ACOGIDA).
   */
  destinationModality: ProgrammeModality | null;
  /** Code of the receiving programme or centre, when the court names one. */
  destinationProgrammeCode: string | null;
  /** Date the exit takes effect, YYYY-MM-DD, when the resolution sets one. */
  effectiveDate: string | null;
}

/**
 * What the court decided about the exit. ACOGE: accepts the centre's proposal as is. MODIFICA:
 * orders the exit on other terms (e.g. another destination). RECHAZA: rejects the proposal; the
 * child stays. DE_OFICIO: orders the exit without a proposal from the centre (e.g. at the hearing
 * after a diagnosis report).
 *
 * Avro enum `hub.tribunal.EgressDecision`.
 */
export type EgressDecision = 'ACOGE' | 'MODIFICA' | 'RECHAZA' | 'DE_OFICIO';

/** Symbols of {@link EgressDecision}, in schema order. */
export const EgressDecisionSymbols: readonly EgressDecision[] = ['ACOGE', 'MODIFICA', 'RECHAZA', 'DE_OFICIO'];

/**
 * Self-contained Avro schema of `hub.tribunal.EgressResolved` (referenced types inlined), as the
 * registry receives it.
 */
export const EgressResolvedSchema: RecordSchema = {
  type: 'record',
  name: 'EgressResolved',
  namespace: 'hub.tribunal',
  doc: "A court resolved on a child's exit from a programme (resolución de egreso), accepting, modifying or rejecting the centre's proposal, or on its own motion. Drives EGRESS_PROPOSED or REPORTED_TO_COURT -> EGRESS_ORDERED (S8/S5 -> S9) unless the decision is RECHAZA. envelope.sourceRecordId is the resolution's id; envelope.occurredAt is when it was issued.",
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
      doc: 'Where and when the resolution was issued, and its idempotency id.',
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
      doc: 'The cause (causa) the resolution was issued in.',
    },
    {
      name: 'decision',
      type: {
        type: 'enum',
        name: 'EgressDecision',
        doc: "What the court decided about the exit. ACOGE: accepts the centre's proposal as is. MODIFICA: orders the exit on other terms (e.g. another destination). RECHAZA: rejects the proposal; the child stays. DE_OFICIO: orders the exit without a proposal from the centre (e.g. at the hearing after a diagnosis report).",
        symbols: ['ACOGE', 'MODIFICA', 'RECHAZA', 'DE_OFICIO'],
      },
      doc: "The court's decision on the exit (acoge, modifica, rechaza, de oficio).",
    },
    {
      name: 'fromProgrammeCode',
      type: ['null', 'string'],
      default: null,
      doc: 'Code of the programme or centre the child leaves (código de proyecto / centro), when the resolution names it.',
    },
    {
      name: 'destination',
      type: [
        'null',
        {
          type: 'enum',
          name: 'EgressDestination',
          namespace: 'hub.sename',
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
      doc: 'Where the child goes (destino de egreso). Null when the decision is RECHAZA.',
    },
    {
      name: 'destinationModality',
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
      doc: 'Modality of the receiving programme when the destination is a programme (e.g. RESIDENCIA, FAMILIA_DE_ACOGIDA).',
    },
    {
      name: 'destinationProgrammeCode',
      type: ['null', 'string'],
      default: null,
      doc: 'Code of the receiving programme or centre, when the court names one.',
    },
    {
      name: 'effectiveDate',
      type: ['null', 'string'],
      default: null,
      doc: 'Date the exit takes effect, YYYY-MM-DD, when the resolution sets one.',
    },
  ],
};
