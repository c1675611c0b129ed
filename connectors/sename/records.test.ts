import {
  aNativeCapacityDeclaration, aNativeSenameRow, SENAME_CHILD_KINDS,
} from '../../test/builders/native-sename';
import { avroProblems } from '../../test/support/avro-validity';
import { TOPICS } from '../../schemas/topics';
import { recordProcessor } from '../../test/support/record-processor';
import { SENAME_CONNECTOR } from './records';

const ctx = { recordedAt: Date.UTC(2024, 2, 4, 14, 0), traceId: null };

const { accept, reject } = recordProcessor(SENAME_CONNECTOR, ctx);

describe('SENAME connector: a child\'s stay', () => {
  it('Given a valid admission row, When processed, Then it yields one AdmissionRegistered carrying the child, keyed by the national child id', () => {
    const r = accept(aNativeSenameRow('INGRESO'));
    expect(r.unit).toBe('1130045');
    expect(r.messages.map((m) => [m.topic, m.recordName])).toEqual([
      ['hub.sename.events.v1', 'hub.sename.AdmissionRegistered'],
    ]);
    const [event] = r.messages;
    expect(event!.key).toBe('SENAME:SNF-7700123');
    expect(event!.value).toMatchObject({
      envelope: { sourceInstitution: 'SENAME', sourceUnit: '1130045', sourceRecordId: 'ING-2024-55501', occurredAt: Date.UTC(2024, 2, 4, 13, 30) },
      caseId: 'ING-2024-55501', programmeCode: '1130045', modality: 'CTD', regime: 'RESIDENCIAL', administration: 'OCA',
      collaboratingInstitutionCode: 'OCA-0099', admissionKind: 'ORDEN_TRIBUNAL',
      courtCase: { courtCode: '1301', courtType: 'FAMILIA', rit: 'P-1234-2023', ruc: '2320012345-K' },
      derivationId: null, accompanyingParentRef: null, siblingGroupRef: 'HER-2024-0012',
      person: { source: 'SENAME', sourceRecordId: 'SNF-7700123', run: '12.345.678-5' },
    });
  });

  it('Given a diagnosis whose ámbitos come as a JSON array, a comma list or with Spanish words, When processed, Then they become the same Ambit symbols', () => {
    const ambitsOf = (ambitos: unknown) => accept(aNativeSenameRow('DIAGNOSTICO', { ambitos: ambitos as string })).messages[0]!.value.ambits;
    expect(ambitsOf('Individual|Familiar')).toEqual(['INDIVIDUAL', 'FAMILIAR']);
    expect(ambitsOf(['individual', 'Social comunitario'])).toEqual(['INDIVIDUAL', 'SOCIAL_COMUNITARIO']);
    expect(ambitsOf('familiar, social, FAMILIAR')).toEqual(['FAMILIAR', 'SOCIAL_COMUNITARIO']);
  });

  it('Given a diagnosis with an unknown or no ámbito, When processed, Then it is rejected on ambitos', () => {
    expect(reject(aNativeSenameRow('DIAGNOSTICO', { ambitos: 'INDIVIDUAL|ESPIRITUAL' })).issues).toEqual([{ field: 'ambitos', code: 'INVALID_OPTION' }]);
    expect(reject(aNativeSenameRow('DIAGNOSTICO', { ambitos: ' | ' })).issues).toEqual([{ field: 'ambitos', code: 'REQUIRED' }]);
  });

  it('Given an intervention plan with its ejes, When processed, Then the plan carries them as axes with its planned end date', () => {
    const v = accept(aNativeSenameRow('PII', { ejes: 'Individual|Comunitario' })).messages[0]!.value;
    expect(v).toMatchObject({ planType: 'BREVE', axes: ['INDIVIDUAL', 'SOCIAL_COMUNITARIO'], plannedEndDate: '2024-07-20' });
  });

  it('Given Spanish spellings of options, When processed, Then they map to the Avro symbols', () => {
    const admission = accept(aNativeSenameRow('INGRESO', { regimen: 'Residencia', administracion: 'Administración directa', tipo_ingreso: 'extra-judicial' })).messages[0]!.value;
    expect(admission).toMatchObject({ regime: 'RESIDENCIAL', administration: 'AADD', admissionKind: 'EXTRAJUDICIAL' });
    const proposal = accept(aNativeSenameRow('PROPUESTA_EGRESO')).messages[0]!.value;
    expect(proposal).toMatchObject({ proposedDestination: 'FAMILIA_ORIGEN', proposedCause: 'CUMPLIMIENTO_OBJETIVOS_PII', destinationModality: null });
    expect(accept(aNativeSenameRow('FUGA_ABANDONO', { tipo_evento_fuga: 'Evasión' })).messages[0]!.value.kind).toBe('FUGA');
  });

  it('Given an escalation and an egress, When processed, Then their plan types, cause and destination are mapped', () => {
    expect(accept(aNativeSenameRow('ESCALAMIENTO')).messages[0]!.value).toMatchObject({ fromPlanType: 'BREVE', toPlanType: 'ESPECIALIZADA', fromPlanId: 'PII-2024-0420' });
    expect(accept(aNativeSenameRow('EGRESO', { modalidad_destino: 'Familia de acogida', cod_programa_destino: '1130099' })).messages[0]!.value).toMatchObject({
      cause: 'FAMILIA_ASUME_ROL', destination: 'FAMILIA_EXTENDIDA', destinationModality: 'FAMILIA_DE_ACOGIDA', destinationProgrammeCode: '1130099',
    });
  });

  it('Given a malformed admission, When processed, Then every bad field is named with its code and no value is echoed', () => {
    const r = reject(aNativeSenameRow('INGRESO', {
      modalidad: 'NAVE_ESPACIAL', id_caso: '', fecha_evento: '31-02-2024 10:00', comuna_residencia: '99999', run_nna: 'ABC',
    }));
    expect(r.kind).toBe('INGRESO');
    expect(r.issues).toEqual(expect.arrayContaining([
      { field: 'modalidad', code: 'INVALID_OPTION' },
      { field: 'id_caso', code: 'REQUIRED' },
      { field: 'fecha_evento', code: 'INVALID_DATETIME' },
      { field: 'comuna_residencia', code: 'UNKNOWN_COMUNA' },
      { field: 'run_nna', code: 'INVALID_RUN' },
    ]));
    expect(JSON.stringify(r.issues)).not.toMatch(/NAVE_ESPACIAL|99999|ABC/);
  });

  it('Given a row sent to the escalations route, When processed, Then the route names the kind whatever the body says', () => {
    const r = accept(aNativeSenameRow('ESCALAMIENTO', { tipo: 'INGRESO' }), 'ESCALAMIENTO');
    expect(r.messages[0]!.recordName).toBe('hub.sename.InterventionEscalated');
  });
});

