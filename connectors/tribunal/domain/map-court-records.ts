import type { CourtCaseRef } from '../../../schemas';
import type { MappedEvent } from '../../sdk/record-kind';
import { toPersonRecord } from '../../sdk/person-fields';
import type {
  AdmissionOrderNative, CourtRecordBase, DiagnosisRequestNative, EgressResolutionNative, HearingNative,
} from '../records';

/**
 * Court records → canonical tribunal events. Pure. A court's child ids are unique only within the
 * court, so the child is keyed `<court code>/<id_nna>`.
 */
function base(n: CourtRecordBase, payload: Record<string, unknown>): MappedEvent {
  return {
    recordId: n.id_registro,
    unit: n.cod_tribunal,
    occurredAt: n.fecha_resolucion,
    version: n.version,
    person: toPersonRecord(n, 'TRIBUNAL', `${n.cod_tribunal}/${n.id_nna}`),
    payload: { courtCase: courtCase(n), ...payload },
  };
}

function courtCase(n: CourtRecordBase): CourtCaseRef {
  return { courtCode: n.cod_tribunal, courtType: n.tipo_tribunal ?? 'FAMILIA', rit: n.rit, ruc: n.ruc };
}

export function mapAdmissionOrder(n: AdmissionOrderNative): MappedEvent {
  return base(n, {
    materia: n.materia,
    targetModality: n.modalidad_destino,
    targetRegime: n.regimen_destino,
    targetProgrammeCode: n.cod_programa_destino,
    targetAdministration: n.administracion_destino,
  });
}

export function mapDiagnosisRequest(n: DiagnosisRequestNative): MappedEvent {
  return base(n, {
    diagnosisType: n.tipo_diagnostico,
    regime: n.regimen,
    targetModality: n.modalidad_destino,
    targetProgrammeCode: n.cod_programa_destino,
    dueDate: n.fecha_plazo,
  });
}

export function mapHearing(n: HearingNative): MappedEvent {
  return base(n, { scheduledAt: n.fecha_audiencia, hearingType: n.tipo_audiencia });
}

export function mapEgressResolution(n: EgressResolutionNative): MappedEvent {
  return base(n, {
    decision: n.decision,
    fromProgrammeCode: n.cod_programa_origen,
    destination: n.destino,
    destinationModality: n.modalidad_destino,
    destinationProgrammeCode: n.cod_programa_destino,
    effectiveDate: n.fecha_efectiva,
  });
}
