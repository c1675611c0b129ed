import { anAdmissionOrderIssued, aHearingScheduled } from '../../../test/builders/tribunal-events';
import { anEnrollmentRegistered } from '../../../test/builders/school-events';
import { aCapacityDeclared } from '../../../test/builders/sename-events';
import { anEnvelope, aChild } from '../../../test/builders/event-parts';
import { canonicalJson, uuidFromHex } from './canonical';
import { inspectEvent, type InstitutionEvent } from './institution-event';
import { testHasher } from './test-hasher';

const TRIBUNAL = new Set(['hub.tribunal.AdmissionOrderIssued', 'hub.tribunal.HearingScheduled']);
const ORDER = 'hub.tribunal.AdmissionOrderIssued';

function inspected(recordName: string, value: unknown, expected: ReadonlySet<string> = TRIBUNAL): InstitutionEvent {
  const r = inspectEvent(recordName, value, expected, testHasher);
  if (!r.ok) throw new Error(`unexpected poison ${r.poison.code}`);
  return r.event;
}

describe('canonical form', () => {
  it('Given two objects with the same fields in another order, When made canonical, Then the text is equal and keys are sorted at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: null, x: 'é' }], c: true } })).toBe(canonicalJson({ a: { c: true, d: [2, { x: 'é', y: null }] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: undefined, c: new Uint8Array([1, 255]) })).toBe('{"b":1,"c":"0x01ff"}');
  });

  it('Given arrays in another order, When made canonical, Then they differ (order is content)', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('Given a 64-hex digest, When shaped as a UUID, Then it has the version-5 and RFC variant nibbles', () => {
    expect(uuidFromHex('f'.repeat(64))).toBe('ffffffff-ffff-5fff-bfff-ffffffffffff');
    expect(() => uuidFromHex('xyz')).toThrow();
  });
});

describe('inspectEvent: what a fact is', () => {
  it('Given the same court order re-sent with a new event id, recordedAt, traceId and schemaVersion, When inspected, Then content and source record are equal', () => {
    const first = anAdmissionOrderIssued();
    const resent = anAdmissionOrderIssued({ envelope: { ...first.envelope, eventId: 'other-id', recordedAt: first.envelope.recordedAt + 86_400_000, traceId: 'req-42', schemaVersion: 2 } });
    const a = inspected(ORDER, first);
    const b = inspected(ORDER, resent);
    expect(b.contentHash).toBe(a.contentHash);
    expect(b.sourceKey).toBe(a.sourceKey);
    expect(b.personHash).toBe(a.personHash);
  });

  it('Given the same order with another occurredAt, a changed payload field or a changed person, When inspected, Then the content differs but the source record does not', () => {
    const base = inspected(ORDER, anAdmissionOrderIssued());
    const changes = [
      anAdmissionOrderIssued({ envelope: anEnvelope('TRIBUNAL', '1301', 'RES-2024-000981', { occurredAt: 1 }) }),
      anAdmissionOrderIssued({ targetModality: 'CTDL' }),
      anAdmissionOrderIssued({ person: aChild('TRIBUNAL', 'NNA-000123', { comunaCode: '13102' }) }),
    ].map((v) => inspected(ORDER, v));
    for (const c of changes) {
      expect(c.contentHash).not.toBe(base.contentHash);
      expect(c.sourceKey).toBe(base.sourceKey);
    }
    expect(changes[2]!.personHash).not.toBe(base.personHash);
    expect(changes[1]!.personHash).toBe(base.personHash);
  });

  it('Given the same record id in another unit, institution or record kind, When inspected, Then each is another source record', () => {
    const base = inspected(ORDER, anAdmissionOrderIssued());
    const otherUnit = inspected(ORDER, anAdmissionOrderIssued({ envelope: anEnvelope('TRIBUNAL', '1302', 'RES-2024-000981') }));
    const otherKind = inspected('hub.tribunal.HearingScheduled', aHearingScheduled({ envelope: anEnvelope('TRIBUNAL', '1301', 'RES-2024-000981') }));
    const otherInstitution = inspected(ORDER, anAdmissionOrderIssued({ envelope: anEnvelope('SENAME', '1301', 'RES-2024-000981') }));
    expect(new Set([base, otherUnit, otherKind, otherInstitution].map((e) => e.sourceKey)).size).toBe(4);
  });

  it('Given a school event, When inspected, Then the person key is the institution and the person record id (not the fact id)', () => {
    const e = inspected('hub.school.EnrollmentRegistered', anEnrollmentRegistered(), new Set(['hub.school.EnrollmentRegistered']));
    expect(e.personKey).toEqual({ institution: 'SCHOOL', personRecordId: anEnrollmentRegistered().person.sourceRecordId });
  });

  it('Given a record that is not a child event of the topic, no envelope, or no person, When inspected, Then it is poison with a code and field but no values', () => {
    const capacity = inspectEvent('hub.sename.CapacityDeclared', aCapacityDeclared(), TRIBUNAL, testHasher);
    expect(capacity).toEqual({ ok: false, poison: expect.objectContaining({ code: 'UNEXPECTED_RECORD' }) });
    const noEnvelope = inspectEvent(ORDER, { ...anAdmissionOrderIssued(), envelope: null }, TRIBUNAL, testHasher);
    expect(noEnvelope).toEqual({ ok: false, poison: expect.objectContaining({ code: 'ENVELOPE_MISSING', field: 'envelope' }) });
    const emptyId = inspectEvent(ORDER, anAdmissionOrderIssued({ envelope: anEnvelope('TRIBUNAL', '1301', 'R', { eventId: '' }) }), TRIBUNAL, testHasher);
    expect(emptyId.ok).toBe(false);
    const noPerson = inspectEvent(ORDER, { ...anAdmissionOrderIssued(), person: null }, TRIBUNAL, testHasher);
    expect(noPerson).toEqual({ ok: false, poison: expect.objectContaining({ code: 'PERSON_MISSING', field: 'person' }) });
    expect(JSON.stringify([noEnvelope, noPerson])).not.toContain('Amanda');
  });
});
