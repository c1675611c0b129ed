import fc from 'fast-check';
import { CHILE_BUSINESS_CALENDAR as time } from '../../config/calendar';
import { FLOW_RULES } from '../../config/flow-rules';
import { CHILE_TERRITORY } from '../../config/territory';
import { aStay } from '../../../../test/builders/case-events';
import { deriveChildFlow } from '../flow/derive-child-flow';
import { addMonthsUtc } from '../flow/time';
import { computeIndicators } from './compute';

/**
 * Indicators on random populations against an independent, naive recomputation from the raw stay
 * list (no flows, no linking): consecutive non-overlapping stays per child, exits by egress or fuga.
 */
const DAY = 86_400_000;
const T0 = Date.UTC(2023, 0, 1, 15);
const stayArb = fc.record({ gap: fc.integer({ min: 0, max: 300 }), length: fc.integer({ min: 1, max: 200 }), exit: fc.constantFrom('EGRESS', 'FUGA', 'OPEN'),
  modality: fc.constantFrom('CTD', 'COD', 'CERECO') });
const population = fc.array(fc.array(stayArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 });

interface RawStay { child: string; admitAt: number; exitAt: number | null; fuga: boolean; modality: string }

function build(pop: { gap: number; length: number; exit: string; modality: string }[][]) {
  const raw: RawStay[] = [];
  const flows = pop.map((stays, ci) => {
    let t = T0 + ci * 3 * DAY;
    const events = [];
    for (const [si, s] of stays.entries()) {
      const admitAt = t + s.gap * DAY;
      const st = aStay({ childId: `K${ci}`, caseRef: `K${ci}-${si}`, programmeCode: `P-${s.modality}`, modality: s.modality as 'CTD' });
      events.push(st.admit(new Date(admitAt).toISOString(), 'DERIVACION'));
      let exitAt: number | null = null;
      if (s.exit !== 'OPEN' || si < stays.length - 1) {
        exitAt = admitAt + s.length * DAY;
        events.push(s.exit === 'FUGA' ? st.abscond(new Date(exitAt).toISOString(), 'FUGA')
          : st.egress(new Date(exitAt).toISOString(), { destination: 'FAMILIA_ORIGEN', cause: 'TERMINO_MEDIDA_JUDICIAL' }));
        // A return within the fuga re-open window would re-open the stay: the next admission comes later.
        t = exitAt + (s.exit === 'FUGA' ? 31 * DAY : DAY);
      } else t = admitAt + DAY;
      raw.push({ child: `K${ci}`, admitAt, exitAt, fuga: s.exit === 'FUGA' && exitAt !== null, modality: s.modality });
    }
    return deriveChildFlow(events, FLOW_RULES, `K${ci}`);
  });
  return { raw, flows };
}

const Q = { from: '2023-01-01', to: '2024-12-31', asOf: Date.UTC(2027, 0, 1), by: 'NONE' as const, administration: 'ALL' as const };

describe('indicators against an independent recomputation', () => {
  it('Given random populations, When network re-entry within 6 months is computed, Then stays and children match the naive count', () => {
    fc.assert(fc.property(population, (pop) => {
      const { raw, flows } = build(pop);
      const inPeriod = (at: number) => { const d = time.localDate(at); return d >= Q.from && d <= Q.to; };
      const exits = raw.filter((s) => s.exitAt !== null && inPeriod(s.exitAt));
      const back = (s: RawStay) => raw.some((n) => n.child === s.child && n.admitAt > s.exitAt! && n.admitAt < addMonthsUtc(s.exitAt!, 6));
      const children = new Set(exits.map((s) => s.child));
      const childrenBack = new Set(exits.filter(back).map((s) => s.child));
      const [row] = computeIndicators({ flows, capacity: [] }, { ...Q, indicatorIds: ['HUB-REENTRY-6M'] }, time, CHILE_TERRITORY);
      expect([row!.stays.numerator, row!.stays.denominator]).toEqual([exits.filter(back).length, exits.length]);
      expect([row!.children.numerator, row!.children.denominator]).toEqual([childrenBack.size, children.size]);
    }), { numRuns: 100 });
  });

  it('Given random populations, When COD fugas (#33) and the mean residential COD stay (#30) are computed, Then they match the naive formulas', () => {
    fc.assert(fc.property(population, (pop) => {
      const { raw, flows } = build(pop);
      const inPeriod = (at: number) => { const d = time.localDate(at); return d >= Q.from && d <= Q.to; };
      const cod = raw.filter((s) => s.modality === 'COD' && s.exitAt !== null && inPeriod(s.exitAt));
      const rows = computeIndicators({ flows, capacity: [] }, { ...Q, indicatorIds: ['MML-33', 'MML-30'] }, time, CHILE_TERRITORY);
      const fugas = rows.find((r) => r.indicatorId === 'MML-33')!;
      expect([fugas.stays.numerator, fugas.stays.denominator]).toEqual([cod.filter((s) => s.fuga).length, cod.length]);
      const days = cod.map((s) => Math.round((Date.parse(time.localDate(s.exitAt!)) - Date.parse(time.localDate(s.admitAt))) / DAY));
      const mean = rows.find((r) => r.indicatorId === 'MML-30')!;
      expect([mean.stays.numerator, mean.stays.denominator]).toEqual([days.reduce((a, b) => a + b, 0), days.length]);
    }), { numRuns: 100 });
  });
});
