import { aRecord } from '../../../test/builders/identity-corrections';
import { buildGoldenRecord, changedGoldenFields, DEFAULT_SURVIVORSHIP_POLICY, type SurvivorshipPolicy } from './golden-record';

const JAN = Date.UTC(2024, 0, 1);
const FEB = Date.UTC(2024, 1, 1);
const MAR = Date.UTC(2024, 2, 1);

describe('buildGoldenRecord', () => {
  it('Given records from several institutions, When built, Then each value carries the record, institution, time and rule that chose it', () => {
    const g = buildGoldenRecord([aRecord('SCHOOL|S1', {}, FEB), aRecord('HEALTH|H1', {}, JAN)], DEFAULT_SURVIVORSHIP_POLICY);
    expect(g.run).toEqual({ value: '12345678-5', provenance: { recordKey: 'HEALTH|H1', institution: 'HEALTH', observedAt: JAN, rule: 'trust-frequency', support: 2, distinctValues: 1 } });
    expect(g.comunaCode?.provenance).toMatchObject({ recordKey: 'SCHOOL|S1', rule: 'recency' });
    expect(g.policyVersion).toBe(DEFAULT_SURVIVORSHIP_POLICY.version);
    expect(g.recordCount).toBe(2);
  });

  it('Given conflicting RUNs, When built, Then the most trusted institution wins over a more frequent less trusted one', () => {
    const g = buildGoldenRecord([
      aRecord('SCHOOL|S1', { run: '15.222.333-1' }), aRecord('SCHOOL|S2', { run: '15222333-1' }), aRecord('TRIBUNAL|T1', { run: '12345678-5' }),
    ], DEFAULT_SURVIVORSHIP_POLICY);
    expect(g.run?.value).toBe('12345678-5');
    expect(g.run?.provenance).toMatchObject({ recordKey: 'TRIBUNAL|T1', support: 1, distinctValues: 2 });
  });

  it('Given equally trusted sources disagreeing, When built, Then the value most records agree on wins, normalised', () => {
    const g = buildGoldenRecord([
      aRecord('HEALTH|H1', { run: '15.222.333-1', givenNames: 'Camila' }, MAR),
      aRecord('HEALTH|H2', { run: '12.345.678-5', givenNames: 'CAMILA ANTONIA' }, JAN),
      aRecord('HEALTH|H3', { run: '123456785', givenNames: 'camila antonia' }, FEB),
    ], DEFAULT_SURVIVORSHIP_POLICY);
    expect(g.run?.value).toBe('12345678-5');
    expect(g.run?.provenance.support).toBe(2);
    // The most recent of the winning group is shown, as written there.
    expect(g.givenNames).toMatchObject({ value: 'camila antonia', provenance: { recordKey: 'HEALTH|H3', support: 2, distinctValues: 2 } });
  });

  it('Given an invalid RUN from the most trusted source, When built, Then it is ignored as missing, not chosen', () => {
    const g = buildGoldenRecord([aRecord('HEALTH|H1', { run: '12.345.678-9' }), aRecord('SCHOOL|S1', { run: '15.222.333-1' })], DEFAULT_SURVIVORSHIP_POLICY);
    expect(g.run).toMatchObject({ value: '15222333-1', provenance: { recordKey: 'SCHOOL|S1', distinctValues: 1 } });
  });

  it('Given a child who moved, When built, Then the comuna is the most recent observation even from a less trusted source', () => {
    const g = buildGoldenRecord([aRecord('HEALTH|H1', { comunaCode: '13101' }, JAN), aRecord('MUNICIPALITY|M1', { comunaCode: '8101' }, MAR)], DEFAULT_SURVIVORSHIP_POLICY);
    expect(g.comunaCode).toMatchObject({ value: '08101', provenance: { recordKey: 'MUNICIPALITY|M1', observedAt: MAR, rule: 'recency', distinctValues: 2 } });
  });

  it('Given a recent school address and an older health address, When built, Then the school is below the address trust floor and the health address wins', () => {
    const g = buildGoldenRecord([
      aRecord('HEALTH|H1', { address: { street: 'Calle Uno 1', locality: 'Ñuñoa', postcode: null, region: null } }, JAN),
      aRecord('SCHOOL|S1', { address: { street: 'Colegio 99', locality: 'Maipú', postcode: null, region: null } }, MAR),
    ], DEFAULT_SURVIVORSHIP_POLICY);
    expect(g.address?.value.street).toBe('Calle Uno 1');
    expect(g.address?.provenance.distinctValues).toBe(1);
  });

  it('Given partial or impossible birth dates, When built, Then only a real calendar date is chosen', () => {
    const g = buildGoldenRecord([aRecord('HEALTH|H1', { birthDate: '2014-02-30' }), aRecord('TRIBUNAL|T1', { birthDate: '2014-05' }), aRecord('SCHOOL|S1', { birthDate: '2014-05-09' })], DEFAULT_SURVIVORSHIP_POLICY);
    expect(g.birthDate).toMatchObject({ value: '2014-05-09', provenance: { recordKey: 'SCHOOL|S1' } });
  });

  it('Given no usable value for a field, When built, Then the field is null', () => {
    const g = buildGoldenRecord([aRecord('HEALTH|H1', { phone: null, sex: null, address: null })], DEFAULT_SURVIVORSHIP_POLICY);
    expect([g.phone, g.sex, g.address]).toEqual([null, null, null]);
  });

  it('Given the same records in any order, When built, Then the golden record is identical', () => {
    const rs = [aRecord('HEALTH|H1', { givenNames: 'Camila' }, JAN), aRecord('HEALTH|H2', { givenNames: 'Camile' }, JAN), aRecord('SENAME|X1', { comunaCode: '05101' }, JAN)];
    expect(buildGoldenRecord([...rs].reverse(), DEFAULT_SURVIVORSHIP_POLICY)).toEqual(buildGoldenRecord(rs, DEFAULT_SURVIVORSHIP_POLICY));
  });

  it('Given a policy that trusts schools most for names, When built, Then the policy (data) decides, not code', () => {
    const policy: SurvivorshipPolicy = { ...DEFAULT_SURVIVORSHIP_POLICY, version: 'test', fields: { ...DEFAULT_SURVIVORSHIP_POLICY.fields, givenNames: { rule: 'trust-frequency', trust: { SCHOOL: 99 } } } };
    const g = buildGoldenRecord([aRecord('HEALTH|H1', { givenNames: 'Camila' }), aRecord('SCHOOL|S1', { givenNames: 'Camila Antonia' })], policy);
    expect(g.givenNames?.value).toBe('Camila Antonia');
    expect(g.policyVersion).toBe('test');
  });

  it('Given identifiers in several records, When built, Then each distinct one appears once with its first record', () => {
    const g = buildGoldenRecord([
      aRecord('SCHOOL|S1', { identifiers: [{ scheme: 'cl-ipe', value: '100.200.300' }] }, FEB),
      aRecord('SCHOOL|S2', { identifiers: [{ scheme: 'CL-IPE', value: '100200300' }] }, JAN),
    ], DEFAULT_SURVIVORSHIP_POLICY);
    expect(g.identifiers).toHaveLength(1);
    expect(g.identifiers[0]).toMatchObject({ value: { scheme: 'CL-IPE' }, provenance: { recordKey: 'SCHOOL|S2', support: 2 } });
  });

  it('Given two golden records, When compared, Then only the fields whose value changed are listed', () => {
    const a = buildGoldenRecord([aRecord('HEALTH|H1', {}, JAN)], DEFAULT_SURVIVORSHIP_POLICY);
    const b = buildGoldenRecord([aRecord('HEALTH|H1', {}, JAN), aRecord('MUNICIPALITY|M1', { comunaCode: '05101' }, MAR)], DEFAULT_SURVIVORSHIP_POLICY);
    expect(changedGoldenFields(a, b)).toEqual(['comunaCode']);
    expect(changedGoldenFields(null, a)).toContain('run');
  });
});
