import { F, FIELD_COUNT, FIELD_LEVELS, lv, type FieldName } from './config';
import { FLAG_HOUSEHOLD_ONLY, FLAG_RUN_CONFLICT, FLAG_TWIN_PATTERN } from './compare';
import { effectiveFlags, householdEvidence, isGuardedTwinLike, isSiblingPattern } from './household';

/** A level vector: every field null except the ones given. */
function levels(set: Partial<{ [K in FieldName]: (typeof FIELD_LEVELS)[K][number] }>): Int8Array {
  const out = new Int8Array(FIELD_COUNT);
  for (const name of Object.keys(FIELD_LEVELS) as FieldName[]) out[F[name]] = FIELD_LEVELS[name].length - 1;
  for (const [name, level] of Object.entries(set) as [FieldName, never][]) out[F[name]] = lv(name, level);
  return out;
}

const twin = levels({ surnames: 'both-exact', birthDate: 'exact', given: 'else', street: 'exact' });
const sibling = levels({ run: 'conflict', surnames: 'both-exact', birthDate: 'else', given: 'else', street: 'exact' });

describe('household evidence', () => {
  it('Given siblings of different ages at one address, When classified, Then they are sibling pairs and not guarded twin-like pairs', () => {
    expect(isSiblingPattern(sibling)).toBe(true);
    expect(isGuardedTwinLike(sibling, FLAG_HOUSEHOLD_ONLY)).toBe(false);
  });

  it('Given a pair whose identifier agrees, When classified, Then it is no sibling evidence (same person, date mistyped)', () => {
    const sameId = levels({ identifier: 'agree', surnames: 'both-exact', birthDate: 'else', given: 'else', street: 'exact' });
    expect(isSiblingPattern(sameId)).toBe(false);
  });

  it('Given a twin-pattern pair, When classified, Then it is guarded twin-like', () => {
    expect(isGuardedTwinLike(twin, FLAG_TWIN_PATTERN | FLAG_HOUSEHOLD_ONLY)).toBe(true);
  });

  it('Given thousands of sibling pairs (child data), When the evidence is weighed, Then the guard applies', () => {
    expect(householdEvidence(6000, 300, 0.01)).toMatchObject({ guard: true, twinShare: 1 });
  });

  it('Given a large batch with no sibling pairs but many twin-like pairs (generated duplicates), When weighed, Then the guard is lifted', () => {
    const e = householdEvidence(0, 500, 0.01);
    expect(e.guard).toBe(false);
    expect(e.twinShare).toBeCloseTo(0.0002, 6);
  });

  it('Given a small batch with a few twin-like pairs and no siblings, When weighed, Then the guard applies (too little evidence)', () => {
    expect(householdEvidence(0, 3, 0.01).guard).toBe(true);
    expect(householdEvidence(0, 0, 0.01).guard).toBe(true);
  });

  it('Given the guard is lifted, When flags are filtered, Then only twin-like pairs lose the household flags and other rules stay', () => {
    const flags = FLAG_TWIN_PATTERN | FLAG_HOUSEHOLD_ONLY | FLAG_RUN_CONFLICT;
    expect(effectiveFlags(flags, false, twin)).toBe(FLAG_RUN_CONFLICT);
    expect(effectiveFlags(flags, true, twin)).toBe(flags);
    // Another birth date, or no surnames at all: the flag is about missing evidence, not twins.
    expect(effectiveFlags(FLAG_HOUSEHOLD_ONLY, false, levels({ surnames: 'paternal-exact', birthDate: 'else', given: 'similar' }))).toBe(FLAG_HOUSEHOLD_ONLY);
    expect(effectiveFlags(FLAG_HOUSEHOLD_ONLY, false, levels({ birthDate: 'exact', postcode: 'close' }))).toBe(FLAG_HOUSEHOLD_ONLY);
  });
});
