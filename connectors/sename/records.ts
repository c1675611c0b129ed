import { z } from 'zod';
import { TOPICS } from '../../schemas/topics';
import * as f from '../sdk/native-fields';
import { PERSON_SHAPE } from '../sdk/person-fields';
import { recordKind, type ConnectorSpec } from '../sdk/record-kind';
import { EVEN_WITH_FIELD_ERRORS, COURT_REF_SHAPE, requireCompleteCourtRef } from './court-ref';
import { mapCapacityDeclaration } from './domain/map-capacity';
import {
  mapAbscondment, mapAdmission, mapDiagnosis, mapEgress, mapEgressProposal, mapEscalation, mapInterventionPlan,
} from './domain/map-stay-records';
import {
  abscondmentKind, administration, admissionKind, ambits, complexity, diagnosisType, egressCause, egressDestination, modality,
  planType, recommendation, regime,
} from './native-options';

/**
 * SENAME / Mejor Niñez records as SENAINFO exports them (simplified): one row per event of a
 * child's stay (ingreso → diagnóstico → PII → egreso), Spanish column names, the child's block
 * shared with every institution (PERSON_SHAPE). The programme code is the unit: a programme's
 * credential may publish only its own records. The SENAINFO child code is national, so the
 * child's id is not qualified by the programme.
 */
const RECORD_SHAPE = {
  id_registro: f.id.req({ description: 'Id del registro en SENAINFO (ingreso, diagnóstico, plan, egreso…).', example: 'ING-2024-55501' }),
  version: f.id.opt({ description: 'Versión del registro en el sistema de origen, si la tiene.' }),
  cod_programa: f.id.req({ description: 'Código del programa o centro (código de proyecto).', example: '1130045' }),
  fecha_evento: f.instant.req({ description: 'Fecha y hora del hecho (DD-MM-AAAA HH:MM, hora de Chile).', example: '04-03-2024 10:30' }),
};

const STAY_SHAPE = {
  ...RECORD_SHAPE,
  id_caso: f.id.req({ description: 'Id de la estadía (código de ingreso): lo llevan todos los registros de la estadía.', example: 'ING-2024-55501' }),
  ...PERSON_SHAPE,
};

const programmeDestination = {
  modalidad_destino: modality.opt({ description: 'Modalidad del programa de destino, si el destino es un programa.' }),
  cod_programa_destino: f.id.opt({ description: 'Código del programa o centro de destino, si se conoce.' }),
};

export const admissionSchema = z.object({
  ...STAY_SHAPE,
  ...COURT_REF_SHAPE,
  modalidad: modality.req({ description: 'Modalidad del programa (CTD, CTDL, RESIDENCIA…).', example: 'CTD' }),
  regimen: regime.req({ description: 'RESIDENCIAL o AMBULATORIO.', example: 'RESIDENCIAL' }),
  administracion: administration.req({ description: 'AADD (administración directa) u OCA.', example: 'OCA' }),
  cod_institucion_colaboradora: f.id.opt({ description: 'Código de la institución colaboradora (OCA); vacío en centros AADD.' }),
  tipo_ingreso: admissionKind.req({ description: 'ORDEN_TRIBUNAL, EXTRAJUDICIAL, DERIVACION u OTRO.', example: 'ORDEN_TRIBUNAL' }),
  id_derivacion: f.id.opt({ description: 'Id de la derivación desde otro programa de la red, si viene derivado.' }),
  ref_adulto_acompanante: f.id.opt({ description: 'Id del adulto con quien ingresa (ej.: madre adolescente).' }),
  ref_grupo_hermanos: f.id.opt({ description: 'Id del grupo de hermanos que ingresa junto.' }),
}).superRefine(requireCompleteCourtRef, EVEN_WITH_FIELD_ERRORS);

export const diagnosisSchema = z.object({
  ...STAY_SHAPE,
  ...COURT_REF_SHAPE,
  tipo_diagnostico: diagnosisType.req({ description: 'Tipo de diagnóstico o pericia entregada.', example: 'DIAGNOSTICO' }),
  nivel_complejidad: complexity.opt({ description: 'ALTA, MEDIA o BAJA.' }),
  ambitos: ambits.req({ description: 'Ámbitos afectados, separados por | o coma: INDIVIDUAL, FAMILIAR, SOCIAL_COMUNITARIO.', example: 'INDIVIDUAL|FAMILIAR' }),
  recomendacion: recommendation.opt({ description: 'Proposición de medidas: INTERVENCION_BREVE, INTERVENCION_ESPECIALIZADA, EGRESO u OTRO.' }),
  destino_recomendado: egressDestination.opt({ description: 'Destino propuesto si la recomendación es el egreso.' }),
}).superRefine(requireCompleteCourtRef, EVEN_WITH_FIELD_ERRORS);

