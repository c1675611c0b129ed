import { canonicalJson } from '../../sdk/event-id';
import type { FieldIssue } from '../../sdk/record-kind';
import { DEIS_SYSTEM, EMERGENCY_CLASS, REPORT_FILED_URL } from './conventions';
import { visitFlags } from './icd10-flags';
import { codesOf, findIndex, get, isObject, list, text, type JsonObject } from './json-access';
import { patientColumns, type Columns } from './patient-columns';

/**
 * A FHIR R4 Bundle → the health connector's native rows (the CSV column names), so a bundle goes
 * through exactly the validation and mapping of a CSV row or an HTTP body:
 * - each Encounter whose class is EMER → one ATENCION_URGENCIA row;
 * - each EpisodeOfCare → one INSCRIPCION_PROGRAMA row;
 * - the child's columns come from the Patient the row's subject refers to, in the same bundle.
 * Patients, Organizations and any other resource produce no row of their own; non-emergency
 * encounters and other resources are counted as `ignored`, not reported. Structural problems
 * (not a bundle, an entry without a resource, a subject that is not in the bundle) are issues
 * with FHIR paths; field values are not validated here but by the record kind's schema, and
 * `fhirPathOf` translates those issues back to FHIR paths.
 *
 * Pure, and total over JSON: whatever `json` is, it returns and never throws.
 */
export interface BundleRow {
  readonly row: Record<string, unknown>;
  /** Index in `entry` of the Encounter or EpisodeOfCare the row comes from. */
  readonly entryIndex: number;
  /** FHIR path of each native field's value (`fecha_evento` → `entry[3].resource.period.start`). */
  readonly fieldPaths: Readonly<Record<string, string>>;
}

export interface BundleIssue {
  readonly entryIndex: number | null;
  /** FHIR path, e.g. `entry[3].resource.subject`. */
  readonly field: string;
  /** Key of connectors/sdk/messages.ts or fhir/messages.ts. */
  readonly code: string;
}

export interface BundleRows {
  readonly rows: BundleRow[];
  readonly issues: BundleIssue[];
  /** Entries read and deliberately left out: non-emergency or voided encounters, other resource types. */
  readonly ignored: number;
}

export interface BundleOptions {
  /**
   * DEIS code to use when a resource names no establishment (e.g. the HTTP credential's unit).
   * A code the resource does name always wins, so the intake's scope check still sees it.
   */
  readonly establishmentCode?: string;
}

type Kind = 'Patient' | 'Organization';
const AMBIGUOUS = Symbol('ambiguous');
type Index = Map<string, { entryIndex: number; resource: JsonObject } | typeof AMBIGUOUS>;

export function bundleToNativeRows(json: unknown, options: BundleOptions = {}): BundleRows {
  const rows: BundleRow[] = [];
  const issues: BundleIssue[] = [];
  let ignored = 0;
  if (!isObject(json) || get(json, 'resourceType') !== 'Bundle') {
    return { rows, issues: [{ entryIndex: null, field: 'resourceType', code: 'FHIR_NOT_A_BUNDLE' }], ignored };
  }
  const entryField = get(json, 'entry');
  if (entryField !== undefined && !Array.isArray(entryField)) {
    return { rows, issues: [{ entryIndex: null, field: 'entry', code: 'INVALID_TYPE' }], ignored };
  }
  const entries = list(json, 'entry');
  const index = indexResources(entries, issues);

  entries.forEach((entry, i) => {
    const resource = get(entry, 'resource');
    const type = get(resource, 'resourceType');
    if (!isObject(resource) || typeof type !== 'string') return; // reported by indexResources
    const at = `entry[${i}].resource`;
    if (type === 'Patient' || type === 'Organization') return;
    if (type !== 'Encounter' && type !== 'EpisodeOfCare') { ignored++; return; }
    if (text(resource, 'status') === 'entered-in-error' || (type === 'Encounter' && !isEmergency(resource))) { ignored++; return; }

    const subjectField = type === 'Encounter' ? 'subject' : 'patient';
    const patient = resolve(index, 'Patient', text(get(resource, subjectField), 'reference'));
    if (!patient) { issues.push({ entryIndex: i, field: `${at}.${subjectField}`, code: 'FHIR_UNRESOLVED_SUBJECT' }); return; }

    const person = patientColumns(patient.resource, `entry[${patient.entryIndex}].resource`);
    const own = type === 'Encounter' ? emergencyColumns(resource, at) : episodeColumns(resource, at);
    const org = establishment(index, resource, type === 'Encounter' ? 'serviceProvider' : 'managingOrganization', at, options);
    rows.push({
      row: { ...person.values, ...own.values, ...org.values },
      entryIndex: i,
      fieldPaths: { ...person.paths, ...own.paths, ...org.paths },
    });
  });
  return { rows, issues, ignored };
}

