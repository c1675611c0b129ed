import { codesOf, list } from './json-access';

/**
 * The only clinical facts that leave a health establishment: whether an emergency visit was for an
 * injury and whether maltreatment was suspected, read from the visit's ICD-10 (CIE-10) reason codes.
 * - injury: chapter XIX injuries to body regions, S00–T14 (any subcode);
 * - maltreatment: T74 (maltreatment syndromes), Y05–Y07 (sexual assault by bodily force, neglect
 *   and abandonment, other maltreatment syndromes), and T76 (ICD-10-CM's "suspected" maltreatment,
 *   not in WHO ICD-10 but sent by software built on the US code set).
 * The codes themselves are not kept: the hub never carries diagnoses.
 */
export interface VisitFlags {
  readonly injury: boolean;
  readonly maltreatmentSuspected: boolean;
}

/** Code systems read as ICD-10: HL7's `http://hl7.org/fhir/sid/icd-10[-cm]` and local CIE-10 systems. */
const ICD10_SYSTEM = /icd-?10|cie-?10/i;

export function visitFlags(encounter: unknown): VisitFlags {
  let injury = false;
  let maltreatmentSuspected = false;
  for (const concept of list(encounter, 'reasonCode')) {
    for (const code of codesOf(concept, (s) => s !== undefined && ICD10_SYSTEM.test(s))) {
      const c = category(code);
      if (!c) continue;
      if ((c.letter === 'S') || (c.letter === 'T' && c.number <= 14)) injury = true;
      if ((c.letter === 'T' && (c.number === 74 || c.number === 76)) || (c.letter === 'Y' && c.number >= 5 && c.number <= 7)) maltreatmentSuspected = true;
    }
  }
  return { injury, maltreatmentSuspected };
}

/** `S06.0`, `s060`, `T74.1 ` → letter and three-character category number. */
function category(code: string): { letter: string; number: number } | undefined {
  const m = /^([A-Z])(\d{2})/.exec(code.toUpperCase().replace(/[\s.]/g, ''));
  return m ? { letter: m[1]!, number: Number(m[2]) } : undefined;
}