export const interventionPlanSchema = z.object({
  ...STAY_SHAPE,
  tipo_plan: planType.req({ description: 'BREVE, ESPECIALIZADA, FAMILIAR, CERECO, LRPA u OTRO.', example: 'BREVE' }),
  ejes: ambits.req({ description: 'Ejes del plan, separados por |: INDIVIDUAL, FAMILIAR, SOCIAL_COMUNITARIO.', example: 'INDIVIDUAL|FAMILIAR|SOCIAL_COMUNITARIO' }),
  fecha_termino_prevista: f.date.opt({ description: 'Fecha prevista de término (DD-MM-AAAA).' }),
});

export const escalationSchema = z.object({
  ...STAY_SHAPE,
  tipo_plan_origen: planType.req({ description: 'Tipo del plan que se escala (habitualmente BREVE).', example: 'BREVE' }),
  tipo_plan_destino: planType.req({ description: 'Tipo del plan resultante (habitualmente ESPECIALIZADA).', example: 'ESPECIALIZADA' }),
  id_plan_origen: f.id.opt({ description: 'Id del plan que se escala (id_registro de su PII), si se conoce.' }),
});

export const egressProposalSchema = z.object({
  ...STAY_SHAPE,
  ...COURT_REF_SHAPE,
  destino_propuesto: egressDestination.req({ description: 'Destino de egreso propuesto.', example: 'FAMILIA_ORIGEN' }),
  causal_propuesta: egressCause.opt({ description: 'Causal de egreso propuesta.' }),
  ...programmeDestination,
}).superRefine(requireCompleteCourtRef, EVEN_WITH_FIELD_ERRORS);

export const egressSchema = z.object({
  ...STAY_SHAPE,
  ...COURT_REF_SHAPE,
  causal: egressCause.req({ description: 'Causal de egreso.', example: 'CUMPLIMIENTO_OBJETIVOS_PII' }),
  destino: egressDestination.req({ description: 'Destino de egreso.', example: 'FAMILIA_ORIGEN' }),
  ...programmeDestination,
  id_derivacion: f.id.opt({ description: 'Id de la derivación, si el niño pasa a otro programa de la red.' }),
}).superRefine(requireCompleteCourtRef, EVEN_WITH_FIELD_ERRORS);

export const abscondmentSchema = z.object({
  ...STAY_SHAPE,
  tipo_evento_fuga: abscondmentKind.req({ description: 'FUGA (justicia juvenil) o ABANDONO (programa de protección).', example: 'ABANDONO' }),
});

/** A programme's declared places: about the programme, not a child, so no person block. */
export const capacitySchema = z.object({
  ...RECORD_SHAPE,
  nombre_programa: f.text(200).opt({ description: 'Nombre del programa o centro.' }),
  modalidad: modality.req({ description: 'Modalidad del programa.', example: 'CTD' }),
  regimen: regime.req({ description: 'Régimen de las plazas: RESIDENCIAL o AMBULATORIO.', example: 'RESIDENCIAL' }),
  administracion: administration.req({ description: 'AADD u OCA.', example: 'AADD' }),
  cod_institucion_colaboradora: f.id.opt({ description: 'Código de la institución colaboradora (OCA).' }),
  cod_region: f.integer(1, 16).opt({ description: 'Región del programa (código CUT de región, 1 a 16).', example: '13' }),
  comuna: f.comuna.opt({ description: 'Comuna del programa (código CUT).', example: '13101' }),
  plazas: f.integer(0, 100_000).req({ description: 'Número de plazas declaradas (0 o más).', example: '40' }),
  vigente_desde: f.date.req({ description: 'Primer día de vigencia (DD-MM-AAAA).', example: '01-03-2024', format: 'DD-MM-AAAA' }),
  vigente_hasta: f.date.opt({ description: 'Último día de vigencia (DD-MM-AAAA); vacío si es indefinida.', format: 'DD-MM-AAAA' }),
}).superRefine((v, ctx) => {
  // Only when both halves parsed (strings): an earlier failure is already reported on its field.
  if (typeof v.vigente_desde === 'string' && typeof v.vigente_hasta === 'string' && v.vigente_hasta < v.vigente_desde) {
    ctx.addIssue({ code: 'custom', message: 'INCONSISTENT', path: ['vigente_hasta'] });
  }
  if (typeof v.cod_region === 'number' && typeof v.comuna === 'string' && Number(v.comuna.slice(0, 2)) !== v.cod_region) {
    ctx.addIssue({ code: 'custom', message: 'INCONSISTENT', path: ['cod_region'] });
  }
}, EVEN_WITH_FIELD_ERRORS);

