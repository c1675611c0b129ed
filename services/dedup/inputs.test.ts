import { TOPICS } from '../../schemas/topics';
import * as health from '../../test/builders/health-events';
import * as municipality from '../../test/builders/municipality-events';
import * as school from '../../test/builders/school-events';
import * as sename from '../../test/builders/sename-events';
import * as tribunal from '../../test/builders/tribunal-events';
import { sha256Hex } from './adapters/sha256';
import { inspectEvent } from './domain/institution-event';
import { DEDUP_INPUTS, DEDUP_TOPIC_NAMES } from './inputs';

/** One builder per child-event record of the five institution topics (test/builders). */
const BUILDERS: Record<string, () => { envelope: { sourceInstitution: string }; person: { sourceRecordId: string } }> = {
  'hub.tribunal.AdmissionOrderIssued': tribunal.anAdmissionOrderIssued, 'hub.tribunal.DiagnosisRequested': tribunal.aDiagnosisRequested,
  'hub.tribunal.HearingScheduled': tribunal.aHearingScheduled, 'hub.tribunal.EgressResolved': tribunal.anEgressResolved,
  'hub.sename.AdmissionRegistered': sename.anAdmissionRegistered, 'hub.sename.DiagnosisReported': sename.aDiagnosisReported,
  'hub.sename.InterventionPlanCreated': sename.anInterventionPlanCreated, 'hub.sename.InterventionEscalated': sename.anInterventionEscalated,
  'hub.sename.EgressProposed': sename.anEgressProposed, 'hub.sename.EgressExecuted': sename.anEgressExecuted, 'hub.sename.AbscondmentRecorded': sename.anAbscondmentRecorded,
  'hub.municipality.CaseOpened': municipality.aCaseOpened, 'hub.municipality.ReferralMade': municipality.aReferralMade,
  'hub.municipality.AlertRaised': municipality.anAlertRaised, 'hub.municipality.CaseClosed': municipality.aCaseClosed,
  'hub.school.EnrollmentRegistered': school.anEnrollmentRegistered, 'hub.school.ChronicAbsenceAlertRaised': school.aChronicAbsenceAlertRaised,
  'hub.school.WithdrawalRegistered': school.aWithdrawalRegistered,
  'hub.health.EmergencyVisitRecorded': health.anEmergencyVisitRecorded, 'hub.health.NewbornRegistered': health.aNewbornRegistered, 'hub.health.ProgrammeEnrolled': health.aProgrammeEnrolled,
};

describe('dedup inputs', () => {
  it('Given the topic catalogue, When the inputs are listed, Then they are the five institution child-event topics and not the capacity topic', () => {
    expect([...DEDUP_TOPIC_NAMES].sort()).toEqual([TOPICS.tribunalEvents, TOPICS.senameEvents, TOPICS.municipalityEvents, TOPICS.schoolEvents, TOPICS.healthEvents].map((t) => t.name).sort());
    expect(DEDUP_TOPIC_NAMES).not.toContain(TOPICS.senameCapacity.name);
  });

  it.each(DEDUP_INPUTS.flatMap((i) => i.topic.records.map((r) => [i.topic.name, r, i.institution] as const)))(
    'Given a %s event %s from its builder, When inspected, Then it is a child event of %s keyed by its person record',
    (topic, recordName, institution) => {
      const build = BUILDERS[recordName];
      expect(build).toBeDefined();
      const value = build!();
      const r = inspectEvent(recordName, value, new Set(DEDUP_INPUTS.find((i) => i.topic.name === topic)!.topic.records), sha256Hex);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.event.personKey).toEqual({ institution, personRecordId: value.person.sourceRecordId });
    });
});
