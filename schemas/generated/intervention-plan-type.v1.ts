// Generated from schemas/avro/sename/intervention-plan-type.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { EnumSchema } from '../schema-types';

/**
 * Kind of individual intervention plan (tipo de PII). BREVE: brief intervention, about 3 months
 * (CTD, less grave violations). ESPECIALIZADA: specialised intervention, up to 6 months (CTD,
 * CTDE). FAMILIAR: family-of-origin intervention plan (CTDL, up to 6 months). CERECO:
 * re-educational treatment plan of a CERECO (individual, family and community axes; within 10
 * days). LRPA: plan of a sanction under the adolescent criminal-responsibility law. OTRO: any other
 * kind; also what older readers see for a kind added later.
 *
 * Avro enum `hub.sename.InterventionPlanType`.
 */
export type InterventionPlanType = 'BREVE' | 'ESPECIALIZADA' | 'FAMILIAR' | 'CERECO' | 'LRPA' | 'OTRO';

/** Symbols of {@link InterventionPlanType}, in schema order. */
export const InterventionPlanTypeSymbols: readonly InterventionPlanType[] = ['BREVE', 'ESPECIALIZADA', 'FAMILIAR', 'CERECO', 'LRPA', 'OTRO'];

/**
 * Self-contained Avro schema of `hub.sename.InterventionPlanType` (referenced types inlined), as
 * the registry receives it.
 */
export const InterventionPlanTypeSchema: EnumSchema = {
  type: 'enum',
  name: 'InterventionPlanType',
  namespace: 'hub.sename',
  doc: 'Kind of individual intervention plan (tipo de PII). BREVE: brief intervention, about 3 months (CTD, less grave violations). ESPECIALIZADA: specialised intervention, up to 6 months (CTD, CTDE). FAMILIAR: family-of-origin intervention plan (CTDL, up to 6 months). CERECO: re-educational treatment plan of a CERECO (individual, family and community axes; within 10 days). LRPA: plan of a sanction under the adolescent criminal-responsibility law. OTRO: any other kind; also what older readers see for a kind added later.',
  symbols: ['BREVE', 'ESPECIALIZADA', 'FAMILIAR', 'CERECO', 'LRPA', 'OTRO'],
  default: 'OTRO',
};