describe('SENAME connector: the court cause group', () => {
  it('Given no court columns, When an admission is processed, Then its courtCase is null', () => {
    const r = accept(aNativeSenameRow('INGRESO', { tipo_ingreso: 'EXTRAJUDICIAL', cod_tribunal: '', tipo_tribunal: '', rit: '', ruc: '' }));
    expect(r.messages[0]!.value.courtCase).toBeNull();
  });

  it('Given a court and a RIT without court type or RUC, When processed, Then the cause defaults to a family court with no RUC', () => {
    const r = accept(aNativeSenameRow('EGRESO', { tipo_tribunal: '', ruc: '' }));
    expect(r.messages[0]!.value.courtCase).toEqual({ courtCode: '1301', courtType: 'FAMILIA', rit: 'P-1234-2023', ruc: null });
  });

  it('Given a court without a RIT, or a RIT without a court, When processed, Then the missing half is required', () => {
    expect(reject(aNativeSenameRow('DIAGNOSTICO', { rit: '' })).issues).toEqual([{ field: 'rit', code: 'REQUIRED' }]);
    expect(reject(aNativeSenameRow('PROPUESTA_EGRESO', { cod_tribunal: '' })).issues).toEqual([{ field: 'cod_tribunal', code: 'REQUIRED' }]);
  });

  it('Given only a RUC, When processed, Then court and RIT are both required rather than the RUC silently dropped', () => {
    expect(reject(aNativeSenameRow('INGRESO', { cod_tribunal: '', rit: '' })).issues).toEqual([
      { field: 'cod_tribunal', code: 'REQUIRED' }, { field: 'rit', code: 'REQUIRED' },
    ]);
  });

  it('Given a half cause and another bad field, When processed, Then both problems are reported at once', () => {
    const r = reject(aNativeSenameRow('EGRESO', { rit: '', causal: 'PORQUE_SI' }));
    expect(r.issues).toEqual(expect.arrayContaining([{ field: 'rit', code: 'REQUIRED' }, { field: 'causal', code: 'INVALID_OPTION' }]));
  });

  it('Given a cause with a malformed RIT, When processed, Then only the RIT\'s format is reported, not a missing RIT', () => {
    expect(reject(aNativeSenameRow('INGRESO', { rit: 'XX' })).issues).toEqual([{ field: 'rit', code: 'INVALID_RIT' }]);
  });
});

