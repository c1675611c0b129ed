import { aNativeChild, type NativeRow } from './native-records';

/**
 * Records of a municipal office (OPD / OLN) as HTTP bodies or CSV rows. Invented data only.
 * `aNativeMunicipalRow(tipo)` is a valid row of any kind: common columns, the child and the
 * columns its kind requires.
 */
export const MUNICIPAL_COMUNA = '13101';
export const MUNICIPAL_CHILD_ID = 'OLN13101-P-0042';
export const MUNICIPAL_CASE = 'OLN13101-C-2024-0042';

const KIND_COLUMNS: Readonly<Record<string, NativeRow>> = {
  CASO_ABIERTO: { id_registro: MUNICIPAL_CASE, origen: 'Escuela', cod_vulneracion: 'VD-03' },
  DERIVACION: { id_registro: 'DER-OLN-2024-0007', destino_derivacion: 'Programa de protección', modalidad_destino: 'PROGRAMA_MALTRATO', cod_unidad_destino: '1130045' },
  ALERTA: { id_registro: 'ALR-OLN-2024-0101', fuente_alerta: 'Sistema Alerta Niñez', prioridad: 'Alta' },
  CASO_CERRADO: { id_registro: 'CIE-OLN-2024-0003', motivo_cierre: 'DERIVADO_A_PROGRAMA' },
};

export const MUNICIPAL_KINDS = Object.keys(KIND_COLUMNS);

export function aNativeMunicipalRow(tipo = 'CASO_ABIERTO', over: NativeRow = {}): NativeRow {
  const columns = KIND_COLUMNS[tipo];
  if (!columns) throw new Error(`no municipal builder for ${tipo}`);
  return {
    tipo,
    comuna: MUNICIPAL_COMUNA,
    tipo_oficina: 'OLN',
    id_caso_local: MUNICIPAL_CASE,
    fecha_evento: '04-03-2024 10:30',
    ...columns,
    ...aNativeChild({ id_nna: MUNICIPAL_CHILD_ID, telefono: '+56 9 0000 0000' }),
    ...over,
  };
}
