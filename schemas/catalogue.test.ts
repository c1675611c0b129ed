import * as avro from 'avsc';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aPersonObserved } from '../test/builders/person-observed';
import { aCaseStatus, aCaseUpdated } from '../test/builders/case-status-events';
import { anAdmissionOrderIssued, aDiagnosisRequested, aHearingScheduled, anEgressResolved } from '../test/builders/tribunal-events';
import {
  anAbscondmentRecorded, anAdmissionRegistered, aCapacityDeclared, aDiagnosisReported, anEgressExecuted, anEgressProposed,
  anInterventionEscalated, anInterventionPlanCreated,
} from '../test/builders/sename-events';
import { aCaseClosed, aCaseOpened, anAlertRaised, aReferralMade } from '../test/builders/municipality-events';
import { aChronicAbsenceAlertRaised, anEnrollmentRegistered, aWithdrawalRegistered } from '../test/builders/school-events';
import { anEmergencyVisitRecorded, aNewbornRegistered, aProgrammeEnrolled } from '../test/builders/health-events';
import { aChildIdentityChanged } from '../test/builders/identity-events';
import { EVENT_SCHEMAS, type EventName, type EventTypes, type RecordSchema } from './index';
import { NON_CHILD_EVENTS, TOPICS, childEventKey, type TopicSpec } from './topics';
import { isJsonObject, type JsonObject, type JsonValue } from './tools/json';
import { loadSources } from './tools/loader';
import { readSourceFiles, schemaPaths } from './tools/workspace';

/**
 * The event catalogue as a whole: which events exist, what every child event carries, which topic
 * each one travels on, and the conventions every schema follows. Per-event samples come from the
 * synthetic builders in test/builders/.
 */
const topics = Object.values(TOPICS) as readonly TopicSpec[];
const eventNames = Object.keys(EVENT_SCHEMAS) as EventName[];
const schemaOf = (name: string): RecordSchema => EVENT_SCHEMAS[name] as RecordSchema;
const fieldsOf = (name: string): readonly { name: string }[] => schemaOf(name).fields;

/** One sample per event; the mapped type makes a new event without a sample a type error. */
const SAMPLES: { readonly [N in EventName]: EventTypes[N] } = {
  'hub.identity.PersonObserved': aPersonObserved(),
  'hub.identity.ChildIdentityChanged': aChildIdentityChanged(),
  'hub.tribunal.AdmissionOrderIssued': anAdmissionOrderIssued(),
  'hub.tribunal.DiagnosisRequested': aDiagnosisRequested(),
  'hub.tribunal.HearingScheduled': aHearingScheduled(),
  'hub.tribunal.EgressResolved': anEgressResolved(),
  'hub.sename.AdmissionRegistered': anAdmissionRegistered(),
  'hub.sename.DiagnosisReported': aDiagnosisReported(),
  'hub.sename.InterventionPlanCreated': anInterventionPlanCreated(),
  'hub.sename.InterventionEscalated': anInterventionEscalated(),
  'hub.sename.EgressProposed': anEgressProposed(),
  'hub.sename.EgressExecuted': anEgressExecuted(),
  'hub.sename.AbscondmentRecorded': anAbscondmentRecorded(),
  'hub.sename.CapacityDeclared': aCapacityDeclared(),
  'hub.municipality.CaseOpened': aCaseOpened(),
  'hub.municipality.ReferralMade': aReferralMade(),
  'hub.municipality.AlertRaised': anAlertRaised(),
  'hub.municipality.CaseClosed': aCaseClosed(),
  'hub.school.EnrollmentRegistered': anEnrollmentRegistered(),
  'hub.school.ChronicAbsenceAlertRaised': aChronicAbsenceAlertRaised(),
  'hub.school.WithdrawalRegistered': aWithdrawalRegistered(),
  'hub.health.EmergencyVisitRecorded': anEmergencyVisitRecorded(),
  'hub.health.NewbornRegistered': aNewbornRegistered(),
  'hub.health.ProgrammeEnrolled': aProgrammeEnrolled(),
  'hub.case.CaseStatus': aCaseStatus(),
  'hub.case.CaseUpdated': aCaseUpdated(),
};

