import { person } from './__fixtures__/persons';
import { BASE_MODEL, DEFAULT_MODEL, blockingKeys, decideMatch, explainPair, normalisePerson, parseModel } from './index';

const model = DEFAULT_MODEL;
const n = normalisePerson;
const child = (id: string, extra: Parameters<typeof person>[0] extends infer T ? Partial<T> : never = {}) => n(person({
  sourceRecordId: id, givenNames: 'María José', paternalSurname: 'Muñoz', maternalSurname: 'de la Fuente', birthDate: '2015-03-12',
  sex: 'F', comunaCode: '13101', run: '23.456.789-6', ...extra,
}));

describe('normalisePerson', () => {
  it('Given an invalid RUN, placeholders and accents, When normalised, Then the RUN is missing, RN is missing and names are folded', () => {
    const p = n(person({ sourceRecordId: '1', run: '23.456.789-0', givenNames: 'RN de Ana Pérez', paternalSurname: 'MUÑOZ', maternalSurname: 'Del Río', birthDate: '2015-13-40' }));
    expect(p.run).toBeNull();
    expect(p.given).toEqual([]);
    expect(p.newborn).toBe(true);
    expect(p.paternal).toBe('MUNOZ');
    expect(p.maternal).toBe('RIO');
    expect(p.maternalFull).toBe('DELRIO');
    expect(p.birth).toEqual({ y: 2015, m: 0, d: 0 });
    expect(p.key).toBe('TEST|1');
  });

  it('Given a valid RUN with dots and a lower-case k, When normalised, Then it is canonical', () => {
    expect(n(person({ sourceRecordId: '1', run: '10.000.013-k' })).run).toBe('10000013-K');
    expect(n(person({ sourceRecordId: '1', identifiers: [{ scheme: 'CL-IPE', value: 'IPE 100.123.456-7' }, { scheme: 'soc_sec_id', value: '0000000' }] })).identifiers)
      .toEqual(['CL-IPE:100123456']);
  });
});

describe('explainPair rules', () => {
  it('Given the same valid RUN and birth date, When explained, Then run-agrees fires and the verdict is a link', () => {
    const e = explainPair(child('a'), child('b', { givenNames: 'Cote', address: null }), model);
    expect(e.rules).toEqual(expect.arrayContaining(['run-agrees', 'verdict:link']));
    expect(e.recordKey).toBe('TEST|b');
  });

  it('Given two different valid RUNs, When explained, Then run-conflict fires and it is never a link', () => {
    const e = explainPair(child('a'), child('b', { run: '10.000.013-K' }), model);
    expect(e.rules).toContain('run-conflict');
    expect(e.rules).not.toContain('verdict:link');
  });

  it("Given a newborn record under the mother's RUN (RUN agrees, birth 25 years apart), When explained, Then it goes to review", () => {
    const mother = child('m', { givenNames: 'Ana', paternalSurname: 'Pérez', maternalSurname: 'Soto', birthDate: '1990-01-01' });
    const e = explainPair(child('rn', { givenNames: 'RN', paternalSurname: 'Pérez', maternalSurname: 'Soto' }), mother, model);
    expect(e.rules).toEqual(expect.arrayContaining(['newborn-mother-run', 'verdict:review']));
  });

  it('Given twins (same surnames, birth date, address, different given names, no RUN), When explained, Then the twin guard forbids a link', () => {
    const addr = { street: 'Pasaje Los Aromos 123', locality: null, postcode: null, region: null };
    const a = child('a', { run: null, givenNames: 'Tomás', address: addr, phone: '+56 9 8765 4321' });
    const b = child('b', { run: null, givenNames: 'Vicente', address: addr, phone: '987654321' });
    const e = explainPair(a, b, model);
    expect(e.rules).toEqual(expect.arrayContaining(['twin-pattern', 'household-only']));
    expect(e.rules).not.toContain('verdict:link');
  });

  it('Given a clean duplicate without RUN, When explained, Then every field comparison is reported with a level and a weight', () => {
    const e = explainPair(child('a', { run: null }), child('b', { run: null, givenNames: 'MARIA JOSE', maternalSurname: 'Delafuente' }), model);
    expect(e.fields.find((f) => f.field === 'given')).toMatchObject({ level: 'exact' });
    expect(e.fields.find((f) => f.field === 'surnames')).toMatchObject({ level: 'both-exact' });
    expect(e.fields.find((f) => f.field === 'birthDate')).toMatchObject({ level: 'exact' });
    expect(e.weight).toBeGreaterThan(0);
    expect(e.probability).toBeGreaterThan(0.5);
  });

  it('Given surnames swapped and a day/month transposition, When explained, Then the dedicated levels are used', () => {
    const e = explainPair(child('a', { run: null }), child('b', { run: null, paternalSurname: 'de la Fuente', maternalSurname: 'Muñoz', birthDate: '2015-12-03' }), model);
    expect(e.fields.find((f) => f.field === 'surnames')?.level).toBe('swapped');
    expect(e.fields.find((f) => f.field === 'birthDate')?.level).toBe('transposed');
  });
});

