import { z } from 'zod';
import {
  AlertPrioritySymbols, AlertSourceSymbols, CaseOriginSymbols, OfficeTypeSymbols, ProgrammeModalitySymbols, ReferralTargetSymbols,
} from '../../schemas';
import { TOPICS } from '../../schemas/topics';
import * as f from '../sdk/native-fields';
import { PERSON_SHAPE } from '../sdk/person-fields';
import { recordKind, type ConnectorSpec } from '../sdk/record-kind';
import { mapAlert, mapCaseClosure, mapCaseOpened, mapReferral } from './domain/map-municipal-records';

/**
 * Municipal child-protection offices' records (OPD, and the OLN that replace them): local cases,
 * referrals, alerts and closures. The office's comuna (CUT code) is the unit: a municipality's
 * credential may publish only its own comuna's records, and an office's child ids are unique only
 * within it. Option aliases (folded keys) are spellings offices plausibly use.
 */
const officeType = f.option(OfficeTypeSymbols, {
  OFICINA_DE_PROTECCION_DE_DERECHOS: 'OPD', OFICINA_LOCAL_DE_LA_NINEZ: 'OLN', OFICINA_LOCAL_NINEZ: 'OLN',
});
const caseOrigin = f.option(CaseOriginSymbols, {
  ESPONTANEA: 'DEMANDA_ESPONTANEA', COLEGIO: 'ESCUELA', ESTABLECIMIENTO_EDUCACIONAL: 'ESCUELA', EDUCACION: 'ESCUELA',
  CESFAM: 'SALUD', TRIBUNAL_DE_FAMILIA: 'TRIBUNAL', TRIBUNAL_FAMILIA: 'TRIBUNAL',
  PROGRAMA: 'PROGRAMA_PROTECCION', PROGRAMA_DE_PROTECCION: 'PROGRAMA_PROTECCION', SISTEMA_ALERTA_NINEZ: 'ALERTA', ALERTA_NINEZ: 'ALERTA',
});
const referralTarget = f.option(ReferralTargetSymbols, {
  TRIBUNAL: 'TRIBUNAL_FAMILIA', TRIBUNAL_DE_FAMILIA: 'TRIBUNAL_FAMILIA', PROGRAMA: 'PROGRAMA_PROTECCION',
  PROGRAMA_DE_PROTECCION: 'PROGRAMA_PROTECCION', MUNICIPIO: 'SERVICIO_MUNICIPAL', DIDECO: 'SERVICIO_MUNICIPAL',
  CESFAM: 'SALUD', COSAM: 'SALUD', ESCUELA: 'EDUCACION', COLEGIO: 'EDUCACION',
});
const alertSource = f.option(AlertSourceSymbols, {
  ALERTA_NINEZ: 'SISTEMA_ALERTA_NINEZ', SAN: 'SISTEMA_ALERTA_NINEZ', COLEGIO: 'ESCUELA', EDUCACION: 'ESCUELA', CESFAM: 'SALUD',
});
const priority = f.option(AlertPrioritySymbols, { ALTO: 'ALTA', MEDIO: 'MEDIA', BAJO: 'BAJA' });
const modality = f.option(ProgrammeModalitySymbols, { FAMILIA_ACOGIDA: 'FAMILIA_DE_ACOGIDA', RESIDENCIA_DE_PROTECCION: 'RESIDENCIA' });

const OFFICE_SHAPE = {
  id_registro: f.id.req({ description: 'Id del registro en el sistema de la oficina (caso, derivación, alerta, cierre).', example: 'DER-OLN-2024-0007' }),
  version: f.id.opt({ description: 'Versión del registro en el sistema de origen, si la tiene.' }),
  comuna: f.comuna.req({ description: 'Comuna de la oficina (código CUT).', example: '13101' }),
  tipo_oficina: officeType.req({ description: 'OPD u OLN.', example: 'OLN' }),
  fecha_evento: f.instant.req({ description: 'Fecha y hora del hecho (DD-MM-AAAA HH:MM, hora de Chile).', example: '04-03-2024 10:30' }),
  ...PERSON_SHAPE,
};

