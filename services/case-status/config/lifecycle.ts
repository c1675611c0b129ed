import type { CaseState, EventTransition, FromState, LifecycleTable, StateDefinition } from '../domain/lifecycle/types';

/**
 * The case lifecycle as data (domain.md §3.2–3.5), interpreted by domain/lifecycle/machine.ts.
 * Change the process here, not in code. Record names are the hub's Avro event names.
 */
const S = (id: CaseState, code: string, es: string, en: string, active: boolean, postDischarge = false): StateDefinition =>
  ({ id, code, es, en, active, postDischarge });

export const STATES: readonly StateDefinition[] = [
  S('REFERRAL_ORDERED', 'S0', 'Orden de ingreso', 'Referral ordered', false),
  S('ADMITTED_PROVISIONAL', 'S1', 'Ingreso extrajudicial', 'Admitted provisionally (extrajudicial)', true),
  S('ADMITTED', 'S2', 'Ingresado', 'Admitted', true),
  S('IN_RECEPTION', 'S3', 'En acogida', 'In reception', true),
  S('IN_DIAGNOSIS', 'S4', 'En diagnóstico', 'In diagnosis', true),
  S('REPORTED_TO_COURT', 'S5', 'Informado al tribunal', 'Reported to court', true),
  S('IN_INTERVENTION_BRIEF', 'S6', 'En intervención breve', 'In brief intervention', true),
  S('IN_INTERVENTION_SPECIALISED', 'S7', 'En intervención especializada', 'In specialised intervention', true),
  S('EGRESS_PROPOSED', 'S8', 'Propuesta de egreso', 'Egress proposed', true),
  S('EGRESS_ORDERED', 'S9', 'Egreso ordenado', 'Egress ordered', true),
  S('DISCHARGED', 'S10', 'Egresado', 'Discharged', false, true),
  S('IN_FOLLOW_UP', 'S11', 'En seguimiento', 'In follow-up', false, true),
  S('CLOSED', 'S12', 'Cerrado', 'Closed', false, true),
];

/** Every state in which the child is in the programme. */
const ACTIVE: readonly CaseState[] = STATES.filter((s) => s.active).map((s) => s.id);
const BEFORE_DIAGNOSIS: readonly FromState[] = ['ADMITTED_PROVISIONAL', 'ADMITTED', 'IN_RECEPTION'];
const INTERVENTION: readonly FromState[] = ['IN_INTERVENTION_BRIEF', 'IN_INTERVENTION_SPECIALISED'];
const DIAGNOSTIC = ['CTDL', 'CTD', 'CTDE', 'CTD_14_16', 'COD'] as const;

const T = (t: EventTransition): EventTransition => t;

