// Generated from schemas/avro/case/case-updated.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';
import type { CaseLifecycleState, CaseStatus } from './case-status.v1';
import type { EventEnvelope } from './event-envelope.v1';

/**
 * Something changed in a child's case flow (actualización de caso): a case opened, changed state,
 * was removed, a deadline came due or was breached, the child's identity was merged or split, or a
 * data-quality alert appeared. Published on hub.case.updates.v1 keyed by childId, for subscribers
 * such as municipalities (issue 6). Ids, codes and dates only: no names, no RUN.
 *
 * Avro record `hub.case.CaseUpdated`.
 */
export interface CaseUpdated {
  /**
   * sourceInstitution is HUB, sourceRecordId the caseId; eventId is deterministic
   * (`HUB:case:<hash>` of the case, its version and the kind, or of the deadline id and status), so
   * a replay produces the same ids; occurredAt is when the hub derived it.
   */
  envelope: EventEnvelope;
  /** The hub's child id (identificador del NNA) the case belongs to now. Also the message key. */
  childId: string;
  /** The case concerned (identificador del caso). */
  caseId: string;
  /** Kind of update (tipo). */
  kind: CaseUpdateKind;
  /**
   * For CHILD_MERGED / CHILD_SPLIT: the child id the case belonged to before (identificador
   * anterior).
   */
  previousChildId: string | null;
  /** For STATE_CHANGED: the state before (estado anterior). */
  previousState: CaseLifecycleState | null;
  /** For DEADLINE_DUE / DEADLINE_BREACHED: the deadline (plazo) concerned. */
  deadlineId: string | null;
  /** For DATA_QUALITY_ALERT: the new alert codes (alertas nuevas). */
  alertCodes: string[];
  /**
   * CUT code of the child's current comuna in the golden record (comuna actual del NNA), for
   * territorial scoping downstream; null when unknown.
   */
  childComunaCode: string | null;
  /** The case's status after the update (estado del caso); null for CASE_REMOVED. */
  snapshot: CaseStatus | null;
}

/**
 * What happened (tipo de actualización): CASE_OPENED nuevo caso; STATE_CHANGED cambio de estado;
 * CASE_UPDATED other facts changed (a report, a plan, a link); CASE_REMOVED the case no longer
 * exists (provisional referral absorbed, moved away by a split); DEADLINE_DUE plazo por vencer;
 * DEADLINE_BREACHED plazo vencido; CHILD_MERGED the case now belongs to the surviving identity of a
 * merge; CHILD_SPLIT the case followed its source record to another identity; DATA_QUALITY_ALERT a
 * new data-quality alert; OTRO added later.
 *
 * Avro enum `hub.case.CaseUpdateKind`.
 */
export type CaseUpdateKind = 'CASE_OPENED' | 'STATE_CHANGED' | 'CASE_UPDATED' | 'CASE_REMOVED' | 'DEADLINE_DUE' | 'DEADLINE_BREACHED' | 'CHILD_MERGED' | 'CHILD_SPLIT' | 'DATA_QUALITY_ALERT' | 'OTRO';

/** Symbols of {@link CaseUpdateKind}, in schema order. */
export const CaseUpdateKindSymbols: readonly CaseUpdateKind[] = [
  'CASE_OPENED',
  'STATE_CHANGED',
  'CASE_UPDATED',
  'CASE_REMOVED',
  'DEADLINE_DUE',
  'DEADLINE_BREACHED',
  'CHILD_MERGED',
  'CHILD_SPLIT',
  'DATA_QUALITY_ALERT',
  'OTRO',
];

/**
 * Self-contained Avro schema of `hub.case.CaseUpdated` (referenced types inlined), as the registry
 * receives it.
 */
