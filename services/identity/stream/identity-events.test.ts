import * as avro from 'avsc';
import { ChildIdentityChangedSchema } from '../../../schemas';
import { buildGoldenRecord } from '../domain/golden-record';
import { aPersonObserved } from '../../../test/builders/person-observed';
import { buildIdentityEvent, identityEventId } from './identity-events';

const type = avro.Type.forSchema(ChildIdentityChangedSchema as avro.Schema);

describe('Identity events', () => {
  const person = aPersonObserved().person;
  const golden = buildGoldenRecord([{ recordKey: 'TRIBUNAL|T-0001', institution: 'TRIBUNAL', observedAt: Date.UTC(2024, 2, 1), person }]);
  const input = {
    childId: 'NNA-0000000000000000000000TEST', kind: 'CREATED' as const, status: 'active' as const, affectedRecordKeys: ['TRIBUNAL|T-0001'],
    recordKeys: ['TRIBUNAL|T-0001'], underReview: false, golden, ledgerSeq: '42', actor: 'engine', reason: 'new-child', modelVersion: 'm1',
    causeId: 'TRIBUNAL:T-0001:1', occurredAt: Date.UTC(2024, 2, 1), recordedAt: Date.UTC(2024, 2, 1, 0, 0, 1),
  };

  it('Given a created identity, When its event is built, Then it is valid Avro with the golden values and their provenance', () => {
    const e = buildIdentityEvent(input);
    expect(type.isValid(e)).toBe(true);
    expect(e.golden).toMatchObject({ run: '12345678-5', birthDate: '2014-05-09', comunaCode: '13101', sex: 'F' });
    expect(e.golden!.provenance.find((p) => p.field === 'comunaCode')).toEqual({ field: 'comunaCode', source: 'TRIBUNAL', recordKey: 'TRIBUNAL|T-0001', observedAt: Date.UTC(2024, 2, 1) });
    expect(e).toMatchObject({ childId: input.childId, status: 'ACTIVE', ledgerSeq: 42, envelope: { sourceInstitution: 'HUB', sourceRecordId: input.childId } });
  });

  it('Given the same cause, When built again (a replay), Then the event id is the same; another kind or child gives another id', () => {
    expect(buildIdentityEvent(input).envelope.eventId).toBe(buildIdentityEvent({ ...input, recordedAt: 0 }).envelope.eventId);
    expect(identityEventId('c', 'NNA-A', 'CREATED')).not.toBe(identityEventId('c', 'NNA-A', 'RECORD_LINKED'));
    expect(identityEventId('c', 'NNA-A', 'CREATED')).not.toBe(identityEventId('c', 'NNA-B', 'CREATED'));
  });

  it('Given a merged identity, When its event is built, Then it redirects and carries neither records nor golden record', () => {
    const e = buildIdentityEvent({ ...input, kind: 'MERGED', status: 'merged', mergedInto: 'NNA-SURVIVOR' });
    expect(type.isValid(e)).toBe(true);
    expect(e).toMatchObject({ status: 'MERGED', mergedInto: 'NNA-SURVIVOR', recordKeys: [], golden: null });
  });
});
