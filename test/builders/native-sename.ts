import { aNativeChild, type NativeRow } from './native-records';

/**
 * SENAINFO rows (SENAME / Mejor Niñez programmes) as HTTP bodies or CSV rows. Invented data only.
 * `aNativeSenameRow(tipo)` is a valid row of any child kind: the common columns, the child and
 * the columns its kind requires.
 */
export const SENAME_CHILD_ID = 'SNF-7700123';
export const SENAME_PROGRAMME = '1130045';
export const SENAME_CASE = 'ING-2024-55501';

/** The court cause columns, for kinds that may carry one. */
export function aNativeCourtRef(over: NativeRow = {}): NativeRow {
  return { cod_tribunal: '1301', tipo_tribunal: 'FAMILIA', rit: 'P-1234-2023', ruc: '2320012345-K', ...over };
}

const KIND_COLUMNS: Readonly<Record<string, NativeRow>> = {
  INGRESO: {
    id_registro: SENAME_CASE, modalidad: 'CTD', regimen: 'Residencial', administracion: 'OCA',
    cod_institucion_colaboradora: 'OCA-0099', tipo_ingreso: 'Orden tribunal', ...aNativeCourtRef(),
    id_derivacion: '', ref_adulto_acompanante: '', ref_grupo_hermanos: 'HER-2024-0012',
  },
  DIAGNOSTICO: {
    id_registro: 'DIAG-2024-3310', ...aNativeCourtRef(), tipo_diagnostico: 'Diagnóstico', nivel_complejidad: 'Media',
    ambitos: 'Individual|Familiar', recomendacion: 'INTERVENCION_BREVE', destino_recomendado: '',
  },
  PII: { id_registro: 'PII-2024-0420', tipo_plan: 'Breve', ejes: 'INDIVIDUAL|FAMILIAR|SOCIAL_COMUNITARIO', fecha_termino_prevista: '20-07-2024' },
  ESCALAMIENTO: { id_registro: 'ESC-2024-0031', tipo_plan_origen: 'BREVE', tipo_plan_destino: 'Especializada', id_plan_origen: 'PII-2024-0420' },
  PROPUESTA_EGRESO: {
    id_registro: 'PEG-2024-0077', ...aNativeCourtRef(), destino_propuesto: 'Familia de origen',
    causal_propuesta: 'CUMPLIMIENTO_OBJETIVOS_PII', modalidad_destino: '', cod_programa_destino: '',
  },
  EGRESO: {
    id_registro: 'EGR-2024-0102', causal: 'Familia asume rol', destino: 'FAMILIA_EXTENDIDA', modalidad_destino: '',
    cod_programa_destino: '', ...aNativeCourtRef(), id_derivacion: '',
  },
  FUGA_ABANDONO: { id_registro: 'FUG-2024-0009', tipo_evento_fuga: 'Abandono' },
};

/** Kinds about a child (every SENAME kind but PLAZAS). */
export const SENAME_CHILD_KINDS = Object.keys(KIND_COLUMNS);

export function aNativeSenameRow(tipo = 'INGRESO', over: NativeRow = {}): NativeRow {
  const columns = KIND_COLUMNS[tipo];
  if (!columns) throw new Error(`no SENAME builder for ${tipo}`);
  return {
    tipo,
    cod_programa: SENAME_PROGRAMME,
    id_caso: SENAME_CASE,
    fecha_evento: '04-03-2024 10:30',
    ...columns,
    ...aNativeChild({ id_nna: SENAME_CHILD_ID }),
    ...over,
  };
}

/** A programme's declaration of places (PLAZAS): no child columns. */
export function aNativeCapacityDeclaration(over: NativeRow = {}): NativeRow {
  return {
    tipo: 'PLAZAS',
    id_registro: 'PLZ-2024-0001',
    cod_programa: SENAME_PROGRAMME,
    nombre_programa: 'CTD Inventado Norte',
    modalidad: 'CTD',
    regimen: 'RESIDENCIAL',
    administracion: 'AADD',
    cod_institucion_colaboradora: '',
    cod_region: '13',
    comuna: '13101',
    plazas: '40',
    vigente_desde: '01-03-2024',
    vigente_hasta: '',
    fecha_evento: '01-03-2024 09:00',
    ...over,
  };
}