describe('SENAME connector: declared places', () => {
  it('Given a PLAZAS row, When processed, Then one CapacityDeclared goes to the capacity topic keyed by programme, with no person and no PersonObserved', () => {
    const r = accept(aNativeCapacityDeclaration());
    expect(r.messages).toHaveLength(1);
    const [m] = r.messages;
    expect(m).toMatchObject({ topic: TOPICS.senameCapacity.name, key: 'SENAME:1130045', recordName: 'hub.sename.CapacityDeclared' });
    expect(m!.value).not.toHaveProperty('person');
    expect(m!.value).toMatchObject({
      envelope: { sourceInstitution: 'SENAME', sourceUnit: '1130045', sourceRecordId: 'PLZ-2024-0001' },
      programmeCode: '1130045', programmeName: 'CTD Inventado Norte', modality: 'CTD', regime: 'RESIDENCIAL', administration: 'AADD',
      regionCode: '13', comunaCode: '13101', places: 40, validFrom: '2024-03-01', validTo: null,
    });
    expect(r.warnings).toEqual([]);
  });

  it('Given a declaration without region but with a comuna, When processed, Then the region is the comuna\'s; a bare region number is padded', () => {
    expect(accept(aNativeCapacityDeclaration({ cod_region: '', comuna: '5101' })).messages[0]!.value).toMatchObject({ regionCode: '05', comunaCode: '05101' });
    expect(accept(aNativeCapacityDeclaration({ cod_region: 5, comuna: '' })).messages[0]!.value).toMatchObject({ regionCode: '05', comunaCode: null });
  });

  it('Given impossible declarations, When processed, Then negative places, an unknown comuna, reversed validity and a region contradicting the comuna are rejected', () => {
    expect(reject(aNativeCapacityDeclaration({ plazas: '-1' })).issues).toEqual([{ field: 'plazas', code: 'OUT_OF_RANGE' }]);
    expect(reject(aNativeCapacityDeclaration({ comuna: '99999' })).issues).toEqual([{ field: 'comuna', code: 'UNKNOWN_COMUNA' }]);
    expect(reject(aNativeCapacityDeclaration({ vigente_hasta: '28-02-2024' })).issues).toEqual([{ field: 'vigente_hasta', code: 'INCONSISTENT' }]);
    expect(reject(aNativeCapacityDeclaration({ cod_region: '5' })).issues).toEqual([{ field: 'cod_region', code: 'INCONSISTENT' }]);
    expect(reject(aNativeCapacityDeclaration({ vigente_desde: '' })).issues).toEqual([{ field: 'vigente_desde', code: 'REQUIRED' }]);
  });
});

