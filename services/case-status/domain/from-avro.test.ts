import { FLOW_RULES } from '../config/flow-rules';
import { anAdmissionOrderIssued, aDiagnosisRequested, anEgressResolved } from '../../../test/builders/tribunal-events';
import { aCapacityDeclared, anAdmissionRegistered, aDiagnosisReported, anEgressExecuted, anEgressProposed } from '../../../test/builders/sename-events';
import { aWithdrawalRegistered } from '../../../test/builders/school-events';
import { aCaseOpened } from '../../../test/builders/municipality-events';
import { anEnvelope } from '../../../test/builders/event-parts';
import { deriveChildFlow } from './flow/derive-child-flow';
import { capacityFromAvro, fromAvro, isCaseRecordName } from './from-avro';

describe('fromAvro', () => {
  it('Given a SENAME admission, When mapped, Then the stay, programme, kind, court cause and residence comuna are kept', () => {
    const e = fromAvro('hub.sename.AdmissionRegistered', anAdmissionRegistered(), 'CH-9');
    expect(e).toMatchObject({
      recordName: 'hub.sename.AdmissionRegistered', institution: 'SENAME', childId: 'CH-9', caseRef: 'ING-2024-55501', programmeCode: '1130045',
      modality: 'CTD', regime: 'RESIDENCIAL', administration: 'OCA', comunaCode: '13101', cause: { courtCode: '1301', rit: 'P-1234-2023' },
      details: { admissionKind: 'ORDEN_TRIBUNAL', derivationId: null }, sourceRecordKey: 'SENAME:SNF-7700123',
    });
    expect(e.eventTime).toBe(anAdmissionRegistered().envelope.occurredAt);
  });

  it('Given court and centre events of the catalogue, When mapped and derived, Then they form one linked stay', () => {
    const t = (ms: number) => ({ occurredAt: Date.UTC(2024, 2, 1) + ms * 86_400_000, recordedAt: Date.UTC(2024, 5, 1) });
    const events = [
      fromAvro('hub.tribunal.AdmissionOrderIssued', anAdmissionOrderIssued({ envelope: anEnvelope('TRIBUNAL', '1301', 'ORD-1', t(0)) }), 'CH-9'),
      fromAvro('hub.sename.AdmissionRegistered', anAdmissionRegistered({ envelope: anEnvelope('SENAME', 'x', 'ADM-1', t(1)) }), 'CH-9'),
      fromAvro('hub.tribunal.DiagnosisRequested', aDiagnosisRequested({ envelope: anEnvelope('TRIBUNAL', '1301', 'REQ-1', t(2)) }), 'CH-9'),
      fromAvro('hub.sename.DiagnosisReported', aDiagnosisReported({ envelope: anEnvelope('SENAME', 'x', 'REP-1', t(20)) }), 'CH-9'),
      fromAvro('hub.sename.EgressProposed', anEgressProposed({ envelope: anEnvelope('SENAME', 'x', 'PRO-1', t(21)) }), 'CH-9'),
      fromAvro('hub.tribunal.EgressResolved', anEgressResolved({ envelope: anEnvelope('TRIBUNAL', '1301', 'RES-1', t(25)) }), 'CH-9'),
      fromAvro('hub.sename.EgressExecuted', anEgressExecuted({ envelope: anEnvelope('SENAME', 'x', 'EGR-1', t(26)) }), 'CH-9'),
    ];
    const f = deriveChildFlow(events, FLOW_RULES);
    expect(f.cases).toHaveLength(1);
    expect(f.cases[0]!.history.slice(0, 6).map((h) => h.to)).toEqual(
      ['REFERRAL_ORDERED', 'ADMITTED', 'IN_DIAGNOSIS', 'REPORTED_TO_COURT', 'EGRESS_PROPOSED', 'EGRESS_ORDERED']);
    expect(f.cases[0]!.exit?.kind).toBe('PLANNED');
  });

  it('Given school and municipal events, When mapped, Then they carry a signal code and the child comuna', () => {
    expect(fromAvro('hub.school.WithdrawalRegistered', aWithdrawalRegistered(), 'CH-9').details.signalCode).toBe(aWithdrawalRegistered().reason);
    const opened = fromAvro('hub.municipality.CaseOpened', aCaseOpened(), 'CH-9');
    expect(opened).toMatchObject({ institution: 'MUNICIPALITY', caseRef: null, comunaCode: aCaseOpened().person.comunaCode ?? aCaseOpened().comunaCode });
  });

  it('Given record names, When checked, Then only the case-status inputs are accepted', () => {
    expect(isCaseRecordName('hub.sename.EgressExecuted')).toBe(true);
    expect(isCaseRecordName('hub.sename.CapacityDeclared')).toBe(false);
    expect(isCaseRecordName('hub.identity.PersonObserved')).toBe(false);
  });

  it('Given a capacity declaration, When normalised, Then places, validity and declaration time are kept', () => {
    const r = aCapacityDeclared();
    expect(capacityFromAvro(r)).toEqual({ programmeCode: r.programmeCode, modality: r.modality, regime: r.regime, administration: r.administration,
      comunaCode: r.comunaCode, places: r.places, validFrom: r.validFrom, validTo: r.validTo, declaredAt: r.envelope.occurredAt });
  });
});
