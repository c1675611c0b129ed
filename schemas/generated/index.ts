// Generated from schemas/avro/ by `npx hub schemas generate`. Do not edit.

import type { NamedSchema, RecordSchema, SchemaCatalogue } from '../schema-types';
import { CaseStatusSchema, type CaseStatus } from './case-status.v1';
import { CaseUpdatedSchema, type CaseUpdated } from './case-updated.v1';
import { EventEnvelopeSchema } from './event-envelope.v1';
import { IngestCheckpointSchema } from './ingest-checkpoint.v1';
import { EmergencyVisitRecordedSchema, type EmergencyVisitRecorded } from './emergency-visit-recorded.v1';
import { NewbornRegisteredSchema, type NewbornRegistered } from './newborn-registered.v1';
import { ProgrammeEnrolledSchema, type ProgrammeEnrolled } from './programme-enrolled.v1';
import { ChildIdentityChangedSchema, type ChildIdentityChanged } from './child-identity-changed.v1';
import { PersonObservedSchema, type PersonObserved } from './person-observed.v1';
import { PersonRecordSchema } from './person-record.v1';
import { MunicipalUpdateSchema } from './municipal-update.v1';
import { AlertRaisedSchema, type AlertRaised } from './alert-raised.v1';
import { CaseClosedSchema, type CaseClosed } from './case-closed.v1';
import { CaseOpenedSchema, type CaseOpened } from './case-opened.v1';
import { OfficeTypeSchema } from './office-type.v1';
import { ReferralMadeSchema, type ReferralMade } from './referral-made.v1';
import { ChronicAbsenceAlertRaisedSchema, type ChronicAbsenceAlertRaised } from './chronic-absence-alert-raised.v1';
import { EnrollmentRegisteredSchema, type EnrollmentRegistered } from './enrollment-registered.v1';
import { WithdrawalRegisteredSchema, type WithdrawalRegistered } from './withdrawal-registered.v1';
import { AbscondmentRecordedSchema, type AbscondmentRecorded } from './abscondment-recorded.v1';
import { AdministrationSchema } from './administration.v1';
import { AdmissionRegisteredSchema, type AdmissionRegistered } from './admission-registered.v1';
import { CapacityDeclaredSchema, type CapacityDeclared } from './capacity-declared.v1';
import { CareRegimeSchema } from './care-regime.v1';
import { DiagnosisReportedSchema, type DiagnosisReported } from './diagnosis-reported.v1';
import { EgressCauseSchema } from './egress-cause.v1';
import { EgressDestinationSchema } from './egress-destination.v1';
import { EgressExecutedSchema, type EgressExecuted } from './egress-executed.v1';
import { EgressProposedSchema, type EgressProposed } from './egress-proposed.v1';
import { InterventionEscalatedSchema, type InterventionEscalated } from './intervention-escalated.v1';
import { InterventionPlanCreatedSchema, type InterventionPlanCreated } from './intervention-plan-created.v1';
import { InterventionPlanTypeSchema } from './intervention-plan-type.v1';
import { ProgrammeModalitySchema } from './programme-modality.v1';
import { AdmissionOrderIssuedSchema, type AdmissionOrderIssued } from './admission-order-issued.v1';
import { CourtCaseRefSchema } from './court-case-ref.v1';
import { DiagnosisRequestedSchema, type DiagnosisRequested } from './diagnosis-requested.v1';
import { DiagnosisTypeSchema } from './diagnosis-type.v1';
import { EgressResolvedSchema, type EgressResolved } from './egress-resolved.v1';
import { HearingScheduledSchema, type HearingScheduled } from './hearing-scheduled.v1';

