import { anAdmissionOrderIssued } from '../../../test/builders/tribunal-events';
import { aNewbornRegistered } from '../../../test/builders/health-events';
import { derivePersonObserved, personObservedEventId } from './person-observed';
import { testHasher } from './test-hasher';

describe('derivePersonObserved', () => {
  it('Given a forwarded court order, When a PersonObserved is derived, Then the person is copied and the envelope keeps the source context with the person record id', () => {
    const order = anAdmissionOrderIssued({ envelope: { ...anAdmissionOrderIssued().envelope, traceId: 'trace-1' } });
    const p = derivePersonObserved(order, testHasher);
    expect(p.person).toEqual(order.person);
    expect(p.person).not.toBe(order.person);
    expect(p.envelope).toEqual({
      eventId: personObservedEventId(order.envelope, testHasher),
      sourceInstitution: 'TRIBUNAL', sourceUnit: '1301', sourceRecordId: order.person.sourceRecordId,
      occurredAt: order.envelope.occurredAt, recordedAt: order.envelope.recordedAt, schemaVersion: 1, traceId: 'trace-1',
    });
  });

  it('Given the same source event twice, When derived, Then the event id is the same UUID; another source event id gives another one', () => {
    const order = anAdmissionOrderIssued();
    const a = derivePersonObserved(order, testHasher).envelope.eventId;
    expect(derivePersonObserved(order, testHasher).envelope.eventId).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(order.envelope.eventId);
    const other = anAdmissionOrderIssued({ envelope: { ...order.envelope, eventId: 'another' } });
    expect(derivePersonObserved(other, testHasher).envelope.eventId).not.toBe(a);
  });

  it('Given a newborn without address or RUN, When derived, Then nulls are kept as nulls', () => {
    const p = derivePersonObserved(aNewbornRegistered(), testHasher);
    expect(p.person).toMatchObject({ run: null, address: null, givenNames: null, birthDate: '2024-06-01' });
  });
});
