import type { LocalTime } from './calendar';
import type { Child, TruePerson } from './world';

/** The five institutions, as the connectors name them (the envelope's sourceInstitution). */
export type Institution = 'TRIBUNAL' | 'SENAME' | 'MUNICIPALITY' | 'SCHOOL' | 'HEALTH';

/**
 * One native record the world produced, before the institution's view of the child (its id,
 * its spelling of the name, its noise) is attached. `fields` are the record's own native columns
 * (Spanish names, values already written the way the native formats want them).
 */
export interface Fact {
  readonly institution: Institution;
  /** The `tipo` of the record: ORDEN_INGRESO, INGRESO, MATRICULA… */
  readonly kind: string;
  /** The unit that owns the record: court code, programme code, comuna, RBD, establishment code. */
  readonly unit: string;
  readonly at: LocalTime;
  readonly recordId: string;
  readonly fields: Readonly<Record<string, string>>;
  /** The child the record is about; null for a programme's places (PLAZAS). */
  readonly child: Child | null;
  /** Health only: whether the establishment sends it in its FHIR bundle. */
  readonly fhir?: boolean;
  /** RECIEN_NACIDO only: the mother, whose RUN the newborn is often registered under. */
  readonly mother?: TruePerson;
}

/**
 * Sequential ids per namespace (an institution's records, a unit's children, a court's RITs of
 * a year). Deterministic because the generator visits families in order; memory is one counter
 * per namespace, and namespaces are bounded by the number of units.
 */
export class Ids {
  private readonly counters = new Map<string, number>();

  next(namespace: string): number {
    const n = (this.counters.get(namespace) ?? 0) + 1;
    this.counters.set(namespace, n);
    return n;
  }
}

/**
 * The child's id as the connector qualifies it (PersonRecord.sourceRecordId): `<unit>/<id_nna>`
 * where ids are unique per unit, bare where they are national (SENAME's SENAINFO code).
 */
export function qualifiedChildId(institution: Institution, unit: string, idNna: string): string {
  return institution === 'SENAME' ? idNna : `${unit}/${idNna}`;
}
