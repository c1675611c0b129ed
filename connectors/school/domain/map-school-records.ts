import type { MappedEvent } from '../../sdk/record-kind';
import { toPersonRecord } from '../../sdk/person-fields';
import type { AbsenceAlertNative, EnrollmentNative, SchoolRecordBase, WithdrawalNative } from '../records';

/**
 * School records → canonical school events. Pure. A school's student ids are unique only within
 * the school, so the child is keyed `<RBD>/<id_nna>`. The RBD travels bare (no check digit): it is
 * the join key, and the DV adds nothing to it.
 */
function base(n: SchoolRecordBase, payload: Record<string, unknown>): MappedEvent {
  return {
    recordId: n.id_registro,
    unit: n.rbd,
    occurredAt: n.fecha_evento,
    version: n.version,
    person: toPersonRecord(n, 'SCHOOL', `${n.rbd}/${n.id_nna}`),
    payload: { rbd: n.rbd, schoolYear: n.anio_escolar, ...payload },
  };
}

export function mapEnrollment(n: EnrollmentNative): MappedEvent {
  return base(n, { rbdCheckDigit: n.dv_rbd, grade: n.curso });
}

export function mapAbsenceAlert(n: AbsenceAlertNative): MappedEvent {
  return base(n, {
    periodStartDate: n.fecha_inicio_periodo,
    periodEndDate: n.fecha_fin_periodo,
    attendancePercent: n.porcentaje_asistencia,
    schoolDays: n.dias_lectivos,
    daysAbsent: n.dias_ausente,
    thresholdPercent: n.umbral,
  });
}

export function mapWithdrawal(n: WithdrawalNative): MappedEvent {
  return base(n, { reason: n.motivo_retiro, destinationRbd: n.rbd_destino });
}
