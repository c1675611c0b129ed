import type { CourtCaseRef } from '../../../schemas';
import type { MappedEvent } from '../../sdk/record-kind';
import { toPersonRecord } from '../../sdk/person-fields';
import type {
  AbscondmentNative, AdmissionNative, CourtRefNative, DiagnosisNative, EgressNative, EgressProposalNative, EscalationNative,
  InterventionPlanNative, StayRecordBase,
} from '../records';

/**
 * SENAINFO records of a child's stay → canonical SENAME events. Pure. The SENAINFO child code is
 * national (one code per child across programmes), so the child is keyed by the bare `id_nna`,
 * and every event of one stay carries its `id_caso`.
 */
function base(n: StayRecordBase, payload: Record<string, unknown>): MappedEvent {
  return {
    recordId: n.id_registro,
    unit: n.cod_programa,
    occurredAt: n.fecha_evento,
    version: n.version,
    person: toPersonRecord(n, 'SENAME', n.id_nna),
    payload: { caseId: n.id_caso, programmeCode: n.cod_programa, ...payload },
  };
}

/** The cause, or null when the record names none (the schema guarantees court and RIT come together). */
export function courtCaseOf(n: CourtRefNative): CourtCaseRef | null {
  if (n.cod_tribunal === null || n.rit === null) return null;
  return { courtCode: n.cod_tribunal, courtType: n.tipo_tribunal ?? 'FAMILIA', rit: n.rit, ruc: n.ruc };
}

export function mapAdmission(n: AdmissionNative): MappedEvent {
  return base(n, {
    modality: n.modalidad,
    regime: n.regimen,
    administration: n.administracion,
    collaboratingInstitutionCode: n.cod_institucion_colaboradora,
    admissionKind: n.tipo_ingreso,
    courtCase: courtCaseOf(n),
    derivationId: n.id_derivacion,
    accompanyingParentRef: n.ref_adulto_acompanante,
    siblingGroupRef: n.ref_grupo_hermanos,
  });
}

export function mapDiagnosis(n: DiagnosisNative): MappedEvent {
  return base(n, {
    courtCase: courtCaseOf(n),
    diagnosisType: n.tipo_diagnostico,
    complexityLevel: n.nivel_complejidad,
    ambits: n.ambitos,
    recommendation: n.recomendacion,
    recommendedDestination: n.destino_recomendado,
  });
}

export function mapInterventionPlan(n: InterventionPlanNative): MappedEvent {
  return base(n, { planType: n.tipo_plan, axes: n.ejes, plannedEndDate: n.fecha_termino_prevista });
}

export function mapEscalation(n: EscalationNative): MappedEvent {
  return base(n, { fromPlanType: n.tipo_plan_origen, toPlanType: n.tipo_plan_destino, fromPlanId: n.id_plan_origen });
}

export function mapEgressProposal(n: EgressProposalNative): MappedEvent {
  return base(n, {
    courtCase: courtCaseOf(n),
    proposedDestination: n.destino_propuesto,
    proposedCause: n.causal_propuesta,
    destinationModality: n.modalidad_destino,
    destinationProgrammeCode: n.cod_programa_destino,
  });
}

export function mapEgress(n: EgressNative): MappedEvent {
  return base(n, {
    cause: n.causal,
    destination: n.destino,
    destinationModality: n.modalidad_destino,
    destinationProgrammeCode: n.cod_programa_destino,
    courtCase: courtCaseOf(n),
    derivationId: n.id_derivacion,
  });
}

export function mapAbscondment(n: AbscondmentNative): MappedEvent {
  return base(n, { kind: n.tipo_evento_fuga });
}
