import fc from 'fast-check';
import {
  DEIS_SYSTEM, FHIR_ESTABLISHMENT, REPORT_FILED_URL, aBundle, aFhirPatient, anAmbulatoryEncounter, anEmergencyEncounter, anEntry, anEpisodeOfCare,
} from '../../../test/builders/fhir-bundles';
import { avroProblems } from '../../../test/support/avro-validity';
import { ISSUE_MESSAGES_EN, ISSUE_MESSAGES_ES } from '../../sdk/messages';
import { processRecord } from '../../sdk/process-record';
import { HEALTH_CONNECTOR } from '../records';
import { bundleToNativeRows, fhirPathOf } from './bundle-to-rows';
import { FHIR_MESSAGES_EN, FHIR_MESSAGES_ES } from './messages';

const ctx = { recordedAt: Date.UTC(2024, 2, 5, 12, 0), traceId: null };

const secondChild = aFhirPatient('p2', {
  identifier: [{ system: 'http://regcivil.cl/Validacion/RUN', value: '23.456.789-6' }],
  name: [{ family: 'Inventado', given: ['Tomás'] }],
  gender: 'male',
  birthDate: '2016-01-30',
  address: [],
  telecom: [],
});

/** 2 patients, 3 encounters (one ambulatory), 1 episode of care; references by `Patient/<id>` and by fullUrl. */
function aClinicBundle() {
  const p2 = anEntry(secondChild, 'urn:uuid:6f1c2a4e-0000-4000-8000-000000000002');
  return aBundle([
    aFhirPatient('p1'),
    p2,
    anEmergencyEncounter('dau-1', 'Patient/p1', ['S52.5', 'T74.1'], { extension: [{ url: REPORT_FILED_URL, valueBoolean: true }] }),
    anAmbulatoryEncounter('amb-1', 'Patient/p1'),
    anEmergencyEncounter('dau-2', p2.fullUrl!, ['R10.4']),
    anEpisodeOfCare('ins-1', p2.fullUrl!, 'DENTAL'),
  ]);
}

