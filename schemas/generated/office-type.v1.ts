// Generated from schemas/avro/municipality/office-type.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { EnumSchema } from '../schema-types';

/**
 * Kind of municipal child-protection office. OPD: Oficina de Protección de Derechos (being
 * replaced). OLN: Oficina Local de la Niñez (Ley 21.430; administrative protection).
 *
 * Avro enum `hub.municipality.OfficeType`.
 */
export type OfficeType = 'OPD' | 'OLN';

/** Symbols of {@link OfficeType}, in schema order. */
export const OfficeTypeSymbols: readonly OfficeType[] = ['OPD', 'OLN'];

/**
 * Self-contained Avro schema of `hub.municipality.OfficeType` (referenced types inlined), as the
 * registry receives it.
 */
export const OfficeTypeSchema: EnumSchema = {
  type: 'enum',
  name: 'OfficeType',
  namespace: 'hub.municipality',
  doc: 'Kind of municipal child-protection office. OPD: Oficina de Protección de Derechos (being replaced). OLN: Oficina Local de la Niñez (Ley 21.430; administrative protection).',
  symbols: ['OPD', 'OLN'],
};
