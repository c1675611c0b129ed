import { at, dayOfTime, ymd, type Day, type LocalTime } from './calendar';
import type { Fact, Ids, Institution } from './records';
import type { Rng } from './random';
import type { Reference } from './reference';
import type { Child, Family, TruePerson } from './world';

/** What every trajectory needs: the reference data, the id counters and the observed window. */
export interface Scope {
  readonly reference: Reference;
  readonly ids: Ids;
  /** First day whose records are exported. */
  readonly windowStart: Day;
  /** The reference day: records happen strictly before it. */
  readonly referenceDay: Day;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/**
 * Collects one family's records while its trajectories unfold. Records outside the observed
 * window are dropped here (a case that began before the window shows only its later records, as
 * a real extraction would), and record ids are given only to kept records.
 */
export class FamilyTimeline {
  readonly facts: Fact[] = [];

  constructor(readonly scope: Scope, readonly family: Family, readonly rng: Rng) {}

  get ref(): Reference { return this.scope.reference; }
  get ids(): Ids { return this.scope.ids; }

  inWindow(t: LocalTime): boolean {
    const d = dayOfTime(t);
    return d >= this.scope.windowStart && d < this.scope.referenceDay;
  }

  /** A time on `day` between the hours given (office hours by default). */
  time(day: Day, fromHour = 8, toHour = 18): LocalTime {
    return at(day, this.rng.int(fromHour, toHour), this.rng.int(0, 11) * 5);
  }

  /**
   * Adds a record when its time is in the window; returns its id, or null when dropped.
   * `idOf` turns the institution's next sequence number into its id format.
   */
  emit(e: {
    institution: Institution; kind: string; unit: string; at: LocalTime; child: Child | null;
    fields: Record<string, string>; fhir?: boolean; mother?: TruePerson; recordId?: (n: number) => string;
  }): string | null {
    if (!this.inWindow(e.at)) return null;
    const n = this.ids.next(`registro/${e.institution}`);
    const recordId = e.recordId ? e.recordId(n) : defaultRecordId(e.institution, e.at, n);
    this.facts.push({
      institution: e.institution, kind: e.kind, unit: e.unit, at: e.at, recordId, fields: e.fields, child: e.child,
      ...(e.fhir !== undefined ? { fhir: e.fhir } : {}), ...(e.mother ? { mother: e.mother } : {}),
    });
    return recordId;
  }
}

function defaultRecordId(institution: Institution, t: LocalTime, n: number): string {
  const year = ymd(dayOfTime(t)).y;
  switch (institution) {
    case 'TRIBUNAL': return `RES-${year}-${pad(n, 6)}`;
    case 'SENAME': return String(20_000_000 + n);
    case 'MUNICIPALITY': return `REG-${pad(n, 7)}`;
    case 'SCHOOL': return `SIGE-${year}-${pad(n, 7)}`;
    case 'HEALTH': return `ATN-${pad(n, 8)}`;
  }
}

export { pad };
