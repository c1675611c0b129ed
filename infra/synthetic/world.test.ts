import { parseIpe, parseRun, runCheckDigit } from '../../services/platform/chile';
import { parseIsoDay } from './calendar';
import { buildReference } from './reference';
import { childRunBody, makeFamily, motherRunBody, type Family, type WorldParams } from './world';

const referenceDay = parseIsoDay('2024-01-01')!;
const reference = buildReference(11);
const params = (over: Partial<WorldParams> = {}): WorldParams => ({ seed: 11, referenceDay, reference, migrantRate: 0.03, twinRate: 0.04, ...over });

function families(p: WorldParams, count: number): Family[] {
  const out: Family[] = [];
  for (let i = 0, next = 1; i < count; i++) {
    const f = makeFamily(p, i, next, 1000);
    next += f.children.length;
    out.push(f);
  }
  return out;
}

describe('synthetic world', () => {
  it('Given the same seed and family index, When a family is made twice, Then it is the same family; another seed gives another', () => {
    expect(makeFamily(params(), 5, 1, 10)).toEqual(makeFamily(params(), 5, 1, 10));
    expect(makeFamily(params({ seed: 12 }), 5, 1, 10)).not.toEqual(makeFamily(params(), 5, 1, 10));
  });

  it('Given families where twins are certain, When twins are born, Then they share birth date, surnames and address but not RUN or given name', () => {
    const twins = families(params({ twinRate: 1, migrantRate: 0 }), 60)
      .filter((f) => f.children.length >= 2)
      .flatMap((f) => f.children.filter((c) => c.birthOrder === 1).map((c) => [c, f.children.find((x) => x.id === c.twinId)!] as const));
    expect(twins.length).toBeGreaterThan(10);
    for (const [a, b] of twins) {
      expect(b.twinId).toBe(a.id);
      expect(b.birthOrder).toBe(2);
      expect(b.birth).toBe(a.birth);
      expect([b.paternal, b.maternal]).toEqual([a.paternal, a.maternal]);
      expect(b.runBody).not.toBe(a.runBody);
      expect(Math.abs(b.runBody! - a.runBody!)).toBe(1);
      expect(b.givenNames[0]).not.toBe(a.givenNames[0]);
    }
  });

  it('Given many families, When their RUNs are read, Then every child and mother has a valid RUN, no two children share one, and mothers are older than their children', () => {
    const all = families(params({ migrantRate: 0 }), 400);
    const runs = new Set<number>();
    for (const f of all) {
      for (const c of f.children) {
        expect(parseRun(`${c.runBody}-${runCheckDigit(c.runBody!)}`).ok).toBe(true);
        expect(runs.has(c.runBody!)).toBe(false);
        runs.add(c.runBody!);
        expect(c.birth).toBeLessThan(referenceDay);
      }
      expect(parseRun(`${f.mother.runBody}-${runCheckDigit(f.mother.runBody!)}`).ok).toBe(true);
      expect(f.mother.birth).toBeLessThan(f.children[0]!.birth);
    }
    expect(runs.size).toBeGreaterThan(600);
  });

  it('Given the RUN permutations, When many ordinals are mapped, Then no two children or mothers share a RUN body', () => {
    const children = new Set(Array.from({ length: 200_000 }, (_, n) => childRunBody(3, n + 1)));
    const mothers = new Set(Array.from({ length: 200_000 }, (_, n) => motherRunBody(3, n)));
    expect(children.size).toBe(200_000);
    expect(mothers.size).toBe(200_000);
    expect([...mothers].every((m) => m < 18_000_000)).toBe(true);
  });

  it('Given migrant families, When their children are made, Then they have a well-formed IPE and no RUN', () => {
    const migrants = families(params({ migrantRate: 1 }), 30).flatMap((f) => f.children);
    expect(migrants.length).toBeGreaterThan(30);
    for (const c of migrants) {
      expect(c.runBody).toBeNull();
      expect(c.migrant).toBe(true);
      const ipe = parseIpe(c.ipe);
      expect(ipe.ok && ipe.dvStatus).toBe('MATCHES_MOD11');
    }
  });

  it('Given a family cut to reach the asked number, When made with room for one child, Then it has exactly one', () => {
    const sizes = Array.from({ length: 50 }, (_, i) => makeFamily(params(), i, 1, 1).children.length);
    expect(sizes.every((s) => s <= 1)).toBe(true);
    expect(sizes.filter((s) => s === 1).length).toBeGreaterThan(40);
  });
});
