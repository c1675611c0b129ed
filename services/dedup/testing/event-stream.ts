import type { PersonRecord } from '../../../schemas';
import { TOPICS } from '../../../schemas/topics';
import { aChild, anEnvelope } from '../../../test/builders/event-parts';
import { anAdmissionOrderIssued, aHearingScheduled } from '../../../test/builders/tribunal-events';
import { anEnrollmentRegistered, aChronicAbsenceAlertRaised } from '../../../test/builders/school-events';
import { anEmergencyVisitRecorded } from '../../../test/builders/health-events';
import type { InputEvent } from './dedup-world';

/** What a generated event is, and so what deduplication must do with it. */
export type Expectation = 'new' | 'resend' | 'version' | 'change';

export interface StreamEvent {
  readonly event: InputEvent;
  readonly expect: Expectation;
  /** The PersonObserved it must derive (first fact of a child, or a changed person), else null. */
  readonly emits: boolean;
}

export interface StreamTotals {
  readonly received: number;
  readonly forwarded: number;
  readonly duplicateEventId: number;
  readonly duplicateContent: number;
  readonly personsEmitted: number;
  /** Source event ids that must each yield exactly one PersonObserved. */
  readonly emittingEventIds: ReadonlySet<string>;
}

/**
 * A synthetic stream of institution events with a known answer: for each child, in order (one key,
 * one partition), a first fact, then a mix of new facts with the same person, exact re-sends (same
 * event id), re-sends under a new version id (same content) and facts with a changed person block
 * (comuna). `random` is a seeded generator, so a failing run can be replayed. Invented data only.
 */
export function generateStream(opts: { children: number; eventsPerChild: number; random: () => number; run: string }): { events: StreamEvent[]; totals: StreamTotals } {
  const events: StreamEvent[] = [];
  const institutions = [
    { topic: TOPICS.tribunalEvents.name, institution: 'TRIBUNAL', unit: '1301', kinds: [['hub.tribunal.AdmissionOrderIssued', anAdmissionOrderIssued], ['hub.tribunal.HearingScheduled', aHearingScheduled]] },
    { topic: TOPICS.schoolEvents.name, institution: 'SCHOOL', unit: '99901', kinds: [['hub.school.EnrollmentRegistered', anEnrollmentRegistered], ['hub.school.ChronicAbsenceAlertRaised', aChronicAbsenceAlertRaised]] },
    { topic: TOPICS.healthEvents.name, institution: 'HEALTH', unit: '999123', kinds: [['hub.health.EmergencyVisitRecorded', anEmergencyVisitRecorded]] },
  ] as const;
  const perChild: StreamEvent[][] = [];
  for (let c = 0; c < opts.children; c++) {
    const inst = institutions[c % institutions.length]!;
    let person: PersonRecord = aChild(inst.institution, `${inst.unit}/${opts.run}-C${c}`, { comunaCode: '13101' });
    const list: StreamEvent[] = [];
    let last: InputEvent | null = null;
    let fact = 0;
    for (let k = 0; k < opts.eventsPerChild; k++) {
      const roll = opts.random();
      const expect: Expectation = last === null ? 'new' : roll < 0.15 ? 'resend' : roll < 0.3 ? 'version' : roll < 0.45 ? 'change' : 'new';
      let event: InputEvent;
      if (expect === 'resend') event = last!;
      else if (expect === 'version') event = { ...last!, value: { ...last!.value, envelope: { ...last!.value.envelope, eventId: `${last!.value.envelope.eventId}-v${k}`, recordedAt: 1_700_000_000_000 + k } } };
      else {
        if (expect === 'change') person = { ...person, comunaCode: String(13101 + k) };
        const [recordName, build] = inst.kinds[fact % inst.kinds.length]!;
        const recordId = `${opts.run}-C${c}-F${fact++}`;
        const value = (build as unknown as (o: object) => Record<string, unknown>)({ envelope: anEnvelope(inst.institution, inst.unit, recordId, { eventId: `${recordId}-e` }), person });
        event = { topic: inst.topic, recordName, value: value as InputEvent['value'] };
      }
      list.push({ event, expect, emits: expect === 'change' || last === null });
      last = event;
    }
    perChild.push(list);
  }
  // Interleave children round-robin: a realistic mix across keys and partitions, order kept per child.
  for (let k = 0; k < opts.eventsPerChild; k++) for (const list of perChild) events.push(list[k]!);
  const count = (e: Expectation) => events.filter((x) => x.expect === e).length;
  return {
    events,
    totals: {
      received: events.length,
      forwarded: count('new') + count('change'),
      duplicateEventId: count('resend'),
      duplicateContent: count('version'),
      personsEmitted: events.filter((e) => e.emits).length,
      emittingEventIds: new Set(events.filter((e) => e.emits).map((e) => e.event.value.envelope.eventId)),
    },
  };
}
