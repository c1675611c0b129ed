import { z } from 'zod';
import { HealthProgrammeSymbols } from '../../schemas';
import { TOPICS } from '../../schemas/topics';
import * as f from '../sdk/native-fields';
import { PERSON_SHAPE } from '../sdk/person-fields';
import { recordKind, type ConnectorSpec } from '../sdk/record-kind';
import { mapEmergencyVisit, mapNewborn, mapProgrammeEnrollment } from './domain/map-health-records';

/**
 * A health establishment's native records: CSV rows or JSON bodies with Spanish column names, or
 * rows derived from a FHIR R4 bundle by `fhir/bundle-to-rows.ts` (same names). The DEIS
 * establishment code is the unit: an establishment's credential may publish only its own records.
 * Only flags travel, never diagnoses or clinical notes.
 */
const HEALTH_SHAPE = {
  id_registro: f.id.req({ description: 'Id del registro (ej.: número de DAU, id de la inscripción).', example: 'DAU-2024-000777' }),
  version: f.id.opt({ description: 'Versión del registro en el sistema de origen, si la tiene.' }),
  cod_establecimiento: f.id.req({ description: 'Código DEIS del establecimiento de salud.', example: '112100' }),
  fecha_evento: f.instant.req({ description: 'Fecha y hora del hecho (DD-MM-AAAA HH:MM, hora de Chile).', example: '04-03-2024 22:15' }),
  ...PERSON_SHAPE,
};

export const emergencyVisitSchema = z.object({
  ...HEALTH_SHAPE,
  lesion: f.bool.req({ description: 'SI si se atendió por una lesión.', example: 'SI' }),
  sospecha_maltrato: f.bool.req({ description: 'SI si el equipo registró sospecha de maltrato o abuso.', example: 'NO' }),
  denuncia: f.bool.opt({ description: 'SI si el establecimiento hizo la denuncia, si se sabe.' }),
});

export const newbornSchema = z.object({
  ...HEALTH_SHAPE,
  run_madre: f.run.opt({ description: 'RUN de la madre, si se conoce.', example: '9.876.543-3' }),
  orden_nacimiento: f.integer(1, 9).opt({ description: 'Orden en un parto múltiple (1, 2… en gemelos); vacío en un parto simple.' }),
});

export const programmeEnrollmentSchema = z.object({
  ...HEALTH_SHAPE,
  programa_salud: f.option(HealthProgrammeSymbols, {
    APS: 'ATENCION_PRIMARIA', CONTROL_SANO: 'ATENCION_PRIMARIA', INSCRIPCION_PER_CAPITA: 'ATENCION_PRIMARIA',
    ODONTOLOGIA: 'DENTAL', ODONTOLOGICO: 'DENTAL', COSAM: 'SALUD_MENTAL', SENDA: 'TRATAMIENTO_DROGAS',
  }).req({ description: 'ATENCION_PRIMARIA, SALUD_MENTAL, DENTAL, TRATAMIENTO_DROGAS u OTRO.', example: 'ATENCION_PRIMARIA' }),
});

export type HealthRecordBase = z.output<z.ZodObject<typeof HEALTH_SHAPE>>;
export type EmergencyVisitNative = z.output<typeof emergencyVisitSchema>;
export type NewbornNative = z.output<typeof newbornSchema>;
export type ProgrammeEnrollmentNative = z.output<typeof programmeEnrollmentSchema>;

const topic = TOPICS.healthEvents.name;

export const HEALTH_CONNECTOR: ConnectorSpec = {
  institution: 'HEALTH',
  httpPrefix: 'health',
  scopeMeaning: { es: 'código DEIS del establecimiento de salud', en: 'DEIS code of the health establishment' },
  kinds: [
    recordKind({ kind: 'ATENCION_URGENCIA', recordName: 'hub.health.EmergencyVisitRecorded', topic, httpPath: 'emergency-visits',
      summary: { es: 'Atención de urgencia con lesión o sospecha de maltrato.', en: 'Emergency visit with an injury or a suspicion of maltreatment.' },
      schema: emergencyVisitSchema, map: mapEmergencyVisit }),
    recordKind({ kind: 'RECIEN_NACIDO', recordName: 'hub.health.NewbornRegistered', topic, httpPath: 'newborns',
      summary: { es: 'Registro de un recién nacido (a menudo con el RUN de la madre).', en: "A newborn's registration (often under the mother's RUN)." },
      schema: newbornSchema, map: mapNewborn }),
    recordKind({ kind: 'INSCRIPCION_PROGRAMA', recordName: 'hub.health.ProgrammeEnrolled', topic, httpPath: 'programme-enrollments',
      summary: { es: 'Inscripción en un programa de salud.', en: 'Enrollment in a health programme.' },
      schema: programmeEnrollmentSchema, map: mapProgrammeEnrollment }),
  ],
};
