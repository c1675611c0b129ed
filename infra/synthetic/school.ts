import { ageAt, dayOf, formatDate, ymd, type Day } from './calendar';
import { hashText } from './random';
import type { School } from './reference';
import type { FamilyTimeline } from './timeline';
import type { Child } from './world';

/**
 * School signals (SIGE-like): an enrollment per school year from pre-kínder to 4° medio, moves
 * between schools (withdrawal TRASLADO, then an enrollment at the new school), drop-outs of
 * adolescents, and chronic-absence alerts, much more frequent for children with a protection case.
 */
export function schoolTrajectory(tl: FamilyTimeline, child: Child, inProtection: boolean): void {
  const { rng, scope } = tl;
  const schools = tl.ref.schools(tl.family.comuna.code);
  if (schools.length === 0) return;
  let school = schools[hashText(child.id) % schools.length]!;
  let droppedOut = false;
  const first = ymd(scope.windowStart).y - 1;
  const last = ymd(scope.referenceDay).y;
  const behind = inProtection && rng.chance(0.2) ? 1 : 0;

  for (let year = first; year <= last; year++) {
    const age = ageAt(child.birth, dayOf(year, 3, 31));
    if (age < 4 || age > 17) continue;
    if (droppedOut) { if (!rng.chance(0.4)) continue; droppedOut = false; }
    if (!rng.chance(child.migrant ? 0.9 : 0.96)) continue;
    const grade = gradeFor(age - behind);
    if (grade === null) continue;
    const enrolled = dayOf(year, 2, 15) + rng.int(0, 25);
    matricula(tl, child, school, year, enrolled, grade);

    if (rng.chance(inProtection ? 0.45 : 0.06)) {
      const [from, to] = rng.pick([[dayOf(year, 3, 1), dayOf(year, 4, 30)], [dayOf(year, 5, 1), dayOf(year, 6, 30)], [dayOf(year, 8, 1), dayOf(year, 9, 30)]] as const);
      const schoolDays = rng.int(36, 44);
      const pct = rng.int(450, 849) / 10;
      tl.emit({
        institution: 'SCHOOL', kind: 'ALERTA_AUSENTISMO', unit: String(school.rbd), at: tl.time(to + rng.int(1, 10), 8, 16), child,
        fields: {
          ...schoolFields(school, year, rng.chance(0.6)),
          fecha_inicio_periodo: formatDate(from), fecha_fin_periodo: formatDate(to),
          porcentaje_asistencia: pct.toFixed(1), dias_lectivos: String(schoolDays),
          dias_ausente: String(Math.round(schoolDays * (1 - pct / 100))), umbral: rng.pick(['85', '90', '']),
        },
      });
    }
    const leaveDay = dayOf(year, 5, 1) + rng.int(0, 180);
    if (age >= 15 && rng.chance(inProtection ? 0.1 : 0.01)) {
      withdraw(tl, child, school, year, leaveDay, 'DESERCION', null);
      droppedOut = true;
    } else if (rng.chance(0.07) && schools.length > 1) {
      const next = schools[(schools.indexOf(school) + rng.int(1, schools.length - 1)) % schools.length]!;
      withdraw(tl, child, school, year, leaveDay, 'TRASLADO', rng.chance(0.7) ? next : null);
      school = next;
      matricula(tl, child, school, year, leaveDay + rng.int(1, 10), grade);
    } else if (rng.chance(0.005)) {
      withdraw(tl, child, school, year, leaveDay, rng.pick(['RETIRO', 'OTRO']), null);
    }
  }
}

/** Common columns of a school record; `dv` says whether this export carries DGV_RBD. */
export function schoolFields(school: School, year: number, dv: boolean): Record<string, string> {
  return { rbd: String(school.rbd), dv_rbd: dv ? school.dv : '', anio_escolar: String(year) };
}

function matricula(tl: FamilyTimeline, child: Child, school: School, year: number, day: Day, grade: string): void {
  tl.emit({
    institution: 'SCHOOL', kind: 'MATRICULA', unit: String(school.rbd), at: tl.time(day, 8, 16), child,
    fields: { ...schoolFields(school, year, tl.rng.chance(0.6)), curso: grade },
  });
}

function withdraw(tl: FamilyTimeline, child: Child, school: School, year: number, day: Day, reason: string, destination: School | null): void {
  tl.emit({
    institution: 'SCHOOL', kind: 'RETIRO', unit: String(school.rbd), at: tl.time(day, 8, 16), child,
    fields: { ...schoolFields(school, year, tl.rng.chance(0.6)), motivo_retiro: reason, rbd_destino: destination ? String(destination.rbd) : '' },
  });
}

const GRADES: readonly string[] = [
  'Pre-kínder', 'Kínder', '1° básico', '2° básico', '3° básico', '4° básico', '5° básico', '6° básico', '7° básico', '8° básico',
  '1° medio', '2° medio', '3° medio', '4° medio',
];

/** The grade of a child of this age on 31 March (pre-kínder at 4). */
export function gradeFor(age: number): string | null {
  return GRADES[age - 4] ?? null;
}
