import { aNativeEmergencyVisit, aNativeNewborn, aNativeProgrammeEnrollment } from '../../test/builders/native-health';
import type { NativeRow } from '../../test/builders/native-records';
import { avroProblems } from '../../test/support/avro-validity';
import type { Accepted } from '../sdk/process-record';
import { recordProcessor } from '../../test/support/record-processor';
import { HEALTH_CONNECTOR } from './records';

const ctx = { recordedAt: Date.UTC(2024, 5, 1, 14, 0), traceId: 'trace-1' };

const { accept, reject } = recordProcessor(HEALTH_CONNECTOR, ctx);

const value = (r: Accepted) => r.messages[0]!.value as Record<string, unknown> & { person: Record<string, unknown> };

describe('health connector', () => {
  it('Given an emergency visit with injury and suspected maltreatment, When processed, Then it yields the flags keyed by establishment and patient id', () => {
    const r = accept(aNativeEmergencyVisit());
    expect(r.messages.map((m) => m.recordName)).toEqual(['hub.health.EmergencyVisitRecorded']);
    expect(r.unit).toBe('999123');
    expect(r.messages[0]!.key).toBe('HEALTH:999123/FICHA-31337');
    expect(value(r)).toMatchObject({
      establishmentCode: '999123', injury: true, maltreatmentSuspected: true, reportFiled: null,
      person: { source: 'HEALTH', sourceRecordId: '999123/FICHA-31337', run: '12.345.678-5' },
    });
    expect(value(accept(aNativeEmergencyVisit({ lesion: 'no', sospecha_maltrato: 'NO', denuncia: 'Sí' })))).toMatchObject({ injury: false, maltreatmentSuspected: false, reportFiled: true });
  });

  it("Given a newborn recorded under the mother's RUN, When processed, Then the RUN goes to motherRun and never to the child's person.run", () => {
    const r = accept(aNativeNewborn());
    expect(value(r)).toMatchObject({
      motherRun: '9.876.543-3', birthOrder: 2,
      person: { sourceRecordId: '999123/RN-000123', run: null, givenNames: 'RN HIJO DE', birthDate: '2024-06-01', sex: 'M' },
    });
    expect(r.warnings).toEqual([]);
    // The same number written differently is still the mother's.
    expect(value(accept(aNativeNewborn({ run_nna: '9876543-3' }))).person.run).toBeNull();
  });

  it('Given a newborn with a blank RUN, or with an own RUN different from the mother\'s, When processed, Then person.run is blank or the child\'s own', () => {
    expect(value(accept(aNativeNewborn({ run_nna: '' }))).person.run).toBeNull();
    const own = value(accept(aNativeNewborn({ run_nna: '23.456.789-6', nombres: 'RN' })));
    expect(own).toMatchObject({ motherRun: '9.876.543-3', person: { run: '23.456.789-6', givenNames: 'RN' } });
    expect(value(accept(aNativeNewborn({ run_madre: '', orden_nacimiento: '' })))).toMatchObject({ motherRun: null, birthOrder: null, person: { run: '9.876.543-3' } });
  });

  it('Given twins of one mother, When processed, Then they are two events for two children', () => {
    const first = accept(aNativeNewborn({ id_registro: 'RN-2024-000122', id_nna: 'RN-000122', orden_nacimiento: '1' }));
    const second = accept(aNativeNewborn());
    expect(first.eventId).not.toBe(second.eventId);
    expect(first.messages[0]!.key).not.toBe(second.messages[0]!.key);
  });

  it('Given a programme written in words or by a common alias, When processed, Then it is the HealthProgramme symbol', () => {
    expect(value(accept(aNativeProgrammeEnrollment())).programme).toBe('ATENCION_PRIMARIA');
    expect(value(accept(aNativeProgrammeEnrollment({ programa_salud: 'salud mental' }))).programme).toBe('SALUD_MENTAL');
    expect(value(accept(aNativeProgrammeEnrollment({ programa_salud: 'SENDA' }))).programme).toBe('TRATAMIENTO_DROGAS');
  });

  it('Given the same visit twice, When processed, Then both get the same event id; a corrected flag gets a new one', () => {
    const a = accept(aNativeEmergencyVisit());
    expect(accept(aNativeEmergencyVisit({ lesion: 'si' })).eventId).toBe(a.eventId);
    expect(accept(aNativeEmergencyVisit({ denuncia: 'SI' })).eventId).not.toBe(a.eventId);
  });

  it('Given malformed health fields, When processed, Then every bad field is named with its code', () => {
    expect(reject(aNativeEmergencyVisit({ lesion: 'tal vez', sospecha_maltrato: '', cod_establecimiento: 'HOSP/1' })).issues).toEqual(expect.arrayContaining([
      { field: 'lesion', code: 'INVALID_BOOLEAN' },
      { field: 'sospecha_maltrato', code: 'REQUIRED' },
      { field: 'cod_establecimiento', code: 'INVALID_ID' },
    ]));
    expect(reject(aNativeNewborn({ run_madre: 'ABC-1', orden_nacimiento: '0' })).issues).toEqual(expect.arrayContaining([
      { field: 'run_madre', code: 'INVALID_RUN' },
      { field: 'orden_nacimiento', code: 'OUT_OF_RANGE' },
    ]));
    expect(reject(aNativeProgrammeEnrollment({ programa_salud: 'KINESIOLOGIA' })).issues).toEqual([{ field: 'programa_salud', code: 'INVALID_OPTION' }]);
  });
});

describe('health connector output', () => {
  const rows = [aNativeEmergencyVisit(), aNativeNewborn(), aNativeProgrammeEnrollment()];
  const sparse: NativeRow = {
    run_nna: '', nombres: '', apellido_paterno: '', apellido_materno: '', fecha_nacimiento: '', sexo: '', comuna_residencia: '', direccion: '',
    denuncia: '', run_madre: '', orden_nacimiento: '', version: '',
  };

  it('Given one full and one sparse record of every kind, When processed, Then every message is a valid value of its Avro schema', () => {
    expect(rows.map((r) => r.tipo).sort()).toEqual(HEALTH_CONNECTOR.kinds.map((k) => k.kind).sort());
    for (const row of [...rows, ...rows.map((r) => ({ ...r, ...sparse }))]) {
      for (const m of accept(row).messages) {
        expect({ kind: row.tipo, record: m.recordName, bad: avroProblems(m.recordName, m.value) }).toEqual({ kind: row.tipo, record: m.recordName, bad: [] });
      }
    }
  });

  it('Given each kind posted to its HTTP route without tipo, When processed, Then the route names the kind', () => {
    for (const [path, row] of [['emergency-visits', rows[0]!], ['newborns', rows[1]!], ['programme-enrollments', rows[2]!]] as const) {
      const kind = HEALTH_CONNECTOR.kinds.find((k) => k.httpPath === path)!;
      expect(accept({ ...row, tipo: undefined }, kind.kind).messages[0]!.recordName).toBe(kind.recordName);
    }
  });
});
