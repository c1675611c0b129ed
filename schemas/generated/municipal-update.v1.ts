// Generated from schemas/avro/municipal/municipal-update.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';

/**
 * One delivery of a municipality's subscription (issue 6, ADR 0015) on its own filtered topic
 * hub.municipal.<CUT>.updates.v1, keyed by child id: the same minimised content a webhook carries
 * (ids, codes, states, dates, deadlines), never names, RUN or addresses. Not an event about the
 * world: it has no envelope; deliveryId is the idempotency key (a redelivery keeps it).
 *
 * Avro record `hub.municipal.MunicipalUpdate`.
 */
export interface MunicipalUpdate {
  /**
   * Sequence number of the delivery in the hub's routed log (identificador de entrega): increases
   * per subscription; the idempotency key.
   */
  deliveryId: number;
  /** The municipality's subscription (suscripción) that routed it. */
  subscriptionId: string;
  /**
   * Kind of delivery (tipo): a CaseUpdated kind (CASE_OPENED, STATE_CHANGED, ...),
   * CHILD_ENTERED_TERRITORY, CHILD_LEFT_TERRITORY or FLAG_LOOKUP. A string so a new kind needs no
   * schema change.
   */
  type: string;
  /** The hub's child id (identificador del NNA). Also the message key. */
  childId: string;
  /** When the hub derived the update, or when the look-up happened (ocurrido). */
  occurredAt: number;
  /** The case concerned (identificador del caso), for case updates. */
  caseId: string | null;
  /** For STATE_CHANGED: the state before (estado anterior). */
  previousState: string | null;
  /** For DEADLINE_DUE / DEADLINE_BREACHED: the deadline rule (regla del plazo). */
  deadlineRuleId: string | null;
  /** For CHILD_MERGED / CHILD_SPLIT: the child id before (identificador anterior). */
  previousChildId: string | null;
  /** The case after the update (estado del caso); null for removals, LEFT notices and look-ups. */
  case: MunicipalCaseSummary | null;
  /** For CHILD_ENTERED_TERRITORY: every current case of the child (estado completo). */
  cases: MunicipalCaseSummary[];
  /** For FLAG_LOOKUP: the institution that looked the child up (SCHOOL or HEALTH). */
  lookupInstitution: string | null;
  /** For FLAG_LOOKUP: its unit code (RBD or DEIS establishment code), never a person. */
  lookupUnit: string | null;
}

/**
 * What a municipality sees of one case (resumen del caso): state, programme, dates and deadlines.
 *
 * Avro record `hub.municipal.MunicipalCaseSummary`.
 */
export interface MunicipalCaseSummary {
  /** Case id (identificador del caso). */
  caseId: string;
  /** Version of the case status (versión); keep the highest. */
  version: number;
  /** Lifecycle state (estado), a hub.case.CaseLifecycleState symbol. */
  state: string;
  /** Since when (desde). */
  stateSince: number | null;
  /** Programme code (código de proyecto). */
  programmeCode: string | null;
  /** Programme modality (modalidad). */
  modality: string | null;
  /** Care regime (régimen). */
  regime: string | null;
  /** Admission date (fecha de ingreso). */
  admittedAt: number | null;
  /** Exit date (fecha de egreso). */
  exitedAt: number | null;
  /** PLANNED or UNPLANNED (tipo de egreso). */
  exitKind: string | null;
  /** Deadlines (plazos). */
  deadlines: MunicipalDeadline[];
}

/**
 * One legal deadline of the case (plazo) as a municipality sees it.
 *
 * Avro record `hub.municipal.MunicipalDeadline`.
 */
export interface MunicipalDeadline {
  /** Deadline rule (regla). */
  ruleId: string;
  /** Status (estado del plazo), a hub.case.CaseDeadlineStatus symbol. */
  status: string;
  /** When it is due (vence). */
  dueAt: number | null;
}

/**
 * Self-contained Avro schema of `hub.municipal.MunicipalUpdate` (referenced types inlined), as the
 * registry receives it.
 */
