import { z } from 'zod';
import type { PersonRecord } from '../../schemas';
import * as f from './native-fields';

/**
 * The child as every institution's native record carries them: the same Spanish column names in
 * every connector, so a clerk learns them once and the generator, the import and the HTTP intake
 * agree. Connectors spread `PERSON_SHAPE` into their record schemas.
 */
export const PERSON_SHAPE = {
  id_nna: f.id.req({ description: 'Id del niño, niña o adolescente en el sistema de la institución.', example: 'NNA-000123' }),
  run_nna: f.run.opt({ description: 'RUN del niño, niña o adolescente, con o sin puntos.', example: '12.345.678-5' }),
  ipe: f.ipe.opt({ description: 'Identificador Provisorio Escolar (niños migrantes sin RUN).' }),
  nombres: f.personName.opt({ description: 'Nombres.', example: 'Amanda Rocío' }),
  apellido_paterno: f.personName.opt({ description: 'Primer apellido.', example: 'Quiroz' }),
  apellido_materno: f.personName.opt({ description: 'Segundo apellido.', example: 'Del Valle' }),
  fecha_nacimiento: f.date.opt({ description: 'Fecha de nacimiento (DD-MM-AAAA).', example: '21-08-2013', format: 'DD-MM-AAAA' }),
  sexo: f.sex.opt({ description: 'Sexo registral: F, M o X.', example: 'F' }),
  comuna_residencia: f.comuna.opt({ description: 'Comuna de residencia (código CUT).', example: '13101' }),
  direccion: f.text(200).opt({ description: 'Dirección (calle, número, depto.).' }),
  telefono: f.phone.opt({ description: 'Teléfono de contacto.' }),
} as const;

export type NativePerson = z.output<z.ZodObject<typeof PERSON_SHAPE>>;

/** Native field of the child's RUN, for warnings. */
export const RUN_FIELD = 'run_nna';

/**
 * The canonical PersonRecord of a native person block. `qualifiedId` is the child's id as the hub
 * keys it: bare when unique in the institution, `<unit>/<id>` when unique only within a unit.
 */
export function toPersonRecord(n: NativePerson, source: string, qualifiedId: string): PersonRecord {
  return {
    source,
    sourceRecordId: qualifiedId,
    run: n.run_nna,
    identifiers: n.ipe ? [{ scheme: 'CL-IPE', value: n.ipe }] : [],
    givenNames: n.nombres,
    paternalSurname: n.apellido_paterno,
    maternalSurname: n.apellido_materno,
    birthDate: n.fecha_nacimiento,
    sex: n.sexo,
    comunaCode: n.comuna_residencia,
    address: n.direccion ? { street: n.direccion, locality: null, postcode: null, region: null } : null,
    phone: n.telefono,
  };
}
