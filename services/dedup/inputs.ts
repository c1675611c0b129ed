import { TOPICS, type TopicSpec } from '../../schemas/topics';

/**
 * What the service consumes: the five institutions' child-event topics (not the capacity topic:
 * no child there). Data, not code: adding an institution is one line here.
 */
export interface DedupInput {
  readonly topic: TopicSpec;
  /** The institution that publishes on the topic; labels dead letters, which may have no readable envelope. */
  readonly institution: string;
}

export const DEDUP_INPUTS: readonly DedupInput[] = [
  { topic: TOPICS.tribunalEvents, institution: 'TRIBUNAL' },
  { topic: TOPICS.senameEvents, institution: 'SENAME' },
  { topic: TOPICS.municipalityEvents, institution: 'MUNICIPALITY' },
  { topic: TOPICS.schoolEvents, institution: 'SCHOOL' },
  { topic: TOPICS.healthEvents, institution: 'HEALTH' },
];

/** Unprefixed topic names, as `@EventPattern` takes them (the transport prepends the prefix). */
export const DEDUP_TOPIC_NAMES: readonly string[] = DEDUP_INPUTS.map((i) => i.topic.name);

export const PERSON_OBSERVED_RECORD = 'hub.identity.PersonObserved';
export const OUTBOX_TABLE = 'dedup_outbox';
/** Header naming the institution event a PersonObserved was derived from (an id, no personal data). */
export const SOURCE_EVENT_ID_HEADER = 'hub.dedup.source-event-id';
