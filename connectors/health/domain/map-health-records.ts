import type { MappedEvent } from '../../sdk/record-kind';
import { toPersonRecord } from '../../sdk/person-fields';
import type { EmergencyVisitNative, HealthRecordBase, NewbornNative, ProgrammeEnrollmentNative } from '../records';

/**
 * Health records → canonical health events. Pure. An establishment's patient ids are unique only
 * within the establishment, so the child is keyed `<DEIS code>/<id_nna>`.
 */
function base(n: HealthRecordBase, payload: Record<string, unknown>): MappedEvent {
  return {
    recordId: n.id_registro,
    unit: n.cod_establecimiento,
    occurredAt: n.fecha_evento,
    version: n.version,
    person: toPersonRecord(n, 'HEALTH', `${n.cod_establecimiento}/${n.id_nna}`),
    payload: { establishmentCode: n.cod_establecimiento, ...payload },
  };
}

export function mapEmergencyVisit(n: EmergencyVisitNative): MappedEvent {
  return base(n, { injury: n.lesion, maltreatmentSuspected: n.sospecha_maltrato, reportFiled: n.denuncia });
}

/**
 * Newborns are often recorded under their mother's RUN before they have their own. When the
 * child's RUN column holds the same number as `run_madre`, it is the mother's: it goes to
 * motherRun and never to person.run, or matching would take mother and baby for one person.
 * Placeholder names ("RN", "RN hijo de …") are kept as sent; matching treats them as missing.
 */
export function mapNewborn(n: NewbornNative): MappedEvent {
  const childRunIsMothers = n.run_nna !== null && n.run_madre !== null && sameRun(n.run_nna, n.run_madre);
  return base(childRunIsMothers ? { ...n, run_nna: null } : n, { motherRun: n.run_madre, birthOrder: n.orden_nacimiento });
}

export function mapProgrammeEnrollment(n: ProgrammeEnrollmentNative): MappedEvent {
  return base(n, { programme: n.programa_salud });
}

/** Two RUNs as written (`12.345.678-5`, `12345678-5`, `0123456785`) denote the same number. */
function sameRun(a: string, b: string): boolean {
  const canon = (t: string) => t.replace(/[^0-9kK]/g, '').toUpperCase().replace(/^0+/, '');
  return canon(a) === canon(b);
}
