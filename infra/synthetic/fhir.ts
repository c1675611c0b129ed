import { fhirInstant, isoDate } from './calendar';
import type { Corruption } from './invalid';
import type { PersonView } from './noise';
import { hashText, mixSeed } from './random';
import type { Rendered } from './render';

/**
 * FHIR R4 resources of the health establishments that export FHIR, following the hub's
 * conventions (connectors/health/fhir): Patient (id = the establishment's patient id, RUN
 * identifier, CL Core second surname extension, comuna in address.district), Encounter with
 * class EMER for an emergency visit (ICD-10 reason codes carry the injury and maltreatment
 * flags), EpisodeOfCare for a programme enrollment.
 */
export const FHIR = {
  runSystem: 'http://regcivil.cl/Validacion/RUN',
  secondSurname: 'https://hl7chile.cl/fhir/ig/clcore/StructureDefinition/SegundoApellido',
  deis: 'https://deis.minsal.cl/establecimientos',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  report: 'https://hub.red-ninez.cl/fhir/StructureDefinition/denuncia',
  programme: 'https://hub.red-ninez.cl/fhir/CodeSystem/programa-salud',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
} as const;

type Json = Record<string, unknown>;

/** A deterministic `urn:uuid:` for an entry, from the seed and a name. */
export function fullUrlOf(seed: number, name: string): string {
  const h = hashText(name);
  const hex = [1, 2, 3, 4].map((k) => (mixSeed(seed, [h, k]) >>> 0).toString(16).padStart(8, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function patientResource(v: PersonView, variant: number): Json {
  const identifier: Json[] = [];
  if (v.run) {
    // Most establishments name the RUN by its system; some only by the identifier type.
    identifier.push(variant % 3 === 0
      ? { use: 'official', type: { coding: [{ code: 'RUN', display: 'RUN' }] }, value: v.run }
      : { use: 'official', system: FHIR.runSystem, value: v.run });
  }
  if (v.ipe) identifier.push({ use: 'secondary', type: { coding: [{ code: 'IPE', display: 'Identificador Provisorio Escolar' }] }, value: v.ipe });
  const name: Json = { use: 'official' };
  if (v.paternal) name.family = v.paternal;
  if (v.maternal) name._family = { extension: [{ url: FHIR.secondSurname, valueString: v.maternal }] };
  if (v.givenNames.length > 0) name.given = [...v.givenNames];
  const patient: Json = { resourceType: 'Patient', id: v.idNna };
  if (identifier.length > 0) patient.identifier = identifier;
  if (name.family || name.given || name._family) patient.name = [name];
  if (v.phone) patient.telecom = [{ system: 'phone', value: v.phone, use: 'mobile' }];
  patient.gender = v.sex === 'F' ? 'female' : v.sex === 'M' ? 'male' : 'unknown';
  if (v.birth !== null) patient.birthDate = isoDate(v.birth);
  if (v.address || v.comuna) {
    const address: Json = { use: 'home' };
    if (v.address) address.line = [v.address];
    if (v.comuna) address.district = v.comuna;
    patient.address = [address];
  }
  return patient;
}

const INJURY_CODES = ['S52.5', 'S09.9', 'S00.0', 'S42.0', 'T14.0', 'S60.2', 'S93.4'];
const MALTREATMENT_CODES = ['T74.1', 'T74.0', 'T74.3', 'Y07.1', 'Y05.8'];
const OTHER_CODES = ['J06.9', 'A09.9', 'R50.9', 'J45.9', 'R10.4', 'L50.9'];

export function encounterResource(r: Rendered, subject: string, code: string, variant: number): Json {
  const f = r.fact.fields;
  const pick = (list: readonly string[], salt: number) => list[(variant + salt) % list.length]!;
  const codes: string[] = [];
  if (f.lesion === 'SI') codes.push(pick(INJURY_CODES, 0));
  if (f.sospecha_maltrato === 'SI') codes.push(pick(MALTREATMENT_CODES, 1));
  if (codes.length === 0) codes.push(pick(OTHER_CODES, 2));
  const encounter: Json = {
    resourceType: 'Encounter', id: r.fact.recordId, status: 'finished',
    class: { system: FHIR.actCode, code: 'EMER', display: 'emergency' },
    subject: { reference: subject },
    period: { start: fhirInstant(r.fact.at) },
    reasonCode: codes.map((c) => ({ coding: [{ system: FHIR.icd10, code: c }] })),
    serviceProvider: { identifier: { system: FHIR.deis, value: code } },
  };
  if (f.denuncia) encounter.extension = [{ url: FHIR.report, valueBoolean: f.denuncia === 'SI' }];
  corrupt(encounter, r.invalid, 'serviceProvider');
  return encounter;
}

export function episodeResource(r: Rendered, patient: string, code: string): Json {
  const episode: Json = {
    resourceType: 'EpisodeOfCare', id: r.fact.recordId, status: 'active',
    type: [{ coding: [{ system: FHIR.programme, code: r.invalid === 'unknown_programme' ? 'PROGRAMA_X' : r.fact.fields.programa_salud }] }],
    patient: { reference: patient },
    managingOrganization: { identifier: { system: FHIR.deis, value: code } },
    period: { start: fhirInstant(r.fact.at) },
  };
  corrupt(episode, r.invalid, 'managingOrganization');
  return episode;
}

/** A routine outpatient encounter (class AMB): not a record the hub takes, which the reader must skip. */
export function outpatientResource(id: string, subject: string, start: string, code: string): Json {
  return {
    resourceType: 'Encounter', id, status: 'finished', class: { system: FHIR.actCode, code: 'AMB', display: 'ambulatory' },
    subject: { reference: subject }, period: { start }, serviceProvider: { identifier: { system: FHIR.deis, value: code } },
  };
}

function corrupt(resource: Json, corruption: Corruption | null, organisation: string): void {
  switch (corruption) {
    case null: case 'unknown_programme': return;
    case 'bad_event_time': resource.period = { start: '2023-13-45T25:61:00-03:00' }; return;
    case 'missing_establishment': delete resource[organisation]; return;
    case 'overlong_record_id': resource.id = `${String(resource.id)}-${'x'.repeat(70)}`; return;
    default: throw new Error(`${corruption} does not apply to FHIR resources`);
  }
}
