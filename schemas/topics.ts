/**
 * Every Kafka topic of the hub, declared as data: the contract between services, next to the
 * schemas of the records it carries. `hub stack`/`hub start` create them idempotently
 * (services/platform/kafka/ensure-topics.ts). Naming: `hub.<domain>.<name>.v<major>`; each
 * topic with `deadLetter: true` gets `<topic>.dlq`.
 */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** `compact` for state topics (latest value per key); `delete` for event streams. */
  readonly cleanupPolicy: 'delete' | 'compact';
  /** -1 keeps records forever: an accepted record must never age out before it is processed. */
  readonly retentionMs: number;
  /** What the message key is; ordering is per key. */
  readonly key: string;
  /** Fully-qualified Avro record names that may appear on the topic (TopicRecordNameStrategy). */
  readonly records: readonly string[];
  readonly deadLetter: boolean;
  readonly description: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Dead letters are kept for 90 days: long enough to fix and replay, short enough to honour minimisation. */
export const DLQ_RETENTION_MS = 90 * DAY_MS;
export const DLQ_SUFFIX = '.dlq';

/** Key of every institution's event topic; see childEventKey. */
const CHILD_EVENT_KEY = '<sourceInstitution>:<person.sourceRecordId> (childEventKey): every event about one child from one institution, in order';

export const TOPICS = {
  personObserved: {
    name: 'hub.identity.person-observed.v1',
    partitions: 6,
    cleanupPolicy: 'delete',
    retentionMs: -1,
    key: 'source institution + source record id',
    records: ['hub.identity.PersonObserved'],
    deadLetter: true,
    description: 'A child as one institution knows them; input of deduplication and matching.',
  },
  identityChildren: {
    name: 'hub.identity.children.v1',
    partitions: 6,
    cleanupPolicy: 'delete',
    retentionMs: -1,
    key: '<childId>: every change of one child identity, in ledger order (a merge is published under both ids)',
    records: ['hub.identity.ChildIdentityChanged'],
    deadLetter: true,
    description: 'Child identities as the identity service resolves them: created, records linked and unlinked, merges (with redirect), splits and golden-record changes. Kept forever: a new consumer rebuilds its view from the start.',
  },
  tribunalEvents: {
    name: 'hub.tribunal.events.v1',
    partitions: 6,
    cleanupPolicy: 'delete',
    retentionMs: -1,
    key: CHILD_EVENT_KEY,
    records: [
      'hub.tribunal.AdmissionOrderIssued',
      'hub.tribunal.DiagnosisRequested',
      'hub.tribunal.HearingScheduled',
      'hub.tribunal.EgressResolved',
    ],
    deadLetter: true,
    description: 'Family, guarantee and juvenile courts: admission orders, diagnosis requests, hearings and exit resolutions, each about one child.',
  },
  senameEvents: {
    name: 'hub.sename.events.v1',
    partitions: 6,
    cleanupPolicy: 'delete',
    retentionMs: -1,
    key: CHILD_EVENT_KEY,
    records: [
      'hub.sename.AdmissionRegistered',
      'hub.sename.DiagnosisReported',
      'hub.sename.InterventionPlanCreated',
      'hub.sename.InterventionEscalated',
      'hub.sename.EgressProposed',
      'hub.sename.EgressExecuted',
      'hub.sename.AbscondmentRecorded',
    ],
    deadLetter: true,
    description: 'SENAME / Mejor Niñez centres (AADD) and collaborating bodies (OCAs): a child\'s stay from admission to exit.',
  },
  senameCapacity: {
    name: 'hub.sename.capacity.v1',
    partitions: 1,
    cleanupPolicy: 'delete',
    retentionMs: -1,
    key: 'SENAME:<programmeCode>: one programme\'s declarations in order; no child data on this topic',
    records: ['hub.sename.CapacityDeclared'],
    deadLetter: true,
    description: 'Places (plazas) each programme declares over time; the denominator of occupancy indicators. Kept apart from child events: other readers, no personal data.',
  },
  municipalityEvents: {
    name: 'hub.municipality.events.v1',
    partitions: 6,
    cleanupPolicy: 'delete',
    retentionMs: -1,
    key: CHILD_EVENT_KEY,
    records: [
      'hub.municipality.CaseOpened',
      'hub.municipality.ReferralMade',
      'hub.municipality.AlertRaised',
      'hub.municipality.CaseClosed',
    ],
    deadLetter: true,
    description: 'Municipal child-protection offices (OPD / OLN): local cases, referrals, alerts and closures.',
  },
  schoolEvents: {
    name: 'hub.school.events.v1',
    partitions: 6,
    cleanupPolicy: 'delete',
    retentionMs: -1,
    key: CHILD_EVENT_KEY,
    records: [
      'hub.school.EnrollmentRegistered',
      'hub.school.ChronicAbsenceAlertRaised',
      'hub.school.WithdrawalRegistered',
    ],
    deadLetter: true,
    description: 'Schools (by RBD): enrollments, chronic-absence alerts and withdrawals; reintegration and risk signals.',
  },
  healthEvents: {
    name: 'hub.health.events.v1',
    partitions: 6,
    cleanupPolicy: 'delete',
    retentionMs: -1,
    key: CHILD_EVENT_KEY,
    records: [
      'hub.health.EmergencyVisitRecorded',
      'hub.health.NewbornRegistered',
      'hub.health.ProgrammeEnrolled',
    ],
    deadLetter: true,
    description: 'Health establishments (by DEIS code): emergency visits with injury or maltreatment flags, newborns, programme enrollments.',
  },
  caseStatus: {
    name: 'hub.case.status.v1',
    partitions: 6,
    cleanupPolicy: 'compact',
    retentionMs: -1,
    key: '<caseId>: the latest status of each case; a null value (tombstone) removes a case that no longer exists',
    records: ['hub.case.CaseStatus'],
    deadLetter: false,
    description: 'Case status (estado del caso) derived by the case-status service from every institution\'s events on the child identity: the latest version per case, compacted. For municipal subscriptions and read models.',
  },
  caseUpdates: {
    name: 'hub.case.updates.v1',
    partitions: 6,
    cleanupPolicy: 'delete',
    retentionMs: -1,
    key: '<childId>: every update of one child\'s cases, in order',
    records: ['hub.case.CaseUpdated'],
    deadLetter: false,
    description: 'Updates of children\'s case flows: cases opened, state changes, removals, deadlines due and breached, identity merges and splits, data-quality alerts. Carries the case snapshot and the child\'s current comuna.',
  },
} as const satisfies Record<string, TopicSpec>;

