import type { MappedEvent } from '../../sdk/record-kind';
import type { CapacityNative } from '../records';

/**
 * A programme's declared places → CapacityDeclared. Pure. Not about a child: no person, and the
 * message key is the programme, so one programme's declarations stay in order on their topic.
 */
export function mapCapacityDeclaration(n: CapacityNative): MappedEvent {
  return {
    recordId: n.id_registro,
    unit: n.cod_programa,
    occurredAt: n.fecha_evento,
    version: n.version,
    person: null,
    key: `SENAME:${n.cod_programa}`,
    payload: {
      programmeCode: n.cod_programa,
      programmeName: n.nombre_programa,
      modality: n.modalidad,
      regime: n.regimen,
      administration: n.administracion,
      collaboratingInstitutionCode: n.cod_institucion_colaboradora,
      regionCode: regionCodeOf(n),
      comunaCode: n.comuna,
      places: n.plazas,
      validFrom: n.vigente_desde,
      validTo: n.vigente_hasta,
    },
  };
}

/** The 2-digit region: as declared, or the first two digits of the comuna's CUT code (`13101` → `13`). */
function regionCodeOf(n: CapacityNative): string | null {
  if (n.cod_region !== null) return String(n.cod_region).padStart(2, '0');
  return n.comuna ? n.comuna.slice(0, 2) : null;
}