export const TRANSITIONS: readonly EventTransition[] = [
  // Court: order, regularisation, requests, resolutions.
  T({ id: 'ORDER', trigger: 'hub.tribunal.AdmissionOrderIssued', from: ['NONE'], to: 'REFERRAL_ORDERED', institutions: ['TRIBUNAL'],
    es: 'Tribunal emite orden de ingreso', en: 'Court orders admission' }),
  T({ id: 'REGULARISE', trigger: 'hub.tribunal.AdmissionOrderIssued', from: ['ADMITTED_PROVISIONAL'], to: 'ADMITTED', institutions: ['TRIBUNAL'],
    es: 'Tribunal regulariza ingreso extrajudicial', en: 'Court regularises an extrajudicial admission' }),
  T({ id: 'ORDER_CONTEXT', trigger: 'hub.tribunal.AdmissionOrderIssued', from: ['REFERRAL_ORDERED', ...ACTIVE.filter((s) => s !== 'ADMITTED_PROVISIONAL')], to: null,
    institutions: ['TRIBUNAL'], es: 'Orden sobre un caso ya abierto', en: 'Order on an open case' }),
  T({ id: 'DIAGNOSIS_REQUEST', trigger: 'hub.tribunal.DiagnosisRequested', from: BEFORE_DIAGNOSIS, to: 'IN_DIAGNOSIS', institutions: ['TRIBUNAL'],
    es: 'Tribunal solicita diagnóstico o pericia', en: 'Court requests a diagnosis' }),
  T({ id: 'DIAGNOSIS_REQUEST_CONTEXT', trigger: 'hub.tribunal.DiagnosisRequested',
    from: ['REFERRAL_ORDERED', 'IN_DIAGNOSIS', 'REPORTED_TO_COURT', ...INTERVENTION, 'EGRESS_PROPOSED'], to: null, institutions: ['TRIBUNAL'],
    es: 'Solicitud antes del ingreso o pericia adicional', en: 'Request before admission, or an additional report' }),
  T({ id: 'HEARING', trigger: 'hub.tribunal.HearingScheduled', from: ['REFERRAL_ORDERED', ...ACTIVE], to: null, institutions: ['TRIBUNAL'],
    es: 'Citación a audiencia (fija plazo de informe)', en: 'Hearing scheduled (sets the report deadline)' }),
  T({ id: 'RESOLVE_EGRESS', trigger: 'hub.tribunal.EgressResolved', from: ['EGRESS_PROPOSED', 'REPORTED_TO_COURT'], to: 'EGRESS_ORDERED',
    guards: [{ field: 'details.decision', in: ['ACOGE', 'MODIFICA', 'DE_OFICIO'] }], institutions: ['TRIBUNAL'],
    es: 'Tribunal resuelve el egreso', en: 'Court orders the egress' }),
  T({ id: 'RESOLVE_EGRESS_DE_OFICIO', trigger: 'hub.tribunal.EgressResolved', from: ACTIVE, to: 'EGRESS_ORDERED',
    guards: [{ field: 'details.decision', in: ['DE_OFICIO'] }], institutions: ['TRIBUNAL'],
    es: 'Tribunal ordena el egreso de oficio', en: 'Court orders the egress on its own motion' }),
  T({ id: 'REJECT_EGRESS', trigger: 'hub.tribunal.EgressResolved', from: ['EGRESS_PROPOSED'], to: null,
    guards: [{ field: 'details.decision', in: ['RECHAZA'] }], institutions: ['TRIBUNAL'],
    es: 'Tribunal rechaza la propuesta; el niño permanece', en: 'Court rejects the proposal; the child stays' }),

  // Programme (SENAME AADD or OCA).
  T({ id: 'ADMIT_EXTRAJUDICIAL', trigger: 'hub.sename.AdmissionRegistered', from: ['NONE'], to: 'ADMITTED_PROVISIONAL',
    guards: [{ field: 'details.admissionKind', in: ['EXTRAJUDICIAL'] }], institutions: ['SENAME'],
    es: 'Ingreso extrajudicial (Carabineros); informar al tribunal en 48 h', en: 'Extrajudicial admission; inform the court within 48 h' }),
  T({ id: 'ADMIT', trigger: 'hub.sename.AdmissionRegistered', from: ['NONE', 'REFERRAL_ORDERED'], to: 'ADMITTED',
    guards: [{ field: 'details.admissionKind', notIn: ['EXTRAJUDICIAL'] }], institutions: ['SENAME'],
    es: 'Centro registra el ingreso', en: 'Centre registers the admission' }),
  T({ id: 'DIAGNOSIS_REPORT', trigger: 'hub.sename.DiagnosisReported', from: ['IN_DIAGNOSIS', ...BEFORE_DIAGNOSIS], to: 'REPORTED_TO_COURT',
    institutions: ['SENAME'], es: 'Centro envía informe diagnóstico al tribunal', en: 'Centre sends the diagnosis report to court' }),
  T({ id: 'DIAGNOSIS_REPORT_CONTEXT', trigger: 'hub.sename.DiagnosisReported', from: ['REPORTED_TO_COURT', ...INTERVENTION, 'EGRESS_PROPOSED', 'EGRESS_ORDERED'],
    to: null, institutions: ['SENAME'], es: 'Informe adicional o periódico', en: 'Additional or periodic report' }),
  T({ id: 'PLAN_BRIEF', trigger: 'hub.sename.InterventionPlanCreated', from: ['REPORTED_TO_COURT'], to: 'IN_INTERVENTION_BRIEF',
    guards: [{ field: 'details.planType', in: ['BREVE'] }], institutions: ['SENAME'],
    es: 'PII de intervención breve (3 meses)', en: 'Brief intervention plan (3 months)' }),
  T({ id: 'PLAN_SPECIALISED', trigger: 'hub.sename.InterventionPlanCreated', from: ['REPORTED_TO_COURT', 'IN_INTERVENTION_BRIEF'], to: 'IN_INTERVENTION_SPECIALISED',
    guards: [{ field: 'details.planType', notIn: ['BREVE'] }], institutions: ['SENAME'],
    es: 'PII de intervención especializada (hasta 6 meses)', en: 'Specialised intervention plan (up to 6 months)' }),
  T({ id: 'PLAN_WITHOUT_DIAGNOSIS', trigger: 'hub.sename.InterventionPlanCreated', from: BEFORE_DIAGNOSIS, to: 'IN_INTERVENTION_SPECIALISED',
    guards: [{ field: 'case.modality', notIn: [...DIAGNOSTIC] }], institutions: ['SENAME'],
    es: 'PII sin etapa diagnóstica (CERECO: 10 días; residencias y programas)', en: 'Plan with no diagnostic stage (CERECO within 10 days; residences, programmes)' }),
  T({ id: 'PLAN_CONTEXT', trigger: 'hub.sename.InterventionPlanCreated', from: ['IN_INTERVENTION_SPECIALISED'], to: null, institutions: ['SENAME'],
    es: 'Nuevo PII o revisión', en: 'New plan or revision' }),
  T({ id: 'ESCALATE', trigger: 'hub.sename.InterventionEscalated', from: ['IN_INTERVENTION_BRIEF'], to: 'IN_INTERVENTION_SPECIALISED', institutions: ['SENAME'],
    es: 'Escalamiento de breve a especializada', en: 'Escalation from brief to specialised' }),
  T({ id: 'PROPOSE_EGRESS', trigger: 'hub.sename.EgressProposed', from: ['REPORTED_TO_COURT', ...INTERVENTION], to: 'EGRESS_PROPOSED', institutions: ['SENAME'],
    es: 'Centro propone el egreso al tribunal', en: 'Centre proposes the egress to court' }),
  T({ id: 'PROPOSE_EARLY_EGRESS', trigger: 'hub.sename.EgressProposed', from: [...BEFORE_DIAGNOSIS, 'IN_DIAGNOSIS'], to: 'EGRESS_PROPOSED',
    guards: [{ field: 'details.cause', in: ['PERFIL_NO_CORRESPONDE'] }], institutions: ['SENAME'],
    es: 'Egreso anticipado: perfil no corresponde', en: 'Early egress: profile does not fit' }),
  T({ id: 'PROPOSE_AGAIN', trigger: 'hub.sename.EgressProposed', from: ['EGRESS_PROPOSED'], to: null, institutions: ['SENAME'],
    es: 'Nueva propuesta tras rechazo', en: 'New proposal after a rejection' }),
  T({ id: 'EXECUTE_EGRESS', trigger: 'hub.sename.EgressExecuted', from: ['EGRESS_ORDERED'], to: 'DISCHARGED', institutions: ['SENAME'],
    es: 'Centro ejecuta el egreso (causal y destino)', en: 'Centre executes the egress (cause and destination)' }),
  T({ id: 'EXECUTE_EGRESS_REFERRAL', trigger: 'hub.sename.EgressExecuted', from: ACTIVE, to: 'DISCHARGED',
    guards: [{ field: 'case.admissionKind', in: ['DERIVACION'] }], institutions: ['SENAME'],
    es: 'Egreso de un programa ingresado por derivación (sin orden judicial)', en: 'Egress from a programme entered by referral (no court order)' }),
  T({ id: 'ABSCOND', trigger: 'hub.sename.AbscondmentRecorded', from: ACTIVE, to: 'DISCHARGED', institutions: ['SENAME'],
    es: 'Fuga o abandono (egreso no planificado)', en: 'Abscondment (unplanned exit)' }),
];

