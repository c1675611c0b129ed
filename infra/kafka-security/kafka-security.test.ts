import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { HUB_SERVICES } from '../services';
import { aclPlan, bindingsOf, scramUsers, superUsers, type AclBinding } from './acl-plan';
import { brokerEnvironment, brokerProperties, COMPOSE_BROKER, propertyToVariable, variableToProperty } from './broker-properties';
import { COMPOSE_PLAN, composeKafkaFiles } from './compose-files';
import { ADMIN_PRINCIPAL, municipalGroupPrefix, municipalityPrincipal, municipalTopic, servicePrincipal } from './naming';

const root = path.resolve(__dirname, '..', '..');

interface ComposeService {
  environment?: Record<string, string | number | boolean | null>;
  volumes?: (string | { type?: string; source?: string; target?: string; read_only?: boolean; volume?: { subpath?: string } })[];
  depends_on?: Record<string, { condition?: string }>;
}

function compose(): Record<string, ComposeService> {
  return (parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> }).services;
}

function envOf(s: ComposeService): Record<string, string> {
  return Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** Does `binding` let `principal` do `operation` on `resource` of `type`? (the StandardAuthorizer's ALLOW match) */
function allows(bindings: readonly AclBinding[], principal: string, type: AclBinding['resourceType'], resource: string, operation: AclBinding['operation']): boolean {
  return bindings.some((b) => b.principal === principal && b.resourceType === type && b.operation === operation
    && (b.patternType === 'LITERAL' ? b.resource === resource : resource.startsWith(b.resource)));
}

describe('Kafka security plan', () => {
  const bindings = bindingsOf(aclPlan(COMPOSE_PLAN));
  const [a, b] = COMPOSE_PLAN.municipalities as [string, string];

  it('Given the plan, When a municipality is checked, Then it may read its own filtered topic and its muni.<CUT>. groups, and nothing else', () => {
    const mine = bindings.filter((x) => x.principal === municipalityPrincipal(a));
    expect(mine.map((x) => `${x.resourceType} ${x.patternType} ${x.resource} ${x.operation}`).sort()).toEqual([
      `GROUP PREFIXED ${municipalGroupPrefix(a)} DESCRIBE`,
      `GROUP PREFIXED ${municipalGroupPrefix(a)} READ`,
      `TOPIC LITERAL ${municipalTopic(a)} DESCRIBE`,
      `TOPIC LITERAL ${municipalTopic(a)} READ`,
    ]);
    expect(allows(bindings, municipalityPrincipal(a), 'TOPIC', municipalTopic(b), 'READ')).toBe(false);
    expect(allows(bindings, municipalityPrincipal(a), 'TOPIC', 'hub.case.updates.v1', 'READ')).toBe(false);
    expect(allows(bindings, municipalityPrincipal(a), 'TOPIC', municipalTopic(a), 'WRITE')).toBe(false);
  });

  it('Given the names, When the municipal topic is built, Then it never shares a prefix with the municipalities\' input topic', () => {
    expect(municipalTopic('13101')).toBe('hub.municipal.13101.updates.v1');
    expect('hub.municipality.events.v1'.startsWith('hub.municipal.')).toBe(false);
    expect(() => municipalTopic('131')).toThrow();
    expect(() => municipalityPrincipal('13101;User:hub-admin')).toThrow();
  });

  it('Given every hub service, When its grants are checked, Then it reads and writes hub topics, uses its groups and hub-ingest: transactions only', () => {
    for (const { name } of HUB_SERVICES) {
      const p = servicePrincipal(name);
      expect({ p, read: allows(bindings, p, 'TOPIC', 'hub.case.updates.v1', 'READ'), write: allows(bindings, p, 'TOPIC', municipalTopic(a), 'WRITE') }).toEqual({ p, read: true, write: true });
      expect(allows(bindings, p, 'GROUP', `hub.${name}`, 'READ')).toBe(true);
      expect(allows(bindings, p, 'GROUP', 'hub-reader-0a1b2c', 'DELETE')).toBe(true);
      expect(allows(bindings, p, 'GROUP', municipalGroupPrefix(a), 'READ')).toBe(false);
      expect(allows(bindings, p, 'TRANSACTIONAL_ID', `hub-ingest:${name}-relay`, 'WRITE')).toBe(true);
      expect(allows(bindings, p, 'TRANSACTIONAL_ID', 'hub-dlq-replay:x', 'WRITE')).toBe(false);
    }
  });

  it('Given a topic prefix (tests), When the plan is built, Then topics and durable groups carry it and short-lived hub- groups still match', () => {
    const prefixed = bindingsOf(aclPlan({ topicPrefix: 'it-x.', municipalities: ['05101'] }));
    expect(allows(prefixed, servicePrincipal('dedup'), 'TOPIC', 'it-x.hub.sename.events.v1', 'READ')).toBe(true);
    expect(allows(prefixed, servicePrincipal('dedup'), 'TOPIC', 'hub.sename.events.v1', 'READ')).toBe(false);
    expect(allows(prefixed, servicePrincipal('dedup'), 'GROUP', 'it-x.hub.dedup', 'READ')).toBe(true);
    expect(allows(prefixed, servicePrincipal('dedup'), 'GROUP', 'hub-checkpoint-reader-00', 'READ')).toBe(true);
    expect(allows(prefixed, municipalityPrincipal('05101'), 'TOPIC', 'it-x.hub.municipal.05101.updates.v1', 'READ')).toBe(true);
  });

  it('Given the SCRAM users and super users, When listed, Then hub-admin and the broker are super users and every principal has a SCRAM user', () => {
    expect(superUsers()).toContain(ADMIN_PRINCIPAL);
    const users = scramUsers(COMPOSE_PLAN);
    for (const principal of new Set(bindings.map((x) => x.principal))) expect(users).toContain(principal);
    expect(new Set(users).size).toBe(users.length);
  });
});

describe('broker settings', () => {
  it('Given every property, When named as an image variable and back, Then it round-trips (dashes and underscores included)', () => {
    for (const [key] of brokerProperties(COMPOSE_BROKER)) expect(variableToProperty(propertyToVariable(key))).toBe(key);
    expect(propertyToVariable('listener.name.internal.scram-sha-512.sasl.jaas.config')).toBe('KAFKA_LISTENER_NAME_INTERNAL_SCRAM___SHA___512_SASL_JAAS_CONFIG');
  });

  it('Given the secured broker, When its settings are read, Then every listener is SASL_SSL, the authorizer denies by default and TLS is on', () => {
    const props = Object.fromEntries(brokerProperties(COMPOSE_BROKER));
    expect(props['listener.security.protocol.map']!.split(',').map((x) => x.split(':')[1])).toEqual(['SASL_SSL', 'SASL_SSL', 'SASL_SSL']);
    expect(props['allow.everyone.if.no.acl.found']).toBe('false');
    expect(props['authorizer.class.name']).toBe('org.apache.kafka.metadata.authorizer.StandardAuthorizer');
    expect(props['sasl.enabled.mechanisms']).toBe('SCRAM-SHA-512');
    expect(props['super.users']).not.toContain('ANONYMOUS');
  });
});

describe('docker-compose.yml and infra/compose/kafka', () => {
  const services = compose();

  it('Given the kafka service, When its KAFKA_* variables are compared with broker-properties.ts, Then they are exactly the generated ones', () => {
    const env = envOf(services.kafka!);
    const kafkaVars = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('KAFKA_')));
    expect(kafkaVars).toEqual(brokerEnvironment(COMPOSE_BROKER));
    expect(env.CLUSTER_ID).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it.each(Object.entries(composeKafkaFiles()))('Given generated file %s, When compared with the plan, Then it is up to date', (file, content) => {
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(content);
  });

  it.each([['hub-init', ADMIN_PRINCIPAL], ...HUB_SERVICES.map((s) => [s.name, servicePrincipal(s.name)])])('Given hub process %s, When its Kafka settings are read, Then it authenticates as %s with its own mounted password and the CA', (name, principal) => {
    const service = services[name]!;
    const env = envOf(service);
    expect(env).toMatchObject({ KAFKA_BROKERS: 'kafka:9092', KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: principal });
    const mount = (service.volumes ?? []).find((v) => typeof v === 'object' && v.source === 'kafka-secrets');
    expect(mount).toEqual({ type: 'volume', source: 'kafka-secrets', target: '/run/secrets/kafka', read_only: true, volume: { subpath: `users/${principal}` } });
    expect(env.KAFKA_SASL_PASSWORD_FILE).toBe('/run/secrets/kafka/password');
    expect(env.KAFKA_SSL_CA_FILE).toBe('/run/secrets/kafka/ca.pem');
    expect(env.KAFKA_SASL_PASSWORD).toBeUndefined();
    if (name !== 'hub-init') expect(service.depends_on?.['kafka-acls']?.condition).toBe('service_completed_successfully');
  });

  it('Given the security one-shots, When compose is read, Then pki runs before the broker and the ACLs after it is healthy', () => {
    expect(services.kafka!.depends_on?.['kafka-pki']?.condition).toBe('service_completed_successfully');
    expect(services['kafka-acls']!.depends_on?.kafka?.condition).toBe('service_healthy');
    // No process but the pki container sees the CA key: the others mount sub-directories only.
    const whole = Object.entries(services).filter(([, s]) => (s.volumes ?? []).some((v) => (typeof v === 'string' ? v.startsWith('kafka-secrets:') : v.source === 'kafka-secrets' && !v.volume?.subpath)));
    expect(whole.map(([n]) => n)).toEqual(['kafka-pki']);
  });
});
