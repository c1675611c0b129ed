// Generated from schemas/avro/tribunal/diagnosis-type.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { EnumSchema } from '../schema-types';

/**
 * Kind of diagnosis or expert report a court orders and a centre delivers (diagnóstico / pericia).
 * DIAGNOSTICO: diagnosis and prognosis of the child and the family context (CTDL, CTD; 20 working
 * days). PROFUNDIZACION_DIAGNOSTICA: in-depth diagnosis (CTDE). DIAGNOSTICO_INTEGRAL: comprehensive
 * assessment of a 14-16-year-old offender (CTD 14-16; 15 days). DISCERNIMIENTO: discernment report
 * on a 16-18-year-old (COD, pre-LRPA; at most 5 days). PERICIA_SOCIAL, PERICIA_PSICOLOGICA,
 * PERICIA_DROGAS: social, psychological and drug-use expert reports (diligencias solicitadas por el
 * tribunal). OTRO: any other kind; also what older readers see for a kind added later.
 *
 * Avro enum `hub.tribunal.DiagnosisType`.
 */
export type DiagnosisType = 'DIAGNOSTICO' | 'PROFUNDIZACION_DIAGNOSTICA' | 'DIAGNOSTICO_INTEGRAL' | 'DISCERNIMIENTO' | 'PERICIA_SOCIAL' | 'PERICIA_PSICOLOGICA' | 'PERICIA_DROGAS' | 'OTRO';

/** Symbols of {@link DiagnosisType}, in schema order. */
export const DiagnosisTypeSymbols: readonly DiagnosisType[] = [
  'DIAGNOSTICO',
  'PROFUNDIZACION_DIAGNOSTICA',
  'DIAGNOSTICO_INTEGRAL',
  'DISCERNIMIENTO',
  'PERICIA_SOCIAL',
  'PERICIA_PSICOLOGICA',
  'PERICIA_DROGAS',
  'OTRO',
];

/**
 * Self-contained Avro schema of `hub.tribunal.DiagnosisType` (referenced types inlined), as the
 * registry receives it.
 */
export const DiagnosisTypeSchema: EnumSchema = {
  type: 'enum',
  name: 'DiagnosisType',
  namespace: 'hub.tribunal',
  doc: 'Kind of diagnosis or expert report a court orders and a centre delivers (diagnóstico / pericia). DIAGNOSTICO: diagnosis and prognosis of the child and the family context (CTDL, CTD; 20 working days). PROFUNDIZACION_DIAGNOSTICA: in-depth diagnosis (CTDE). DIAGNOSTICO_INTEGRAL: comprehensive assessment of a 14-16-year-old offender (CTD 14-16; 15 days). DISCERNIMIENTO: discernment report on a 16-18-year-old (COD, pre-LRPA; at most 5 days). PERICIA_SOCIAL, PERICIA_PSICOLOGICA, PERICIA_DROGAS: social, psychological and drug-use expert reports (diligencias solicitadas por el tribunal). OTRO: any other kind; also what older readers see for a kind added later.',
  symbols: [
    'DIAGNOSTICO',
    'PROFUNDIZACION_DIAGNOSTICA',
    'DIAGNOSTICO_INTEGRAL',
    'DISCERNIMIENTO',
    'PERICIA_SOCIAL',
    'PERICIA_PSICOLOGICA',
    'PERICIA_DROGAS',
    'OTRO',
  ],
  default: 'OTRO',
};