export const CaseUpdatedSchema: RecordSchema = {
  type: 'record',
  name: 'CaseUpdated',
  namespace: 'hub.case',
  doc: "Something changed in a child's case flow (actualización de caso): a case opened, changed state, was removed, a deadline came due or was breached, the child's identity was merged or split, or a data-quality alert appeared. Published on hub.case.updates.v1 keyed by childId, for subscribers such as municipalities (issue 6). Ids, codes and dates only: no names, no RUN.",
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
      doc: 'sourceInstitution is HUB, sourceRecordId the caseId; eventId is deterministic (`HUB:case:<hash>` of the case, its version and the kind, or of the deadline id and status), so a replay produces the same ids; occurredAt is when the hub derived it.',
    },
    {
      name: 'childId',
      type: 'string',
      doc: "The hub's child id (identificador del NNA) the case belongs to now. Also the message key.",
    },
    { name: 'caseId', type: 'string', doc: 'The case concerned (identificador del caso).' },
    {
      name: 'kind',
      type: {
        type: 'enum',
        name: 'CaseUpdateKind',
        doc: 'What happened (tipo de actualización): CASE_OPENED nuevo caso; STATE_CHANGED cambio de estado; CASE_UPDATED other facts changed (a report, a plan, a link); CASE_REMOVED the case no longer exists (provisional referral absorbed, moved away by a split); DEADLINE_DUE plazo por vencer; DEADLINE_BREACHED plazo vencido; CHILD_MERGED the case now belongs to the surviving identity of a merge; CHILD_SPLIT the case followed its source record to another identity; DATA_QUALITY_ALERT a new data-quality alert; OTRO added later.',
        symbols: [
          'CASE_OPENED',
          'STATE_CHANGED',
          'CASE_UPDATED',
          'CASE_REMOVED',
          'DEADLINE_DUE',
          'DEADLINE_BREACHED',
          'CHILD_MERGED',
          'CHILD_SPLIT',
          'DATA_QUALITY_ALERT',
          'OTRO',
        ],
        default: 'OTRO',
      },
      doc: 'Kind of update (tipo).',
    },
    {
      name: 'previousChildId',
      type: ['null', 'string'],
      default: null,
      doc: 'For CHILD_MERGED / CHILD_SPLIT: the child id the case belonged to before (identificador anterior).',
    },
    {
      name: 'previousState',
      type: [
        'null',
        {
          type: 'enum',
          name: 'CaseLifecycleState',
          doc: 'Lifecycle state of the case (estado del caso, S0–S12 of the canonical flow): REFERRAL_ORDERED (orden de ingreso), ADMITTED_PROVISIONAL (ingreso extrajudicial), ADMITTED (ingresado), IN_RECEPTION (acogida), IN_DIAGNOSIS (en diagnóstico), REPORTED_TO_COURT (informe al tribunal), IN_INTERVENTION_BRIEF (intervención breve), IN_INTERVENTION_SPECIALISED (intervención especializada), EGRESS_PROPOSED (egreso propuesto), EGRESS_ORDERED (egreso ordenado), DISCHARGED (egresado), IN_FOLLOW_UP (en seguimiento), CLOSED (cerrado); NONE no state yet; OTRO a state added after this version.',
          symbols: [
            'NONE',
            'REFERRAL_ORDERED',
            'ADMITTED_PROVISIONAL',
            'ADMITTED',
            'IN_RECEPTION',
            'IN_DIAGNOSIS',
            'REPORTED_TO_COURT',
            'IN_INTERVENTION_BRIEF',
            'IN_INTERVENTION_SPECIALISED',
            'EGRESS_PROPOSED',
            'EGRESS_ORDERED',
            'DISCHARGED',
            'IN_FOLLOW_UP',
            'CLOSED',
            'OTRO',
          ],
          default: 'OTRO',
        },
      ],
      default: null,
      doc: 'For STATE_CHANGED: the state before (estado anterior).',
    },
    {
      name: 'deadlineId',
      type: ['null', 'string'],
      default: null,
      doc: 'For DEADLINE_DUE / DEADLINE_BREACHED: the deadline (plazo) concerned.',
    },
    {
      name: 'alertCodes',
      type: { type: 'array', items: 'string' },
      default: [],
      doc: 'For DATA_QUALITY_ALERT: the new alert codes (alertas nuevas).',
    },
    {
      name: 'childComunaCode',
      type: ['null', 'string'],
      default: null,
      doc: "CUT code of the child's current comuna in the golden record (comuna actual del NNA), for territorial scoping downstream; null when unknown.",
    },
    {
      name: 'snapshot',
      type: [
        'null',
        {
          type: 'record',
          name: 'CaseStatus',
          doc: "The current status of one case (caso: one stay of a child in one programme, or a court referral not yet admitted), derived by the hub from every institution's events on the child's golden identity. Published on the compacted hub.case.status.v1 keyed by caseId; a null value (tombstone) removes a provisional case that no longer exists (a referral absorbed by its admission, a stay that moved away after an identity split). Contains ids, codes, states and dates only: no names, no RUN, no address.",
          fields: [
            {
              name: 'envelope',
              type: 'hub.common.EventEnvelope',
              doc: 'sourceInstitution is HUB, sourceRecordId the caseId; eventId is the deterministic id of the update that produced this version (`HUB:case:<hash>`); occurredAt is when the status was derived.',
            },
            {
              name: 'caseId',
              type: 'string',
              doc: 'Case id (identificador del caso): `C:<programmeCode>:<source stay id>` or `R:<court order id>` for a referral not yet admitted. Never contains the child id, so merges and splits never re-key it. Also the message key.',
            },
            {
              name: 'childId',
              type: 'string',
              doc: "The hub's child id (identificador del NNA) the case belongs to now; after an identity merge, the surviving id.",
            },
            {
              name: 'version',
              type: 'long',
              doc: "Version of this case's status (versión), starting at 1 and incremented at each published change: a subscriber keeps the highest.",
            },
            {
              name: 'state',
              type: 'hub.case.CaseLifecycleState',
              doc: 'State of the case at envelope.occurredAt (estado), hub timers (follow-up end, closure) included.',
            },
            {
              name: 'stateSince',
              type: [
                'null',
                { type: 'long', logicalType: 'timestamp-millis' },
              ],
              default: null,
              doc: 'When the case entered its current state (desde).',
            },
            {
              name: 'programmeCode',
              type: ['null', 'string'],
              default: null,
              doc: 'Programme code (código de proyecto) of the stay; for a referral, the programme the court named, if any.',
            },
            {
              name: 'modality',
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
              doc: 'Modality of the programme (modalidad).',
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
              doc: 'Care regime (régimen: residencial / ambulatorio).',
            },
            {
              name: 'administration',
              type: [
                'null',
                {
                  type: 'enum',
                  name: 'Administration',
                  namespace: 'hub.sename',
                  doc: 'Who runs a programme (administración). AADD: the service itself (Administración Directa). OCA: an accredited private collaborating body paid per child (organismo colaborador acreditado).',
                  symbols: ['AADD', 'OCA'],
                },
              ],
              default: null,
              doc: 'Administration (administración directa AADD or collaborating body OCA).',
            },
            {
              name: 'comunaCode',
              type: ['null', 'string'],
              default: null,
              doc: "CUT code of the child's comuna of residence at admission (comuna al ingreso), as the source recorded it.",
            },
            {
              name: 'orderedAt',
              type: [
                'null',
                { type: 'long', logicalType: 'timestamp-millis' },
              ],
              default: null,
              doc: 'When the court ordered the admission (orden de ingreso), if linked.',
            },
            {
              name: 'admittedAt',
              type: [
                'null',
                { type: 'long', logicalType: 'timestamp-millis' },
              ],
              default: null,
              doc: 'When the child was admitted (fecha de ingreso).',
            },
            {
              name: 'admissionKind',
              type: ['null', 'string'],
              default: null,
              doc: 'How the child was admitted (tipo de ingreso: ORDEN_TRIBUNAL, EXTRAJUDICIAL, DERIVACION, OTRO), as the source coded it.',
            },
            {
              name: 'exitedAt',
              type: [
                'null',
                { type: 'long', logicalType: 'timestamp-millis' },
              ],
              default: null,
              doc: 'When the stay ended (fecha de egreso), planned or not.',
            },
            {
              name: 'exitKind',
              type: ['null', 'string'],
              default: null,
              doc: 'PLANNED (egreso) or UNPLANNED (fuga / abandono).',
            },
            {
              name: 'exitDestination',
              type: ['null', 'string'],
              default: null,
              doc: 'Destination of the exit as coded by the programme (destino de egreso).',
            },
            {
              name: 'reentry',
              type: 'boolean',
              default: false,
              doc: "True when this stay is a re-entry (reingreso): an admission within 6 months of the child's exit from another stay, not a transfer.",
            },
            {
              name: 'reentryFromCaseId',
              type: ['null', 'string'],
              default: null,
              doc: 'For a re-entry, the case the child had left (caso anterior).',
            },
            {
              name: 'transferFromCaseId',
              type: ['null', 'string'],
              default: null,
              doc: 'The case this stay continues after a derivation (derivado desde).',
            },
            {
              name: 'transferToCaseId',
              type: ['null', 'string'],
              default: null,
              doc: 'The case the child was derived to (derivado a).',
            },
            {
              name: 'deadlines',
              type: {
                type: 'array',
                items: {
                  type: 'record',
                  name: 'CaseDeadline',
                  doc: 'One legal deadline of the case (plazo) and its status.',
                  fields: [
                    {
                      name: 'deadlineId',
                      type: 'string',
                      doc: 'Stable id of the deadline instance (identificador del plazo): `<caseId>/<ruleId>/<anchorEventId>`.',
                    },
                    {
                      name: 'ruleId',
                      type: 'string',
                      doc: 'Deadline rule (regla), e.g. DIAGNOSIS_20_BUSINESS_DAYS, PII_30_DAYS, REGULARISATION_48H.',
                    },
                    {
                      name: 'status',
                      type: {
                        type: 'enum',
                        name: 'CaseDeadlineStatus',
                        doc: 'Status of a deadline (estado del plazo): PENDING en curso; DUE por vencer; BREACHED vencido; MET cumplido; MET_LATE cumplido fuera de plazo; NOT_APPLICABLE no aplica; OTRO added later.',
                        symbols: ['PENDING', 'DUE', 'BREACHED', 'MET', 'MET_LATE', 'NOT_APPLICABLE', 'OTRO'],
                        default: 'OTRO',
                      },
                      doc: 'Status at envelope.occurredAt (estado).',
                    },
                    {
                      name: 'dueAt',
                      type: { type: 'long', logicalType: 'timestamp-millis' },
                      doc: 'When it is due (vence).',
                    },
                    {
                      name: 'metAt',
                      type: [
                        'null',
                        { type: 'long', logicalType: 'timestamp-millis' },
                      ],
                      default: null,
                      doc: 'When it was met (cumplido), if it was.',
                    },
                  ],
                },
              },
              default: [],
              doc: "The case's deadlines (plazos) with their status.",
            },
            {
              name: 'alerts',
              type: { type: 'array', items: 'string' },
              default: [],
              doc: 'Data-quality alert codes of the case (alertas de calidad de datos), distinct and sorted: NO_ADMISSION, OUT_OF_LIFECYCLE, EVENT_AFTER_DISCHARGE, DUPLICATE_ADMISSION, UNKNOWN_DERIVATION...',
            },
            {
              name: 'lastEventAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'Time of the latest institution event of the case (último evento).',
            },
          ],
        },
      ],
      default: null,
      doc: "The case's status after the update (estado del caso); null for CASE_REMOVED.",
    },
  ],
};