export const LIFECYCLE: LifecycleTable = {
  states: STATES,
  transitions: TRANSITIONS,
  automatic: [
    { id: 'START_DIAGNOSIS', from: 'ADMITTED', to: 'IN_DIAGNOSIS', afterDays: 0, guards: [{ field: 'case.pendingDiagnosisRequest', in: [true] }],
      institutions: ['HUB'], es: 'Diagnóstico ya solicitado al ingresar', en: 'Diagnosis already requested at admission' },
    { id: 'START_FOLLOW_UP', from: 'DISCHARGED', to: 'IN_FOLLOW_UP', afterDays: 0, guards: [{ field: 'case.followUpApplies', in: [true] }],
      institutions: ['HUB'], es: 'Seguimiento (familia o vida independiente)', en: 'Follow-up (family or independent living)' },
    { id: 'CLOSE_NO_FOLLOW_UP', from: 'DISCHARGED', to: 'CLOSED', afterDays: 0,
      guards: [{ field: 'case.followUpApplies', in: [false] }, { field: 'case.exitKind', in: ['PLANNED'] }],
      institutions: ['HUB'], es: 'Cierre: egreso sin seguimiento', en: 'Closed: exit with no follow-up' },
    { id: 'CLOSE_AFTER_ABSCONDMENT', from: 'DISCHARGED', to: 'CLOSED', afterDays: 'ABSCONDMENT_REOPEN', guards: [{ field: 'case.exitKind', in: ['UNPLANNED'] }],
      institutions: ['HUB'], es: 'Cierre tras fuga o abandono sin retorno', en: 'Closed after an abscondment with no return' },
    { id: 'CLOSE_FOLLOW_UP', from: 'IN_FOLLOW_UP', to: 'CLOSED', afterDays: 'FOLLOW_UP',
      institutions: ['HUB'], es: 'Fin del seguimiento', en: 'End of follow-up' },
  ],
  followUp: [
    // CTDL: only the family-of-origin line is followed up, about 3 months.
    { modalities: ['CTDL'], destinations: ['FAMILIA_ORIGEN'], days: 90 },
    // CTD / CTDE: family or independent living, 1–3 months; the hub keeps the case open for the upper bound.
    { modalities: ['CTD', 'CTDE'], destinations: ['FAMILIA_ORIGEN', 'FAMILIA_EXTENDIDA', 'FAMILIA_ADOPTIVA', 'FAMILIA_SUSTITUTA', 'VIDA_INDEPENDIENTE'], days: 90 },
  ],
  diagnosticModalities: [...DIAGNOSTIC],
  abscondmentReopenDays: 30,
  signalRecords: [
    'hub.municipality.CaseOpened', 'hub.municipality.ReferralMade', 'hub.municipality.AlertRaised', 'hub.municipality.CaseClosed',
    'hub.school.EnrollmentRegistered', 'hub.school.WithdrawalRegistered', 'hub.school.ChronicAbsenceAlertRaised',
    'hub.health.EmergencyVisitRecorded', 'hub.health.NewbornRegistered', 'hub.health.ProgrammeEnrolled',
  ],
};