/** The FHIR path of a field issue on a row, for people fixing the bundle; the entry when the field is not known. */
export function fhirPathOf(row: BundleRow, issue: FieldIssue): string {
  return row.fieldPaths[issue.field] ?? `entry[${row.entryIndex}].resource`;
}

/** Patients and Organizations by fullUrl and by `Type/id`; two different resources under one key make it ambiguous. */
function indexResources(entries: readonly unknown[], issues: BundleIssue[]): Index {
  const index: Index = new Map();
  entries.forEach((entry, i) => {
    const resource = get(entry, 'resource');
    const type = get(resource, 'resourceType');
    if (!isObject(resource) || typeof type !== 'string') {
      issues.push({ entryIndex: i, field: isObject(resource) ? `entry[${i}].resource.resourceType` : `entry[${i}].resource`, code: 'FHIR_INVALID_ENTRY' });
      return;
    }
    if (type !== 'Patient' && type !== 'Organization') return;
    const keys = new Set<string>();
    const fullUrl = text(entry, 'fullUrl');
    if (fullUrl !== undefined) keys.add(fullUrl);
    const id = text(resource, 'id');
    if (id !== undefined) keys.add(`${type}/${id}`);
    const fromUrl = fullUrl === undefined ? undefined : typedId(type, fullUrl);
    if (fromUrl !== undefined) keys.add(fromUrl);
    let duplicate = false;
    for (const key of keys) {
      const seen = index.get(key);
      if (seen === undefined) index.set(key, { entryIndex: i, resource });
      else if (seen === AMBIGUOUS || !sameContent(seen.resource, resource)) { index.set(key, AMBIGUOUS); duplicate = true; }
    }
    if (duplicate) issues.push({ entryIndex: i, field: `entry[${i}].resource.id`, code: 'FHIR_DUPLICATE_RESOURCE' });
  });
  return index;
}

/** The same resource repeated is harmless; content too deep to compare counts as different. */
function sameContent(a: JsonObject, b: JsonObject): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

/** `Patient/123`, `http://x/fhir/Patient/123/_history/2` → `Patient/123`. */
function typedId(type: Kind, reference: string): string | undefined {
  const m = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  return m && m[1] === type ? `${type}/${m[2]}` : undefined;
}

/** A reference to a resource of the bundle: by fullUrl (e.g. `urn:uuid:…`), else by type and id. */
function resolve(index: Index, type: Kind, reference: string | undefined): { entryIndex: number; resource: JsonObject } | undefined {
  if (reference === undefined) return undefined;
  const hit = index.get(reference) ?? index.get(typedId(type, reference) ?? '');
  return hit === undefined || hit === AMBIGUOUS || get(hit.resource, 'resourceType') !== type ? undefined : hit;
}

/** R4's `class` is a Coding; R5's a list of CodeableConcepts; some senders write a CodeableConcept. Any of them says EMER. */
function isEmergency(encounter: JsonObject): boolean {
  const cls = get(encounter, 'class');
  const concepts = Array.isArray(cls) ? cls : [cls];
  return concepts.some((c) => codesOf(c).some((code) => code.toUpperCase() === EMERGENCY_CLASS));
}

