import { at, dayOf, ymd, type Day } from './calendar';
import { pickCorruption } from './invalid';
import { makeView, type NoiseRates, type NoiseStats } from './noise';
import type { CsvOutput } from './outputs';
import type { Ids } from './records';
import { hashText, rngOf, STREAM } from './random';
import type { Reference } from './reference';
import { gradeFor, schoolFields } from './school';
import { DIALECTS } from './dialects';
import { personId } from './views';
import { childId, childRunBody, type Child } from './world';
import { GIVEN_FEMALE, GIVEN_MALE, MIGRANT_GIVEN_FEMALE, MIGRANT_GIVEN_MALE, MIGRANT_SURNAMES, STREET_NAMES, SURNAMES, COMPOUND_SURNAMES } from './data/names';
import { mod11CheckDigit } from '../../services/platform/chile';

export interface BulkParams {
  readonly seed: number;
  readonly count: number;
  readonly referenceDay: Day;
  readonly reference: Reference;
  readonly ids: Ids;
  readonly rates: NoiseRates;
  readonly invalidRate: number;
  readonly stats: NoiseStats;
}

/**
 * `--enrollments N`: a school enrollment file of N rows for the ingest benchmark, quickly. One
 * MATRICULA per child (each row a different child, as at the start of a school year), spread over
 * every school of the country, for the school year of the reference date. The same view noise
 * and the same share of invalid rows as the world mode; no trajectories, no families.
 */
export async function bulkEnrollments(
  p: BulkParams, out: CsvOutput, flush: () => Promise<void>, onProgress?: (x: { done: number; total: number }) => void,
): Promise<void> {
  const schools = p.reference.allSchools;
  const year = ymd(p.referenceDay - 1).y;
  const step = Math.max(1, Math.floor(p.count / 100));
  for (let n = 1; n <= p.count; n++) {
    const rng = rngOf(p.seed, STREAM.bulk, n);
    const school = schools[rng.int(0, schools.length - 1)]!;
    const migrant = rng.chance(0.03);
    const sex = rng.chance(0.5) ? 'F' : 'M';
    const given = migrant ? (sex === 'F' ? MIGRANT_GIVEN_FEMALE : MIGRANT_GIVEN_MALE) : sex === 'F' ? GIVEN_FEMALE : GIVEN_MALE;
    const surnames = migrant ? MIGRANT_SURNAMES : SURNAMES;
    const surname = () => (!migrant && rng.chance(0.08) ? rng.pick(COMPOUND_SURNAMES) : rng.pick(surnames));
    const first = rng.pick(given);
    let second = rng.pick(given);
    if (second === first) second = '';
    const age = rng.int(4, 17);
    const birth = dayOf(year - age, 3, 31) - rng.int(0, 364);
    const ipeDigits = String(100_000_000 + ((n * 1_618_033) % 9_000_000));
    const child: Child = {
      id: childId(n), number: n, familyIndex: n - 1, givenNames: second && rng.chance(0.65) ? [first, second] : [first],
      paternal: surname(), maternal: surname(), runBody: migrant ? null : childRunBody(p.seed, n),
      ipe: migrant ? `${ipeDigits.slice(0, 3)}.${ipeDigits.slice(3, 6)}.${ipeDigits.slice(6)}-${mod11CheckDigit(ipeDigits)}` : null,
      birth, sex, twinId: null, birthOrder: null, migrant,
    };
    const unit = String(school.rbd);
    const view = makeView({
      institution: 'SCHOOL', idNna: personId(p.ids, 'SCHOOL', unit), person: child, comuna: school.comunaCode,
      address: `${rng.pick(['Calle', 'Pasaje', 'Avenida'])} ${rng.pick(STREET_NAMES)} ${rng.int(1, 4999)}`,
      phone: rng.chance(0.5) ? `9${rng.int(10_000_000, 99_999_999)}` : null, rates: p.rates, runDots: DIALECTS.colegios.runDots, rng, stats: p.stats,
    });
    const recordNo = p.ids.next('registro/SCHOOL');
    const fact = {
      institution: 'SCHOOL' as const, kind: 'MATRICULA', unit, child, recordId: `SIGE-${year}-${String(recordNo).padStart(7, '0')}`,
      at: at(dayOf(year, 2, 15) + rng.int(0, 25), rng.int(8, 16), rng.int(0, 11) * 5),
      fields: { ...schoolFields(school, year, rng.chance(0.6)), curso: gradeFor(age) ?? '' },
    };
    out.add({
      fact, view, traits: migrant ? ['migrant'] : [],
      invalid: pickCorruption(rngOf(p.seed, STREAM.invalid, hashText(fact.recordId), 1), p.invalidRate, 'csv'),
    });
    if (n % step === 0 || n === p.count) {
      onProgress?.({ done: n, total: p.count });
      await flush();
    }
  }
}
