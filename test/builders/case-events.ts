import type { CaseEventDetails, CaseInputEvent, CaseRecordName, CauseRef, Institution } from '../../services/case-status/domain/case-input-event';
import type { AdmissionKind, Administration, CareRegime, ProgrammeModality } from '../../schemas';

/**
 * Builders of the case-status core's normalised events (CaseInputEvent). Invented data only.
 * Times are ISO strings (UTC unless an offset is given) for readable fixtures.
 */
export const ms = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T12:00:00Z` : iso);

const INSTITUTION: Record<string, Institution> = { tribunal: 'TRIBUNAL', sename: 'SENAME', municipality: 'MUNICIPALITY', school: 'SCHOOL', health: 'HEALTH' };

export function aCaseEvent(recordName: CaseRecordName, eventId: string, when: string, over: Partial<CaseInputEvent> = {}): CaseInputEvent {
  return {
    eventId,
    eventTime: ms(when),
    recordedAt: ms(when) + 1000,
    recordName,
    institution: INSTITUTION[recordName.split('.')[1]!]!,
    childId: 'CH-1',
    sourceRecordKey: `${recordName.split('.')[1]!.toUpperCase()}:P-1`,
    sourceRecordId: eventId,
    sourceUnit: null,
    caseRef: null,
    programmeCode: null,
    modality: null,
    regime: null,
    administration: null,
    cause: null,
    comunaCode: '13101',
    sex: 'F',
    details: {},
    ...over,
  };
}

export interface StayOptions {
  childId?: string;
  programmeCode?: string;
  caseRef?: string;
  modality?: ProgrammeModality;
  regime?: CareRegime;
  administration?: Administration;
  comunaCode?: string | null;
  cause?: CauseRef | null;
  sourceRecordKey?: string;
}

/** Events of one stay (programme side): ids are `<caseRef>-<what>[-n]`. */
export function aStay(o: StayOptions = {}) {
  const childId = o.childId ?? 'CH-1';
  const programmeCode = o.programmeCode ?? 'P-CTD-1';
  const caseRef = o.caseRef ?? 'ING-1';
  const base = (recordName: CaseRecordName, id: string, when: string, details: CaseEventDetails = {}, extra: Partial<CaseInputEvent> = {}) =>
    aCaseEvent(recordName, `${caseRef}-${id}`, when, {
      childId, caseRef, programmeCode, comunaCode: o.comunaCode === undefined ? '13101' : o.comunaCode,
      sourceRecordKey: o.sourceRecordKey ?? `SENAME:${childId}`, cause: o.cause ?? null, details, ...extra,
    });
  return {
    admit: (when: string, kind: AdmissionKind = 'ORDEN_TRIBUNAL', extra: Partial<CaseInputEvent> & { derivationId?: string } = {}) =>
      base('hub.sename.AdmissionRegistered', 'adm', when, { admissionKind: kind, derivationId: extra.derivationId ?? null }, {
        modality: o.modality ?? 'CTD', regime: o.regime ?? 'RESIDENCIAL', administration: o.administration ?? 'AADD', ...extra,
      }),
    report: (when: string, n = 1) => base('hub.sename.DiagnosisReported', `rep-${n}`, when, { diagnosisType: 'DIAGNOSTICO' }),
    plan: (when: string, planType: CaseEventDetails['planType'] = 'BREVE', n = 1) => base('hub.sename.InterventionPlanCreated', `pii-${n}`, when, { planType }),
    escalate: (when: string) => base('hub.sename.InterventionEscalated', 'esc', when, { planType: 'BREVE', toPlanType: 'ESPECIALIZADA' }),
    propose: (when: string, n = 1, details: CaseEventDetails = {}) =>
      base('hub.sename.EgressProposed', `prop-${n}`, when, { destination: 'FAMILIA_ORIGEN', cause: 'CUMPLIMIENTO_OBJETIVOS_PII', ...details }),
    egress: (when: string, details: CaseEventDetails = {}) =>
      base('hub.sename.EgressExecuted', 'egr', when, { cause: 'CUMPLIMIENTO_OBJETIVOS_PII', destination: 'FAMILIA_ORIGEN', derivationId: null, ...details }),
    abscond: (when: string, kind: 'FUGA' | 'ABANDONO' = 'ABANDONO') => base('hub.sename.AbscondmentRecorded', 'abs', when, { abscondmentKind: kind }),
  };
}

export interface CourtOptions {
  childId?: string;
  cause?: CauseRef;
  prefix?: string;
}

/** Court-side events of one cause; ids are `<prefix>-<what>[-n]`. */
export function aCourt(o: CourtOptions = {}) {
  const childId = o.childId ?? 'CH-1';
  const cause = o.cause ?? { courtCode: '1301', rit: 'P-100-2024' };
  const prefix = o.prefix ?? 'TF';
  const base = (recordName: CaseRecordName, id: string, when: string, details: CaseEventDetails = {}, extra: Partial<CaseInputEvent> = {}) =>
    aCaseEvent(recordName, `${prefix}-${id}`, when, { childId, cause, sourceRecordKey: `TRIBUNAL:${childId}`, details, ...extra });
  return {
    order: (when: string, extra: Partial<CaseInputEvent> = {}, n = 1) => base('hub.tribunal.AdmissionOrderIssued', `ord-${n}`, when, {}, extra),
    requestDiagnosis: (when: string, extra: Partial<CaseInputEvent> = {}, details: CaseEventDetails = {}, n = 1) =>
      base('hub.tribunal.DiagnosisRequested', `req-${n}`, when, { diagnosisType: 'DIAGNOSTICO', dueDate: null, ...details }, extra),
    hearing: (when: string, hearingAt: string, hearingId = 'H1', version = 1) =>
      base('hub.tribunal.HearingScheduled', `hear-${hearingId}-v${version}`, when, { hearingAt: ms(hearingAt), hearingId }),
    resolve: (when: string, decision: CaseEventDetails['decision'] = 'ACOGE', extra: Partial<CaseInputEvent> = {}, n = 1) =>
      base('hub.tribunal.EgressResolved', `res-${n}`, when, { decision, destination: decision === 'RECHAZA' ? null : 'FAMILIA_ORIGEN' }, extra),
  };
}
