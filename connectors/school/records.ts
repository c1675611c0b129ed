import { z } from 'zod';
import { WithdrawalReasonSymbols } from '../../schemas';
import { TOPICS } from '../../schemas/topics';
import * as f from '../sdk/native-fields';
import { PERSON_SHAPE } from '../sdk/person-fields';
import { recordKind, type ConnectorSpec } from '../sdk/record-kind';
import { mapAbsenceAlert, mapEnrollment, mapWithdrawal } from './domain/map-school-records';

/**
 * A school's native records (as SIGE-like exports have them, simplified): one row per enrollment,
 * chronic-absence alert or withdrawal, Spanish column names, the child's block shared with every
 * institution (PERSON_SHAPE). The RBD is the unit: a school's credential may publish only its own
 * records. Migrant children without a RUN come with `run_nna` blank and their IPE in `ipe`.
 */

/** DGV_RBD as MINEDUC files carry it, in its own column: one digit or K. */
const RBD_CHECK_DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'K'] as const;
const percent = f.decimal(0, 100);
/** A period's day counts: a school year has about 190 school days; 366 is a safe ceiling. */
const dayCount = f.integer(0, 366);

const SCHOOL_SHAPE = {
  id_registro: f.id.req({ description: 'Id del registro en el sistema del establecimiento.', example: 'MAT-2024-8485-0318' }),
  version: f.id.opt({ description: 'Versión del registro en el sistema de origen, si la tiene.' }),
  rbd: f.rbd.req({ description: 'RBD (Rol Base de Datos) del establecimiento, sin o con dígito verificador.', example: '8485' }),
  dv_rbd: f.option(RBD_CHECK_DIGITS).opt({ description: 'Dígito verificador del RBD (DGV_RBD), si se conoce.', example: '3' }),
  anio_escolar: f.integer(2000, 2100).req({ description: 'Año escolar (AGNO).', example: '2024' }),
  fecha_evento: f.instant.req({ description: 'Fecha y hora del hecho (DD-MM-AAAA HH:MM, hora de Chile).', example: '04-03-2024 08:30' }),
  ...PERSON_SHAPE,
};

export const enrollmentSchema = z.object({
  ...SCHOOL_SHAPE,
  curso: f.text(60).opt({ description: 'Curso o nivel, como lo escribe el establecimiento.', example: '5° básico' }),
});

export const absenceAlertSchema = z.object({
  ...SCHOOL_SHAPE,
  fecha_inicio_periodo: f.date.req({ description: 'Primer día del período medido (DD-MM-AAAA).', example: '04-03-2024' }),
  fecha_fin_periodo: f.date.req({ description: 'Último día del período medido (DD-MM-AAAA).', example: '30-04-2024' }),
  porcentaje_asistencia: percent.req({ description: 'Porcentaje de asistencia en el período, de 0 a 100 (coma o punto decimal).', example: '72,5' }),
  dias_lectivos: dayCount.opt({ description: 'Días trabajados en el período.' }),
  dias_ausente: dayCount.opt({ description: 'Días de inasistencia en el período.' }),
  umbral: percent.opt({ description: 'Porcentaje de asistencia bajo el cual el establecimiento alerta (ej.: 90).' }),
}).superRefine((n, ctx) => {
  // Dates compare as text: both are canonical YYYY-MM-DD.
  if (n.fecha_fin_periodo < n.fecha_inicio_periodo) ctx.addIssue({ code: 'custom', path: ['fecha_fin_periodo'], message: 'INCONSISTENT' });
  if (n.dias_ausente !== null && n.dias_lectivos !== null && n.dias_ausente > n.dias_lectivos) {
    ctx.addIssue({ code: 'custom', path: ['dias_ausente'], message: 'INCONSISTENT' });
  }
});

export const withdrawalSchema = z.object({
  ...SCHOOL_SHAPE,
  motivo_retiro: f.option(WithdrawalReasonSymbols, {
    CAMBIO_DE_ESTABLECIMIENTO: 'TRASLADO', CAMBIO_DE_COLEGIO: 'TRASLADO', DESERCION_ESCOLAR: 'DESERCION', ABANDONO: 'DESERCION',
  }).req({ description: 'TRASLADO, RETIRO, DESERCION u OTRO.', example: 'TRASLADO' }),
  rbd_destino: f.rbd.opt({ description: 'RBD del establecimiento de destino, en un traslado, si se conoce.' }),
});

export type SchoolRecordBase = z.output<z.ZodObject<typeof SCHOOL_SHAPE>>;
export type EnrollmentNative = z.output<typeof enrollmentSchema>;
export type AbsenceAlertNative = z.output<typeof absenceAlertSchema>;
export type WithdrawalNative = z.output<typeof withdrawalSchema>;

const topic = TOPICS.schoolEvents.name;

export const SCHOOL_CONNECTOR: ConnectorSpec = {
  institution: 'SCHOOL',
  httpPrefix: 'schools',
  scopeMeaning: { es: 'RBD del establecimiento educacional', en: 'school RBD' },
  kinds: [
    recordKind({ kind: 'MATRICULA', recordName: 'hub.school.EnrollmentRegistered', topic, httpPath: 'enrollments',
      summary: { es: 'Matrícula de un estudiante en el establecimiento.', en: 'A student enrolled in the school.' },
      schema: enrollmentSchema, map: mapEnrollment }),
    recordKind({ kind: 'ALERTA_AUSENTISMO', recordName: 'hub.school.ChronicAbsenceAlertRaised', topic, httpPath: 'absence-alerts',
      summary: { es: 'Alerta de ausentismo crónico en un período.', en: 'Chronic-absence alert over a period.' },
      schema: absenceAlertSchema, map: mapAbsenceAlert }),
    recordKind({ kind: 'RETIRO', recordName: 'hub.school.WithdrawalRegistered', topic, httpPath: 'withdrawals',
      summary: { es: 'Retiro del estudiante: traslado, retiro o deserción.', en: 'A student left the school: transfer, withdrawal or drop-out.' },
      schema: withdrawalSchema, map: mapWithdrawal }),
  ],
};
