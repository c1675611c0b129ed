/**
 * Native records as institutions send them (CSV cells / JSON bodies with Spanish field names).
 * Invented data only; the RUN has a valid check digit and belongs to no one in this world.
 */
export type NativeRow = Record<string, string | number | boolean | null | undefined>;

export function aNativeChild(over: NativeRow = {}): NativeRow {
  return {
    id_nna: 'NNA-000123',
    run_nna: '12.345.678-5',
    nombres: 'Amanda Rocío',
    apellido_paterno: 'Quiroz',
    apellido_materno: 'Del Valle',
    fecha_nacimiento: '21-08-2013',
    sexo: 'F',
    comuna_residencia: '13101',
    direccion: 'Calle Inventada 456',
    telefono: '',
    ...over,
  };
}

/** A court's admission order (ORDEN_INGRESO), as its HTTP body or CSV row. */
export function aNativeCourtOrder(over: NativeRow = {}): NativeRow {
  return {
    tipo: 'ORDEN_INGRESO',
    id_registro: 'RES-2024-000981',
    cod_tribunal: '1301',
    tipo_tribunal: 'FAMILIA',
    rit: 'P-1234-2023',
    ruc: '2320012345-K',
    fecha_resolucion: '04-03-2024 10:30',
    materia: 'MEDIDA_PROTECCION',
    modalidad_destino: 'CTD',
    regimen_destino: 'Residencial',
    cod_programa_destino: '',
    administracion_destino: 'AADD',
    ...aNativeChild(),
    ...over,
  };
}