export const MunicipalUpdateSchema: RecordSchema = {
  type: 'record',
  name: 'MunicipalUpdate',
  namespace: 'hub.municipal',
  doc: "One delivery of a municipality's subscription (issue 6, ADR 0015) on its own filtered topic hub.municipal.<CUT>.updates.v1, keyed by child id: the same minimised content a webhook carries (ids, codes, states, dates, deadlines), never names, RUN or addresses. Not an event about the world: it has no envelope; deliveryId is the idempotency key (a redelivery keeps it).",
  fields: [
    {
      name: 'deliveryId',
      type: 'long',
      doc: "Sequence number of the delivery in the hub's routed log (identificador de entrega): increases per subscription; the idempotency key.",
    },
    {
      name: 'subscriptionId',
      type: 'string',
      doc: "The municipality's subscription (suscripción) that routed it.",
    },
    {
      name: 'type',
      type: 'string',
      doc: 'Kind of delivery (tipo): a CaseUpdated kind (CASE_OPENED, STATE_CHANGED, ...), CHILD_ENTERED_TERRITORY, CHILD_LEFT_TERRITORY or FLAG_LOOKUP. A string so a new kind needs no schema change.',
    },
    {
      name: 'childId',
      type: 'string',
      doc: "The hub's child id (identificador del NNA). Also the message key.",
    },
    {
      name: 'occurredAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the hub derived the update, or when the look-up happened (ocurrido).',
    },
    {
      name: 'caseId',
      type: ['null', 'string'],
      default: null,
      doc: 'The case concerned (identificador del caso), for case updates.',
    },
    {
      name: 'previousState',
      type: ['null', 'string'],
      default: null,
      doc: 'For STATE_CHANGED: the state before (estado anterior).',
    },
    {
      name: 'deadlineRuleId',
      type: ['null', 'string'],
      default: null,
      doc: 'For DEADLINE_DUE / DEADLINE_BREACHED: the deadline rule (regla del plazo).',
    },
    {
      name: 'previousChildId',
      type: ['null', 'string'],
      default: null,
      doc: 'For CHILD_MERGED / CHILD_SPLIT: the child id before (identificador anterior).',
    },
    {
      name: 'case',
      type: [
        'null',
        {
          type: 'record',
          name: 'MunicipalCaseSummary',
          doc: 'What a municipality sees of one case (resumen del caso): state, programme, dates and deadlines.',
          fields: [
            { name: 'caseId', type: 'string', doc: 'Case id (identificador del caso).' },
            {
              name: 'version',
              type: 'long',
              doc: 'Version of the case status (versión); keep the highest.',
            },
            {
              name: 'state',
              type: 'string',
              doc: 'Lifecycle state (estado), a hub.case.CaseLifecycleState symbol.',
            },
            {
              name: 'stateSince',
              type: [
                'null',
                { type: 'long', logicalType: 'timestamp-millis' },
              ],
              default: null,
              doc: 'Since when (desde).',
            },
            {
              name: 'programmeCode',
              type: ['null', 'string'],
              default: null,
              doc: 'Programme code (código de proyecto).',
            },
            {
              name: 'modality',
              type: ['null', 'string'],
              default: null,
              doc: 'Programme modality (modalidad).',
            },
            {
              name: 'regime',
              type: ['null', 'string'],
              default: null,
              doc: 'Care regime (régimen).',
            },
            {
              name: 'admittedAt',
              type: [
                'null',
                { type: 'long', logicalType: 'timestamp-millis' },
              ],
              default: null,
              doc: 'Admission date (fecha de ingreso).',
            },
            {
              name: 'exitedAt',
              type: [
                'null',
                { type: 'long', logicalType: 'timestamp-millis' },
              ],
              default: null,
              doc: 'Exit date (fecha de egreso).',
            },
            {
              name: 'exitKind',
              type: ['null', 'string'],
              default: null,
              doc: 'PLANNED or UNPLANNED (tipo de egreso).',
            },
            {
              name: 'deadlines',
              type: {
                type: 'array',
                items: {
                  type: 'record',
                  name: 'MunicipalDeadline',
                  doc: 'One legal deadline of the case (plazo) as a municipality sees it.',
                  fields: [
                    { name: 'ruleId', type: 'string', doc: 'Deadline rule (regla).' },
                    {
                      name: 'status',
                      type: 'string',
                      doc: 'Status (estado del plazo), a hub.case.CaseDeadlineStatus symbol.',
                    },
                    {
                      name: 'dueAt',
                      type: [
                        'null',
                        { type: 'long', logicalType: 'timestamp-millis' },
                      ],
                      default: null,
                      doc: 'When it is due (vence).',
                    },
                  ],
                },
              },
              default: [],
              doc: 'Deadlines (plazos).',
            },
          ],
        },
      ],
      default: null,
      doc: 'The case after the update (estado del caso); null for removals, LEFT notices and look-ups.',
    },
    {
      name: 'cases',
      type: { type: 'array', items: 'hub.municipal.MunicipalCaseSummary' },
      default: [],
      doc: 'For CHILD_ENTERED_TERRITORY: every current case of the child (estado completo).',
    },
    {
      name: 'lookupInstitution',
      type: ['null', 'string'],
      default: null,
      doc: 'For FLAG_LOOKUP: the institution that looked the child up (SCHOOL or HEALTH).',
    },
    {
      name: 'lookupUnit',
      type: ['null', 'string'],
      default: null,
      doc: 'For FLAG_LOOKUP: its unit code (RBD or DEIS establishment code), never a person.',
    },
  ],
};