export type StayRecordBase = z.output<z.ZodObject<typeof STAY_SHAPE>>;
export type AdmissionNative = z.output<typeof admissionSchema>;
export type DiagnosisNative = z.output<typeof diagnosisSchema>;
export type InterventionPlanNative = z.output<typeof interventionPlanSchema>;
export type EscalationNative = z.output<typeof escalationSchema>;
export type EgressProposalNative = z.output<typeof egressProposalSchema>;
export type EgressNative = z.output<typeof egressSchema>;
export type AbscondmentNative = z.output<typeof abscondmentSchema>;
export type CapacityNative = z.output<typeof capacitySchema>;
export type { CourtRefNative } from './court-ref';

const topic = TOPICS.senameEvents.name;

export const SENAME_CONNECTOR: ConnectorSpec = {
  institution: 'SENAME',
  httpPrefix: 'sename',
  scopeMeaning: { es: 'código del programa o centro', en: 'programme or centre code' },
  kinds: [
    recordKind({ kind: 'INGRESO', recordName: 'hub.sename.AdmissionRegistered', topic, httpPath: 'admissions',
      summary: { es: 'Ingreso de un niño, niña o adolescente a un programa o centro.', en: 'Admission of a child to a programme or centre.' },
      schema: admissionSchema, map: mapAdmission }),
    recordKind({ kind: 'DIAGNOSTICO', recordName: 'hub.sename.DiagnosisReported', topic, httpPath: 'diagnoses',
      summary: { es: 'Informe de diagnóstico enviado al tribunal, con su proposición de medidas.', en: 'Diagnosis report sent to the court, with its proposed measures.' },
      schema: diagnosisSchema, map: mapDiagnosis }),
    recordKind({ kind: 'PII', recordName: 'hub.sename.InterventionPlanCreated', topic, httpPath: 'intervention-plans',
      summary: { es: 'Plan de intervención individual (PII) elaborado.', en: 'Individual intervention plan (PII) drawn up.' },
      schema: interventionPlanSchema, map: mapInterventionPlan }),
    recordKind({ kind: 'ESCALAMIENTO', recordName: 'hub.sename.InterventionEscalated', topic, httpPath: 'escalations',
      summary: { es: 'Escalamiento de intervención breve a especializada.', en: 'Intervention escalated from brief to specialised.' },
      schema: escalationSchema, map: mapEscalation }),
    recordKind({ kind: 'PROPUESTA_EGRESO', recordName: 'hub.sename.EgressProposed', topic, httpPath: 'egress-proposals',
      summary: { es: 'Propuesta de egreso enviada al tribunal.', en: 'Exit proposal sent to the court.' },
      schema: egressProposalSchema, map: mapEgressProposal }),
    recordKind({ kind: 'EGRESO', recordName: 'hub.sename.EgressExecuted', topic, httpPath: 'egresses',
      summary: { es: 'Egreso ejecutado, con su causal y destino.', en: 'Exit carried out, with its cause and destination.' },
      schema: egressSchema, map: mapEgress }),
    recordKind({ kind: 'FUGA_ABANDONO', recordName: 'hub.sename.AbscondmentRecorded', topic, httpPath: 'abscondments',
      summary: { es: 'Fuga o abandono del programa (egreso no planificado).', en: 'Escape or abandonment (unplanned exit).' },
      schema: abscondmentSchema, map: mapAbscondment }),
    recordKind({ kind: 'PLAZAS', recordName: 'hub.sename.CapacityDeclared', topic: TOPICS.senameCapacity.name, httpPath: 'capacity',
      summary: { es: 'Plazas declaradas por un programa (sin datos de niños).', en: 'Places declared by a programme (no child data).' },
      schema: capacitySchema, map: mapCapacityDeclaration }),
  ],
};
