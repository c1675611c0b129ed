// Generated from schemas/avro/sename/egress-destination.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { EnumSchema } from '../schema-types';

/**
 * Where a child goes when leaving a programme (destino de egreso), as proposed by a centre, ordered
 * by a court or executed. FAMILIA_ORIGEN: family of origin (reinserción familiar).
 * FAMILIA_EXTENDIDA: extended family. FAMILIA_ADOPTIVA: adoptive family (after the declaration of
 * susceptibility, Ley 19.620). FAMILIA_SUSTITUTA: substitute family. VIDA_INDEPENDIENTE:
 * independent living (14-18 only). PROGRAMA_RED_PROTECCION: another project of the protection
 * network (residence, foster care, ambulatory reparative programme, OPD...; which one is in the
 * destination modality and programme fields). MEDIO_LIBRE: protection measure in the community
 * (medida de protección en el medio libre). CERECO: a CERECO / closed-regime centre. GENDARMERIA:
 * Sección de Menores of Gendarmería (con discernimiento). PROGRAMA_FUERA_RED: services outside the
 * network (COSAM, municipal programmes, education, SENCE training). OTRO: any other destination;
 * also what older readers see for a destination added later.
 *
 * Avro enum `hub.sename.EgressDestination`.
 */
export type EgressDestination = 'FAMILIA_ORIGEN' | 'FAMILIA_EXTENDIDA' | 'FAMILIA_ADOPTIVA' | 'FAMILIA_SUSTITUTA' | 'VIDA_INDEPENDIENTE' | 'PROGRAMA_RED_PROTECCION' | 'MEDIO_LIBRE' | 'CERECO' | 'GENDARMERIA' | 'PROGRAMA_FUERA_RED' | 'OTRO';

/** Symbols of {@link EgressDestination}, in schema order. */
export const EgressDestinationSymbols: readonly EgressDestination[] = [
  'FAMILIA_ORIGEN',
  'FAMILIA_EXTENDIDA',
  'FAMILIA_ADOPTIVA',
  'FAMILIA_SUSTITUTA',
  'VIDA_INDEPENDIENTE',
  'PROGRAMA_RED_PROTECCION',
  'MEDIO_LIBRE',
  'CERECO',
  'GENDARMERIA',
  'PROGRAMA_FUERA_RED',
  'OTRO',
];

/**
 * Self-contained Avro schema of `hub.sename.EgressDestination` (referenced types inlined), as the
 * registry receives it.
 */
export const EgressDestinationSchema: EnumSchema = {
  type: 'enum',
  name: 'EgressDestination',
  namespace: 'hub.sename',
  doc: 'Where a child goes when leaving a programme (destino de egreso), as proposed by a centre, ordered by a court or executed. FAMILIA_ORIGEN: family of origin (reinserción familiar). FAMILIA_EXTENDIDA: extended family. FAMILIA_ADOPTIVA: adoptive family (after the declaration of susceptibility, Ley 19.620). FAMILIA_SUSTITUTA: substitute family. VIDA_INDEPENDIENTE: independent living (14-18 only). PROGRAMA_RED_PROTECCION: another project of the protection network (residence, foster care, ambulatory reparative programme, OPD...; which one is in the destination modality and programme fields). MEDIO_LIBRE: protection measure in the community (medida de protección en el medio libre). CERECO: a CERECO / closed-regime centre. GENDARMERIA: Sección de Menores of Gendarmería (con discernimiento). PROGRAMA_FUERA_RED: services outside the network (COSAM, municipal programmes, education, SENCE training). OTRO: any other destination; also what older readers see for a destination added later.',
  symbols: [
    'FAMILIA_ORIGEN',
    'FAMILIA_EXTENDIDA',
    'FAMILIA_ADOPTIVA',
    'FAMILIA_SUSTITUTA',
    'VIDA_INDEPENDIENTE',
    'PROGRAMA_RED_PROTECCION',
    'MEDIO_LIBRE',
    'CERECO',
    'GENDARMERIA',
    'PROGRAMA_FUERA_RED',
    'OTRO',
  ],
  default: 'OTRO',
};
