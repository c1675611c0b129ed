import { z } from 'zod';
import {
  AdministrationSymbols, CareRegimeSymbols, CourtTypeSymbols, DiagnosisTypeSymbols, EgressDecisionSymbols,
  EgressDestinationSymbols, ProgrammeModalitySymbols,
} from '../../schemas';
import { TOPICS } from '../../schemas/topics';
import * as f from '../sdk/native-fields';
import { PERSON_SHAPE } from '../sdk/person-fields';
import { recordKind, type ConnectorSpec } from '../sdk/record-kind';
import { mapAdmissionOrder, mapDiagnosisRequest, mapEgressResolution, mapHearing } from './domain/map-court-records';

/**
 * A family court's native records (as SITFA exports them, simplified): one row per resolution or
 * hearing, Spanish column names, the child's block shared with every institution (PERSON_SHAPE).
 * The court code is the unit: a court's credential may publish only its own records.
 */
const modality = f.option(ProgrammeModalitySymbols);
const regime = f.option(CareRegimeSymbols, { RESIDENCIA: 'RESIDENCIAL', AMBULATORIA: 'AMBULATORIO' });

const COURT_SHAPE = {
  id_registro: f.id.req({ description: 'Id de la resolución o actuación en el sistema del tribunal.', example: 'RES-2024-000981' }),
  version: f.id.opt({ description: 'Versión del registro en el sistema de origen, si la tiene.' }),
  cod_tribunal: f.id.req({ description: 'Código del tribunal.', example: '1301' }),
  tipo_tribunal: f.option(CourtTypeSymbols).opt({ description: 'FAMILIA (por defecto), GARANTIA, MENORES u OTRO.' }),
  rit: f.rit.req({ description: 'RIT de la causa (único solo dentro del tribunal).', example: 'P-1234-2023' }),
  ruc: f.ruc.opt({ description: 'RUC, si la causa tiene uno (dígito verificador módulo 11).', example: '2320012345-K' }),
  fecha_resolucion: f.instant.req({ description: 'Fecha y hora de la resolución (DD-MM-AAAA HH:MM, hora de Chile).', example: '04-03-2024 10:30' }),
  ...PERSON_SHAPE,
};

export const admissionOrderSchema = z.object({
  ...COURT_SHAPE,
  materia: f.text(100).opt({ description: 'Materia (ej.: MEDIDA_PROTECCION).' }),
  modalidad_destino: modality.opt({ description: 'Modalidad de programa ordenada (CTD, COD, RESIDENCIA…).' }),
  regimen_destino: regime.opt({ description: 'RESIDENCIAL o AMBULATORIO.' }),
  cod_programa_destino: f.id.opt({ description: 'Código del programa o centro de destino, si el tribunal lo nombra.' }),
  administracion_destino: f.option(AdministrationSymbols).opt({ description: 'AADD (administración directa) u OCA.' }),
});

export const diagnosisRequestSchema = z.object({
  ...COURT_SHAPE,
  tipo_diagnostico: f.option(DiagnosisTypeSymbols).req({ description: 'Tipo de diagnóstico o pericia solicitada.', example: 'DIAGNOSTICO' }),
  regimen: regime.opt({ description: 'RESIDENCIAL o AMBULATORIO.' }),
  modalidad_destino: modality.opt({ description: 'Modalidad que debe realizarlo.' }),
  cod_programa_destino: f.id.opt({ description: 'Programa que debe realizarlo.' }),
  fecha_plazo: f.date.opt({ description: 'Plazo para entregar el informe (DD-MM-AAAA).' }),
});

export const hearingSchema = z.object({
  ...COURT_SHAPE,
  fecha_audiencia: f.instant.req({ description: 'Fecha y hora de la audiencia (hora de Chile).', example: '09-04-2024 09:00' }),
  tipo_audiencia: f.text(100).opt({ description: 'Tipo de audiencia (preparatoria, de juicio, de revisión…).' }),
});

export const egressResolutionSchema = z.object({
  ...COURT_SHAPE,
  decision: f.option(EgressDecisionSymbols).req({ description: 'ACOGE, MODIFICA, RECHAZA la propuesta de egreso, o DE_OFICIO.', example: 'ACOGE' }),
  cod_programa_origen: f.id.opt({ description: 'Programa que propuso el egreso.' }),
  destino: f.option(EgressDestinationSymbols).opt({ description: 'Destino ordenado (FAMILIA_ORIGEN, FAMILIA_EXTENDIDA…).' }),
  modalidad_destino: modality.opt({ description: 'Modalidad de destino, si es una derivación.' }),
  cod_programa_destino: f.id.opt({ description: 'Programa de destino, si es una derivación.' }),
  fecha_efectiva: f.date.opt({ description: 'Desde cuándo rige (DD-MM-AAAA).' }),
});

export type CourtRecordBase = z.output<z.ZodObject<typeof COURT_SHAPE>>;
export type AdmissionOrderNative = z.output<typeof admissionOrderSchema>;
export type DiagnosisRequestNative = z.output<typeof diagnosisRequestSchema>;
export type HearingNative = z.output<typeof hearingSchema>;
export type EgressResolutionNative = z.output<typeof egressResolutionSchema>;

const topic = TOPICS.tribunalEvents.name;

export const TRIBUNAL_CONNECTOR: ConnectorSpec = {
  institution: 'TRIBUNAL',
  httpPrefix: 'tribunals',
  scopeMeaning: { es: 'código del tribunal', en: 'court code' },
  kinds: [
    recordKind({ kind: 'ORDEN_INGRESO', recordName: 'hub.tribunal.AdmissionOrderIssued', topic, httpPath: 'orders',
      summary: { es: 'Orden de ingreso (medida de protección) a un programa o centro.', en: 'Admission order (protection measure) to a programme or centre.' },
      schema: admissionOrderSchema, map: mapAdmissionOrder }),
    recordKind({ kind: 'SOLICITUD_DIAGNOSTICO', recordName: 'hub.tribunal.DiagnosisRequested', topic, httpPath: 'diagnosis-requests',
      summary: { es: 'Solicitud de diagnóstico o pericia.', en: 'Diagnosis or expert-report request.' },
      schema: diagnosisRequestSchema, map: mapDiagnosisRequest }),
    recordKind({ kind: 'AUDIENCIA', recordName: 'hub.tribunal.HearingScheduled', topic, httpPath: 'hearings',
      summary: { es: 'Audiencia programada.', en: 'Hearing scheduled.' },
      schema: hearingSchema, map: mapHearing }),
    recordKind({ kind: 'RESOLUCION_EGRESO', recordName: 'hub.tribunal.EgressResolved', topic, httpPath: 'egress-resolutions',
      summary: { es: 'Resolución sobre el egreso (acoge, modifica o rechaza la propuesta del centro).', en: "Exit resolution (accepts, modifies or rejects the centre's proposal)." },
      schema: egressResolutionSchema, map: mapEgressResolution }),
  ],
};
