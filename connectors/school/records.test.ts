import { aMigrantStudent, aNativeAbsenceAlert, aNativeEnrollment, aNativeWithdrawal } from '../../test/builders/native-school';
import type { NativeRow } from '../../test/builders/native-records';
import { avroProblems } from '../../test/support/avro-validity';
import type { Accepted } from '../sdk/process-record';
import { recordProcessor } from '../../test/support/record-processor';
import { SCHOOL_CONNECTOR } from './records';

const ctx = { recordedAt: Date.UTC(2024, 4, 2, 14, 0), traceId: null };

const { accept, reject } = recordProcessor(SCHOOL_CONNECTOR, ctx);

const value = (r: Accepted) => r.messages[0]!.value as Record<string, unknown> & { person: Record<string, unknown>; envelope: Record<string, unknown> };

describe('school connector', () => {
  it('Given a valid enrollment row, When processed, Then it yields one enrollment carrying the student, keyed by RBD and student id', () => {
    const r = accept(aNativeEnrollment());
    expect(r.messages.map((m) => m.recordName)).toEqual(['hub.school.EnrollmentRegistered']);
    expect(r.unit).toBe('8485');
    expect(r.messages[0]!.key).toBe('SCHOOL:8485/EST-0318');
    expect(value(r)).toMatchObject({
      rbd: '8485', rbdCheckDigit: '9', schoolYear: 2024, grade: '5° básico',
      person: { source: 'SCHOOL', sourceRecordId: '8485/EST-0318', run: '12.345.678-5', identifiers: [] },
      envelope: { sourceInstitution: 'SCHOOL', sourceUnit: '8485', sourceRecordId: 'MAT-2024-8485-0318' },
    });
    // 04-03-2024 08:30 in Santiago (summer time, UTC-3) is 11:30 UTC.
    expect(value(r).envelope.occurredAt).toBe(Date.UTC(2024, 2, 4, 11, 30));
  });

  it('Given an RBD written with its check digit and leading zeros, When processed, Then the event carries the bare RBD', () => {
    const r = accept(aNativeEnrollment({ rbd: '08485-9', dv_rbd: '' }));
    expect(value(r)).toMatchObject({ rbd: '8485', rbdCheckDigit: null });
    expect(r.messages[0]!.key).toBe('SCHOOL:8485/EST-0318');
  });

  it('Given a migrant student with a blank RUN and an IPE, When enrolled, Then the person has no RUN and carries the IPE as a CL-IPE identifier', () => {
    const r = accept(aNativeEnrollment(aMigrantStudent()));
    expect(value(r).person).toMatchObject({ run: null, identifiers: [{ scheme: 'CL-IPE', value: '100200300' }], givenNames: 'Yelitza Marcela' });
    expect(r.warnings).toEqual([]);
  });

  it('Given attendance written with a decimal comma, a decimal point or as a JSON number, When processed, Then all read the same percentage', () => {
    for (const p of ['87,5', '87.5', 87.5]) expect(value(accept(aNativeAbsenceAlert({ porcentaje_asistencia: p }))).attendancePercent).toBe(87.5);
    expect(value(accept(aNativeAbsenceAlert({ umbral: '85,0' }))).thresholdPercent).toBe(85);
  });

  it('Given a chronic-absence alert, When processed, Then the period, counts and threshold are mapped', () => {
    expect(value(accept(aNativeAbsenceAlert()))).toMatchObject({
      rbd: '8485', schoolYear: 2024, periodStartDate: '2024-03-04', periodEndDate: '2024-04-30',
      attendancePercent: 72.5, schoolDays: 40, daysAbsent: 11, thresholdPercent: 90,
    });
  });

  it('Given a withdrawal written in words, When processed, Then the reason is the Avro symbol and the destination RBD is bare', () => {
    expect(value(accept(aNativeWithdrawal({ rbd_destino: '8486-7' })))).toMatchObject({ reason: 'TRASLADO', destinationRbd: '8486' });
    expect(value(accept(aNativeWithdrawal({ motivo_retiro: 'deserción', rbd_destino: '' })))).toMatchObject({ reason: 'DESERCION', destinationRbd: null });
  });

  it('Given the same enrollment twice, When processed, Then both get the same event id; a corrected one gets a new one, and a source version pins it', () => {
    const a = accept(aNativeEnrollment());
    const again = accept(aNativeEnrollment({ curso: ' 5° básico ' }));
    const corrected = accept(aNativeEnrollment({ curso: '6° básico' }));
    const versioned = accept(aNativeEnrollment({ version: '2' }));
    expect(again.eventId).toBe(a.eventId);
    expect(corrected.eventId).not.toBe(a.eventId);
    expect(versioned.eventId).not.toBe(a.eventId);
    expect(accept(aNativeEnrollment({ version: '2', curso: '7° básico' })).eventId).toBe(versioned.eventId);
  });

  it('Given malformed school fields, When processed, Then every bad field is named with its code', () => {
    const r = reject(aNativeAbsenceAlert({ rbd: 'LICEO-1', dv_rbd: 'Z', anio_escolar: '1999', porcentaje_asistencia: '120', umbral: 'noventa', fecha_inicio_periodo: '31-02-2024' }));
    expect(r.kind).toBe('ALERTA_AUSENTISMO');
    expect(r.issues).toEqual(expect.arrayContaining([
      { field: 'rbd', code: 'INVALID_RBD' },
      { field: 'dv_rbd', code: 'INVALID_OPTION' },
      { field: 'anio_escolar', code: 'OUT_OF_RANGE' },
      { field: 'porcentaje_asistencia', code: 'OUT_OF_RANGE' },
      { field: 'umbral', code: 'INVALID_NUMBER' },
      { field: 'fecha_inicio_periodo', code: 'INVALID_DATE' },
    ]));
    expect(reject(aNativeWithdrawal({ motivo_retiro: 'VACACIONES' })).issues).toEqual([{ field: 'motivo_retiro', code: 'INVALID_OPTION' }]);
    expect(reject(aNativeEnrollment({ anio_escolar: '' })).issues).toEqual([{ field: 'anio_escolar', code: 'REQUIRED' }]);
  });

  it('Given an alert whose period ends before it starts or with more absences than school days, When processed, Then it is rejected as inconsistent', () => {
    expect(reject(aNativeAbsenceAlert({ fecha_fin_periodo: '01-03-2024' })).issues).toEqual([{ field: 'fecha_fin_periodo', code: 'INCONSISTENT' }]);
    expect(reject(aNativeAbsenceAlert({ dias_ausente: '41' })).issues).toEqual([{ field: 'dias_ausente', code: 'INCONSISTENT' }]);
  });

  it('Given an alert posted to the absence-alerts route without tipo, When processed, Then the route names the kind', () => {
    const path = SCHOOL_CONNECTOR.kinds.find((k) => k.httpPath === 'absence-alerts')!;
    const r = accept(aNativeAbsenceAlert({ tipo: undefined }), path.kind);
    expect(r.messages[0]!.recordName).toBe('hub.school.ChronicAbsenceAlertRaised');
  });
});

describe('school connector output', () => {
  const rows = [aNativeEnrollment(), aNativeAbsenceAlert(), aNativeWithdrawal()];
  const sparse: NativeRow = {
    dv_rbd: '', curso: '', dias_lectivos: '', dias_ausente: '', umbral: '', rbd_destino: '', version: '',
    ...aMigrantStudent({ nombres: '', apellido_paterno: '', apellido_materno: '', fecha_nacimiento: '', sexo: '', comuna_residencia: '', direccion: '' }),
  };

  it('Given one full and one sparse record of every kind, When processed, Then every message is a valid value of its Avro schema', () => {
    expect(rows.map((r) => r.tipo).sort()).toEqual(SCHOOL_CONNECTOR.kinds.map((k) => k.kind).sort());
    for (const row of [...rows, ...rows.map((r) => ({ ...r, ...sparse }))]) {
      for (const m of accept(row).messages) {
        expect({ kind: row.tipo, record: m.recordName, bad: avroProblems(m.recordName, m.value) }).toEqual({ kind: row.tipo, record: m.recordName, bad: [] });
      }
    }
  });
});
