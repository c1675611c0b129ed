import { aNativeChild, type NativeRow } from './native-records';

/**
 * A school's native rows (SIGE-like CSV cells / HTTP bodies). Invented data only: the RBD, the
 * student and the IPE belong to no real school or child.
 */
export const SYNTHETIC_RBD = '8485';
export const SYNTHETIC_IPE = '100200300';

/** A migrant student without a RUN, known by an invented IPE. */
export function aMigrantStudent(over: NativeRow = {}): NativeRow {
  return aNativeChild({
    id_nna: 'EST-0318',
    run_nna: '',
    ipe: SYNTHETIC_IPE,
    nombres: 'Yelitza Marcela',
    apellido_paterno: 'Inventada',
    apellido_materno: 'Ejemplo',
    fecha_nacimiento: '03-11-2015',
    ...over,
  });
}

function schoolCommon(over: NativeRow): NativeRow {
  return {
    id_registro: 'MAT-2024-8485-0318',
    rbd: SYNTHETIC_RBD,
    dv_rbd: '9',
    anio_escolar: '2024',
    fecha_evento: '04-03-2024 08:30',
    ...aNativeChild({ id_nna: 'EST-0318' }),
    ...over,
  };
}

/** An enrollment (MATRICULA). */
export function aNativeEnrollment(over: NativeRow = {}): NativeRow {
  return schoolCommon({ tipo: 'MATRICULA', curso: '5° básico', ...over });
}

/** A chronic-absence alert (ALERTA_AUSENTISMO), percent written with a decimal comma as Chilean spreadsheets do. */
export function aNativeAbsenceAlert(over: NativeRow = {}): NativeRow {
  return schoolCommon({
    tipo: 'ALERTA_AUSENTISMO',
    id_registro: 'AUS-2024-8485-0012',
    fecha_evento: '02-05-2024 09:00',
    fecha_inicio_periodo: '04-03-2024',
    fecha_fin_periodo: '30-04-2024',
    porcentaje_asistencia: '72,5',
    dias_lectivos: '40',
    dias_ausente: '11',
    umbral: '90',
    ...over,
  });
}

/** A withdrawal (RETIRO) by transfer to another school. */
export function aNativeWithdrawal(over: NativeRow = {}): NativeRow {
  return schoolCommon({
    tipo: 'RETIRO',
    id_registro: 'RET-2024-8485-0003',
    fecha_evento: '15-07-2024 12:00',
    motivo_retiro: 'Traslado',
    rbd_destino: '8486',
    ...over,
  });
}
