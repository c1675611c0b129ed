/**
 * Names of the Kafka principals and of the per-municipality topics (docs/security/kafka.md, ADR 0016).
 * Every ACL, the compose scripts and the tests use these functions. The subscriptions relay that
 * feeds the municipal topics produces to municipalTopic(), defined in schemas/topics.ts (services
 * import only platform and schemas) and re-exported here.
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

export { municipalTopic } from '../../schemas/topics';

/** Consumer groups a municipality may use: `muni.<CUT>.<anything>` (e.g. `muni.13101.case-system`). */
export function municipalGroupPrefix(cut: string): string {
  return `muni.${checkCut(cut)}.`;
}

export { MUNICIPAL_TOPIC } from '../../schemas/topics';
