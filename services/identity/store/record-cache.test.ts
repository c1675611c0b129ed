import { DEFAULT_MODEL, decideMatch, normalisePerson } from '../domain/matching';
import { observation, syntheticChild } from '../testing/stream-kit';
import { RecordContentCache, type RecordContent } from './record-cache';

const content = (eventId: string, n = 1): RecordContent => {
  const person = observation(syntheticChild(n), 'TRIBUNAL', `R-${n}`).person;
  return { lastEventId: eventId, person, normalised: normalisePerson(person) };
};

describe('RecordContentCache', () => {
  it('Given a record remembered for one event, When asked for another event of the same record, Then it is a miss', () => {
    const cache = new RecordContentCache(10);
    cache.put('TRIBUNAL|R-1', content('e1'));
    expect(cache.get('TRIBUNAL|R-1', 'e1')?.lastEventId).toBe('e1');
    expect(cache.get('TRIBUNAL|R-1', 'e2')).toBeUndefined();
  });

  it('Given a full cache, When a record is added, Then the least recently used one is dropped', () => {
    const cache = new RecordContentCache(2);
    cache.put('a', content('e1'));
    cache.put('b', content('e2'));
    cache.get('a', 'e1');
    cache.put('c', content('e3'));
    expect(cache.size).toBe(2);
    expect(cache.get('b', 'e2')).toBeUndefined();
    expect(cache.get('a', 'e1')).toBeDefined();
    expect(cache.get('c', 'e3')).toBeDefined();
  });

  it('Given capacity 0, When a record is added, Then nothing is kept', () => {
    const cache = new RecordContentCache(0);
    cache.put('a', content('e1'));
    expect(cache.get('a', 'e1')).toBeUndefined();
  });

  it('Given contents as decided in memory, When they round-trip through JSON (the jsonb columns), Then they are equal and decide alike', () => {
    // The cache hands out the in-memory objects where a cold process reads the stored JSON: both
    // must be the same values, or decisions would depend on which process made them.
    for (let n = 1; n <= 50; n++) {
      const c = content(`e${n}`, n);
      const stored = JSON.parse(JSON.stringify(c)) as RecordContent;
      expect(stored.normalised).toStrictEqual(c.normalised);
      expect(stored.person).toEqual(c.person);
      const other = content(`f${n}`, n + 1).normalised;
      const cold = decideMatch(other, [{ identityId: 'X', records: [stored.normalised] }], DEFAULT_MODEL);
      const warm = decideMatch(other, [{ identityId: 'X', records: [c.normalised] }], DEFAULT_MODEL);
      expect(warm).toStrictEqual(cold);
    }
  });
});
