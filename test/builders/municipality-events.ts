import type { AlertRaised, CaseClosed, CaseOpened, ReferralMade } from '../../schemas';
import { aChild, anEnvelope } from './event-parts';

/** Synthetic OPD / OLN events (hub.municipality.events.v1). Invented data only. */
const COMUNA = '13101';
const CHILD_ID = 'OLN13101-P-0042';
const LOCAL_CASE = 'OLN13101-C-2024-0042';

export function aCaseOpened(over: Partial<CaseOpened> = {}): CaseOpened {
  return {
    envelope: anEnvelope('MUNICIPALITY', COMUNA, LOCAL_CASE),
    person: aChild('MUNICIPALITY', CHILD_ID, { phone: '+56 9 0000 0000' }),
    comunaCode: COMUNA,
    officeType: 'OLN',
    localCaseId: LOCAL_CASE,
    origin: 'ESCUELA',
    vulnerationCode: null,
    ...over,
  };
}

export function aReferralMade(over: Partial<ReferralMade> = {}): ReferralMade {
  return {
    envelope: anEnvelope('MUNICIPALITY', COMUNA, 'DER-OLN-2024-0007'),
    person: aChild('MUNICIPALITY', CHILD_ID),
    comunaCode: COMUNA,
    officeType: 'OLN',
    localCaseId: LOCAL_CASE,
    target: 'PROGRAMA_PROTECCION',
    targetModality: 'PROGRAMA_MALTRATO',
    targetUnitCode: '1130888',
    ...over,
  };
}

export function anAlertRaised(over: Partial<AlertRaised> = {}): AlertRaised {
  return {
    envelope: anEnvelope('MUNICIPALITY', COMUNA, 'ALR-2024-0300'),
    person: aChild('MUNICIPALITY', CHILD_ID),
    comunaCode: COMUNA,
    officeType: 'OLN',
    localCaseId: null,
    source: 'SISTEMA_ALERTA_NINEZ',
    priority: 'ALTA',
    ...over,
  };
}

export function aCaseClosed(over: Partial<CaseClosed> = {}): CaseClosed {
  return {
    envelope: anEnvelope('MUNICIPALITY', COMUNA, LOCAL_CASE),
    person: aChild('MUNICIPALITY', CHILD_ID),
    comunaCode: COMUNA,
    officeType: 'OPD',
    localCaseId: LOCAL_CASE,
    closureReason: 'DERIVADO',
    ...over,
  };
}
