import { aNativeMunicipalRow, MUNICIPAL_KINDS } from '../../test/builders/native-municipality';
import { avroProblems } from '../../test/support/avro-validity';
import { TOPICS } from '../../schemas/topics';
import { recordProcessor } from '../../test/support/record-processor';
import { MUNICIPALITY_CONNECTOR } from './records';

const ctx = { recordedAt: Date.UTC(2024, 2, 4, 14, 0), traceId: null };

const { accept, reject } = recordProcessor(MUNICIPALITY_CONNECTOR, ctx);

describe('municipality connector', () => {
  it('Given a valid case opening, When processed, Then it yields one CaseOpened carrying the child, keyed by comuna and child id', () => {
    const r = accept(aNativeMunicipalRow('CASO_ABIERTO'));
    expect(r.unit).toBe('13101');
    expect(r.messages.map((m) => [m.topic, m.recordName])).toEqual([
      ['hub.municipality.events.v1', 'hub.municipality.CaseOpened'],
    ]);
    const [event] = r.messages;
    expect(event!.key).toBe('MUNICIPALITY:13101/OLN13101-P-0042');
    expect(event!.value).toMatchObject({
      envelope: { sourceInstitution: 'MUNICIPALITY', sourceUnit: '13101', sourceRecordId: 'OLN13101-C-2024-0042', occurredAt: Date.UTC(2024, 2, 4, 13, 30) },
      comunaCode: '13101', officeType: 'OLN', localCaseId: 'OLN13101-C-2024-0042', origin: 'ESCUELA', vulnerationCode: 'VD-03',
      person: { source: 'MUNICIPALITY', sourceRecordId: '13101/OLN13101-P-0042', phone: '+56 9 0000 0000' },
    });
  });

  it('Given a comuna written as a number without its leading zero, When processed, Then unit, comuna and key use the canonical 5-digit CUT', () => {
    const r = accept(aNativeMunicipalRow('CASO_ABIERTO', { comuna: 1101 }));
    expect(r.unit).toBe('01101');
    expect(r.messages[0]!.key).toBe('MUNICIPALITY:01101/OLN13101-P-0042');
    expect(r.messages[0]!.value.comunaCode).toBe('01101');
  });

  it('Given a referral, an alert and a closure, When processed, Then their fields are mapped from the Spanish spellings', () => {
    expect(accept(aNativeMunicipalRow('DERIVACION')).messages[0]!.value).toMatchObject({
      localCaseId: 'OLN13101-C-2024-0042', target: 'PROGRAMA_PROTECCION', targetModality: 'PROGRAMA_MALTRATO', targetUnitCode: '1130045',
    });
    expect(accept(aNativeMunicipalRow('ALERTA', { tipo_oficina: 'Oficina de Protección de Derechos' })).messages[0]!.value).toMatchObject({
      officeType: 'OPD', source: 'SISTEMA_ALERTA_NINEZ', priority: 'ALTA',
    });
    expect(accept(aNativeMunicipalRow('CASO_CERRADO')).messages[0]!.value).toMatchObject({ closureReason: 'DERIVADO_A_PROGRAMA' });
  });

  it('Given an alert with no local case yet, When processed, Then it is accepted with a null localCaseId; other kinds require the case', () => {
    expect(accept(aNativeMunicipalRow('ALERTA', { id_caso_local: '' })).messages[0]!.value.localCaseId).toBeNull();
    for (const k of MUNICIPAL_KINDS.filter((x) => x !== 'ALERTA')) {
      expect({ k, issues: reject(aNativeMunicipalRow(k, { id_caso_local: '' })).issues }).toEqual({ k, issues: [{ field: 'id_caso_local', code: 'REQUIRED' }] });
    }
  });

  it('Given an office comuna that does not exist or is malformed, When processed, Then the unit field is rejected', () => {
    expect(reject(aNativeMunicipalRow('DERIVACION', { comuna: '99999' })).issues).toEqual([{ field: 'comuna', code: 'UNKNOWN_COMUNA' }]);
    expect(reject(aNativeMunicipalRow('DERIVACION', { comuna: 'Santiago' })).issues).toEqual([{ field: 'comuna', code: 'INVALID_COMUNA' }]);
    expect(reject(aNativeMunicipalRow('DERIVACION', { comuna: '' })).issues).toEqual([{ field: 'comuna', code: 'REQUIRED' }]);
  });

  it('Given a malformed record, When processed, Then every bad field is named with its code and no value is echoed', () => {
    const r = reject(aNativeMunicipalRow('CASO_ABIERTO', {
      tipo_oficina: 'CONSULTORIO', origen: 'RUMOR', fecha_evento: '2024-13-01 10:00', fecha_nacimiento: '30-02-2015', id_registro: '',
    }));
    expect(r.issues).toEqual(expect.arrayContaining([
      { field: 'tipo_oficina', code: 'INVALID_OPTION' },
      { field: 'origen', code: 'INVALID_OPTION' },
      { field: 'fecha_evento', code: 'INVALID_DATETIME' },
      { field: 'fecha_nacimiento', code: 'INVALID_DATE' },
      { field: 'id_registro', code: 'REQUIRED' },
    ]));
    expect(JSON.stringify(r.issues)).not.toMatch(/CONSULTORIO|RUMOR|2015/);
  });

  it('Given a referral sent to the referrals route, When processed, Then the route names the kind whatever the body says', () => {
    expect(accept(aNativeMunicipalRow('DERIVACION', { tipo: 'ALERTA' }), 'DERIVACION').messages[0]!.recordName).toBe('hub.municipality.ReferralMade');
  });

  it('Given the same record twice, When processed, Then the ids repeat; a corrected record, or the same id in another comuna, gets new ones', () => {
    for (const k of MUNICIPAL_KINDS) {
      const a = accept(aNativeMunicipalRow(k));
      const again = accept(aNativeMunicipalRow(k));
      const corrected = accept(aNativeMunicipalRow(k, { tipo_oficina: 'OPD' }));
      const elsewhere = accept(aNativeMunicipalRow(k, { comuna: '13114' }));
      expect(again.messages.map((m) => m.eventId)).toEqual(a.messages.map((m) => m.eventId));
      expect(corrected.eventId).not.toBe(a.eventId);
      expect(elsewhere.eventId).not.toBe(a.eventId);
      expect(elsewhere.messages[0]!.key).toBe('MUNICIPALITY:13114/OLN13101-P-0042');
    }
  });
});

