/**
 * FHIR R4 resources and bundles following the hub's health conventions (connectors/health/README.md).
 * Invented data only: the patients, RUNs (valid check digits) and the establishment are fictitious.
 */
export type FhirResource = Record<string, unknown>;
export interface FhirEntry { fullUrl?: string; resource: unknown }

export const RUN_SYSTEM = 'http://regcivil.cl/Validacion/RUN';
export const SECOND_SURNAME_URL = 'https://hl7chile.cl/fhir/ig/clcore/StructureDefinition/SegundoApellido';
export const DEIS_SYSTEM = 'https://deis.minsal.cl/establecimientos';
export const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
export const REPORT_FILED_URL = 'https://hub.red-ninez.cl/fhir/StructureDefinition/denuncia';
export const FHIR_ESTABLISHMENT = '999123';

export function aFhirPatient(id: string, over: FhirResource = {}): FhirResource {
  return {
    resourceType: 'Patient',
    id,
    identifier: [{ system: RUN_SYSTEM, value: '12.345.678-5' }],
    name: [{ use: 'official', family: 'Quiroz', _family: { extension: [{ url: SECOND_SURNAME_URL, valueString: 'Del Valle' }] }, given: ['Amanda', 'Rocío'] }],
    gender: 'female',
    birthDate: '2013-08-21',
    address: [{ line: ['Calle Inventada 456'], district: '13101' }],
    telecom: [{ system: 'email', value: 'nadie@ejemplo.invalid' }, { system: 'phone', value: '+56 9 1234 5678' }],
    ...over,
  };
}

/** An emergency visit (class EMER) with ICD-10 reasons; `reasons` are codes like `S52.5`. */
export function anEmergencyEncounter(id: string, subject: string, reasons: readonly string[] = [], over: FhirResource = {}): FhirResource {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER', display: 'emergency' },
    subject: { reference: subject },
    period: { start: '2024-03-04T22:15:00-03:00', end: '2024-03-05T01:40:00-03:00' },
    serviceProvider: { identifier: { system: DEIS_SYSTEM, value: FHIR_ESTABLISHMENT } },
    reasonCode: reasons.map((code) => ({ coding: [{ system: ICD10, code }] })),
    ...over,
  };
}

/** An ambulatory visit: not an emergency, so the hub leaves it out. */
export function anAmbulatoryEncounter(id: string, subject: string): FhirResource {
  return anEmergencyEncounter(id, subject, ['S52.5'], { class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' } });
}

export function anEpisodeOfCare(id: string, patient: string, programme = 'ATENCION_PRIMARIA', over: FhirResource = {}): FhirResource {
  return {
    resourceType: 'EpisodeOfCare',
    id,
    status: 'active',
    type: [{ coding: [{ system: 'https://hub.red-ninez.cl/fhir/CodeSystem/programa-salud', code: programme }] }],
    patient: { reference: patient },
    managingOrganization: { identifier: { system: DEIS_SYSTEM, value: FHIR_ESTABLISHMENT } },
    period: { start: '2024-03-11T10:00:00-03:00' },
    ...over,
  };
}

/** An entry with a `urn:uuid` fullUrl derived from the resource's id (deterministic, like a generator's). */
export function anEntry(resource: FhirResource, fullUrl?: string): FhirEntry {
  const id = typeof resource.id === 'string' ? resource.id : 'sin-id';
  return { fullUrl: fullUrl ?? `urn:uuid:00000000-0000-4000-8000-${hex12(`${String(resource.resourceType)}/${id}`)}`, resource };
}

export function aBundle(entries: ReadonlyArray<FhirResource | FhirEntry>, type = 'collection'): FhirResource {
  return {
    resourceType: 'Bundle',
    type,
    entry: entries.map((e) => ('resource' in e ? e : anEntry(e))),
  };
}

function hex12(s: string): string {
  let h = 0;
  for (const c of s) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return h.toString(16).padStart(12, '0').slice(-12);
}
