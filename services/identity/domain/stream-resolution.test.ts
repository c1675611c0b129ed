import { aPersonObserved } from '../../../test/builders/person-observed';
import type { PersonRecord } from '../../../schemas/generated/person-record.v1';
import { DEFAULT_MODEL, normalisePerson, type MatchDecision, type PairExplanation } from './matching';
import { keysOf, ResolutionWorld, type ObservedRecord } from './stream-resolution';

const ids = { childId: (e: string) => `NNA-${e}`, taskId: (e: string) => `RT-${e}` };

function obs(eventId: string, person: Partial<PersonRecord>, occurredAt = Date.UTC(2024, 0, 1)): ObservedRecord {
  const p = aPersonObserved({ person }).person;
  const normalised = normalisePerson(p);
  return { eventId, institution: p.source, occurredAt, person: p, normalised, keys: keysOf(normalised, DEFAULT_MODEL) };
}

const explanation = (recordKey: string, weight: number): PairExplanation => ({ recordKey, weight, probability: 0.5, fields: [], rules: [] });

describe('Stream resolution (pure)', () => {
  it('Given two records of one child in one batch, When resolved in order, Then the second links to the identity the first created (batch records see each other)', () => {
    const w = new ResolutionWorld(DEFAULT_MODEL, ids);
    expect(w.resolveRecord(obs('e1', { source: 'TRIBUNAL', sourceRecordId: 'T-1' }))).toBe('new');
    expect(w.resolveRecord(obs('e2', { source: 'SENAME', sourceRecordId: 'S-1' }))).toBe('link');
    expect(w.records.get('SENAME|S-1')!.identityId).toBe('NNA-e1');
    expect(w.effects.ledger.filter((e) => e.kind !== 'golden-changed').map((e) => [e.kind, e.identityId, e.recordKey])).toEqual([
      ['created', 'NNA-e1', 'TRIBUNAL|T-1'], ['linked', 'NNA-e1', 'TRIBUNAL|T-1'], ['linked', 'NNA-e1', 'SENAME|S-1'],
    ]);
    // Identical values: the golden record is the creation's, and the link changes no field.
    expect(w.effects.ledger.filter((e) => e.kind === 'golden-changed')).toEqual([]);
    expect(w.identities.get('NNA-e1')!.golden).toMatchObject({ recordCount: 2, run: { value: '12345678-5' } });
    expect(w.effects.ledger.every((e) => e.modelVersion === DEFAULT_MODEL.version && e.actor === 'engine')).toBe(true);
    expect(w.effects.changes.map((c) => [c.kind, c.identityId, c.recordKeys])).toEqual([
      ['CREATED', 'NNA-e1', ['TRIBUNAL|T-1']], ['RECORD_LINKED', 'NNA-e1', ['SENAME|S-1', 'TRIBUNAL|T-1']],
    ]);
  });

  it('Given a review decision, When resolved, Then the record gets a provisional identity of its own and an open task naming the candidates', () => {
    const w = new ResolutionWorld(DEFAULT_MODEL, ids);
    w.resolveRecord(obs('e1', { source: 'TRIBUNAL', sourceRecordId: 'T-1' }));
    const review: MatchDecision = { kind: 'review', reason: 'grey-zone', candidates: [{ identityId: 'NNA-e1', explanation: explanation('TRIBUNAL|T-1', 3) }] };
    const w2 = new ResolutionWorld(DEFAULT_MODEL, ids, (_r, c) => (c.length > 0 ? review : { kind: 'new', best: null }));
    for (const [k, v] of w.identities) w2.identities.set(k, v);
    for (const r of w.records.values()) w2.addRecord(r);
    for (const [k, list] of w.keyIndex) for (const rk of list) w2.indexKey(k, rk);

    expect(w2.resolveRecord(obs('e2', { source: 'HEALTH', sourceRecordId: 'H-1' }))).toBe('review');
    expect(w2.records.get('HEALTH|H-1')!.identityId).toBe('NNA-e2');
    expect([...w2.effects.tasksToOpen.values()]).toEqual([expect.objectContaining({ id: 'RT-e2', identityId: 'NNA-e2', reason: 'grey-zone', recordKey: 'HEALTH|H-1' })]);
    expect(w2.effects.ledger.map((e) => e.kind)).toEqual(['created', 'linked', 'review-opened']);
    expect(w2.effects.changes[0]).toMatchObject({ kind: 'CREATED', identityId: 'NNA-e2', underReview: true });
  });

  it('Given a known record whose new version links elsewhere, When re-evaluated, Then it moves (unlinked + linked) and its emptied identity retires', () => {
    const w = new ResolutionWorld(DEFAULT_MODEL, ids, (r, c) => {
      const other = c.find((x) => x.identityId === 'NNA-e2');
      return r.key === 'SCHOOL|X-1' && other ? { kind: 'link', identityId: 'NNA-e2', explanation: explanation('SENAME|Y-1', 20) } : { kind: 'new', best: null };
    });
    w.resolveRecord(obs('e1', { source: 'SCHOOL', sourceRecordId: 'X-1' }));
    w.resolveRecord(obs('e2', { source: 'SENAME', sourceRecordId: 'Y-1' }));
    expect(w.resolveRecord(obs('e3', { source: 'SCHOOL', sourceRecordId: 'X-1', comunaCode: '05101' }))).toBe('move');
    expect(w.records.get('SCHOOL|X-1')!.identityId).toBe('NNA-e2');
    expect(w.identities.get('NNA-e1')!.status).toBe('retired');
    const moves = w.effects.ledger.filter((e) => e.causeId === 'e3').map((e) => [e.kind, e.identityId]);
    expect(moves).toEqual(expect.arrayContaining([['unlinked', 'NNA-e1'], ['linked', 'NNA-e2'], ['retired', 'NNA-e1']]));
    expect(w.effects.changes.filter((c) => c.causeEventId === 'e3').map((c) => c.kind)).toEqual(['RETIRED', 'RECORD_LINKED']);
  });

  it('Given a record a person linked, When its new version would link elsewhere, Then the engine leaves it where the person put it', () => {
    const w = new ResolutionWorld(DEFAULT_MODEL, ids, (_r, c) => (c.some((x) => x.identityId === 'NNA-e2') ? { kind: 'link', identityId: 'NNA-e2', explanation: explanation('SENAME|Y-1', 20) } : { kind: 'new', best: null }));
    w.resolveRecord(obs('e1', { source: 'SCHOOL', sourceRecordId: 'X-1' }));
    w.resolveRecord(obs('e2', { source: 'SENAME', sourceRecordId: 'Y-1', run: null }));
    w.linkActors.set('SCHOOL|X-1', 'user:reviewer');
    expect(w.resolveRecord(obs('e3', { source: 'SCHOOL', sourceRecordId: 'X-1', comunaCode: '05101' }))).toBe('stay');
    expect(w.records.get('SCHOOL|X-1')!.identityId).toBe('NNA-e1');
  });

  it('Given a record that no longer matches its siblings, When re-evaluated, Then it stays (the engine never splits an identity by itself)', () => {
    const w = new ResolutionWorld(DEFAULT_MODEL, ids);
    w.resolveRecord(obs('e1', { source: 'TRIBUNAL', sourceRecordId: 'T-1' }));
    w.resolveRecord(obs('e2', { source: 'SENAME', sourceRecordId: 'S-1' }));
    expect(w.resolveRecord(obs('e3', { source: 'SENAME', sourceRecordId: 'S-1', run: '11.111.111-1', givenNames: 'Pedro', paternalSurname: 'Otro', birthDate: '2001-01-01', sex: 'M' }))).toBe('stay');
    expect(w.records.get('SENAME|S-1')!.identityId).toBe('NNA-e1');
  });

  it('Given a vetoed identity, When a record of that child arrives, Then the engine does not link it there', () => {
    const w = new ResolutionWorld(DEFAULT_MODEL, ids);
    w.resolveRecord(obs('e1', { source: 'TRIBUNAL', sourceRecordId: 'T-1' }));
    w.vetoes.set('SENAME|S-1', new Set(['NNA-e1']));
    expect(w.resolveRecord(obs('e2', { source: 'SENAME', sourceRecordId: 'S-1' }))).not.toBe('link');
    expect(w.records.get('SENAME|S-1')!.identityId).not.toBe('NNA-e1');
  });
});
