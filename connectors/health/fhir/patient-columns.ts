import {
  CL_CHILEAN_ID_CARD_CODE, CL_DOCUMENT_TYPE_SYSTEM, CL_IDENTIFIER_TYPE_MOTHERS_RUN, CL_IDENTIFIER_TYPE_RUN,
  CL_IDENTIFIER_TYPE_SYSTEM, COMUNA_EXTENSION_URL, RUN_SYSTEM, SECOND_SURNAME_URL,
} from './conventions';
import { codesOf, findIndex, get, isObject, list, text } from './json-access';

/**
 * A FHIR Patient → the child's native columns (PERSON_SHAPE names), each with the FHIR path it came
 * from so that a field issue found later can be reported where the sender can fix it. Values are
 * passed on as found (the native field types validate them); only FHIR's own codes are translated
 * (gender) and FHIR's structure flattened (given names joined, second surname from its extension).
 */
export interface Columns {
  readonly values: Record<string, unknown>;
  readonly paths: Record<string, string>;
}

export function patientColumns(patient: unknown, at: string): Columns {
  const values: Record<string, unknown> = {};
  const paths: Record<string, string> = {};
  const put = (field: string, value: unknown, path: string) => {
    if (value === undefined) return;
    values[field] = value;
    paths[field] = path;
  };

  put('id_nna', get(patient, 'id'), `${at}.id`);
  paths.id_nna = `${at}.id`; // required: a missing id is reported where it belongs
  const identifiers = list(patient, 'identifier');
  const run = findIndex(identifiers, isRunIdentifier);
  if (run >= 0) put('run_nna', get(identifiers[run], 'value'), `${at}.identifier[${run}].value`);
  const ipe = findIndex(identifiers, (i) => typeCodes(i).some((c) => c.toUpperCase() === 'IPE'));
  if (ipe >= 0) put('ipe', get(identifiers[ipe], 'value'), `${at}.identifier[${ipe}].value`);

  const names = list(patient, 'name');
  const official = findIndex(names, (n) => text(n, 'use') === 'official');
  const n = official >= 0 ? official : 0;
  const name = names[n];
  if (isObject(name)) {
    put('nombres', givenNames(get(name, 'given')), `${at}.name[${n}].given`);
    put('apellido_paterno', get(name, 'family'), `${at}.name[${n}].family`);
    const ext = list(get(name, '_family'), 'extension');
    const second = findIndex(ext, (e) => text(e, 'url') === SECOND_SURNAME_URL);
    if (second >= 0) put('apellido_materno', get(ext[second], 'valueString'), `${at}.name[${n}]._family.extension[${second}].valueString`);
  }

  put('fecha_nacimiento', get(patient, 'birthDate'), `${at}.birthDate`);
  put('sexo', sex(get(patient, 'gender')), `${at}.gender`);

  const address = list(patient, 'address')[0];
  if (isObject(address)) {
    const line = list(address, 'line')[0];
    put('direccion', line, `${at}.address[0].line[0]`);
    const comuna = comunaOf(address, `${at}.address[0]`);
    if (comuna) put('comuna_residencia', comuna.value, comuna.path);
  }

  const telecom = list(patient, 'telecom');
  const phone = findIndex(telecom, (t) => text(t, 'system') === 'phone' && get(t, 'value') !== undefined);
  if (phone >= 0) put('telefono', get(telecom[phone], 'value'), `${at}.telecom[${phone}].value`);
  return { values, paths };
}

/**
 * The child's own RUN: the identifier with the Registro Civil RUN system, or typed RUN (`RUN`,
 * CL Core's cédula `NNCHL` or identifier type `1`). An identifier typed as the mother's RUN
 * (CL Core type `3`) is never the child's, whatever its system says.
 */
function isRunIdentifier(identifier: unknown): boolean {
  const type = get(identifier, 'type');
  if (codesOf(type, (s) => s === CL_IDENTIFIER_TYPE_SYSTEM).includes(CL_IDENTIFIER_TYPE_MOTHERS_RUN)) return false;
  if (text(identifier, 'system') === RUN_SYSTEM) return true;
  if (typeCodes(identifier).some((c) => c.toUpperCase() === 'RUN')) return true;
  if (codesOf(type, (s) => s === CL_DOCUMENT_TYPE_SYSTEM).includes(CL_CHILEAN_ID_CARD_CODE)) return true;
  return codesOf(type, (s) => s === CL_IDENTIFIER_TYPE_SYSTEM).includes(CL_IDENTIFIER_TYPE_RUN);
}

function typeCodes(identifier: unknown): string[] {
  return codesOf(get(identifier, 'type'));
}

/** `given[]` joined by a space; a non-conformant single string is taken as is; anything else is passed on to be rejected. */
function givenNames(given: unknown): unknown {
  if (!Array.isArray(given)) return given;
  if (given.every((g) => typeof g === 'string')) return given.length === 0 ? undefined : given.join(' ');
  return given;
}

const GENDER: Readonly<Record<string, string | null>> = { male: 'M', female: 'F', other: 'X', unknown: null };

/** FHIR administrative gender → the hub's F/M/X; `unknown` is blank; other values are passed on to be validated. */
function sex(gender: unknown): unknown {
  if (typeof gender !== 'string') return gender;
  const g = gender.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(GENDER, g) ? GENDER[g] : gender;
}

/**
 * The comuna's CUT code of an address. The hub's spec puts the code in `district`; CL Core puts
 * the comuna's name in `city` and its code in the ComunasCl extension (`_city`, or `_district` in
 * older profiles), while its `district` holds the province's name. So: the extension's code
 * first, then `district` when it looks like a code (has digits); a place name is not a code and is
 * ignored rather than rejected.
 */
function comunaOf(address: unknown, at: string): { value: unknown; path: string } | undefined {
  for (const element of ['city', 'district']) {
    const ext = list(get(address, `_${element}`), 'extension');
    const i = findIndex(ext, (e) => text(e, 'url') === COMUNA_EXTENSION_URL);
    if (i < 0) continue;
    const path = `${at}._${element}.extension[${i}]`;
    const code = text(ext[i], 'valueCode');
    if (code !== undefined) return { value: code, path: `${path}.valueCode` };
    const coded = codesOf(get(ext[i], 'valueCodeableConcept'))[0];
    if (coded !== undefined) return { value: coded, path: `${path}.valueCodeableConcept` };
  }
  const district = get(address, 'district');
  if (typeof district === 'string' && !/\d/.test(district)) return undefined;
  return district === undefined ? undefined : { value: district, path: `${at}.district` };
}
