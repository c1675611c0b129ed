/**
 * The columns of each native file: `tipo`, the institution's common columns, the child's block
 * (PERSON_SHAPE, same names everywhere) and the union of every kind's own columns, blank where a
 * kind does not use them. Names and meaning are the contract in connectors/*\/records.ts.
 */
export const PERSON_COLUMNS = [
  'id_nna', 'run_nna', 'ipe', 'nombres', 'apellido_paterno', 'apellido_materno', 'fecha_nacimiento', 'sexo',
  'comuna_residencia', 'direccion', 'telefono',
] as const;

const COURT_REF = ['cod_tribunal', 'tipo_tribunal', 'rit', 'ruc'] as const;

export type CsvFile = 'tribunales' | 'sename' | 'municipios' | 'colegios' | 'salud';

export const COLUMNS: Readonly<Record<CsvFile, readonly string[]>> = {
  tribunales: [
    'tipo', 'id_registro', 'version', 'cod_tribunal', 'tipo_tribunal', 'rit', 'ruc', 'fecha_resolucion', ...PERSON_COLUMNS,
    'materia', 'modalidad_destino', 'regimen_destino', 'cod_programa_destino', 'administracion_destino',
    'tipo_diagnostico', 'regimen', 'fecha_plazo', 'fecha_audiencia', 'tipo_audiencia',
    'decision', 'cod_programa_origen', 'destino', 'fecha_efectiva',
  ],
  sename: [
    'tipo', 'id_registro', 'version', 'id_caso', 'cod_programa', 'fecha_evento', ...PERSON_COLUMNS, ...COURT_REF,
    'modalidad', 'regimen', 'administracion', 'cod_institucion_colaboradora', 'tipo_ingreso', 'id_derivacion',
    'ref_adulto_acompanante', 'ref_grupo_hermanos',
    'tipo_diagnostico', 'nivel_complejidad', 'ambitos', 'recomendacion', 'destino_recomendado',
    'tipo_plan', 'ejes', 'fecha_termino_prevista', 'tipo_plan_origen', 'tipo_plan_destino', 'id_plan_origen',
    'destino_propuesto', 'causal_propuesta', 'modalidad_destino', 'cod_programa_destino', 'causal', 'destino',
    'tipo_evento_fuga',
    'nombre_programa', 'cod_region', 'comuna', 'plazas', 'vigente_desde', 'vigente_hasta',
  ],
  municipios: [
    'tipo', 'id_registro', 'version', 'comuna', 'tipo_oficina', 'id_caso_local', 'fecha_evento', ...PERSON_COLUMNS,
    'origen', 'cod_vulneracion', 'destino_derivacion', 'modalidad_destino', 'cod_unidad_destino', 'fuente_alerta', 'prioridad', 'motivo_cierre',
  ],
  colegios: [
    'tipo', 'id_registro', 'version', 'rbd', 'dv_rbd', 'anio_escolar', 'fecha_evento', ...PERSON_COLUMNS,
    'curso', 'fecha_inicio_periodo', 'fecha_fin_periodo', 'porcentaje_asistencia', 'dias_lectivos', 'dias_ausente', 'umbral',
    'motivo_retiro', 'rbd_destino',
  ],
  salud: [
    'tipo', 'id_registro', 'version', 'cod_establecimiento', 'fecha_evento', ...PERSON_COLUMNS,
    'lesion', 'sospecha_maltrato', 'denuncia', 'run_madre', 'orden_nacimiento', 'programa_salud',
  ],
};

/** The column holding the record's time in each file (courts call it the resolution date). */
export const EVENT_TIME_COLUMN: Readonly<Record<CsvFile, string>> = {
  tribunales: 'fecha_resolucion', sename: 'fecha_evento', municipios: 'fecha_evento', colegios: 'fecha_evento', salud: 'fecha_evento',
};

/** Columns holding dates (`DD-MM-AAAA`) and instants (`DD-MM-AAAA HH:MM`), rewritten with the file's date separator. */
export const DATE_COLUMNS: ReadonlySet<string> = new Set([
  'fecha_plazo', 'fecha_efectiva', 'fecha_termino_prevista', 'vigente_desde', 'vigente_hasta', 'fecha_inicio_periodo', 'fecha_fin_periodo',
  'fecha_audiencia',
]);
