import { CHILE_BUSINESS_CALENDAR as time } from '../../config/calendar';
import { FLOW_RULES } from '../../config/flow-rules';
import { CHILE_TERRITORY } from '../../config/territory';
import { aCourt, aStay, ms } from '../../../../test/builders/case-events';
import type { Administration, CareRegime, EgressCause, EgressDestination, ProgrammeModality } from '../../../../schemas';
import type { CaseInputEvent } from '../case-input-event';
import { deriveChildFlow } from '../flow/derive-child-flow';
import type { ChildFlow } from '../flow/types';
import { computeIndicators, indicatorsWithTerritory, roundHalfUp } from './compute';
import { indicatorsToCsv } from './csv';
import type { Breakdown, CapacityDeclaration, IndicatorQuery, IndicatorRow } from './types';

/** Hand-computed fixtures: every expected number below is worked out in the test's name or comment. */
interface StaySpec {
  modality: ProgrammeModality;
  admit: string;
  exit?: string;
  regime?: CareRegime;
  administration?: Administration;
  programme?: string;
  cause?: EgressCause;
  destination?: EgressDestination;
  abscond?: 'FUGA' | 'ABANDONO';
  derivationId?: string;
  fromDerivation?: string;
  comuna?: string | null;
  extra?: (s: ReturnType<typeof aStay>) => CaseInputEvent[];
}

function child(childId: string, stays: StaySpec[]): ChildFlow {
  const events = stays.flatMap((s, i) => {
    const st = aStay({ childId, caseRef: `${childId}-S${i}`, programmeCode: s.programme ?? `P-${s.modality}-${s.administration ?? 'AADD'}`,
      modality: s.modality, regime: s.regime ?? 'RESIDENCIAL', administration: s.administration ?? 'AADD', comunaCode: s.comuna === undefined ? '13101' : s.comuna });
    const out = [st.admit(s.admit, s.fromDerivation ? 'DERIVACION' : 'ORDEN_TRIBUNAL', s.fromDerivation ? { derivationId: s.fromDerivation } : {})];
    if (s.exit && s.abscond) out.push(st.abscond(s.exit, s.abscond));
    else if (s.exit) out.push(st.egress(s.exit, { cause: s.cause ?? 'CUMPLIMIENTO_OBJETIVOS_PII', destination: s.destination ?? 'FAMILIA_ORIGEN', derivationId: s.derivationId ?? null }));
    return [...out, ...(s.extra ? s.extra(st) : [])];
  });
  return deriveChildFlow(events, FLOW_RULES, childId);
}

const Q = (o: Partial<IndicatorQuery> & { ids: string[] }): IndicatorQuery => ({
  from: '2006-01-01', to: '2006-12-31', asOf: ms('2008-01-01'), by: 'NONE', indicatorIds: o.ids, ...o,
});
const run = (flows: ChildFlow[], q: IndicatorQuery, capacity: CapacityDeclaration[] = []) => computeIndicators({ flows, capacity }, q, time, CHILE_TERRITORY);
const one = (rows: IndicatorRow[], id: string, group = 'NACIONAL') => rows.find((r) => r.indicatorId === id && r.group === group)!;
const pct = (r: IndicatorRow) => roundHalfUp(r.stays.value!);