export * from './case-status.v1';
export * from './case-updated.v1';
export * from './event-envelope.v1';
export * from './ingest-checkpoint.v1';
export * from './emergency-visit-recorded.v1';
export * from './newborn-registered.v1';
export * from './programme-enrolled.v1';
export * from './child-identity-changed.v1';
export * from './person-observed.v1';
export * from './person-record.v1';
export * from './municipal-update.v1';
export * from './alert-raised.v1';
export * from './case-closed.v1';
export * from './case-opened.v1';
export * from './office-type.v1';
export * from './referral-made.v1';
export * from './chronic-absence-alert-raised.v1';
export * from './enrollment-registered.v1';
export * from './withdrawal-registered.v1';
export * from './abscondment-recorded.v1';
export * from './administration.v1';
export * from './admission-registered.v1';
export * from './capacity-declared.v1';
export * from './care-regime.v1';
export * from './diagnosis-reported.v1';
export * from './egress-cause.v1';
export * from './egress-destination.v1';
export * from './egress-executed.v1';
export * from './egress-proposed.v1';
export * from './intervention-escalated.v1';
export * from './intervention-plan-created.v1';
export * from './intervention-plan-type.v1';
export * from './programme-modality.v1';
export * from './admission-order-issued.v1';
export * from './court-case-ref.v1';
export * from './diagnosis-requested.v1';
export * from './diagnosis-type.v1';
export * from './egress-resolved.v1';
export * from './hearing-scheduled.v1';

/** Full names of the top-level schemas, one per `.avsc` file. */
export type SchemaName = 'hub.case.CaseStatus' | 'hub.case.CaseUpdated' | 'hub.common.EventEnvelope' | 'hub.connector.IngestCheckpoint' | 'hub.health.EmergencyVisitRecorded' | 'hub.health.NewbornRegistered' | 'hub.health.ProgrammeEnrolled' | 'hub.identity.ChildIdentityChanged' | 'hub.identity.PersonObserved' | 'hub.identity.PersonRecord' | 'hub.municipal.MunicipalUpdate' | 'hub.municipality.AlertRaised' | 'hub.municipality.CaseClosed' | 'hub.municipality.CaseOpened' | 'hub.municipality.OfficeType' | 'hub.municipality.ReferralMade' | 'hub.school.ChronicAbsenceAlertRaised' | 'hub.school.EnrollmentRegistered' | 'hub.school.WithdrawalRegistered' | 'hub.sename.AbscondmentRecorded' | 'hub.sename.Administration' | 'hub.sename.AdmissionRegistered' | 'hub.sename.CapacityDeclared' | 'hub.sename.CareRegime' | 'hub.sename.DiagnosisReported' | 'hub.sename.EgressCause' | 'hub.sename.EgressDestination' | 'hub.sename.EgressExecuted' | 'hub.sename.EgressProposed' | 'hub.sename.InterventionEscalated' | 'hub.sename.InterventionPlanCreated' | 'hub.sename.InterventionPlanType' | 'hub.sename.ProgrammeModality' | 'hub.tribunal.AdmissionOrderIssued' | 'hub.tribunal.CourtCaseRef' | 'hub.tribunal.DiagnosisRequested' | 'hub.tribunal.DiagnosisType' | 'hub.tribunal.EgressResolved' | 'hub.tribunal.HearingScheduled';

/** Full names of the events: top-level records carrying `envelope: hub.common.EventEnvelope`. */
export type EventName = 'hub.case.CaseStatus' | 'hub.case.CaseUpdated' | 'hub.health.EmergencyVisitRecorded' | 'hub.health.NewbornRegistered' | 'hub.health.ProgrammeEnrolled' | 'hub.identity.ChildIdentityChanged' | 'hub.identity.PersonObserved' | 'hub.municipality.AlertRaised' | 'hub.municipality.CaseClosed' | 'hub.municipality.CaseOpened' | 'hub.municipality.ReferralMade' | 'hub.school.ChronicAbsenceAlertRaised' | 'hub.school.EnrollmentRegistered' | 'hub.school.WithdrawalRegistered' | 'hub.sename.AbscondmentRecorded' | 'hub.sename.AdmissionRegistered' | 'hub.sename.CapacityDeclared' | 'hub.sename.DiagnosisReported' | 'hub.sename.EgressExecuted' | 'hub.sename.EgressProposed' | 'hub.sename.InterventionEscalated' | 'hub.sename.InterventionPlanCreated' | 'hub.tribunal.AdmissionOrderIssued' | 'hub.tribunal.DiagnosisRequested' | 'hub.tribunal.EgressResolved' | 'hub.tribunal.HearingScheduled';

