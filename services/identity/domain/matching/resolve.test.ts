import { person, syntheticBatch } from './__fixtures__/persons';
import { BASE_MODEL, normalisePerson, resolveBatch } from './index';

/** Partition of record keys into linked groups (size > 1), as sorted strings: comparable across runs. */
function linkedGroups(keys: readonly string[], childIds: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  keys.forEach((k, i) => groups.set(childIds[i]!, [...(groups.get(childIds[i]!) ?? []), k]));
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort().join(',')).sort();
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('resolveBatch', () => {
  const { records, truth } = syntheticBatch(250, 7);
  const normalised = records.map((r) => normalisePerson(r));
  const result = resolveBatch(normalised, BASE_MODEL, true);

  it('Given a synthetic batch with duplicates and siblings, When resolved with EM, Then auto-links are precise and most duplicates link', () => {
    let tp = 0;
    let fp = 0;
    let truePairs = 0;
    const keys = normalised.map((p) => p.key);
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const same = truth.get(keys[i]!) === truth.get(keys[j]!);
        if (same) truePairs++;
        if (result.childIds[i] === result.childIds[j]) { if (same) tp++; else fp++; }
      }
    }
    expect(fp).toBe(0);
    expect(tp / truePairs).toBeGreaterThan(0.9);
    expect(result.stats.records).toBe(records.length);
    expect(result.model.training?.records).toBe(records.length);
  });

  it('Given the same records shuffled, When resolved again, Then no auto-link changes (order independence)', () => {
    for (const seed of [1, 2]) {
      const order = shuffled(normalised.map((_, i) => i), seed);
      const again = resolveBatch(order.map((i) => normalised[i]!), BASE_MODEL, true);
      expect(linkedGroups(order.map((i) => normalised[i]!.key), again.childIds)).toEqual(linkedGroups(normalised.map((p) => p.key), result.childIds));
      // Identity ids are stable too: derived from the cluster's smallest key, not from positions.
      order.forEach((i, pos) => expect(again.childIds[pos]).toBe(result.childIds[i]));
    }
  });

  it('Given twins without RUN, When resolved, Then they are never linked', () => {
    const addr = { street: 'Pasaje Los Aromos 123', locality: null, postcode: null, region: null };
    const twin = (id: string, given: string) => normalisePerson(person({
      sourceRecordId: id, givenNames: given, paternalSurname: 'Rojas', maternalSurname: 'Soto', birthDate: '2016-05-05', comunaCode: '13101', address: addr, phone: '987654321',
    }));
    const batch = [...normalised, twin('t1', 'Tomás'), twin('t2', 'Vicente'), twin('t3', 'Tomás Andrés')];
    const r = resolveBatch(batch, BASE_MODEL, true);
    const n = batch.length;
    expect(r.childIds[n - 3]).not.toBe(r.childIds[n - 2]);
    expect(r.childIds[n - 2]).not.toBe(r.childIds[n - 1]);
  });
});