describe('indicators on hand-computed fixtures', () => {
  it('Given adoption exits of 100 and 200 days (one child) and 165 days (another), When MML-04 is computed, Then stays mean 155 and children mean 157.5', () => {
    const flows = [
      child('A', [{ modality: 'CTDL', admit: '2006-01-01', exit: '2006-04-11', destination: 'FAMILIA_ADOPTIVA' },
        { modality: 'CTDL', admit: '2006-04-20', exit: '2006-11-06', destination: 'FAMILIA_ADOPTIVA' }]),
      child('B', [{ modality: 'CTDL', admit: '2006-03-01', exit: '2006-08-13', cause: 'PROCESO_ADOPCION', destination: 'PROGRAMA_RED_PROTECCION' }]),
      child('C', [{ modality: 'CTDL', admit: '2006-01-01', exit: '2006-02-01', destination: 'FAMILIA_ORIGEN' }]), // not adoption
      child('D', [{ modality: 'CTDL', admit: '2006-01-01', exit: '2006-06-01', destination: 'FAMILIA_ADOPTIVA', administration: 'OCA' }]), // OCA
      child('E', [{ modality: 'CTDL', admit: '2005-01-01', exit: '2005-06-01', destination: 'FAMILIA_ADOPTIVA' }]), // exit in 2005
    ];
    const r = one(run(flows, Q({ ids: ['MML-04'] })), 'MML-04');
    expect(r.stays).toEqual({ numerator: 465, denominator: 3, value: 155 });
    expect(r.children).toEqual({ numerator: 315, denominator: 2, value: 157.5 });
    expect(r.meetsTarget).toBe(true); // 155 <= 240 days
  });

  it('Given 47 CERECO exits of which 20 re-enter the offenders network within 6 months, When MML-45 is computed, Then 57.4 % misses the 68 % target the 2007 report called met', () => {
    const flows: ChildFlow[] = [];
    for (let i = 0; i < 47; i++) {
      const stays: StaySpec[] = [{ modality: 'CERECO', admit: '2006-01-10', exit: '2006-06-15', cause: 'TERMINO_MEDIDA_JUDICIAL', destination: 'FAMILIA_ORIGEN' }];
      if (i < 15) stays.push({ modality: 'COD', admit: '2006-09-01' });
      else if (i < 20) stays.push({ modality: 'CIP', admit: '2006-12-14', administration: 'OCA' }); // 5 months 29 days: inside the window
      else if (i < 22) stays.push({ modality: 'CERECO', admit: '2007-01-20' }); // 7 months later: outside
      else if (i < 23) stays.push({ modality: 'RESIDENCIA', admit: '2006-08-01', administration: 'OCA' }); // protection, not offenders network
      flows.push(child(`R${i}`, stays));
    }
    const r = one(run(flows, Q({ ids: ['MML-45'] })), 'MML-45');
    expect([r.stays.numerator, r.stays.denominator]).toEqual([27, 47]);
    expect(pct(r)).toBe(57.4);
    expect(r.meetsTarget).toBe(false);
    expect(r.final).toBe(true);
    const early = one(run(flows, Q({ ids: ['MML-45'], asOf: ms('2006-10-01') })), 'MML-45');
    expect(early.final).toBe(false); // the windows of the exits are still open on 1 Oct 2006
    expect(early.provisionalItems).toBe(47 - 15);
  });

  it('Given re-entries to an OCA and to an AADD centre, When #3 is read as printed, Then the name (red Sename, 50 %) and the formula (AADD only, 75 %) disagree', () => {
    const flows = [
      child('A', [{ modality: 'CTD', admit: '2006-01-01', exit: '2006-02-01' }, { modality: 'RESIDENCIA', admit: '2006-05-01', administration: 'OCA' }]),
      child('B', [{ modality: 'CTD', admit: '2006-01-01', exit: '2006-02-01' }, { modality: 'CTD', admit: '2006-03-01', programme: 'P-CTD-2' }]),
      child('C', [{ modality: 'CTD', admit: '2006-01-01', exit: '2006-02-01' }]),
      child('D', [{ modality: 'COD', admit: '2006-01-01', exit: '2006-01-04', cause: 'TERMINO_MEDIDA_JUDICIAL' }]),
    ];
    const rows = run(flows, Q({ ids: ['MML-03', 'MML-03-AADD', 'PROP-03'] }));
    expect(one(rows, 'MML-03').stays).toEqual({ numerator: 2, denominator: 4, value: 50 });
    expect(one(rows, 'MML-03-AADD').stays).toEqual({ numerator: 3, denominator: 4, value: 75 });
    expect(one(rows, 'MML-03').final).toBe(false); // no window: a later admission can always come
    expect(one(rows, 'PROP-03').stays).toEqual({ numerator: 1, denominator: 3, value: (1 / 3) * 100 }); // protection centres only, 6 months
    expect(one(rows, 'PROP-03').final).toBe(true);
  });

  it('Given a CTD exit by derivation to a residence and the linked admission, When PROP-03 and the network re-entry are computed, Then the transfer is no re-entry', () => {
    const flows = [child('A', [
      { modality: 'CTD', admit: '2006-01-01', exit: '2006-02-01', destination: 'PROGRAMA_RED_PROTECCION', derivationId: 'D-1' },
      { modality: 'RESIDENCIA', admit: '2006-02-02', administration: 'OCA', fromDerivation: 'D-1' },
    ])];
    const rows = run(flows, Q({ ids: ['PROP-03', 'HUB-REENTRY-6M'] }));
    expect(one(rows, 'PROP-03').stays).toEqual({ numerator: 1, denominator: 1, value: 100 });
    expect(one(rows, 'HUB-REENTRY-6M').stays).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('Given three children with 3, 1 and 1 exits and 2 re-entries for the first, When HUB-REENTRY-6M is computed, Then stays 2/5 = 40 % and children 1/3', () => {
    const flows = [
      child('X', [{ modality: 'CTD', admit: '2006-01-01', exit: '2006-01-20' }, { modality: 'CTD', admit: '2006-03-01', exit: '2006-03-20', programme: 'P2' },
        { modality: 'CTD', admit: '2006-05-01', exit: '2006-05-20', programme: 'P3' }]),
      child('Y', [{ modality: 'PROGRAMA_MALTRATO', admit: '2006-01-01', exit: '2006-03-01', administration: 'OCA' }]),
      child('Z', [{ modality: 'COD', admit: '2006-02-01', exit: '2006-02-04' }]),
    ];
    const r = one(run(flows, Q({ ids: ['HUB-REENTRY-6M'] })), 'HUB-REENTRY-6M');
    expect(r.stays).toEqual({ numerator: 2, denominator: 5, value: 40 });
    expect(r.children).toEqual({ numerator: 1, denominator: 3, value: (1 / 3) * 100 });
  });

  it('Given CTDE admissions of 40 d (PII day 10), 45 d (PII day 35), 20 d, one open 10 d and one open 60 d without PII, When MML-24 is computed, Then 1/3 with one pending', () => {
    const plan = (when: string) => (s: ReturnType<typeof aStay>) => [s.plan(when, 'ESPECIALIZADA')];
    const flows = [
      child('A', [{ modality: 'CTDE', admit: '2006-03-01', exit: '2006-04-10', extra: plan('2006-03-11') }]),
      child('B', [{ modality: 'CTDE', admit: '2006-03-01', exit: '2006-04-15', extra: plan('2006-04-05') }]),
      child('C', [{ modality: 'CTDE', admit: '2006-03-01', exit: '2006-03-21' }]),
      child('D', [{ modality: 'CTDE', admit: '2006-06-20' }]),
      child('E', [{ modality: 'CTDE', admit: '2006-05-01' }]),
    ];
    const r = one(run(flows, Q({ ids: ['MML-24'], asOf: ms('2006-06-30') })), 'MML-24');
    expect(r.stays).toEqual({ numerator: 1, denominator: 3, value: (1 / 3) * 100 });
    expect(r.provisionalItems).toBe(1);
    expect(r.final).toBe(false);
  });

  it('Given 63 CERECO stays of 30+ days of which 59 had a PII within 30 days, When MML-40 is rounded, Then 93.65 % shows 93.7 (the annex) not 93.6 (the text)', () => {
    const flows = Array.from({ length: 63 }, (_, i) => child(`C${i}`, [{ modality: 'CERECO', admit: '2006-02-01', exit: '2006-08-01',
      cause: 'TERMINO_MEDIDA_JUDICIAL', extra: (s) => [s.plan(i < 59 ? '2006-02-08' : '2006-03-20', 'CERECO')] }]));
    const r = one(run(flows, Q({ ids: ['MML-40'] })), 'MML-40');
    expect([r.stays.numerator, r.stays.denominator]).toEqual([59, 63]);
    expect(roundHalfUp(r.stays.value!)).toBe(93.7);
    expect(r.meetsTarget).toBe(true);
  });

  it('Given 19 CTD exits of 38 days and one of 39, all diagnosed, When MML-15 is computed, Then the mean 38.05 shows 38.1 (text) not 38.0 (annex)', () => {
    const rep = (s: ReturnType<typeof aStay>) => [s.report('2006-03-10')];
    const flows = Array.from({ length: 20 }, (_, i) => child(`T${i}`, [{ modality: 'CTD', admit: '2006-03-01', exit: i === 0 ? '2006-04-09' : '2006-04-08', extra: rep }]));
    flows.push(child('U', [{ modality: 'CTD', admit: '2006-03-01', exit: '2006-05-01' }])); // no diagnosis: excluded
    const r = one(run(flows, Q({ ids: ['MML-15'] })), 'MML-15');
    expect(r.stays).toEqual({ numerator: 761, denominator: 20, value: 38.05 });
    expect(roundHalfUp(r.stays.value!)).toBe(38.1);
  });

  it('Given proposals accepted, modified and pending, When MML-11 is computed, Then only ACOGE counts and the pending one keeps it provisional', () => {
    const court = (prefix: string, decision?: 'ACOGE' | 'MODIFICA') => (s: ReturnType<typeof aStay>) => [
      s.propose('2006-05-01'), ...(decision ? [aCourt({ childId: prefix, prefix }).resolve('2006-05-10', decision, { programmeCode: `P-CTD-AADD` })] : [])];
    const flows = [child('A', [{ modality: 'CTD', admit: '2006-03-01', extra: court('A', 'ACOGE') }]),
      child('B', [{ modality: 'CTD', admit: '2006-03-01', extra: court('B', 'MODIFICA') }]),
      child('C', [{ modality: 'CTD', admit: '2006-03-01', extra: court('C') }])];
    const r = one(run(flows, Q({ ids: ['MML-11'] })), 'MML-11');
    expect(r.stays).toEqual({ numerator: 1, denominator: 3, value: (1 / 3) * 100 });
    expect(r.provisionalItems).toBe(1);
  });

  it('Given 4 residential requests (3 answered) and 2 ambulatory (2 answered), When #12 and #16 are computed, Then 75 % and 100 % per regime', () => {
    const req = (id: string, regime: CareRegime, answered: boolean) => child(id, [{ modality: 'CTD', regime, admit: '2006-03-01',
      extra: (s) => [aCourt({ childId: id, prefix: id }).requestDiagnosis('2006-03-02', { programmeCode: `P-CTD-AADD` }), ...(answered ? [s.report('2006-03-20')] : [])] }]);
    const flows = [req('A', 'RESIDENCIAL', true), req('B', 'RESIDENCIAL', true), req('C', 'RESIDENCIAL', true), req('D', 'RESIDENCIAL', false),
      req('E', 'AMBULATORIO', true), req('F', 'AMBULATORIO', true)];
    const rows = run(flows, Q({ ids: ['MML-12', 'MML-16'] }));
    expect(one(rows, 'MML-12').stays).toEqual({ numerator: 3, denominator: 4, value: 75 });
    expect(one(rows, 'MML-16').stays).toEqual({ numerator: 2, denominator: 2, value: 100 });
    expect(one(rows, 'MML-12').meetsTarget).toBe(false);
  });

  it('Given CTDL residential exits (good and re-entered to CTD, good, bad cause, good and then a residence), When MML-08 is computed, Then 2/4 = 50 % are favourable', () => {
    const flows = [
      child('A', [{ modality: 'CTDL', admit: '2006-01-01', exit: '2006-03-01', cause: 'FAMILIA_ASUME_ROL' }, { modality: 'CTD', admit: '2006-05-01' }]),
      child('B', [{ modality: 'CTDL', admit: '2006-01-01', exit: '2006-03-01', cause: 'SUPERACION_VULNERACION' }]),
      child('C', [{ modality: 'CTDL', admit: '2006-01-01', exit: '2006-03-01', cause: 'PERFIL_NO_CORRESPONDE' }]),
      child('D', [{ modality: 'CTDL', admit: '2006-01-01', exit: '2006-03-01', cause: 'PROCESO_ADOPCION' }, { modality: 'RESIDENCIA', admit: '2006-04-01', administration: 'OCA' }]),
    ];
    expect(one(run(flows, Q({ ids: ['MML-08'] })), 'MML-08').stays).toEqual({ numerator: 2, denominator: 4, value: 50 });
  });

  it('Given four CTD exits, one an abandono, and three COD exits, one a fuga, When #17 and #33 are computed, Then 25 % and 33.3 %', () => {
    const flows = [
      child('A', [{ modality: 'CTD', admit: '2006-01-01', exit: '2006-02-01', abscond: 'ABANDONO' }]),
      ...['B', 'C', 'D'].map((id) => child(id, [{ modality: 'CTD', admit: '2006-01-01', exit: '2006-02-01' }])),
      child('E', [{ modality: 'COD', admit: '2006-01-01', exit: '2006-01-03', abscond: 'FUGA' }]),
      ...['F', 'G'].map((id) => child(id, [{ modality: 'COD', admit: '2006-01-01', exit: '2006-01-03', cause: 'TERMINO_MEDIDA_JUDICIAL' }])),
    ];
    const rows = run(flows, Q({ ids: ['MML-17', 'MML-33'] }));
    expect(pct(one(rows, 'MML-17'))).toBe(25);
    expect(pct(one(rows, 'MML-33'))).toBe(33.3);
  });

  it('Given 6 CTD stays open on 31 Dec and a capacity of 10 later re-declared as 8, When MML-18 is computed, Then occupancy is 75 %', () => {
    const flows = ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => child(id, [{ modality: 'CTD', admit: '2006-06-01' }]));
    flows.push(child('G', [{ modality: 'CTD', admit: '2006-06-01', exit: '2006-07-01' }]));
    const cap = (places: number, declared: string): CapacityDeclaration => ({ programmeCode: 'P-CTD-AADD', modality: 'CTD', regime: 'RESIDENCIAL',
      administration: 'AADD', comunaCode: '13101', places, validFrom: '2006-01-01', validTo: null, declaredAt: ms(declared) });
    const r = one(run(flows, Q({ ids: ['MML-18'] }), [cap(10, '2006-01-01'), cap(8, '2006-05-01')]), 'MML-18');
    expect(r.stays).toEqual({ numerator: 6, denominator: 8, value: 75 });
  });

  it('Given brief plans of which one escalated, When #13 and #14 are computed, Then diagnosed-to-plan and brief-to-specialised rates follow', () => {
    const flows = [
      child('A', [{ modality: 'CTD', admit: '2006-01-01', extra: (s) => [s.report('2006-01-15'), s.plan('2006-01-20', 'BREVE'), s.escalate('2006-03-01')] }]),
      child('B', [{ modality: 'CTD', admit: '2006-01-01', extra: (s) => [s.report('2006-01-15'), s.plan('2006-01-20', 'BREVE')] }]),
      child('C', [{ modality: 'CTD', admit: '2006-01-01', extra: (s) => [s.report('2006-01-15')] }]),
    ];
    const rows = run(flows, Q({ ids: ['MML-13', 'MML-14'] }));
    expect(one(rows, 'MML-13').stays).toEqual({ numerator: 2, denominator: 3, value: (2 / 3) * 100 });
    expect(one(rows, 'MML-14').stays).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });
});

describe('breakdowns, territory and export', () => {
  const flows = [
    child('A', [{ modality: 'CTD', admit: '2006-01-01', exit: '2006-02-01', comuna: '13101' }]),
    child('B', [{ modality: 'CTD', admit: '2006-01-01', exit: '2006-02-01', comuna: '13101', abscond: 'ABANDONO' }]),
    child('C', [{ modality: 'CTD', admit: '2006-01-01', exit: '2006-03-01', comuna: '05101' }]),
    child('D', [{ modality: 'CTD', admit: '2006-01-01', exit: '2006-07-01', comuna: null }]),
  ];

  it.each<[Breakdown, string[]]>([
    ['REGION', ['05', '13', 'SIN_DATO']], ['COMUNA', ['05101', '13101', 'SIN_DATO']], ['MONTH', ['2006-02', '2006-03', '2006-07']], ['MODALITY', ['CTD']],
  ])('Given stays in several places, When broken down by %s, Then the parts sum to the national figure (the 2007 centre tables did not)', (by, groups) => {
    const national = one(run(flows, Q({ ids: ['MML-17'] })), 'MML-17');
    const parts = run(flows, Q({ ids: ['MML-17'], by }));
    expect(parts.map((r) => r.group)).toEqual(groups);
    expect(parts.reduce((s, r) => s + r.stays.denominator, 0)).toBe(national.stays.denominator);
    expect(parts.reduce((s, r) => s + r.stays.numerator, 0)).toBe(national.stays.numerator);
  });

  it('Given a municipality (13101), When its territory is compared, Then its value sits beside the national one', () => {
    const [row] = indicatorsWithTerritory({ flows, capacity: [] }, Q({ ids: ['MML-17'] }), ['13101'], time, CHILE_TERRITORY);
    expect(row!.national.stays).toEqual({ numerator: 1, denominator: 4, value: 25 });
    expect(row!.territory!.stays).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('Given rows, When exported as CSV in Spanish, Then headers are labelled by unit and values are rounded half up', () => {
    const csv = indicatorsToCsv(run(flows, Q({ ids: ['MML-17', 'MML-15'] })), 'es');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('indicador,nombre,grupo,unidad_estadias_numerador,unidad_estadias_denominador,unidad_estadias_valor,unidad_ninos_numerador,unidad_ninos_denominador,unidad_ninos_valor,definitivo,items_provisorios,meta,cumple_meta');
    expect(lines.find((l) => l.startsWith('MML-17'))).toBe('MML-17,Porcentaje de egresos por abandono (CTD),NACIONAL,1,4,25,1,4,25,true,0,,');
    expect(lines.find((l) => l.startsWith('MML-15'))).toContain(',NACIONAL,0,0,,0,0,,true,0,<=55,');
  });
});
