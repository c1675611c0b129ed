import type { MappedEvent } from '../../sdk/record-kind';
import { toPersonRecord } from '../../sdk/person-fields';
import type { AlertNative, CaseClosedNative, CaseOpenedNative, OfficeRecordBase, ReferralNative } from '../records';

/**
 * Municipal office records → canonical municipality events. Pure. An office's child ids are
 * unique only within its comuna, so the child is keyed `<comuna CUT>/<id_nna>`.
 */
function base(n: OfficeRecordBase, payload: Record<string, unknown>): MappedEvent {
  return {
    recordId: n.id_registro,
    unit: n.comuna,
    occurredAt: n.fecha_evento,
    version: n.version,
    person: toPersonRecord(n, 'MUNICIPALITY', `${n.comuna}/${n.id_nna}`),
    payload: { comunaCode: n.comuna, officeType: n.tipo_oficina, ...payload },
  };
}

export function mapCaseOpened(n: CaseOpenedNative): MappedEvent {
  return base(n, { localCaseId: n.id_caso_local, origin: n.origen, vulnerationCode: n.cod_vulneracion });
}

export function mapReferral(n: ReferralNative): MappedEvent {
  return base(n, {
    localCaseId: n.id_caso_local,
    target: n.destino_derivacion,
    targetModality: n.modalidad_destino,
    targetUnitCode: n.cod_unidad_destino,
  });
}

export function mapAlert(n: AlertNative): MappedEvent {
  return base(n, { localCaseId: n.id_caso_local, source: n.fuente_alerta, priority: n.prioridad });
}

export function mapCaseClosure(n: CaseClosedNative): MappedEvent {
  return base(n, { localCaseId: n.id_caso_local, closureReason: n.motivo_cierre });
}
