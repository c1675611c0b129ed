import { errorPairs, label, pairwiseScores, renderPair } from './evaluate';
import { febrlBirthDate, febrlEntity, febrlToPerson, parseFebrlCsv } from './febrl';
import { replicaOf, shiftRun } from './replicate';
import { parseRun } from '../../services/platform/chile';

// Truth for every case: entity A = {a1, a2, a3}, entity B = {b1, b2}, entity C = {c1} → 3 + 1 = 4 true pairs.
const TRUTH = [
  { source: 'S', sourceRecordId: 'a1', entity: 'A' },
  { source: 'S', sourceRecordId: 'a2', entity: 'A' },
  { source: 'S', sourceRecordId: 'a3', entity: 'A' },
  { source: 'T', sourceRecordId: 'b1', entity: 'B' },
  { source: 'T', sourceRecordId: 'b2', entity: 'B' },
  { source: 'T', sourceRecordId: 'c1', entity: 'C' },
];
const assign = (clusters: Record<string, string | null>) =>
  TRUTH.map((t) => ({ source: t.source, sourceRecordId: t.sourceRecordId, childId: clusters[t.sourceRecordId] ?? null }));

describe('pairwise scores from cluster contingency counts', () => {
  it('Given a resolution equal to the truth, When scored, Then precision, recall and F1 are 1', () => {
    const l = label(TRUTH, assign({ a1: 'x', a2: 'x', a3: 'x', b1: 'y', b2: 'y', c1: 'z' }));
    const s = pairwiseScores(l.entity, l.cluster);
    expect(s).toMatchObject({ records: 6, entities: 3, predictedClusters: 3, truePairs: 4, predictedPairs: 4, truePositivePairs: 4, precision: 1, recall: 1, f1: 1 });
  });

  it('Given one false merge (c1 joins entity B), When scored, Then 2 of 6 predicted pairs are wrong', () => {
    const l = label(TRUTH, assign({ a1: 'x', a2: 'x', a3: 'x', b1: 'y', b2: 'y', c1: 'y' }));
    const s = pairwiseScores(l.entity, l.cluster);
    // Cluster y = {b1, b2, c1}: 3 predicted pairs, only b1–b2 true. Predicted 3 + 3 = 6, TP 4.
    expect(s).toMatchObject({ truePairs: 4, predictedPairs: 6, truePositivePairs: 4, falsePositivePairs: 2, falseNegativePairs: 0 });
    expect(s.precision).toBeCloseTo(4 / 6, 12);
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo((2 * (4 / 6)) / (4 / 6 + 1), 12);
  });

  it('Given one missed link (a3 left alone), When scored, Then 2 of 4 true pairs are missed and precision stays 1', () => {
    const l = label(TRUTH, assign({ a1: 'x', a2: 'x', a3: 'w', b1: 'y', b2: 'y', c1: 'z' }));
    const s = pairwiseScores(l.entity, l.cluster);
    expect(s).toMatchObject({ predictedPairs: 2, truePositivePairs: 2, falseNegativePairs: 2, precision: 1, recall: 0.5 });
    expect(s.f1).toBeCloseTo(2 / 3, 12);
  });

  it('Given records without an assignment, When labelled, Then each is its own singleton and counted as unassigned', () => {
    const l = label(TRUTH, assign({ a1: 'x', a2: 'x', b1: 'y', b2: 'y' }));
    expect(l.unassigned).toBe(2);
    const s = pairwiseScores(l.entity, l.cluster);
    expect(s).toMatchObject({ predictedClusters: 4, predictedPairs: 2, truePositivePairs: 2, falseNegativePairs: 2 });
  });

  it('Given an assignment for a record not in the truth, When labelled, Then it is counted and ignored', () => {
    const l = label(TRUTH, [...assign({ a1: 'x' }), { source: 'S', sourceRecordId: 'zz', childId: 'x' }]);
    expect(l.unknownAssignments).toBe(1);
    expect(pairwiseScores(l.entity, l.cluster).predictedPairs).toBe(0);
  });

  it('Given nothing linked and nothing to link, When scored, Then precision and recall are 1 by convention', () => {
    const s = pairwiseScores([0, 1, 2], [0, 1, 2]);
    expect(s).toMatchObject({ truePairs: 0, predictedPairs: 0, precision: 1, recall: 1, f1: 1 });
  });

  it('Given one false merge and one missed link, When listing errors, Then one pair of each kind names the right records', () => {
    const l = label(TRUTH, assign({ a1: 'x', a2: 'x', a3: 'w', b1: 'y', b2: 'y', c1: 'y' }));
    const errors = errorPairs(l, 10);
    expect(errors.map((e) => [e.kind, l.keys[e.a], l.keys[e.b]])).toEqual([
      ['false-positive', 'T|b1', 'T|c1'],
      ['false-negative', 'S|a1', 'S|a3'],
    ]);
  });
});

