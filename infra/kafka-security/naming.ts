/**
 * Names of the Kafka principals and of the per-municipality topics (docs/security/kafka.md, ADR 0016).
 * Every ACL, the compose scripts and the tests use these functions. The subscriptions relay that
 * feeds the municipal topics must produce to municipalTopic(); as services import only platform and
 * schemas, that function belongs in schemas/topics.ts once the relay exists (then re-exported here).
 */

/** Every SCRAM user is the principal `User:<name>`; the SASL mechanism the brokers accept. */
export const SCRAM_MECHANISM = 'SCRAM-SHA-512';

/**
 * The broker's own identity on the internal listener (inter-broker traffic, SCRAM) and on the
 * controller listener (PLAIN: SCRAM credentials live in the metadata log the controller itself
 * serves, so the controller cannot check SCRAM for its own quorum traffic).
 */
export const BROKER_PRINCIPAL = 'kafka-broker';
export const CONTROLLER_PRINCIPAL = 'kafka-controller';

/** The hub's administrator: `hub prepare` (topics), operators' CLI, ACL and SCRAM management. Super user. */
export const ADMIN_PRINCIPAL = 'hub-admin';

/** One principal per hub service (infra/services.ts names): `hub-dedup`, `hub-case-status`, ... */
export function servicePrincipal(service: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(service)) throw new Error(`not a service name: ${service}`);
  return `hub-${service}`;
}

/** Comuna codes (CUT) as the hub stores them: five digits, zero-padded (`05101`). */
export function isComunaCode(cut: string): boolean {
  return /^\d{5}$/.test(cut);
}

function checkCut(cut: string): string {
  if (!isComunaCode(cut)) throw new Error(`not a five-digit comuna code (CUT): ${cut}`);
  return cut;
}

/** The municipality of comuna `cut` as a Kafka principal: `muni-13101`. */
export function municipalityPrincipal(cut: string): string {
  return `muni-${checkCut(cut)}`;
}

/**
 * The municipality's filtered topic: only the case updates routed to it (ADR 0015), keyed by child
 * id. `hub.municipal.` on purpose, not `hub.municipality.`: that prefix is the municipalities'
 * INPUT topic (hub.municipality.events.v1) and must never share a prefix ACL with this one.
 */
export function municipalTopic(cut: string, topicPrefix = ''): string {
  return `${topicPrefix}hub.municipal.${checkCut(cut)}.updates.v1`;
}

/** Consumer groups a municipality may use: `muni.<CUT>.<anything>` (e.g. `muni.13101.case-system`). */
export function municipalGroupPrefix(cut: string): string {
  return `muni.${checkCut(cut)}.`;
}

/** Partitions and retention of a municipal topic (created by the operator, docs/security/kafka.md). */
export const MUNICIPAL_TOPIC = {
  partitions: 3,
  /**
   * 30 days: long enough to cover a municipality's outage or holiday, short enough for minimisation;
   * the routed delivery log in PostgreSQL stays the source a relay can re-feed from.
   */
  retentionMs: 30 * 24 * 60 * 60 * 1000,
} as const;
