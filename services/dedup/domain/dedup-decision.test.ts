import type { AdmissionOrderIssued } from '../../../schemas';
import { anAdmissionOrderIssued } from '../../../test/builders/tribunal-events';
import { aChild } from '../../../test/builders/event-parts';
import { countersOf, planBatch, type Candidate, type PriorState } from './dedup-decision';
import { inspectEvent, personKeyText } from './institution-event';
import { testHasher } from './test-hasher';

const TOPIC = 'it-x.hub.tribunal.events.v1';
const ORDER = 'hub.tribunal.AdmissionOrderIssued';
const EMPTY: PriorState = { nextOffset: null, claims: new Map(), contents: new Map(), persons: new Map() };

function at(offset: number, value: AdmissionOrderIssued): Candidate {
  const r = inspectEvent(ORDER, value, new Set([ORDER]), testHasher);
  if (!r.ok) throw new Error('poison');
  return { position: { topic: TOPIC, partition: 0, offset: String(offset) }, event: r.event };
}

function order(eventId: string, over: Partial<AdmissionOrderIssued> = {}): AdmissionOrderIssued {
  const base = anAdmissionOrderIssued(over);
  return { ...base, envelope: { ...base.envelope, eventId } };
}

describe('planBatch', () => {
  it('Given a new event, When planned, Then it is forwarded, claimed, its content and person stored and a PersonObserved emitted', () => {
    const c = at(0, order('e1'));
    const plan = planBatch([c], EMPTY);
    expect(plan.decisions.map((d) => [d.outcome, d.emitPerson])).toEqual([['forwarded', true]]);
    expect(plan.newClaims.get('e1')).toEqual({ contentHash: c.event.contentHash, position: c.position });
    expect(plan.contentUpdates.get(c.event.sourceKey)).toEqual({ contentHash: c.event.contentHash, eventId: 'e1' });
    expect(plan.personUpdates.get(personKeyText(c.event.personKey))?.personHash).toBe(c.event.personHash);
    expect(plan.nextOffset).toBe('1');
  });

  it('Given the same event id twice in one batch, When planned, Then the second is a duplicate_event_id pointing at the first', () => {
    const plan = planBatch([at(0, order('e1')), at(1, order('e1'))], EMPTY);
    expect(plan.decisions.map((d) => d.outcome)).toEqual(['forwarded', 'duplicate_event_id']);
    expect(plan.decisions[1]!.original).toEqual({ topic: TOPIC, partition: 0, offset: '0' });
    expect(plan.decisions[1]!.idConflict).toBe(false);
  });

  it('Given an id claimed by an earlier batch at another offset, When it comes again, Then it is a duplicate (not a replay) and nothing is stored for it', () => {
    const first = at(3, order('e1'));
    const prior: PriorState = { ...EMPTY, nextOffset: '4', claims: new Map([['e1', { contentHash: first.event.contentHash, position: first.position }]]) };
    const plan = planBatch([at(9, order('e1'))], prior);
    expect(plan.decisions[0]!.outcome).toBe('duplicate_event_id');
    expect(plan.newClaims.size).toBe(0);
    expect(plan.nextOffset).toBe('10');
  });

  it('Given the same content under a new event id (another version number), When planned, Then it is a duplicate_content and its id is claimed too', () => {
    const plan = planBatch([at(0, order('v1')), at(1, order('v2'))], EMPTY);
    expect(plan.decisions.map((d) => d.outcome)).toEqual(['forwarded', 'duplicate_content']);
    expect([...plan.newClaims.keys()]).toEqual(['v1', 'v2']);
    expect(plan.decisions.every((d, i) => d.emitPerson === (i === 0))).toBe(true);
  });

  it('Given a correction (new id, changed payload, same person), When planned, Then it is forwarded without a PersonObserved', () => {
    const plan = planBatch([at(0, order('v1')), at(1, order('v2', { targetModality: 'CTDL' }))], EMPTY);
    expect(plan.decisions.map((d) => [d.outcome, d.emitPerson])).toEqual([['forwarded', true], ['forwarded', false]]);
  });

  it('Given another fact about the same child with a changed person block, When planned, Then a PersonObserved is emitted again', () => {
    const other = order('o1', { envelope: { ...anAdmissionOrderIssued().envelope, sourceRecordId: 'RES-2' }, person: aChild('TRIBUNAL', 'NNA-000123', { comunaCode: '13102' }) });
    const plan = planBatch([at(0, order('v1')), at(1, other)], EMPTY);
    expect(plan.decisions.map((d) => [d.outcome, d.emitPerson])).toEqual([['forwarded', true], ['forwarded', true]]);
    expect(plan.personUpdates.size).toBe(1);
    expect([...plan.personUpdates.values()][0]!.eventId).toBe('o1');
  });

  it('Given content A, then B, then A again under new ids, When planned, Then the revert to A is forwarded (only the last content counts)', () => {
    const plan = planBatch([at(0, order('a')), at(1, order('b', { targetModality: 'CTDL' })), at(2, order('a2'))], EMPTY);
    expect(plan.decisions.map((d) => d.outcome)).toEqual(['forwarded', 'forwarded', 'forwarded']);
  });

  it('Given a batch redelivered after its transaction committed (offsets below the stored next offset), When planned, Then every message is replayed: not counted, nothing stored', () => {
    const c0 = at(5, order('e1'));
    const c1 = at(6, order('e1'));
    const prior: PriorState = { nextOffset: '7', claims: new Map([['e1', { contentHash: c0.event.contentHash, position: c0.position }]]), contents: new Map(), persons: new Map() };
    const plan = planBatch([c0, c1, at(7, order('e2', { targetModality: 'CTDL' }))], prior);
    expect(plan.decisions.map((d) => d.outcome)).toEqual(['replayed', 'replayed', 'forwarded']);
    expect(countersOf(plan, () => 'hub.tribunal.events.v1')).toEqual([
      { topic: 'hub.tribunal.events.v1', institution: 'TRIBUNAL', received: 1, forwarded: 1, duplicateEventId: 0, duplicateContent: 0, personsEmitted: 1 },
    ]);
    expect(plan.nextOffset).toBe('8');
  });

  it('Given a claim at this very position but no stored offset (first sight recorded), When planned, Then it is a replay', () => {
    const c = at(2, order('e1'));
    const plan = planBatch([c], { ...EMPTY, claims: new Map([['e1', { contentHash: c.event.contentHash, position: c.position }]]) });
    expect(plan.decisions[0]!.outcome).toBe('replayed');
    expect(plan.nextOffset).toBeNull();
  });

  it('Given a reused event id with different content, When planned, Then it is dropped as a duplicate and flagged as an id conflict', () => {
    const first = at(0, order('e1'));
    const plan = planBatch([first, at(1, order('e1', { targetModality: 'CTDL' }))], EMPTY);
    expect(plan.decisions[1]).toMatchObject({ outcome: 'duplicate_event_id', idConflict: true });
  });

  it('Given a mixed batch, When counted, Then received = forwarded + duplicates for every topic and institution', () => {
    const plan = planBatch([at(0, order('a')), at(1, order('a')), at(2, order('a2')), at(3, order('b', { targetModality: 'CTDL' }))], EMPTY);
    const [c] = countersOf(plan, () => 'hub.tribunal.events.v1');
    expect(c).toEqual({ topic: 'hub.tribunal.events.v1', institution: 'TRIBUNAL', received: 4, forwarded: 2, duplicateEventId: 1, duplicateContent: 1, personsEmitted: 1 });
    expect(c!.received).toBe(c!.forwarded + c!.duplicateEventId + c!.duplicateContent);
  });
});