/** The TypeScript type of each event, by full name, for typed publishing and decoding. */
export interface EventTypes {
  'hub.case.CaseStatus': CaseStatus;
  'hub.case.CaseUpdated': CaseUpdated;
  'hub.health.EmergencyVisitRecorded': EmergencyVisitRecorded;
  'hub.health.NewbornRegistered': NewbornRegistered;
  'hub.health.ProgrammeEnrolled': ProgrammeEnrolled;
  'hub.identity.ChildIdentityChanged': ChildIdentityChanged;
  'hub.identity.PersonObserved': PersonObserved;
  'hub.municipality.AlertRaised': AlertRaised;
  'hub.municipality.CaseClosed': CaseClosed;
  'hub.municipality.CaseOpened': CaseOpened;
  'hub.municipality.ReferralMade': ReferralMade;
  'hub.school.ChronicAbsenceAlertRaised': ChronicAbsenceAlertRaised;
  'hub.school.EnrollmentRegistered': EnrollmentRegistered;
  'hub.school.WithdrawalRegistered': WithdrawalRegistered;
  'hub.sename.AbscondmentRecorded': AbscondmentRecorded;
  'hub.sename.AdmissionRegistered': AdmissionRegistered;
  'hub.sename.CapacityDeclared': CapacityDeclared;
  'hub.sename.DiagnosisReported': DiagnosisReported;
  'hub.sename.EgressExecuted': EgressExecuted;
  'hub.sename.EgressProposed': EgressProposed;
  'hub.sename.InterventionEscalated': InterventionEscalated;
  'hub.sename.InterventionPlanCreated': InterventionPlanCreated;
  'hub.tribunal.AdmissionOrderIssued': AdmissionOrderIssued;
  'hub.tribunal.DiagnosisRequested': DiagnosisRequested;
  'hub.tribunal.EgressResolved': EgressResolved;
  'hub.tribunal.HearingScheduled': HearingScheduled;
}