/**
 * Topics private to one component, carrying records that are not events (no envelope). Created
 * like the others; no other service reads them.
 */
export const INTERNAL_TOPICS = {
  ingestCheckpoints: {
    name: 'hub.connector.checkpoints.v1',
    partitions: 1,
    cleanupPolicy: 'compact',
    retentionMs: -1,
    key: '<stream id>: the latest checkpoint of each ingest stream',
    records: ['hub.connector.IngestCheckpoint'],
    deadLetter: false,
    description: 'Ingest checkpoints, written in the same Kafka transaction as the messages they cover (file imports, HTTP intake relay).',
  },
} as const satisfies Record<string, TopicSpec>;

/**
 * Events that are not about one institution's child record: no `person` field, keyed by what they
 * are about instead (a programme; a hub child id).
 * Everything else in EVENT_SCHEMAS carries `envelope` and `person` and is keyed with childEventKey.
 */
export const NON_CHILD_EVENTS: readonly string[] = ['hub.sename.CapacityDeclared', 'hub.identity.ChildIdentityChanged', 'hub.case.CaseStatus', 'hub.case.CaseUpdated'];

/**
 * The message key of a child event on an institution's topic: `<institution>:<child's source record id>`,
 * e.g. `TRIBUNAL:NNA-000123`. `institution` is the envelope's sourceInstitution (TRIBUNAL, SENAME,
 * MUNICIPALITY, SCHOOL, HEALTH) and the id is `person.sourceRecordId`, the child's id in that
 * institution, not the id of the fact. So every event about one child from one institution lands
 * on one partition, in order. A connector whose child ids are unique only within a unit (a school,
 * a health establishment) qualifies them with the unit code first (`<unit>/<id>`).
 */
export function childEventKey(institution: string, childSourceRecordId: string): string {
  return `${institution}:${childSourceRecordId}`;
}

export function deadLetterTopicOf(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/** Every topic to create, dead-letter topics included, with the run's prefix applied. */
export function allTopicSpecs(prefix = ''): TopicSpec[] {
  const specs: TopicSpec[] = [];
  for (const t of [...Object.values(TOPICS), ...Object.values(INTERNAL_TOPICS)] as TopicSpec[]) {
    specs.push({ ...t, name: prefix + t.name });
    if (t.deadLetter) {
      specs.push({
        name: prefix + deadLetterTopicOf(t.name),
        partitions: 1,
        cleanupPolicy: 'delete',
        retentionMs: DLQ_RETENTION_MS,
        key: t.key,
        records: [],
        deadLetter: false,
        description: `Messages of ${t.name} that could not be processed, with the reason in headers.`,
      });
    }
  }
  return specs;
}

/**
 * A municipality's filtered topic (ADR 0015, docs/security/kafka.md): only the case updates routed
 * to comuna `cut` (five digits, zero-padded), keyed by child id, Avro `hub.municipal.MunicipalUpdate`.
 * `hub.municipal.` on purpose, not `hub.municipality.`: that prefix is the municipalities' INPUT
 * topic (hub.municipality.events.v1) and must never share a prefix ACL with this one.
 */
export function municipalTopic(cut: string, topicPrefix = ''): string {
  if (!/^\d{5}$/.test(cut)) throw new Error(`not a five-digit comuna code (CUT): ${cut}`);
  return `${topicPrefix}hub.municipal.${cut}.updates.v1`;
}

/**
 * Partitions and retention of a municipal topic. 30 days: long enough to cover a municipality's
 * outage or holiday, short enough for minimisation; the routed delivery log in PostgreSQL stays
 * the source a relay can re-feed from.
 */
export const MUNICIPAL_TOPIC = { partitions: 3, retentionMs: 30 * DAY_MS } as const;