describe('FHIR bundle reader', () => {
  it('Given a bundle with 2 patients, 3 encounters (one not an emergency) and 1 episode, When read, Then it yields 3 native rows with the patients\' columns and ignores the ambulatory visit', () => {
    const out = bundleToNativeRows(aClinicBundle());
    expect(out.issues).toEqual([]);
    expect(out.ignored).toBe(1);
    expect(out.rows.map((r) => r.entryIndex)).toEqual([2, 4, 5]);
    expect(out.rows.map((r) => r.row)).toEqual([
      {
        tipo: 'ATENCION_URGENCIA', id_registro: 'dau-1', cod_establecimiento: FHIR_ESTABLISHMENT, fecha_evento: '2024-03-04T22:15:00-03:00',
        lesion: 'SI', sospecha_maltrato: 'SI', denuncia: 'SI',
        id_nna: 'p1', run_nna: '12.345.678-5', nombres: 'Amanda Rocío', apellido_paterno: 'Quiroz', apellido_materno: 'Del Valle',
        fecha_nacimiento: '2013-08-21', sexo: 'F', direccion: 'Calle Inventada 456', comuna_residencia: '13101', telefono: '+56 9 1234 5678',
      },
      {
        tipo: 'ATENCION_URGENCIA', id_registro: 'dau-2', cod_establecimiento: FHIR_ESTABLISHMENT, fecha_evento: '2024-03-04T22:15:00-03:00',
        lesion: 'NO', sospecha_maltrato: 'NO',
        id_nna: 'p2', run_nna: '23.456.789-6', nombres: 'Tomás', apellido_paterno: 'Inventado', fecha_nacimiento: '2016-01-30', sexo: 'M',
      },
      {
        tipo: 'INSCRIPCION_PROGRAMA', id_registro: 'ins-1', cod_establecimiento: FHIR_ESTABLISHMENT, fecha_evento: '2024-03-11T10:00:00-03:00',
        programa_salud: 'DENTAL',
        id_nna: 'p2', run_nna: '23.456.789-6', nombres: 'Tomás', apellido_paterno: 'Inventado', fecha_nacimiento: '2016-01-30', sexo: 'M',
      },
    ]);
  });

  it('Given the rows of a bundle, When processed by the health connector, Then they become Avro-valid events keyed by establishment and patient', () => {
    const outcomes = bundleToNativeRows(aClinicBundle()).rows.map((r) => processRecord(HEALTH_CONNECTOR, r.row, ctx));
    expect(outcomes.map((o) => (o.ok ? o.messages[0]!.key : o.issues))).toEqual(['HEALTH:999123/p1', 'HEALTH:999123/p2', 'HEALTH:999123/p2']);
    for (const o of outcomes) {
      if (!o.ok) continue;
      for (const m of o.messages) expect(avroProblems(m.recordName, m.value)).toEqual([]);
    }
    const first = outcomes[0]!;
    expect(first.ok && first.messages[0]!.value).toMatchObject({ injury: true, maltreatmentSuspected: true, reportFiled: true, envelope: { occurredAt: Date.UTC(2024, 2, 5, 1, 15) } });
  });

  it('Given an encounter whose subject is not in the bundle, When read, Then it yields no row and an unresolved-subject issue at its FHIR path', () => {
    const out = bundleToNativeRows(aBundle([aFhirPatient('p1'), anEmergencyEncounter('dau-9', 'Patient/nadie'), anEmergencyEncounter('dau-10', 'Patient/p1', [], { subject: undefined })]));
    expect(out.rows.map((r) => r.row.id_registro)).toEqual([]);
    expect(out.issues).toEqual([
      { entryIndex: 1, field: 'entry[1].resource.subject', code: 'FHIR_UNRESOLVED_SUBJECT' },
      { entryIndex: 2, field: 'entry[2].resource.subject', code: 'FHIR_UNRESOLVED_SUBJECT' },
    ]);
  });

  it('Given a row with a bad value, When its issues are located, Then each native field points at the FHIR element it came from', () => {
    const bundle = aBundle([aFhirPatient('p1', { birthDate: '2013-02-30' }), anEmergencyEncounter('dau-1', 'Patient/p1', [], { period: { start: 'ayer' } })]);
    const [row] = bundleToNativeRows(bundle).rows;
    const r = processRecord(HEALTH_CONNECTOR, row!.row, ctx);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => fhirPathOf(row!, i)).sort()).toEqual(['entry[0].resource.birthDate', 'entry[1].resource.period.start']);
  });

  it('Given something that is not a bundle, When read, Then it is one FHIR_NOT_A_BUNDLE issue and no row', () => {
    for (const junk of [null, 'Bundle', 42, [], { resourceType: 'Patient' }]) {
      expect(bundleToNativeRows(junk)).toEqual({ rows: [], issues: [{ entryIndex: null, field: 'resourceType', code: 'FHIR_NOT_A_BUNDLE' }], ignored: 0 });
    }
    expect(bundleToNativeRows({ resourceType: 'Bundle', entry: {} }).issues).toEqual([{ entryIndex: null, field: 'entry', code: 'INVALID_TYPE' }]);
    expect(bundleToNativeRows({ resourceType: 'Bundle', type: 'collection' })).toEqual({ rows: [], issues: [], ignored: 0 });
  });

  it('Given entries without a resource, other resource types and voided encounters, When read, Then the first are issues and the rest are ignored', () => {
    const out = bundleToNativeRows(aBundle([
      { resource: 'no' }, { resource: { id: 'x' } }, aFhirPatient('p1'),
      { resourceType: 'Observation', id: 'o1' }, anEmergencyEncounter('dau-1', 'Patient/p1', [], { status: 'entered-in-error' }),
    ]));
    expect(out.rows).toEqual([]);
    expect(out.ignored).toBe(2);
    expect(out.issues).toEqual([
      { entryIndex: 0, field: 'entry[0].resource', code: 'FHIR_INVALID_ENTRY' },
      { entryIndex: 1, field: 'entry[1].resource.resourceType', code: 'FHIR_INVALID_ENTRY' },
    ]);
  });

  it('Given two different patients under one id, When an encounter refers to it, Then the reference is ambiguous: a duplicate issue and no row', () => {
    const out = bundleToNativeRows(aBundle([aFhirPatient('p1'), anEntry(secondChild, 'urn:uuid:x'), anEntry({ ...secondChild, id: 'p1' }, 'urn:uuid:y'), anEmergencyEncounter('dau-1', 'Patient/p1')]));
    expect(out.rows).toEqual([]);
    expect(out.issues).toEqual([
      { entryIndex: 2, field: 'entry[2].resource.id', code: 'FHIR_DUPLICATE_RESOURCE' },
      { entryIndex: 3, field: 'entry[3].resource.subject', code: 'FHIR_UNRESOLVED_SUBJECT' },
    ]);
    // The same patient repeated verbatim is harmless.
    expect(bundleToNativeRows(aBundle([aFhirPatient('p1'), anEntry(aFhirPatient('p1'), 'urn:uuid:z'), anEmergencyEncounter('dau-1', 'Patient/p1')])).rows).toHaveLength(1);
  });

  it('Given a patient written the HL7 Chile Core way, When read, Then the cédula RUN, the ComunasCl code and the second surname are taken and the mother\'s RUN is not', () => {
    const clCore = aFhirPatient('p1', {
      identifier: [
        { type: { coding: [{ system: 'https://hl7chile.cl/fhir/ig/clcore/CodeSystem/CSTipoIdentificador', code: '3' }] }, system: 'http://regcivil.cl/Validacion/RUN', value: '9.876.543-3' },
        { use: 'official', type: { coding: [{ system: 'https://hl7chile.cl/fhir/ig/clcore/CodeSystem/CSCodigoDNI', code: 'NNCHL' }] }, value: '12345678-5' },
      ],
      name: [{ use: 'usual', given: ['Mandy'] }, { use: 'official', family: 'Quiroz', _family: { extension: [{ url: 'https://hl7chile.cl/fhir/ig/clcore/StructureDefinition/SegundoApellido', valueString: 'Del Valle' }] }, given: ['Amanda'] }],
      gender: 'unknown',
      address: [{ line: ['Pasaje Ficticio 12'], city: 'Santiago', _city: { extension: [{ url: 'https://hl7chile.cl/fhir/ig/clcore/StructureDefinition/ComunasCl', valueCodeableConcept: { coding: [{ code: '13101' }] } }] }, district: 'Santiago' }],
    });
    const [row] = bundleToNativeRows(aBundle([clCore, anEmergencyEncounter('dau-1', 'Patient/p1')])).rows;
    expect(row!.row).toMatchObject({ run_nna: '12345678-5', nombres: 'Amanda', apellido_paterno: 'Quiroz', apellido_materno: 'Del Valle', sexo: null, comuna_residencia: '13101', direccion: 'Pasaje Ficticio 12' });
    expect(row!.fieldPaths.run_nna).toBe('entry[0].resource.identifier[1].value');
  });

  it('Given an establishment named only through an Organization in the bundle or by the caller, When read, Then its DEIS code is the row\'s unit', () => {
    const org = { resourceType: 'Organization', id: 'hosp', identifier: [{ system: 'urn:otro', value: 'X-1' }, { system: DEIS_SYSTEM, value: '112100' }] };
    const viaOrg = bundleToNativeRows(aBundle([aFhirPatient('p1'), org, anEmergencyEncounter('dau-1', 'Patient/p1', [], { serviceProvider: { reference: 'Organization/hosp' } })]));
    expect(viaOrg.rows[0]!.row.cod_establecimiento).toBe('112100');
    const bare = aBundle([aFhirPatient('p1'), anEpisodeOfCare('ins-1', 'Patient/p1', 'DENTAL', { managingOrganization: undefined })]);
    expect(bundleToNativeRows(bare).rows[0]!.row.cod_establecimiento).toBeUndefined();
    expect(bundleToNativeRows(bare, { establishmentCode: '999123' }).rows[0]!.row.cod_establecimiento).toBe('999123');
  });

  it('Given ICD-10 reasons, When read, Then S00–T14 is an injury and T74, T76, Y05–Y07 a suspicion of maltreatment, whatever their writing', () => {
    const flags = (codes: string[]) => {
      const row = bundleToNativeRows(aBundle([aFhirPatient('p1'), anEmergencyEncounter('d', 'Patient/p1', codes)])).rows[0]!.row;
      return [row.lesion, row.sospecha_maltrato];
    };
    expect(flags(['S00.0'])).toEqual(['SI', 'NO']);
    expect(flags(['t14.9'])).toEqual(['SI', 'NO']);
    expect(flags(['T15.0'])).toEqual(['NO', 'NO']);
    expect(flags(['T74.1'])).toEqual(['NO', 'SI']);
    expect(flags(['T76'])).toEqual(['NO', 'SI']);
    expect(flags(['Y05', 'Y07.9'])).toEqual(['NO', 'SI']);
    expect(flags(['Y08', 'X85'])).toEqual(['NO', 'NO']);
    const notIcd = bundleToNativeRows(aBundle([aFhirPatient('p1'), anEmergencyEncounter('d', 'Patient/p1', [], { reasonCode: [{ coding: [{ system: 'http://snomed.info/sct', code: 'S52' }] }] })])).rows[0]!.row;
    expect([notIcd.lesion, notIcd.sospecha_maltrato]).toEqual(['NO', 'NO']);
  });
});

