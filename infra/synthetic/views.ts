import { DIALECTS, FILE_OF_INSTITUTION } from './dialects';
import { makeView, type NoiseRates, type NoiseStats, type PersonView } from './noise';
import type { Fact, Ids, Institution } from './records';
import { pad } from './timeline';
import type { Rng } from './random';
import type { Child, Family, TruePerson } from './world';
import { runText } from './world';

/**
 * One family's views: each institution unit's record of each child, made once (id and noise)
 * and reused by every row of that unit, as a clerk's typing is. SENAME's child code is national,
 * so SENAME has one view per child whatever the programme.
 */
export class FamilyViews {
  private readonly views = new Map<string, PersonView>();

  constructor(
    private readonly family: Family,
    private readonly ids: Ids,
    private readonly rates: Readonly<Record<Institution, NoiseRates>>,
    private readonly rng: Rng,
    private readonly stats: NoiseStats,
  ) {}

  /** The view a record carries; newborn records get the birth registration's own view. */
  of(fact: Fact): PersonView {
    const child = fact.child!;
    const unit = fact.institution === 'SENAME' ? '*' : fact.unit;
    const key = `${fact.institution}/${unit}/${child.id}${fact.kind === 'RECIEN_NACIDO' ? '/rn' : ''}`;
    let view = this.views.get(key);
    if (!view) {
      const idNna = this.views.get(`${fact.institution}/${unit}/${child.id}${fact.kind === 'RECIEN_NACIDO' ? '' : '/rn'}`)?.idNna
        ?? personId(this.ids, fact.institution, unit);
      view = fact.kind === 'RECIEN_NACIDO'
        ? newbornView(child, fact.mother!, this.family, idNna, this.rng)
        : makeView({
          institution: fact.institution, idNna, person: child, comuna: this.family.comuna.code, address: this.family.address,
          phone: this.family.phone, rates: this.rates[fact.institution], runDots: DIALECTS[FILE_OF_INSTITUTION[fact.institution]].runDots,
          rng: this.rng, stats: this.stats,
        });
      this.views.set(key, view);
    }
    return view;
  }
}

/** The institution's id for a child it sees for the first time. */
export function personId(ids: Ids, institution: Institution, unit: string): string {
  switch (institution) {
    case 'TRIBUNAL': return `INT-${pad(ids.next(`nna/TRIBUNAL/${unit}`), 6)}`;
    case 'SENAME': return String(1_000_000 + ids.next('nna/SENAME'));
    case 'MUNICIPALITY': return `NNA-${pad(ids.next(`nna/MUNICIPALITY/${unit}`), 5)}`;
    case 'SCHOOL': return `E${pad(ids.next(`nna/SCHOOL/${unit}`), 5)}`;
    // Unique across establishments too, so Patient ids never clash inside one FHIR bundle.
    case 'HEALTH': return String(500_000 + ids.next('nna/HEALTH'));
  }
}

/** A newborn view also carries the mother's RUN for the `run_madre` column. */
export interface NewbornView extends PersonView {
  readonly motherRun: string | null;
}

/**
 * A birth as the hospital registers it (matching.md §5.3): often under the mother's RUN (or with
 * no RUN), named "RN" or "RN HIJO DE <mother's surname>", with the mother's surnames.
 */
export function newbornView(child: Child, mother: TruePerson, family: Family, idNna: string, rng: Rng): NewbornView {
  const noise: string[] = [];
  const dots = rng.chance(DIALECTS.salud.runDots);
  const motherRun = mother.runBody === null ? null : runText(mother.runBody, dots);
  const u = rng.next();
  let run: string | null = null;
  if (child.runBody !== null && u >= 0.5 && u < 0.85 && motherRun) { run = motherRun; noise.push('newborn_mother_run'); }
  else if (child.runBody !== null && u >= 0.85) run = runText(child.runBody, dots);
  else noise.push('newborn_run_blank');

  let given: string[] = [...child.givenNames];
  let paternal: string | null = child.paternal;
  let maternal: string | null = child.maternal;
  if (rng.chance(0.7)) {
    noise.push('newborn_placeholder_name');
    given = rng.chance(0.55) ? ['RN'] : ['RN', child.sex === 'F' ? 'HIJA' : 'HIJO', 'DE', mother.paternal.toUpperCase()];
    const s = rng.next();
    if (s < 0.5) { paternal = mother.paternal; maternal = mother.maternal; noise.push('newborn_mother_surnames'); }
    else if (s < 0.8) { /* the child's own surnames */ }
    else { paternal = null; maternal = null; noise.push('newborn_surnames_blank'); }
  }
  if (rng.chance(0.6)) {
    given = given.map((g) => g.toUpperCase());
    paternal = paternal?.toUpperCase() ?? null;
    maternal = maternal?.toUpperCase() ?? null;
  }
  const keepMotherRun = rng.chance(0.9);
  if (!keepMotherRun && motherRun) noise.push('run_madre_missing');
  return {
    idNna, run, ipe: null, givenNames: given, paternal, maternal, birth: child.birth, sex: child.sex,
    comuna: family.comuna.code, address: family.address, phone: family.phone, noise,
    motherRun: keepMotherRun ? motherRun : null,
  };
}