function recordId(resource: JsonObject, at: string): Columns {
  // Transaction bundles may carry resources without an id (fullUrl `urn:uuid:…`): the visit's own
  // identifier (e.g. its DAU number) is the next best record id.
  if (get(resource, 'id') !== undefined) return { values: { id_registro: get(resource, 'id') }, paths: { id_registro: `${at}.id` } };
  const ids = list(resource, 'identifier');
  const i = findIndex(ids, (x) => get(x, 'value') !== undefined);
  return i >= 0
    ? { values: { id_registro: get(ids[i], 'value') }, paths: { id_registro: `${at}.identifier[${i}].value` } }
    : { values: {}, paths: { id_registro: `${at}.id` } };
}

function startOf(resource: JsonObject, at: string): Columns {
  const period = isObject(get(resource, 'period')) ? 'period' : 'actualPeriod'; // R5 renamed Encounter.period
  return { values: { fecha_evento: toMillis(get(get(resource, period), 'start')) }, paths: { fecha_evento: `${at}.${period}.start` } };
}

/** FHIR instants may carry any number of decimals; the native instant type reads up to milliseconds. */
function toMillis(start: unknown): unknown {
  return typeof start === 'string' ? start.replace(/(T\d{2}:\d{2}:\d{2}\.\d{3})\d+/, '$1') : start;
}

function emergencyColumns(encounter: JsonObject, at: string): Columns {
  const flags = visitFlags(encounter);
  const id = recordId(encounter, at);
  const start = startOf(encounter, at);
  const values: Record<string, unknown> = {
    tipo: 'ATENCION_URGENCIA', ...id.values, ...start.values,
    lesion: flags.injury ? 'SI' : 'NO', sospecha_maltrato: flags.maltreatmentSuspected ? 'SI' : 'NO',
  };
  const paths: Record<string, string> = { ...id.paths, ...start.paths, lesion: `${at}.reasonCode`, sospecha_maltrato: `${at}.reasonCode` };
  const ext = list(encounter, 'extension');
  const r = findIndex(ext, (e) => text(e, 'url') === REPORT_FILED_URL);
  if (r >= 0) {
    const v = get(ext[r], 'valueBoolean');
    values.denuncia = v === true ? 'SI' : v === false ? 'NO' : v;
    paths.denuncia = `${at}.extension[${r}].valueBoolean`;
  }
  return { values, paths };
}

function episodeColumns(episode: JsonObject, at: string): Columns {
  const id = recordId(episode, at);
  const start = startOf(episode, at);
  // The programme is the first coded type; the hub's convention is type[0].coding[0].code.
  const types = list(episode, 'type');
  const t = findIndex(types, (c) => codesOf(c).length > 0);
  const values: Record<string, unknown> = { tipo: 'INSCRIPCION_PROGRAMA', ...id.values, ...start.values };
  if (t >= 0) values.programa_salud = codesOf(types[t])[0];
  return { values, paths: { ...id.paths, ...start.paths, programa_salud: `${at}.type[${Math.max(t, 0)}]` } };
}

/**
 * The DEIS code of the establishment: the reference's own identifier (the hub's convention), else
 * the identifier of the Organization it points to in the bundle (DEIS system preferred), else the
 * caller's default.
 */
function establishment(index: Index, resource: JsonObject, field: string, at: string, options: BundleOptions): Columns {
  const ref = get(resource, field);
  const own = get(get(ref, 'identifier'), 'value');
  if (own !== undefined) return { values: { cod_establecimiento: own }, paths: { cod_establecimiento: `${at}.${field}.identifier.value` } };
  const org = resolve(index, 'Organization', text(ref, 'reference'));
  if (org) {
    const ids = list(org.resource, 'identifier');
    const deis = findIndex(ids, (x) => text(x, 'system') === DEIS_SYSTEM && get(x, 'value') !== undefined);
    const i = deis >= 0 ? deis : findIndex(ids, (x) => get(x, 'value') !== undefined);
    if (i >= 0) return { values: { cod_establecimiento: get(ids[i], 'value') }, paths: { cod_establecimiento: `entry[${org.entryIndex}].resource.identifier[${i}].value` } };
  }
  const path = { cod_establecimiento: `${at}.${field}` };
  return options.establishmentCode === undefined ? { values: {}, paths: path } : { values: { cod_establecimiento: options.establishmentCode }, paths: path };
}
