import { TOPICS } from '../../../schemas/topics';

/** The topics the subscriptions service consumes, with a run's prefix (tests and the benchmark create them). */
export function consumedTopics(prefix: string): string[] {
  return [TOPICS.caseUpdates, TOPICS.identityChildren, TOPICS.municipalityEvents].map((t) => prefix + t.name);
}