/** Every top-level bundled schema by full name (an unknown string gives `undefined`). */
export const SCHEMAS: SchemaCatalogue<SchemaName, NamedSchema> = {
  'hub.case.CaseStatus': CaseStatusSchema,
  'hub.case.CaseUpdated': CaseUpdatedSchema,
  'hub.common.EventEnvelope': EventEnvelopeSchema,
  'hub.connector.IngestCheckpoint': IngestCheckpointSchema,
  'hub.health.EmergencyVisitRecorded': EmergencyVisitRecordedSchema,
  'hub.health.NewbornRegistered': NewbornRegisteredSchema,
  'hub.health.ProgrammeEnrolled': ProgrammeEnrolledSchema,
  'hub.identity.ChildIdentityChanged': ChildIdentityChangedSchema,
  'hub.identity.PersonObserved': PersonObservedSchema,
  'hub.identity.PersonRecord': PersonRecordSchema,
  'hub.municipal.MunicipalUpdate': MunicipalUpdateSchema,
  'hub.municipality.AlertRaised': AlertRaisedSchema,
  'hub.municipality.CaseClosed': CaseClosedSchema,
  'hub.municipality.CaseOpened': CaseOpenedSchema,
  'hub.municipality.OfficeType': OfficeTypeSchema,
  'hub.municipality.ReferralMade': ReferralMadeSchema,
  'hub.school.ChronicAbsenceAlertRaised': ChronicAbsenceAlertRaisedSchema,
  'hub.school.EnrollmentRegistered': EnrollmentRegisteredSchema,
  'hub.school.WithdrawalRegistered': WithdrawalRegisteredSchema,
  'hub.sename.AbscondmentRecorded': AbscondmentRecordedSchema,
  'hub.sename.Administration': AdministrationSchema,
  'hub.sename.AdmissionRegistered': AdmissionRegisteredSchema,
  'hub.sename.CapacityDeclared': CapacityDeclaredSchema,
  'hub.sename.CareRegime': CareRegimeSchema,
  'hub.sename.DiagnosisReported': DiagnosisReportedSchema,
  'hub.sename.EgressCause': EgressCauseSchema,
  'hub.sename.EgressDestination': EgressDestinationSchema,
  'hub.sename.EgressExecuted': EgressExecutedSchema,
  'hub.sename.EgressProposed': EgressProposedSchema,
  'hub.sename.InterventionEscalated': InterventionEscalatedSchema,
  'hub.sename.InterventionPlanCreated': InterventionPlanCreatedSchema,
  'hub.sename.InterventionPlanType': InterventionPlanTypeSchema,
  'hub.sename.ProgrammeModality': ProgrammeModalitySchema,
  'hub.tribunal.AdmissionOrderIssued': AdmissionOrderIssuedSchema,
  'hub.tribunal.CourtCaseRef': CourtCaseRefSchema,
  'hub.tribunal.DiagnosisRequested': DiagnosisRequestedSchema,
  'hub.tribunal.DiagnosisType': DiagnosisTypeSchema,
  'hub.tribunal.EgressResolved': EgressResolvedSchema,
  'hub.tribunal.HearingScheduled': HearingScheduledSchema,
};

/** The bundled schema of every event by full name: what codecs register and topics carry. */
export const EVENT_SCHEMAS: SchemaCatalogue<EventName, RecordSchema> = {
  'hub.case.CaseStatus': CaseStatusSchema,
  'hub.case.CaseUpdated': CaseUpdatedSchema,
  'hub.health.EmergencyVisitRecorded': EmergencyVisitRecordedSchema,
  'hub.health.NewbornRegistered': NewbornRegisteredSchema,
  'hub.health.ProgrammeEnrolled': ProgrammeEnrolledSchema,
  'hub.identity.ChildIdentityChanged': ChildIdentityChangedSchema,
  'hub.identity.PersonObserved': PersonObservedSchema,
  'hub.municipality.AlertRaised': AlertRaisedSchema,
  'hub.municipality.CaseClosed': CaseClosedSchema,
  'hub.municipality.CaseOpened': CaseOpenedSchema,
  'hub.municipality.ReferralMade': ReferralMadeSchema,
  'hub.school.ChronicAbsenceAlertRaised': ChronicAbsenceAlertRaisedSchema,
  'hub.school.EnrollmentRegistered': EnrollmentRegisteredSchema,
  'hub.school.WithdrawalRegistered': WithdrawalRegisteredSchema,
  'hub.sename.AbscondmentRecorded': AbscondmentRecordedSchema,
  'hub.sename.AdmissionRegistered': AdmissionRegisteredSchema,
  'hub.sename.CapacityDeclared': CapacityDeclaredSchema,
  'hub.sename.DiagnosisReported': DiagnosisReportedSchema,
  'hub.sename.EgressExecuted': EgressExecutedSchema,
  'hub.sename.EgressProposed': EgressProposedSchema,
  'hub.sename.InterventionEscalated': InterventionEscalatedSchema,
  'hub.sename.InterventionPlanCreated': InterventionPlanCreatedSchema,
  'hub.tribunal.AdmissionOrderIssued': AdmissionOrderIssuedSchema,
  'hub.tribunal.DiagnosisRequested': DiagnosisRequestedSchema,
  'hub.tribunal.EgressResolved': EgressResolvedSchema,
  'hub.tribunal.HearingScheduled': HearingScheduledSchema,
};
