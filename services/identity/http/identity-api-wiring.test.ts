import * as avro from 'avsc';
import { aRecord } from '../../../test/builders/identity-corrections';
import { ChildIdentityChangedSchema } from '../../../schemas/generated/child-identity-changed.v1';
import { buildGoldenRecord, DEFAULT_SURVIVORSHIP_POLICY } from '../domain/golden-record';
import type { CorrectionEvent } from '../store/corrections-events';
import { buildIdentityEvent } from '../stream/identity-events';
import { toIdentityEventInput } from './identity-api-wiring';

const event = (over: Partial<CorrectionEvent> = {}): CorrectionEvent => ({
  childId: 'NNA-B', kind: 'RECORD_LINKED', status: 'ACTIVE', affectedRecordKeys: ['HEALTH|H1'], recordKeys: ['HEALTH|H1', 'TRIBUNAL|T1'],
  mergedInto: null, mergedFrom: ['NNA-A'], relatedChildIds: [], underReview: false,
  golden: buildGoldenRecord([aRecord('HEALTH|H1'), aRecord('TRIBUNAL|T1')], DEFAULT_SURVIVORSHIP_POLICY),
  ledgerSeq: '42', eventId: 'req-1:42', causeId: 'req-1', occurredAt: Date.UTC(2024, 0, 2), actor: 'user:0123456789abcdef', reason: 'duplicado', modelVersion: null,
  ...over,
});

describe('correction events on the identity topic', () => {
  const type = avro.Type.forSchema(ChildIdentityChangedSchema as avro.Schema);

  it('Given a correction event, When built with the stream\'s builder, Then it is a valid ChildIdentityChanged with the correction\'s ids', () => {
    const e = buildIdentityEvent(toIdentityEventInput(event(), Date.UTC(2024, 0, 2, 0, 0, 1)));
    expect(type.isValid(e)).toBe(true);
    expect(e).toMatchObject({ childId: 'NNA-B', kind: 'RECORD_LINKED', status: 'ACTIVE', mergedFrom: ['NNA-A'], ledgerSeq: 42, actor: 'user:0123456789abcdef' });
    expect(e.envelope).toMatchObject({ sourceInstitution: 'HUB', sourceRecordId: 'NNA-B', occurredAt: Date.UTC(2024, 0, 2) });
    expect(e.golden?.run).toBe('12345678-5');
  });

  it('Given a merge event, When built, Then the merged identity carries its survivor and no golden record', () => {
    const e = buildIdentityEvent(toIdentityEventInput(event({ childId: 'NNA-A', kind: 'MERGED', status: 'MERGED', mergedInto: 'NNA-B', mergedFrom: [], golden: null, recordKeys: [] }), 0));
    expect(type.isValid(e)).toBe(true);
    expect(e).toMatchObject({ status: 'MERGED', mergedInto: 'NNA-B', golden: null, recordKeys: [] });
  });
});