describe('FEBRL mapping', () => {
  const CSV = [
    'rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id',
    'rec-223-org, , waller, 6, tullaroop street, willaroo, st james, 4011, wa, 19081209, 6988048',
    'rec-149-dup-0, jack, smith, , , , , 0800, nt, 19729518, ',
    'rec-12-dup-3, mia, hannagan, 12, main road, , bittern, , , 19520230, 1234567',
    '',
  ].join('\n');
  const rows = parseFebrlCsv(CSV);

  it('Given rec ids, When read, Then originals and duplicates of N share entity N', () => {
    expect(rows.map((r) => febrlEntity(r.rec_id))).toEqual(['223', '149', '12']);
    expect(() => febrlEntity('rec-x')).toThrow();
  });

  it('Given a complete row, When mapped with the identifier, Then every field lands where the PersonRecord wants it', () => {
    expect(febrlToPerson(rows[0]!, true)).toEqual({
      source: 'FEBRL', sourceRecordId: 'rec-223-org', run: null,
      identifiers: [{ scheme: 'soc_sec_id', value: '6988048' }],
      givenNames: null, paternalSurname: 'waller', maternalSurname: null, birthDate: '1908-12-09', sex: null, comunaCode: null,
      address: { street: '6 tullaroop street, willaroo', locality: 'st james', postcode: '4011', region: 'wa' }, phone: null,
    });
  });

  it('Given the same row without the identifier variant, When mapped, Then identifiers are empty', () => {
    expect(febrlToPerson(rows[0]!, false).identifiers).toEqual([]);
  });

  it('Given a malformed date, a leading-zero postcode and no street, When mapped, Then date null, postcode kept as text, street null', () => {
    const p = febrlToPerson(rows[1]!, true);
    expect(p.birthDate).toBeNull();
    expect(p.identifiers).toEqual([]);
    expect(p.address).toEqual({ street: null, locality: null, postcode: '0800', region: 'nt' });
  });

  it('Given a well-formed but impossible day, When mapped, Then it reaches matching unchanged', () => {
    expect(febrlToPerson(rows[2]!, true).birthDate).toBe('1952-02-30');
    expect(febrlBirthDate('19521301')).toBeNull();
    expect(febrlBirthDate('1952021')).toBeNull();
    expect(febrlBirthDate('')).toBeNull();
  });

  it('Given a differing pair, When rendered side by side, Then differing fields are marked', () => {
    const a = febrlToPerson(rows[0]!, true);
    const b = { ...a, sourceRecordId: 'rec-223-dup-0', paternalSurname: 'wallr' };
    const text = renderPair({ key: 'FEBRL|rec-223-org', entity: '223', cluster: 'c1', review: false, person: a },
      { key: 'FEBRL|rec-223-dup-0', entity: '223', cluster: 'c2', review: true, person: b });
    expect(text).toMatch(/paternalSurname\s+waller\s+≠ wallr/);
    expect(text).toMatch(/postcode\s+4011\s+ {2}4011/);
    expect(text).toContain('c2 (review)');
  });
});

describe('speed-set replication fallback', () => {
  it('Given a valid RUN with dots, When copied as copy 2, Then the body moves by 200,000,000 with a valid check digit and dots', () => {
    const shifted = shiftRun('24.632.992-3', 2)!;
    expect(shifted).toMatch(/^224\.632\.992-[\dK]$/);
    expect(parseRun(shifted).ok).toBe(true);
  });

  it('Given a RUN with a wrong check digit, When copied, Then the copy is still invalid by check digit', () => {
    expect(parseRun('24632992-4').ok).toBe(false);
    const shifted = shiftRun('24632992-4', 1)!;
    expect(shifted.startsWith('124632992-')).toBe(true);
    expect(parseRun(shifted)).toMatchObject({ ok: false, reason: 'CHECK_DIGIT' });
  });

  it('Given copy 0 or no RUN, When copied, Then nothing changes', () => {
    expect(shiftRun('24.632.992-3', 0)).toBe('24.632.992-3');
    expect(shiftRun(null, 3)).toBeNull();
  });

  it('Given a record, When replicated, Then id and identifiers change and names stay', () => {
    const p = febrlToPerson(parseFebrlCsv('rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id\nrec-1-org, ana, soto, 1, a st, , b, 2000, nsw, 20100101, 12345\n')[0]!, true);
    const r = replicaOf(p, 3);
    expect(r).toMatchObject({ sourceRecordId: 'rec-1-org#r3', identifiers: [{ scheme: 'soc_sec_id', value: '312345' }], givenNames: 'ana', birthDate: '2010-01-01' });
  });
});
