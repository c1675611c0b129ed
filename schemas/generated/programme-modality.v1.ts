// Generated from schemas/avro/sename/programme-modality.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { EnumSchema } from '../schema-types';

/**
 * Modality of a programme or centre of the SENAME / Mejor Niñez network (modalidad), run directly
 * (AADD) or by an OCA. CTDL: Centro de Tránsito y Distribución para Lactantes y Preescolares (0-5,
 * residential). CTD: Centro de Tránsito y Distribución (6-17). CTDE: CTD Especializado (boys about
 * 10-13, inimputables). CTD_14_16: CTD for 14-16-year-old offenders inside a COD. COD: Centro de
 * Observación y Diagnóstico (16-18 offenders). CERECO: Centro de Rehabilitación Conductual. CIP:
 * Centro de Internación Provisoria (LRPA, ex-COD). CENTRO_REGIMEN_CERRADO: Centro Privativo de
 * Libertad, closed regime (LRPA, ex-CERECO). CENTRO_SEMICERRADO: semi-closed regime centre (LRPA).
 * MEDIO_LIBRE_RPA: LRPA programmes in the community (intervención ambulatoria, reparación a la
 * víctima, servicios en beneficio de la comunidad). RESIDENCIA: residencia de protección.
 * RESIDENCIA_DISCAPACIDAD: residence for children with disabilities (Ley 20.032).
 * FAMILIA_DE_ACOGIDA: foster-family programme. PROGRAMA_MALTRATO: programme against maltreatment
 * and abuse. PROGRAMA_ESCI: programme against commercial sexual exploitation (ESCI).
 * PROGRAMA_CALLE: street-situation programme. PROGRAMA_DROGAS: drug programme.
 * PROGRAMA_TRABAJO_INFANTIL: child-labour programme. PROGRAMA_INIMPUTABLES: programme for children
 * below the age of criminal responsibility. INTERVENCION_JURIDICA: legal-intervention programme.
 * CIJ: Centro Infanto-Juvenil. OPD: Oficina de Protección de Derechos. ADOPCION: adoption programme
 * / Unidad de Adopción. OTRO: any other modality; also what older readers see for a modality added
 * later.
 *
 * Avro enum `hub.sename.ProgrammeModality`.
 */
export type ProgrammeModality = 'CTDL' | 'CTD' | 'CTDE' | 'CTD_14_16' | 'COD' | 'CERECO' | 'CIP' | 'CENTRO_REGIMEN_CERRADO' | 'CENTRO_SEMICERRADO' | 'MEDIO_LIBRE_RPA' | 'RESIDENCIA' | 'RESIDENCIA_DISCAPACIDAD' | 'FAMILIA_DE_ACOGIDA' | 'PROGRAMA_MALTRATO' | 'PROGRAMA_ESCI' | 'PROGRAMA_CALLE' | 'PROGRAMA_DROGAS' | 'PROGRAMA_TRABAJO_INFANTIL' | 'PROGRAMA_INIMPUTABLES' | 'INTERVENCION_JURIDICA' | 'CIJ' | 'OPD' | 'ADOPCION' | 'OTRO';

/** Symbols of {@link ProgrammeModality}, in schema order. */
export const ProgrammeModalitySymbols: readonly ProgrammeModality[] = [
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
];

/**
 * Self-contained Avro schema of `hub.sename.ProgrammeModality` (referenced types inlined), as the
 * registry receives it.
 */
export const ProgrammeModalitySchema: EnumSchema = {
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
};