describe('SENAME connector: event ids', () => {
  it('Given the same record twice, When processed, Then both get the same ids; a corrected record gets a new one', () => {
    for (const row of [...SENAME_CHILD_KINDS.map((k) => aNativeSenameRow(k)), aNativeCapacityDeclaration()]) {
      const a = accept(row);
      const again = accept({ ...row });
      const corrected = accept({ ...row, fecha_evento: '05-03-2024 10:30' });
      expect(again.messages.map((m) => m.eventId)).toEqual(a.messages.map((m) => m.eventId));
      expect(corrected.eventId).not.toBe(a.eventId);
    }
  });

  it('Given a source version, When the same record and version come with other content, Then the id follows the version', () => {
    const v1 = accept(aNativeSenameRow('INGRESO', { version: '3' }));
    const sameVersion = accept(aNativeSenameRow('INGRESO', { version: '3', ref_grupo_hermanos: '' }));
    const v2 = accept(aNativeSenameRow('INGRESO', { version: '4' }));
    expect(sameVersion.eventId).toBe(v1.eventId);
    expect(v2.eventId).not.toBe(v1.eventId);
  });

  it('Given two kinds with the same record id, When processed, Then their ids differ', () => {
    const a = accept(aNativeSenameRow('PII', { id_registro: 'X-1' }));
    const b = accept(aNativeSenameRow('ESCALAMIENTO', { id_registro: 'X-1' }));
    expect(a.eventId).not.toBe(b.eventId);
  });
});

describe('SENAME connector output', () => {
  it('Given one valid record of every kind, When processed, Then every message is a valid value of its Avro schema', () => {
    const rows = SENAME_CONNECTOR.kinds.map((k) => (k.kind === 'PLAZAS' ? aNativeCapacityDeclaration() : aNativeSenameRow(k.kind)));
    expect(rows.map((r) => r.tipo)).toEqual(SENAME_CONNECTOR.kinds.map((k) => k.kind));
    for (const row of rows) {
      const r = accept(row);
      for (const m of r.messages) {
        const bad = avroProblems(m.recordName, m.value);
        expect({ kind: row.tipo, record: m.recordName, bad }).toEqual({ kind: row.tipo, record: m.recordName, bad: [] });
      }
    }
  });

  it('Given minimal records (every optional column blank), When processed, Then every message is still Avro-valid', () => {
    const blanks = {
      ruc: '', tipo_tribunal: '', cod_tribunal: '', rit: '', nivel_complejidad: '', recomendacion: '', destino_recomendado: '',
      fecha_termino_prevista: '', id_plan_origen: '', causal_propuesta: '', cod_institucion_colaboradora: '', ref_grupo_hermanos: '',
      run_nna: '', nombres: '', apellido_paterno: '', apellido_materno: '', fecha_nacimiento: '', sexo: '', comuna_residencia: '', direccion: '',
    };
    const rows = [...SENAME_CHILD_KINDS.map((k) => aNativeSenameRow(k, blanks)),
      aNativeCapacityDeclaration({ nombre_programa: '', cod_region: '', comuna: '' })];
    for (const row of rows) {
      for (const m of accept(row).messages) expect({ kind: row.tipo, bad: avroProblems(m.recordName, m.value) }).toEqual({ kind: row.tipo, bad: [] });
    }
  });

  it('Given the spec, When its kinds are listed, Then each has a distinct kind, route and the record its topic declares', () => {
    const kinds = SENAME_CONNECTOR.kinds;
    expect(new Set(kinds.map((k) => k.kind)).size).toBe(kinds.length);
    expect(kinds.map((k) => k.httpPath)).toEqual(['admissions', 'diagnoses', 'intervention-plans', 'escalations', 'egress-proposals', 'egresses', 'abscondments', 'capacity']);
    const topics = Object.values(TOPICS) as { name: string; records: readonly string[] }[];
    for (const k of kinds) expect(topics.find((t) => t.name === k.topic)?.records).toContain(k.recordName);
  });
});