describe('Event catalogue: what every event carries', () => {
  const childEvents = eventNames.filter((n) => !NON_CHILD_EVENTS.includes(n));

  it('Given every child event, When its fields are read, Then it starts with envelope: EventEnvelope and person: PersonRecord', () => {
    expect(childEvents.length).toBeGreaterThanOrEqual(22);
    for (const name of childEvents) {
      const [envelope, person] = (avro.Type.forSchema(schemaOf(name)) as avro.types.RecordType).fields;
      expect({ name, envelope: envelope?.name, person: person?.name }).toEqual({ name, envelope: 'envelope', person: 'person' });
      expect({ name, types: [envelope?.type.name, person?.type.name] })
        .toEqual({ name, types: ['hub.common.EventEnvelope', 'hub.identity.PersonRecord'] });
    }
  });

  it('Given the documented non-child events, When their fields are read, Then they are events (envelope) with no person', () => {
    expect(NON_CHILD_EVENTS).toEqual(['hub.sename.CapacityDeclared', 'hub.identity.ChildIdentityChanged', 'hub.case.CaseStatus', 'hub.case.CaseUpdated']);
    for (const name of NON_CHILD_EVENTS) {
      expect(eventNames).toContain(name);
      expect(fieldsOf(name).map((f) => f.name)).toContain('envelope');
      expect(fieldsOf(name).map((f) => f.name)).not.toContain('person');
    }
  });
});

describe('Event catalogue: topics', () => {
  it('Given every topic, When its records are looked up, Then each is an event of EVENT_SCHEMAS in the topic\'s own namespace', () => {
    for (const topic of topics) {
      const domain = topic.name.split('.')[1];
      expect(topic.records.length).toBeGreaterThan(0);
      for (const record of topic.records) {
        expect({ topic: topic.name, record, known: Object.prototype.hasOwnProperty.call(EVENT_SCHEMAS, record) })
          .toEqual({ topic: topic.name, record, known: true });
        expect(record.startsWith(`hub.${domain}.`)).toBe(true);
      }
    }
  });

  it('Given EVENT_SCHEMAS, When topics are searched, Then every event travels on exactly one topic', () => {
    for (const name of eventNames) {
      const carriers = topics.filter((t) => t.records.includes(name)).map((t) => t.name);
      expect({ name, carriers: carriers.length }).toEqual({ name, carriers: 1 });
    }
  });

  it('Given the institution event topics, When declared, Then each is a child-keyed, kept-forever, dead-lettered stream of 6 partitions', () => {
    const institutions = ['tribunal', 'sename', 'municipality', 'school', 'health'];
    expect(institutions.map((i) => topics.find((t) => t.name === `hub.${i}.events.v1`)?.name)).toEqual(institutions.map((i) => `hub.${i}.events.v1`));
    for (const topic of topics.filter((t) => t.name.endsWith('.events.v1'))) {
      expect(topic).toMatchObject({ partitions: 6, cleanupPolicy: 'delete', retentionMs: -1, deadLetter: true });
      expect(topic.key).toContain('person.sourceRecordId');
      expect(topic.records.some((r) => NON_CHILD_EVENTS.includes(r))).toBe(false);
    }
  });

  it('Given capacity declarations, When declared, Then they have their own programme-keyed topic kept forever', () => {
    expect(TOPICS.senameCapacity).toMatchObject({
      name: 'hub.sename.capacity.v1', cleanupPolicy: 'delete', retentionMs: -1, deadLetter: true, records: ['hub.sename.CapacityDeclared'],
    });
    expect(TOPICS.senameCapacity.key).toContain('programmeCode');
  });

  it('Given a child event, When its key is built, Then it is the institution and the child\'s source record id, not the fact\'s id', () => {
    const event = anAdmissionOrderIssued();
    expect(childEventKey(event.envelope.sourceInstitution, event.person.sourceRecordId)).toBe('TRIBUNAL:NNA-000123');
    expect(childEventKey('HEALTH', aNewbornRegistered().person.sourceRecordId)).toBe('HEALTH:999123/RN-000123');
  });
});

