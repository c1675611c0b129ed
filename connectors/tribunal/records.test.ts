import { aNativeCourtOrder } from '../../test/builders/native-records';
import { avroProblems } from '../../test/support/avro-validity';
import { recordProcessor } from '../../test/support/record-processor';
import { TRIBUNAL_CONNECTOR } from './records';

const ctx = { recordedAt: Date.UTC(2024, 2, 4, 14, 0), traceId: null };

const { accept, reject } = recordProcessor(TRIBUNAL_CONNECTOR, ctx);

describe('tribunal connector', () => {
  it('Given a valid admission order row, When processed, Then it yields one court event carrying the child, keyed by court and child id', () => {
    const r = accept(aNativeCourtOrder());
    expect(r.messages.map((m) => m.recordName)).toEqual(['hub.tribunal.AdmissionOrderIssued']);
    const [event] = r.messages;
    expect(event!.key).toBe('TRIBUNAL:1301/NNA-000123');
    expect(event!.value).toMatchObject({
      courtCase: { courtCode: '1301', courtType: 'FAMILIA', rit: 'P-1234-2023', ruc: '2320012345-K' },
      targetModality: 'CTD', targetRegime: 'RESIDENCIAL', targetProgrammeCode: null,
      person: { source: 'TRIBUNAL', sourceRecordId: '1301/NNA-000123', run: '12.345.678-5', birthDate: '2013-08-21', sex: 'F' },
    });
    // 04-03-2024 10:30 in Santiago (summer time, UTC-3) is 13:30 UTC.
    expect((event!.value.envelope as { occurredAt: number }).occurredAt).toBe(Date.UTC(2024, 2, 4, 13, 30));
  });

  it('Given the same order twice, When processed, Then both get the same event id; a corrected order gets a new one', () => {
    const a = accept(aNativeCourtOrder());
    const b = accept(aNativeCourtOrder({ direccion: '  Calle Inventada 456 ' }));
    const corrected = accept(aNativeCourtOrder({ modalidad_destino: 'CTDL' }));
    expect(b.eventId).toBe(a.eventId);
    expect(corrected.eventId).not.toBe(a.eventId);
  });

  it('Given a malformed order, When processed, Then every bad field is named with its code and no value is echoed', () => {
    const r = reject(aNativeCourtOrder({ rit: 'XX', ruc: '2320012345-1', fecha_nacimiento: '31-02-2015', comuna_residencia: '99999', nombres: "Robert'); DROP TABLE nna;--" }));
    expect(r.issues).toEqual(expect.arrayContaining([
      { field: 'rit', code: 'INVALID_RIT' },
      { field: 'ruc', code: 'RUC_CHECK_DIGIT' },
      { field: 'fecha_nacimiento', code: 'INVALID_DATE' },
      { field: 'comuna_residencia', code: 'UNKNOWN_COMUNA' },
      { field: 'nombres', code: 'INVALID_NAME' },
    ]));
  });

  it('Given a RUN whose check digit fails, When processed, Then the order is accepted with the RUN as sent and a warning', () => {
    const r = accept(aNativeCourtOrder({ run_nna: '12.345.678-9' }));
    expect(r.warnings).toEqual([{ field: 'run_nna', code: 'RUN_CHECK_DIGIT' }]);
    expect((r.messages[0]!.value.person as { run: string }).run).toBe('12.345.678-9');
  });

  it('Given a row with no or an unknown tipo, When processed, Then it is rejected on the tipo field', () => {
    expect(reject(aNativeCourtOrder({ tipo: '' })).issues).toEqual([{ field: 'tipo', code: 'REQUIRED' }]);
    expect(reject(aNativeCourtOrder({ tipo: 'OTRA_COSA' })).issues).toEqual([{ field: 'tipo', code: 'UNKNOWN_KIND' }]);
  });

  it('Given a hearing sent to the hearings route, When processed, Then the route names the kind whatever the body says', () => {
    const r = accept(aNativeCourtOrder({ tipo: undefined, fecha_audiencia: '09-04-2024 09:00' }), 'AUDIENCIA');
    expect(r.messages[0]!.recordName).toBe('hub.tribunal.HearingScheduled');
    expect(r.messages[0]!.value.scheduledAt).toBe(Date.UTC(2024, 3, 9, 13, 0));
  });
});

describe('tribunal connector output', () => {
  it('Given one valid record of every kind, When processed, Then every message is a valid value of its Avro schema', () => {
    const extra = { fecha_audiencia: '09-04-2024 09:00', tipo_diagnostico: 'Diagnóstico', decision: 'acoge' };
    for (const k of TRIBUNAL_CONNECTOR.kinds) {
      const r = accept(aNativeCourtOrder({ ...extra, tipo: k.kind }));
      for (const m of r.messages) {
        const bad = avroProblems(m.recordName, m.value);
        expect({ kind: k.kind, record: m.recordName, bad }).toEqual({ kind: k.kind, record: m.recordName, bad: [] });
      }
    }
  });
});
