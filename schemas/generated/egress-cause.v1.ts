// Generated from schemas/avro/sename/egress-cause.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { EnumSchema } from '../schema-types';

/**
 * Coded reason of a planned exit (causal de egreso). The first four are the good-prognosis causes
 * of the 'egreso favorable' indicator: FAMILIA_ASUME_ROL (the family or a responsible adult takes
 * up their role), CUMPLIMIENTO_OBJETIVOS_PII (the objectives of the individual and family
 * intervention plan were met), SUPERACION_VULNERACION (the threat or violation of rights was
 * overcome), PROCESO_ADOPCION (the child is in an adoption process). DIAGNOSTICO_CONCLUIDO: the
 * diagnosis the child was admitted for is complete and the court decided the next step.
 * PERFIL_NO_CORRESPONDE: early exit because the child does not fit the programme's profile.
 * TERMINO_MEDIDA_JUDICIAL: the court ended the measure or its term expired (e.g. after a
 * discernment ruling or a served CERECO measure). OTRO: any other cause; also what older readers
 * see for a cause added later. Unplanned exits (fuga, abandono) are not causes here: they are
 * hub.sename.AbscondmentRecorded events.
 *
 * Avro enum `hub.sename.EgressCause`.
 */
export type EgressCause = 'FAMILIA_ASUME_ROL' | 'CUMPLIMIENTO_OBJETIVOS_PII' | 'SUPERACION_VULNERACION' | 'PROCESO_ADOPCION' | 'DIAGNOSTICO_CONCLUIDO' | 'PERFIL_NO_CORRESPONDE' | 'TERMINO_MEDIDA_JUDICIAL' | 'OTRO';

/** Symbols of {@link EgressCause}, in schema order. */
export const EgressCauseSymbols: readonly EgressCause[] = [
  'FAMILIA_ASUME_ROL',
  'CUMPLIMIENTO_OBJETIVOS_PII',
  'SUPERACION_VULNERACION',
  'PROCESO_ADOPCION',
  'DIAGNOSTICO_CONCLUIDO',
  'PERFIL_NO_CORRESPONDE',
  'TERMINO_MEDIDA_JUDICIAL',
  'OTRO',
];

/**
 * Self-contained Avro schema of `hub.sename.EgressCause` (referenced types inlined), as the
 * registry receives it.
 */
export const EgressCauseSchema: EnumSchema = {
  type: 'enum',
  name: 'EgressCause',
  namespace: 'hub.sename',
  doc: "Coded reason of a planned exit (causal de egreso). The first four are the good-prognosis causes of the 'egreso favorable' indicator: FAMILIA_ASUME_ROL (the family or a responsible adult takes up their role), CUMPLIMIENTO_OBJETIVOS_PII (the objectives of the individual and family intervention plan were met), SUPERACION_VULNERACION (the threat or violation of rights was overcome), PROCESO_ADOPCION (the child is in an adoption process). DIAGNOSTICO_CONCLUIDO: the diagnosis the child was admitted for is complete and the court decided the next step. PERFIL_NO_CORRESPONDE: early exit because the child does not fit the programme's profile. TERMINO_MEDIDA_JUDICIAL: the court ended the measure or its term expired (e.g. after a discernment ruling or a served CERECO measure). OTRO: any other cause; also what older readers see for a cause added later. Unplanned exits (fuga, abandono) are not causes here: they are hub.sename.AbscondmentRecorded events.",
  symbols: [
    'FAMILIA_ASUME_ROL',
    'CUMPLIMIENTO_OBJETIVOS_PII',
    'SUPERACION_VULNERACION',
    'PROCESO_ADOPCION',
    'DIAGNOSTICO_CONCLUIDO',
    'PERFIL_NO_CORRESPONDE',
    'TERMINO_MEDIDA_JUDICIAL',
    'OTRO',
  ],
  default: 'OTRO',
};
