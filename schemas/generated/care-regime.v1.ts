// Generated from schemas/avro/sename/care-regime.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { EnumSchema } from '../schema-types';

/**
 * How a programme serves the child (régimen). RESIDENCIAL: the child lives in the centre
 * (internado, residencial). AMBULATORIO: the child lives at home and attends (ambulatorio, medio
 * libre).
 *
 * Avro enum `hub.sename.CareRegime`.
 */
export type CareRegime = 'RESIDENCIAL' | 'AMBULATORIO';

/** Symbols of {@link CareRegime}, in schema order. */
export const CareRegimeSymbols: readonly CareRegime[] = ['RESIDENCIAL', 'AMBULATORIO'];

/**
 * Self-contained Avro schema of `hub.sename.CareRegime` (referenced types inlined), as the registry
 * receives it.
 */
export const CareRegimeSchema: EnumSchema = {
  type: 'enum',
  name: 'CareRegime',
  namespace: 'hub.sename',
  doc: 'How a programme serves the child (régimen). RESIDENCIAL: the child lives in the centre (internado, residencial). AMBULATORIO: the child lives at home and attends (ambulatorio, medio libre).',
  symbols: ['RESIDENCIAL', 'AMBULATORIO'],
};