const localCase = { description: 'Id del caso local en la oficina: lo llevan todos los registros del caso.', example: 'OLN13101-C-2024-0042' };

export const caseOpenedSchema = z.object({
  ...OFFICE_SHAPE,
  id_caso_local: f.id.req(localCase),
  origen: caseOrigin.req({ description: 'Vía de ingreso: DEMANDA_ESPONTANEA, ESCUELA, SALUD, TRIBUNAL, PROGRAMA_PROTECCION, ALERTA u OTRO.', example: 'ESCUELA' }),
  cod_vulneracion: f.id.opt({ description: 'Código de la vulneración de derechos, según la oficina (nunca un relato).' }),
});

export const referralSchema = z.object({
  ...OFFICE_SHAPE,
  id_caso_local: f.id.req(localCase),
  destino_derivacion: referralTarget.req({ description: 'TRIBUNAL_FAMILIA, PROGRAMA_PROTECCION, SERVICIO_MUNICIPAL, SALUD, EDUCACION u OTRO.', example: 'PROGRAMA_PROTECCION' }),
  modalidad_destino: modality.opt({ description: 'Modalidad del programa receptor, si es un programa de protección.' }),
  cod_unidad_destino: f.id.opt({ description: 'Código de la unidad receptora (programa, tribunal, establecimiento, RBD), si se conoce.' }),
});

export const alertSchema = z.object({
  ...OFFICE_SHAPE,
  id_caso_local: f.id.opt({ description: 'Id del caso local, si la alerta ya tiene uno.' }),
  fuente_alerta: alertSource.req({ description: 'SISTEMA_ALERTA_NINEZ, COMUNIDAD, ESCUELA, SALUD u OTRO.', example: 'SISTEMA_ALERTA_NINEZ' }),
  prioridad: priority.opt({ description: 'ALTA, MEDIA o BAJA.' }),
});

export const caseClosedSchema = z.object({
  ...OFFICE_SHAPE,
  id_caso_local: f.id.req(localCase),
  // Text, not an option: the offices' closure codes are not standardised yet.
  motivo_cierre: f.text(100).opt({ description: 'Motivo de cierre, según lo codifica la oficina.' }),
});

export type OfficeRecordBase = z.output<z.ZodObject<typeof OFFICE_SHAPE>>;
export type CaseOpenedNative = z.output<typeof caseOpenedSchema>;
export type ReferralNative = z.output<typeof referralSchema>;
export type AlertNative = z.output<typeof alertSchema>;
export type CaseClosedNative = z.output<typeof caseClosedSchema>;

const topic = TOPICS.municipalityEvents.name;

export const MUNICIPALITY_CONNECTOR: ConnectorSpec = {
  institution: 'MUNICIPALITY',
  httpPrefix: 'municipalities',
  scopeMeaning: { es: 'código CUT de la comuna de la oficina', en: "CUT code of the office's comuna" },
  kinds: [
    recordKind({ kind: 'CASO_ABIERTO', recordName: 'hub.municipality.CaseOpened', topic, httpPath: 'cases',
      summary: { es: 'Apertura de un caso local (OPD / OLN).', en: 'Local case opened (OPD / OLN).' },
      schema: caseOpenedSchema, map: mapCaseOpened }),
    recordKind({ kind: 'DERIVACION', recordName: 'hub.municipality.ReferralMade', topic, httpPath: 'referrals',
      summary: { es: 'Derivación a un tribunal, programa o servicio.', en: 'Referral to a court, programme or service.' },
      schema: referralSchema, map: mapReferral }),
    recordKind({ kind: 'ALERTA', recordName: 'hub.municipality.AlertRaised', topic, httpPath: 'alerts',
      summary: { es: 'Alerta sobre un niño, niña o adolescente en riesgo.', en: 'Alert about a child at risk.' },
      schema: alertSchema, map: mapAlert }),
    recordKind({ kind: 'CASO_CERRADO', recordName: 'hub.municipality.CaseClosed', topic, httpPath: 'case-closures',
      summary: { es: 'Cierre de un caso local.', en: 'Local case closed.' },
      schema: caseClosedSchema, map: mapCaseClosure }),
  ],
};
