import { aNativeChild, type NativeRow } from './native-records';

/**
 * A health establishment's native rows (CSV cells / HTTP bodies). Invented data only: the DEIS
 * code, the patients and the RUNs (valid check digits) belong to no real establishment or person.
 */
export const SYNTHETIC_ESTABLISHMENT = '999123';
export const SYNTHETIC_MOTHER_RUN = '9.876.543-3';

function healthCommon(over: NativeRow): NativeRow {
  return {
    id_registro: 'DAU-2024-000777',
    cod_establecimiento: SYNTHETIC_ESTABLISHMENT,
    fecha_evento: '04-03-2024 22:15',
    ...aNativeChild({ id_nna: 'FICHA-31337' }),
    ...over,
  };
}

/** An emergency visit (ATENCION_URGENCIA) for an injury with a suspicion of maltreatment. */
export function aNativeEmergencyVisit(over: NativeRow = {}): NativeRow {
  return healthCommon({ tipo: 'ATENCION_URGENCIA', lesion: 'SI', sospecha_maltrato: 'SI', denuncia: '', ...over });
}

/**
 * A newborn (RECIEN_NACIDO) as maternity wards record them: under the mother's RUN, with a
 * placeholder name, the second of twins.
 */
export function aNativeNewborn(over: NativeRow = {}): NativeRow {
  return healthCommon({
    tipo: 'RECIEN_NACIDO',
    id_registro: 'RN-2024-000123',
    fecha_evento: '01-06-2024 00:12',
    id_nna: 'RN-000123',
    run_nna: SYNTHETIC_MOTHER_RUN,
    nombres: 'RN HIJO DE',
    apellido_paterno: 'Quiroz',
    apellido_materno: 'Del Valle',
    fecha_nacimiento: '01-06-2024',
    sexo: 'M',
    direccion: '',
    run_madre: SYNTHETIC_MOTHER_RUN,
    orden_nacimiento: '2',
    ...over,
  });
}

/** A primary-care programme enrollment (INSCRIPCION_PROGRAMA). */
export function aNativeProgrammeEnrollment(over: NativeRow = {}): NativeRow {
  return healthCommon({ tipo: 'INSCRIPCION_PROGRAMA', id_registro: 'INS-2024-004411', fecha_evento: '11-03-2024 10:00', programa_salud: 'Atención primaria', ...over });
}