describe('Event catalogue: samples round-trip through avsc', () => {
  it.each(eventNames)('Given a synthetic %s, When encoded and decoded with its bundled schema, Then the content is identical', (name) => {
    const type = avro.Type.forSchema(schemaOf(name));
    const sample = SAMPLES[name];
    const problems: string[] = [];
    type.isValid(sample, { errorHook: (path) => problems.push(path.join('.')) });
    expect(problems).toEqual([]);
    const decoded: unknown = type.fromBuffer(type.toBuffer(sample));
    expect(decoded).toEqual(sample);
  });

  it('Given a child event with every optional value missing, When round-tripped, Then the nulls survive', () => {
    const sparse = anAdmissionRegistered({
      person: { ...anAdmissionRegistered().person, run: null, givenNames: null, birthDate: null, sex: null, address: null },
      collaboratingInstitutionCode: null, courtCase: null, admissionKind: 'EXTRAJUDICIAL', siblingGroupRef: null,
    });
    const type = avro.Type.forSchema(schemaOf('hub.sename.AdmissionRegistered'));
    expect(type.fromBuffer(type.toBuffer(sparse))).toEqual(sparse);
  });

  it('Given an event missing a required field, When validated, Then avsc rejects it', () => {
    const { caseId: _dropped, ...incomplete } = anEgressExecuted();
    expect(avro.Type.forSchema(schemaOf('hub.sename.EgressExecuted')).isValid(incomplete)).toBe(false);
  });

  it('Given an enum value written by a newer version, When read with a schema whose enum has a default, Then it becomes OTRO', () => {
    const current = schemaOf('hub.sename.EgressExecuted');
    const newer = JSON.parse(JSON.stringify(current).replace('"FAMILIA_ORIGEN",', '"FAMILIA_ORIGEN","FAMILIA_NUEVA",')) as RecordSchema;
    const writer = avro.Type.forSchema(newer);
    const reader = avro.Type.forSchema(current);
    const written = writer.toBuffer({ ...anEgressExecuted(), destination: 'FAMILIA_NUEVA' });
    expect((reader.fromBuffer(written, reader.createResolver(writer)) as { destination: string }).destination).toBe('OTRO');
  });
});

describe('Event catalogue: conventions of every schema', () => {
  const set = loadSources(readSourceFiles(schemaPaths().avro));
  const defs = [...set.types.values()];

  it('Given every named type and field, When read, Then each has an English doc', () => {
    const missing = [
      ...defs.filter((d) => !hasDoc(d.json)).map((d) => d.fullName),
      ...recordFields(defs).filter(({ field }) => !hasDoc(field)).map(({ where }) => where),
    ];
    expect(missing).toEqual([]);
  });

  it('Given every enum, When read, Then its symbols are upper-case ASCII and a default, if any, is the catch-all OTRO', () => {
    for (const def of defs.filter((d) => d.kind === 'enum')) {
      const symbols = def.json['symbols'] as string[];
      expect({ enum: def.fullName, bad: symbols.filter((s) => !/^[A-Z][A-Z0-9_]*$/.test(s)) }).toEqual({ enum: def.fullName, bad: [] });
      const fallback = def.json['default'];
      if (fallback !== undefined) expect({ enum: def.fullName, fallback, last: symbols.at(-1) }).toEqual({ enum: def.fullName, fallback: 'OTRO', last: 'OTRO' });
    }
  });

  it('Given every field, When its name says instant or date, Then instants are timestamp-millis longs and dates YYYY-MM-DD strings', () => {
    const wrong: string[] = [];
    for (const { field, where } of recordFields(defs)) {
      const name = String(field['name']);
      const type = nonNull(field['type'] ?? null);
      if (name.endsWith('At') && !(isJsonObject(type) && type['type'] === 'long' && type['logicalType'] === 'timestamp-millis')) wrong.push(where);
      if (/(Date|^validFrom|^validTo)$/.test(name) && type !== 'string') wrong.push(where);
      if (/(Date|^validFrom|^validTo)$/.test(name) && !String(field['doc']).includes('YYYY-MM-DD')) wrong.push(`${where} (doc)`);
    }
    expect(wrong).toEqual([]);
  });

  it('Given every nullable field, When read, Then it is ["null", T] with default null', () => {
    const wrong = recordFields(defs)
      .filter(({ field }) => Array.isArray(field['type']))
      .filter(({ field }) => (field['type'] as JsonValue[])[0] !== 'null' || field['default'] !== null)
      .map(({ where }) => where);
    expect(wrong).toEqual([]);
  });

  it('Given schemas/README.md, When its catalogue table is read, Then every event is listed with its topic', () => {
    const readme = readFileSync(join(schemaPaths().root, 'README.md'), 'utf8');
    for (const topic of topics) {
      for (const record of topic.records) {
        const row = readme.split('\n').find((line) => line.startsWith('|') && line.includes(`\`${record}\``));
        expect({ record, row: row?.includes(topic.name) ?? false }).toEqual({ record, row: true });
      }
    }
  });
});

function hasDoc(json: JsonObject): boolean {
  return typeof json['doc'] === 'string' && json['doc'].trim().length > 0;
}

function recordFields(defs: readonly { kind: string; fullName: string; json: JsonObject }[]): { field: JsonObject; where: string }[] {
  return defs.filter((d) => d.kind === 'record').flatMap((d) =>
    (d.json['fields'] as JsonObject[]).map((field) => ({ field, where: `${d.fullName}.${String(field['name'])}` })));
}

function nonNull(type: JsonValue): JsonValue {
  return Array.isArray(type) ? (type.find((b) => b !== 'null') ?? null) : type;
}
