import { HUB_SERVICES } from '../services';
import {
  ADMIN_PRINCIPAL, BROKER_PRINCIPAL, CONTROLLER_PRINCIPAL, municipalGroupPrefix, municipalityPrincipal, municipalTopic, servicePrincipal,
} from './naming';

/**
 * Who may do what on the hub's Kafka, as data: rendered into the Docker stack's ACL script
 * (infra/compose/kafka/acls.sh) and applied by the kafka-security integration test through the
 * admin API, so both enforce the same table (docs/security/kafka.md lists it).
 *
 * The broker runs StandardAuthorizer with allow.everyone.if.no.acl.found=false: anything not
 * granted here is denied, for every principal but the super users.
 */

export type AclResourceType = 'TOPIC' | 'GROUP' | 'TRANSACTIONAL_ID';
export type AclPatternType = 'LITERAL' | 'PREFIXED';
export type AclOperation = 'READ' | 'WRITE' | 'DESCRIBE' | 'DELETE';

/** Every principal × every resource × every operation: exactly one `kafka-acls.sh --add` call. */
export interface AclGrant {
  /** Why, one line: printed in the script and the docs. */
  readonly purpose: string;
  readonly principals: readonly string[];
  readonly resourceType: AclResourceType;
  readonly patternType: AclPatternType;
  readonly resources: readonly string[];
  readonly operations: readonly AclOperation[];
}

/** One ALLOW binding, as the broker stores it. */
export interface AclBinding {
  readonly principal: string;
  readonly resourceType: AclResourceType;
  readonly patternType: AclPatternType;
  readonly resource: string;
  readonly operation: AclOperation;
}

export interface AclPlanOptions {
  /** HUB_TOPIC_PREFIX of the deployment ('' in the Docker stack). */
  readonly topicPrefix: string;
  /** Hub services that get a principal (default: every HUB_SERVICES entry). */
  readonly services?: readonly string[];
  /** Comunas (CUT) whose municipality reads its filtered topic over Kafka. */
  readonly municipalities: readonly string[];
}

/** Users whose requests skip ACLs: the broker itself and the hub's administrator. */
export function superUsers(): string[] {
  return [BROKER_PRINCIPAL, CONTROLLER_PRINCIPAL, ADMIN_PRINCIPAL];
}

/** Every SCRAM user to create: the broker, the admin, one per service, one per municipality. */
export function scramUsers(o: AclPlanOptions): string[] {
  return [BROKER_PRINCIPAL, ADMIN_PRINCIPAL, ...serviceNames(o).map(servicePrincipal), ...o.municipalities.map(municipalityPrincipal)];
}

function serviceNames(o: AclPlanOptions): readonly string[] {
  return o.services ?? HUB_SERVICES.map((s) => s.name);
}

/**
 * The grants. Services share one coarse grant set on the `hub.` namespace (they read and write
 * each other's topics through schemas; per-service least privilege is a follow-up, see the ADR);
 * what matters is that institutions only ever read their own filtered topic.
 */
export function aclPlan(o: AclPlanOptions): AclGrant[] {
  const services = serviceNames(o).map(servicePrincipal);
  const p = o.topicPrefix;
  // Durable groups are `<prefix>hub.<service>`; short-lived readers (read-topic, checkpoint reader,
  // lag marker probe) are `hub-…` without the prefix. `hub` covers both when the prefix is empty.
  const groups = p === '' ? ['hub'] : ['hub', `${p}hub.`];
  const grants: AclGrant[] = [
    { purpose: "hub services: read and write the hub's topics", principals: services, resourceType: 'TOPIC', patternType: 'PREFIXED', resources: [`${p}hub.`], operations: ['READ', 'WRITE', 'DESCRIBE'] },
    { purpose: 'hub services: their consumer groups (commit, describe, delete short-lived readers)', principals: services, resourceType: 'GROUP', patternType: 'PREFIXED', resources: groups, operations: ['READ', 'DESCRIBE', 'DELETE'] },
    { purpose: 'hub services: exactly-once relays (transactional id hub-ingest:<stream>)', principals: services, resourceType: 'TRANSACTIONAL_ID', patternType: 'PREFIXED', resources: ['hub-ingest:'], operations: ['WRITE', 'DESCRIBE'] },
  ];
  for (const cut of o.municipalities) {
    const principal = municipalityPrincipal(cut);
    grants.push(
      { purpose: `municipality ${cut}: read its own filtered topic, nothing else`, principals: [principal], resourceType: 'TOPIC', patternType: 'LITERAL', resources: [municipalTopic(cut, p)], operations: ['READ', 'DESCRIBE'] },
      { purpose: `municipality ${cut}: its consumer groups ${municipalGroupPrefix(cut)}*`, principals: [principal], resourceType: 'GROUP', patternType: 'PREFIXED', resources: [municipalGroupPrefix(cut)], operations: ['READ', 'DESCRIBE'] },
    );
  }
  return grants;
}

/** The bindings a grant stands for (what the broker lists with `kafka-acls.sh --list`). */
export function bindingsOf(grants: readonly AclGrant[]): AclBinding[] {
  return grants.flatMap((g) => g.principals.flatMap((principal) => g.resources.flatMap((resource) =>
    g.operations.map((operation) => ({ principal, resourceType: g.resourceType, patternType: g.patternType, resource, operation })))));
}

const CLI_RESOURCE: Record<AclResourceType, string> = { TOPIC: '--topic', GROUP: '--group', TRANSACTIONAL_ID: '--transactional-id' };
const CLI_OPERATION: Record<AclOperation, string> = { READ: 'Read', WRITE: 'Write', DESCRIBE: 'Describe', DELETE: 'Delete' };

/** `kafka-acls.sh --add` arguments of one grant (after the connection arguments). */
export function aclCommandArgs(g: AclGrant): string[] {
  return [
    ...g.principals.flatMap((p) => ['--allow-principal', `User:${p}`]),
    '--resource-pattern-type', g.patternType.toLowerCase(),
    ...g.resources.flatMap((r) => [CLI_RESOURCE[g.resourceType], r]),
    ...g.operations.flatMap((op) => ['--operation', CLI_OPERATION[op]]),
  ];
}
