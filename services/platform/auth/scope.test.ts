import { canonicalScope, checkInstitution, checkUnit } from './scope';

describe('credential scope', () => {
  const court = { institution: 'TRIBUNAL' as const, scope: '1301' };

  it('Given a court credential, When it publishes on the courts route for its own court, Then both checks pass', () => {
    expect(checkInstitution(court, 'TRIBUNAL')).toBeNull();
    expect(checkUnit(court, '1301')).toBeNull();
  });

  it('Given a court credential, When the record names another court, Then the unit is denied', () => {
    expect(checkUnit(court, '1302')).toBe('WRONG_UNIT');
    expect(checkUnit(court, '13010')).toBe('WRONG_UNIT');
  });

  it('Given a court credential, When used on another institution route, Then the institution is denied', () => {
    expect(checkInstitution(court, 'SENAME')).toBe('WRONG_INSTITUTION');
  });

  it('Given a credential scoped `*`, When the record names any unit, Then it is allowed (institution still checked)', () => {
    const national = { institution: 'SENAME' as const, scope: '*' };
    expect(checkUnit(national, '1130456')).toBeNull();
    expect(checkInstitution(national, 'TRIBUNAL')).toBe('WRONG_INSTITUTION');
  });

  it('Given scopes as operators type them, When canonicalised, Then they equal the units connectors put in records', () => {
    expect(canonicalScope('MUNICIPALITY', '8101')).toBe('08101');
    expect(canonicalScope('MUNICIPALITY', '13101')).toBe('13101');
    expect(canonicalScope('SCHOOL', '08485-3')).toBe('8485');
    expect(canonicalScope('TRIBUNAL', ' 1301 ')).toBe('1301');
    expect(canonicalScope('HEALTH', '*')).toBe('*');
  });

  it('Given invalid scopes, When canonicalised, Then they are refused', () => {
    expect(canonicalScope('MUNICIPALITY', '99999')).toBeNull();
    expect(canonicalScope('SCHOOL', 'abc')).toBeNull();
    expect(canonicalScope('TRIBUNAL', '13/01')).toBeNull();
    expect(canonicalScope('TRIBUNAL', '')).toBeNull();
  });
});
