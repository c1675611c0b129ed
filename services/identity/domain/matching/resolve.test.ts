import { person, syntheticBatch } from './__fixtures__/persons';
import { BASE_MODEL, childIdFor, normalisePerson, resolveBatch } from './index';

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

  it('Given generated duplicates without households, some with the given name replaced or missing, When resolved, Then those are linked too (the batch shows no twins to protect)', () => {
    // Syllable names: each person their own surname and address, so there are no households.
    const syl = ['ba', 'ro', 'ki', 'me', 'tu', 'sa', 'lo', 'vi', 'ne', 'da', 'fo', 'gu'];
    const word = (k: number) => `${syl[k % 12]}${syl[Math.floor(k / 12) % 12]}${syl[Math.floor(k / 144) % 12]}`;
    const batch = [];
    const truthOf = new Map<string, number>();
    for (let c = 0; c < 150; c++) {
      const base = { paternalSurname: word(c * 7 + 3), birthDate: `19${String(20 + (c % 70)).padStart(2, '0')}-${String(1 + (c % 12)).padStart(2, '0')}-${String(1 + ((c * 5) % 28)).padStart(2, '0')}`, address: { street: `${c + 1} ${word(c * 11 + 5)} street`, locality: word(c * 13 + 1), postcode: String(2000 + c), region: null } };
      // Every third duplicate has a replaced given name (like FEBRL), every seventh none at all.
      const dupGiven = c % 3 === 0 ? word(c * 17 + 9) : c % 7 === 0 ? null : word(c * 5 + 2);
      for (const [v, given] of [[0, word(c * 5 + 2)], [1, dupGiven]] as const) {
        const rec = normalisePerson(person({ source: 'FEBRL', sourceRecordId: `p${c}-${v}`, givenNames: given, ...base }));
        batch.push(rec);
        truthOf.set(rec.key, c);
      }
    }
    const r = resolveBatch(batch, BASE_MODEL, true);
    expect(r.model.household?.guard).toBe(false);
    let linked = 0;
    let wrong = 0;
    for (let i = 0; i < batch.length; i++) {
      for (let j = i + 1; j < batch.length; j++) {
        if (r.childIds[i] !== r.childIds[j]) continue;
        if (truthOf.get(batch[i]!.key) === truthOf.get(batch[j]!.key)) linked++; else wrong++;
      }
    }
    expect(wrong).toBe(0);
    expect(linked).toBe(150);
  });

  it('Given the synthetic batch with siblings, When resolved, Then the household evidence keeps the twin guard on', () => {
    expect(result.model.household?.guard).toBe(true);
    expect(result.model.household!.siblingPairs).toBeGreaterThan(10);
  });
});

describe('childIdFor', () => {
  it('Given 300,000 different cluster keys, When ids are derived, Then no two clusters share an id', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 300_000; i++) ids.add(childIdFor(`SCHOOL|${i % 3000}/E${String(i).padStart(6, '0')}`));
    expect(ids.size).toBe(300_000);
  });
});
