import type { Day } from './calendar';
import { pad, type FamilyTimeline } from './timeline';
import type { Child } from './world';

/**
 * Health signals: the birth (RECIEN_NACIDO, always in the hospital's CSV, registered under the
 * mother), primary-care enrollment at the CESFAM, mental-health and drug-treatment programmes
 * for children in the network, and emergency visits, some with injuries and a maltreatment
 * suspicion (the visit that opened a protection case comes from {@link ProtectionOutcome}).
 */
export function healthTrajectory(
  tl: FamilyTimeline, child: Child, signals: { inProtection: boolean; juvenile: boolean; maltreatmentVisit: Day | null },
): void {
  const { rng, scope, family } = tl;
  const hospital = tl.ref.hospital(family.comuna);
  const cesfam = tl.ref.cesfam(family.comuna);

  const born = child.birth >= scope.windowStart;
  if (born) {
    tl.emit({
      institution: 'HEALTH', kind: 'RECIEN_NACIDO', unit: hospital.code, at: tl.time(child.birth, 1, 23), child, fhir: false, mother: family.mother,
      fields: { cod_establecimiento: hospital.code, run_madre: '', orden_nacimiento: child.birthOrder === null ? '' : String(child.birthOrder) },
      recordId: (n) => `RN-${pad(n, 8)}`,
    });
  }
  const enroll = (programme: string, day: Day) => tl.emit({
    institution: 'HEALTH', kind: 'INSCRIPCION_PROGRAMA', unit: cesfam.code, at: tl.time(day, 8, 17), child, fhir: cesfam.exportsFhir,
    fields: { cod_establecimiento: cesfam.code, programa_salud: programme },
    recordId: (n) => (cesfam.exportsFhir ? `eoc-${n}` : `INS-${pad(n, 8)}`),
  });
  const anyDay = (): Day => {
    const [lo, hi] = [Math.max(scope.windowStart, child.birth + 1), scope.referenceDay - 1];
    return lo >= hi ? hi : rng.int(lo, hi);
  };
  if (born) enroll('ATENCION_PRIMARIA', child.birth + rng.int(10, 40));
  else if (rng.chance(0.2)) enroll('ATENCION_PRIMARIA', anyDay());
  if (rng.chance(0.1)) enroll('DENTAL', anyDay());
  if (signals.inProtection && rng.chance(0.3)) enroll('SALUD_MENTAL', anyDay());
  if (signals.juvenile && rng.chance(0.3)) enroll('TRATAMIENTO_DROGAS', anyDay());

  const visit = (day: Day, lesion: boolean, maltreatment: boolean, report: string) => tl.emit({
    institution: 'HEALTH', kind: 'ATENCION_URGENCIA', unit: hospital.code, at: tl.time(day, 1, 23), child, fhir: hospital.exportsFhir,
    fields: { cod_establecimiento: hospital.code, lesion: lesion ? 'SI' : 'NO', sospecha_maltrato: maltreatment ? 'SI' : 'NO', denuncia: report },
    recordId: (n) => (hospital.exportsFhir ? `enc-${n}` : `DAU-${pad(n, 8)}`),
  });
  const visits = rng.weighted([[0, 55], [1, 30], [2, 10], [3, 5]] as const);
  for (let k = 0; k < visits; k++) {
    const lesion = rng.chance(0.2);
    visit(anyDay(), lesion, false, lesion && rng.chance(0.3) ? 'NO' : '');
  }
  if (signals.maltreatmentVisit !== null) visit(signals.maltreatmentVisit, rng.chance(0.8), true, rng.chance(0.7) ? 'SI' : '');
}
