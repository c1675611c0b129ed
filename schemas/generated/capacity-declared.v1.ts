// Generated from schemas/avro/sename/capacity-declared.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';
import type { Administration } from './administration.v1';
import type { CareRegime } from './care-regime.v1';
import type { EventEnvelope } from './event-envelope.v1';
import type { ProgrammeModality } from './programme-modality.v1';

/**
 * A programme declared how many places it has (plazas) from a date on. About a programme, not a
 * child: it has no person field and travels on its own topic (hub.sename.capacity.v1), keyed by
 * programme, so consumers of child events never see it and occupancy consumers need no access to
 * children's data. Feeds the occupancy indicators (vigentes over plazas: 7, 18, 25, 35, 44).
 * envelope.sourceRecordId is the declaration's id; envelope.occurredAt is when it was made.
 *
 * Avro record `hub.sename.CapacityDeclared`.
 */
export interface CapacityDeclared {
  /** Where and when the declaration was made, and its idempotency id. */
  envelope: EventEnvelope;
  /** Code of the programme or centre (código de proyecto / centro); the topic's key. */
  programmeCode: string;
  /** Name of the programme or centre (nombre del proyecto / centro), when given. */
  programmeName: string | null;
  /** Modality of the programme (modalidad). */
  modality: ProgrammeModality;
  /**
   * Regime the places are for (plazas residenciales o ambulatorias). A programme with both declares
   * each separately.
   */
  regime: CareRegime;
  /** Whether the programme is run by the service (AADD) or by a collaborating body (OCA). */
  administration: Administration;
  /** Code of the collaborating body (OCA) that runs the programme. Null for AADD centres. */
  collaboratingInstitutionCode: string | null;
  /** Region of the programme as its 2-digit CUT region code (e.g. 13), when known. */
  regionCode: string | null;
  /** Comuna of the programme as its 5-digit CUT code (e.g. 13101), when known. */
  comunaCode: string | null;
  /** Number of places (plazas) declared, zero or more. */
  places: number;
  /** First day the places apply, YYYY-MM-DD. */
  validFrom: string;
  /**
   * Last day the places apply, YYYY-MM-DD; null while open-ended (a later declaration replaces it
   * from its own validFrom).
   */
  validTo: string | null;
}

/**
 * Self-contained Avro schema of `hub.sename.CapacityDeclared` (referenced types inlined), as the
 * registry receives it.
 */
export const CapacityDeclaredSchema: RecordSchema = {
  type: 'record',
  name: 'CapacityDeclared',
  namespace: 'hub.sename',
  doc: "A programme declared how many places it has (plazas) from a date on. About a programme, not a child: it has no person field and travels on its own topic (hub.sename.capacity.v1), keyed by programme, so consumers of child events never see it and occupancy consumers need no access to children's data. Feeds the occupancy indicators (vigentes over plazas: 7, 18, 25, 35, 44). envelope.sourceRecordId is the declaration's id; envelope.occurredAt is when it was made.",
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
      doc: 'Where and when the declaration was made, and its idempotency id.',
    },
    {
      name: 'programmeCode',
      type: 'string',
      doc: "Code of the programme or centre (código de proyecto / centro); the topic's key.",
    },
    {
      name: 'programmeName',
      type: ['null', 'string'],
      default: null,
      doc: 'Name of the programme or centre (nombre del proyecto / centro), when given.',
    },
    {
      name: 'modality',
      type: {
        type: 'enum',
        name: 'ProgrammeModality',
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
      doc: 'Modality of the programme (modalidad).',
    },
    {
      name: 'regime',
      type: {
        type: 'enum',
        name: 'CareRegime',
        doc: 'How a programme serves the child (régimen). RESIDENCIAL: the child lives in the centre (internado, residencial). AMBULATORIO: the child lives at home and attends (ambulatorio, medio libre).',
        symbols: ['RESIDENCIAL', 'AMBULATORIO'],
      },
      doc: 'Regime the places are for (plazas residenciales o ambulatorias). A programme with both declares each separately.',
    },
    {
      name: 'administration',
      type: {
        type: 'enum',
        name: 'Administration',
        doc: 'Who runs a programme (administración). AADD: the service itself (Administración Directa). OCA: an accredited private collaborating body paid per child (organismo colaborador acreditado).',
        symbols: ['AADD', 'OCA'],
      },
      doc: 'Whether the programme is run by the service (AADD) or by a collaborating body (OCA).',
    },
    {
      name: 'collaboratingInstitutionCode',
      type: ['null', 'string'],
      default: null,
      doc: 'Code of the collaborating body (OCA) that runs the programme. Null for AADD centres.',
    },
    {
      name: 'regionCode',
      type: ['null', 'string'],
      default: null,
      doc: 'Region of the programme as its 2-digit CUT region code (e.g. 13), when known.',
    },
    {
      name: 'comunaCode',
      type: ['null', 'string'],
      default: null,
      doc: 'Comuna of the programme as its 5-digit CUT code (e.g. 13101), when known.',
    },
    { name: 'places', type: 'int', doc: 'Number of places (plazas) declared, zero or more.' },
    { name: 'validFrom', type: 'string', doc: 'First day the places apply, YYYY-MM-DD.' },
    {
      name: 'validTo',
      type: ['null', 'string'],
      default: null,
      doc: 'Last day the places apply, YYYY-MM-DD; null while open-ended (a later declaration replaces it from its own validFrom).',
    },
  ],
};
