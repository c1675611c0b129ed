import type { CaseStatus, CaseUpdated } from '../../schemas';

/** Synthetic hub.case events (the case-status service's outputs). Ids and codes only, as on the real topics. */
export function aCaseStatus(over: Partial<CaseStatus> = {}): CaseStatus {
  const caseId = over.caseId ?? 'C:1130045:ING-2024-55501';
  return {
    envelope: {
      eventId: 'HUB:case:0000000000000000000000000000test', sourceInstitution: 'HUB', sourceUnit: null, sourceRecordId: caseId,
      occurredAt: Date.UTC(2024, 2, 5, 12, 0, 0), recordedAt: Date.UTC(2024, 2, 5, 12, 0, 0), schemaVersion: 1, traceId: null,
    },
    caseId,
    childId: 'NNA-0000000000000000000000TEST',
    version: 1,
    state: 'IN_DIAGNOSIS',
    stateSince: Date.UTC(2024, 2, 4, 13, 30, 0),
    programmeCode: '1130045',
    modality: 'CTD',
    regime: 'RESIDENCIAL',
    administration: 'OCA',
    comunaCode: '13101',
    orderedAt: Date.UTC(2024, 2, 1, 12, 0, 0),
    admittedAt: Date.UTC(2024, 2, 4, 13, 30, 0),
    admissionKind: 'ORDEN_TRIBUNAL',
    exitedAt: null,
    exitKind: null,
    exitDestination: null,
    reentry: false,
    reentryFromCaseId: null,
    transferFromCaseId: null,
    transferToCaseId: null,
    deadlines: [{ deadlineId: `${caseId}/DIAGNOSIS_20_BUSINESS_DAYS/SENAME:ING-2024-55501:1`, ruleId: 'DIAGNOSIS_20_BUSINESS_DAYS', status: 'PENDING', dueAt: Date.UTC(2024, 3, 2, 3, 0, 0), metAt: null }],
    alerts: [],
    lastEventAt: Date.UTC(2024, 2, 4, 13, 30, 0),
    ...over,
  };
}

export function aCaseUpdated(over: Partial<CaseUpdated> = {}): CaseUpdated {
  const snapshot = over.snapshot === undefined ? aCaseStatus() : over.snapshot;
  return {
    envelope: { ...aCaseStatus().envelope, eventId: 'HUB:case:1111111111111111111111111111test' },
    childId: snapshot?.childId ?? 'NNA-0000000000000000000000TEST',
    caseId: snapshot?.caseId ?? 'C:1130045:ING-2024-55501',
    kind: 'STATE_CHANGED',
    previousChildId: null,
    previousState: 'ADMITTED',
    deadlineId: null,
    alertCodes: [],
    childComunaCode: '13101',
    snapshot,
    ...over,
  };
}