describe('municipality connector output', () => {
  it('Given one valid record of every kind, full or with every optional column blank, When processed, Then every message is Avro-valid', () => {
    const blanks = { cod_vulneracion: '', modalidad_destino: '', cod_unidad_destino: '', prioridad: '', motivo_cierre: '', run_nna: '', telefono: '', direccion: '' };
    expect(MUNICIPAL_KINDS).toEqual(MUNICIPALITY_CONNECTOR.kinds.map((k) => k.kind));
    const rows = [...MUNICIPAL_KINDS.map((k) => aNativeMunicipalRow(k)), ...MUNICIPAL_KINDS.map((k) => aNativeMunicipalRow(k, blanks)),
      aNativeMunicipalRow('ALERTA', { id_caso_local: '' })];
    for (const row of rows) {
      for (const m of accept(row).messages) {
        expect({ kind: row.tipo, record: m.recordName, bad: avroProblems(m.recordName, m.value) }).toEqual({ kind: row.tipo, record: m.recordName, bad: [] });
      }
    }
  });

  it('Given the spec, When its kinds are listed, Then each has its route and the record its topic declares', () => {
    expect(MUNICIPALITY_CONNECTOR.kinds.map((k) => k.httpPath)).toEqual(['cases', 'referrals', 'alerts', 'case-closures']);
    for (const k of MUNICIPALITY_CONNECTOR.kinds) expect(TOPICS.municipalityEvents.records).toContain(k.recordName);
  });
});