describe('FHIR bundle reader robustness', () => {
  const known = new Set([...Object.keys(ISSUE_MESSAGES_ES), ...Object.keys(FHIR_MESSAGES_ES)]);
  const resourceType = fc.constantFrom('Patient', 'Encounter', 'EpisodeOfCare', 'Organization', 'Observation', 'Bundle');
  const resource = fc.oneof(
    fc.anything(),
    fc.dictionary(fc.constantFrom('id', 'subject', 'patient', 'class', 'identifier', 'name', 'period', 'reasonCode', 'extension', 'address', 'type', 'gender', 'serviceProvider'), fc.jsonValue())
      .chain((d) => resourceType.map((t) => ({ ...d, resourceType: t }))),
  );
  const bundle = fc.record({
    resourceType: fc.constant('Bundle'),
    entry: fc.array(fc.record({ fullUrl: fc.oneof(fc.string(), fc.constantFrom('Patient/p1', 'urn:uuid:a')), resource }, { requiredKeys: [] }), { maxLength: 8 }),
  });

  it('Given any value at all, When read, Then it never throws and every issue code has a message', () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.jsonValue(), bundle), (json) => {
      const out = bundleToNativeRows(json);
      for (const i of out.issues) expect(known.has(i.code)).toBe(true);
      for (const r of out.rows) expect(typeof r.row.tipo).toBe('string');
    }), { numRuns: 500 });
  });

  it('Given valid bundles with junk sprinkled into their resources, When read and processed, Then nothing throws', () => {
    const junkBundle = fc.tuple(fc.jsonValue(), fc.jsonValue(), fc.jsonValue()).map(([a, b, c]) => aBundle([
      aFhirPatient('p1', { name: a, birthDate: b }), anEmergencyEncounter('d', 'Patient/p1', [], { reasonCode: c, period: a }), anEpisodeOfCare('e', 'Patient/p1', 'DENTAL', { type: b }),
    ]));
    fc.assert(fc.property(junkBundle, (json) => {
      for (const r of bundleToNativeRows(json).rows) processRecord(HEALTH_CONNECTOR, r.row, ctx);
    }), { numRuns: 300 });
  });
});

describe('FHIR messages', () => {
  it('Given the FHIR issue catalogue, When compared, Then every code has Spanish and English text and none shadows an SDK code', () => {
    expect(Object.keys(FHIR_MESSAGES_EN).sort()).toEqual(Object.keys(FHIR_MESSAGES_ES).sort());
    for (const k of Object.keys(FHIR_MESSAGES_ES)) {
      expect(k in ISSUE_MESSAGES_ES || k in ISSUE_MESSAGES_EN).toBe(false);
      expect(FHIR_MESSAGES_ES[k]).toMatch(/\S/);
    }
  });
});
