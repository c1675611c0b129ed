// Generated from schemas/avro/tribunal/court-case-ref.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';

/**
 * Reference to a court cause (causa): which court and under which RIT, plus the national RUC when
 * there is one. The RIT is unique only within its court, so (courtCode, rit) together identify the
 * cause. RIT and RUC reveal that a child is in a protection cause: they are sensitive
 * quasi-identifiers, never message keys and never logged.
 *
 * Avro record `hub.tribunal.CourtCaseRef`.
 */
export interface CourtCaseRef {
  /** Code of the court (código de tribunal) as the Poder Judicial assigns it. */
  courtCode: string;
  /** Kind of court that holds the cause (tipo de tribunal). */
  courtType: CourtType;
  /**
   * RIT (Rol Interno del Tribunal), <letter>-<number>-<year> as the court writes it, e.g.
   * P-1234-2023 (P: protection cause, O: OLN communications). Unique only within courtCode.
   */
  rit: string;
  /**
   * RUC (Rol Único de Causa), the national cause number (YYONNNNNNN-D, modulo-11 check digit), when
   * the cause has one. Null for many family causes.
   */
  ruc: string | null;
}

/**
 * Kind of court (tipo de tribunal). FAMILIA: Tribunal de Familia (protection measures,
 * 14-16-year-old offenders). GARANTIA: Tribunal de Garantía (adolescent criminal procedure, 16-18).
 * MENORES: legacy Tribunal / Juzgado de Menores. OTRO: any other court; also what older readers see
 * for a kind added later.
 *
 * Avro enum `hub.tribunal.CourtType`.
 */
export type CourtType = 'FAMILIA' | 'GARANTIA' | 'MENORES' | 'OTRO';

/** Symbols of {@link CourtType}, in schema order. */
export const CourtTypeSymbols: readonly CourtType[] = ['FAMILIA', 'GARANTIA', 'MENORES', 'OTRO'];

/**
 * Self-contained Avro schema of `hub.tribunal.CourtCaseRef` (referenced types inlined), as the
 * registry receives it.
 */
export const CourtCaseRefSchema: RecordSchema = {
  type: 'record',
  name: 'CourtCaseRef',
  namespace: 'hub.tribunal',
  doc: 'Reference to a court cause (causa): which court and under which RIT, plus the national RUC when there is one. The RIT is unique only within its court, so (courtCode, rit) together identify the cause. RIT and RUC reveal that a child is in a protection cause: they are sensitive quasi-identifiers, never message keys and never logged.',
  fields: [
    {
      name: 'courtCode',
      type: 'string',
      doc: 'Code of the court (código de tribunal) as the Poder Judicial assigns it.',
    },
    {
      name: 'courtType',
      type: {
        type: 'enum',
        name: 'CourtType',
        doc: 'Kind of court (tipo de tribunal). FAMILIA: Tribunal de Familia (protection measures, 14-16-year-old offenders). GARANTIA: Tribunal de Garantía (adolescent criminal procedure, 16-18). MENORES: legacy Tribunal / Juzgado de Menores. OTRO: any other court; also what older readers see for a kind added later.',
        symbols: ['FAMILIA', 'GARANTIA', 'MENORES', 'OTRO'],
        default: 'OTRO',
      },
      doc: 'Kind of court that holds the cause (tipo de tribunal).',
    },
    {
      name: 'rit',
      type: 'string',
      doc: 'RIT (Rol Interno del Tribunal), <letter>-<number>-<year> as the court writes it, e.g. P-1234-2023 (P: protection cause, O: OLN communications). Unique only within courtCode.',
    },
    {
      name: 'ruc',
      type: ['null', 'string'],
      default: null,
      doc: 'RUC (Rol Único de Causa), the national cause number (YYONNNNNNN-D, modulo-11 check digit), when the cause has one. Null for many family causes.',
    },
  ],
};