describe('blockingKeys', () => {
  it('Given a full record, When keyed, Then RUN, name, date and place keys are produced and swapped names share the names key', () => {
    const a = child('a');
    const keys = blockingKeys(a, model);
    expect(keys).toContain('R:23456789-6');
    expect(keys.some((k) => k.startsWith('N:'))).toBe(true);
    const swapped = n(person({ sourceRecordId: 'b', givenNames: 'Muñoz', paternalSurname: 'María' }));
    const named = n(person({ sourceRecordId: 'c', givenNames: 'María', paternalSurname: 'Muñoz' }));
    expect(blockingKeys(swapped, model).find((k) => k.startsWith('N:'))).toBe(blockingKeys(named, model).find((k) => k.startsWith('N:')));
  });
});

describe('decideMatch', () => {
  const identity = (id: string, ...records: ReturnType<typeof child>[]) => ({ identityId: id, records });

  it('Given one identity holding the same RUN, When deciding, Then the record links to it', () => {
    const d = decideMatch(child('new'), [identity('I1', child('x1'))], model);
    expect(d).toMatchObject({ kind: 'link', identityId: 'I1' });
  });

  it('Given no candidates, When deciding, Then a new identity is created', () => {
    expect(decideMatch(child('new'), [], model)).toEqual({ kind: 'new', best: null });
  });

  it('Given a reviewer veto on the only matching identity, When deciding, Then it is not linked', () => {
    const d = decideMatch(child('new'), [identity('I1', child('x1'))], model, new Set(['I1']));
    expect(d.kind).toBe('new');
  });

  it('Given two identities that both link (the record would bridge them), When deciding, Then it goes to review as a bridge', () => {
    const d = decideMatch(child('new'), [identity('I1', child('x1')), identity('I2', child('x2'))], model);
    expect(d).toMatchObject({ kind: 'review', reason: 'bridge' });
    if (d.kind === 'review') expect(d.candidates.map((c) => c.identityId).sort()).toEqual(['I1', 'I2']);
  });

  it('Given an identity whose other record has a different valid RUN, When deciding, Then the RUN conflict vetoes the link', () => {
    const d = decideMatch(child('new'), [identity('I1', child('x1'), child('x2', { run: '10.000.013-K' }))], model);
    expect(d.kind).not.toBe('link');
  });
});

describe('parseModel', () => {
  it('Given the committed default model, When parsed, Then it is valid and versioned', () => {
    expect(parseModel(JSON.parse(JSON.stringify(DEFAULT_MODEL))).version).toBe(DEFAULT_MODEL.version);
    expect(DEFAULT_MODEL.training).not.toBeNull();
  });

  it('Given a model with a wrong level layout or thresholds, When parsed, Then it throws a clear message', () => {
    const bad = { ...BASE_MODEL, fields: BASE_MODEL.fields.map((f) => (f.name === 'given' ? { ...f, levels: f.levels.slice(1) } : f)) };
    expect(() => parseModel(bad)).toThrow(/given.*levels must be/);
    expect(() => parseModel({ ...BASE_MODEL, thresholds: { autoLink: 1, review: 5, nearTie: 1 } })).toThrow(/review must not exceed/);
    expect(() => parseModel('nope')).toThrow(/invalid matching model/);
  });
});

describe('comparators: split names', () => {
  it('Given a given name split by a clerk, When compared, Then it is a close name, and a split name swapped with the surname is a name swap', () => {
    const a = n(person({ sourceRecordId: 'a', givenNames: 'Talia', paternalSurname: 'Hilton', birthDate: '2015-03-12' }));
    const b = n(person({ sourceRecordId: 'b', givenNames: 'Tal Ia', paternalSurname: 'Hilton', birthDate: '2015-03-12' }));
    expect(explainPair(a, b, model).fields.find((f) => f.field === 'given')!.level).toBe('close');
    const swapped = n(person({ sourceRecordId: 'c', givenNames: 'Hilton', paternalSurname: 'Tal Ia', birthDate: '2015-03-12' }));
    expect(explainPair(b, swapped, model).fields.find((f) => f.field === 'given')!.level).toBe('name-swap');
  });
});
