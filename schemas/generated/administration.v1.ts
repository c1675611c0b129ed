// Generated from schemas/avro/sename/administration.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { EnumSchema } from '../schema-types';

/**
 * Who runs a programme (administración). AADD: the service itself (Administración Directa). OCA: an
 * accredited private collaborating body paid per child (organismo colaborador acreditado).
 *
 * Avro enum `hub.sename.Administration`.
 */
export type Administration = 'AADD' | 'OCA';

/** Symbols of {@link Administration}, in schema order. */
export const AdministrationSymbols: readonly Administration[] = ['AADD', 'OCA'];

/**
 * Self-contained Avro schema of `hub.sename.Administration` (referenced types inlined), as the
 * registry receives it.
 */
export const AdministrationSchema: EnumSchema = {
  type: 'enum',
  name: 'Administration',
  namespace: 'hub.sename',
  doc: 'Who runs a programme (administración). AADD: the service itself (Administración Directa). OCA: an accredited private collaborating body paid per child (organismo colaborador acreditado).',
  symbols: ['AADD', 'OCA'],
};
