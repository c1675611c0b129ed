import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { HUB_SERVICES, type HubServiceSpec } from '../../infra/services';
import { hubConfigSchema } from '../../services/platform/config/hub-config';
import { apiConfigSchema } from '../../services/api/config';
import { intakeConfigSchema } from '../../connectors/intake/config';
import { subscriptionsConfigSchema } from '../../services/subscriptions/config';
import { identityConfigSchema } from '../../services/identity/config';
import { lagConfigSchema } from '../../services/lag/config';
import { caseStatusConfigSchema } from '../../services/case-status/config';
import { dedupConfigSchema } from '../../services/dedup/config';

/**
 * docker-compose.yml and the Dockerfile cannot be run on machines without a Docker engine, so
 * this test keeps them honest by reading them: the infrastructure images, one compose service per
 * HUB_SERVICES entry running its compiled entry, start-up ordering, and environment variables
 * that the config schemas actually read (a misspelt one would silently fall back to a default).
 */

const root = path.resolve(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: (string | number | { target?: number })[];
  restart?: string;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** Where tsc -p tsconfig.build.json puts a source file (outDir dist, rootDir the repository). */
function compiledEntry(entry: string): string {
  return `dist/${entry.replace(/\.ts$/, '.js')}`;
}

/**
 * The configuration schema each process parses its environment with: hubConfigSchema (also what
 * `hub prepare` reads) unless the service extends it. A new service with its own config.ts adds
 * its schema here.
 */
interface EnvSchema {
  readonly shape: Record<string, unknown>;
  safeParse(env: unknown): { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}
const CONFIG_SCHEMAS: Record<string, EnvSchema> = { api: apiConfigSchema, intake: intakeConfigSchema, dedup: dedupConfigSchema, 'case-status': caseStatusConfigSchema, lag: lagConfigSchema, identity: identityConfigSchema, subscriptions: subscriptionsConfigSchema };
function configSchemaOf(service: string): EnvSchema {
  return CONFIG_SCHEMAS[service] ?? hubConfigSchema;
}

const INFRASTRUCTURE = ['kafka', 'registry', 'postgres'] as const;
const INIT = 'hub-init';

function readCompose(): ComposeFile {
  // merge: true for `<<:` keys, which compose honours and the YAML 1.2 core schema does not.
  return parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
}

/** Environment as compose hands it to the container: every value a string. */
function envOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((line) => {
      const i = line.indexOf('=');
      return i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** depends_on in its long form; the short (list) form means `service_started`. */
function dependenciesOf(service: ComposeService): Record<string, string> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([name, d]) => [name, d.condition ?? 'service_started']));
}

function isBuiltFromDockerfile(service: ComposeService): boolean {
  const build = service.build;
  if (build === undefined) return false;
  if (typeof build === 'string') return path.resolve(root, build) === root && existsSync(path.join(root, 'Dockerfile'));
  return path.resolve(root, build.context ?? '.') === root && (build.dockerfile ?? 'Dockerfile') === 'Dockerfile';
}

function containerPorts(service: ComposeService): number[] {
  return (service.ports ?? []).map((p) => {
    if (typeof p === 'number') return p;
    if (typeof p === 'object') return Number(p.target);
    // [ip:][host:]container[/protocol]
    return Number(p.split('/')[0]!.split(':').pop());
  });
}

/** Dockerfile stages, each from its FROM line to the next, with comments removed. */
function dockerfileStages(): { name: string | undefined; text: string }[] {
  const text = readFileSync(path.join(root, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n');
  return text
    .split(/^(?=FROM\s)/im)
    .filter((chunk) => /^FROM\s/i.test(chunk))
    .map((chunk) => ({ name: /^FROM\s+\S+\s+AS\s+(\S+)/i.exec(chunk)?.[1]?.toLowerCase(), text: chunk }));
}

describe('docker-compose.yml', () => {
  const compose = readCompose();
  const services = compose.services;
  const hubServices = HUB_SERVICES.map((spec) => [spec.name, spec] as const);

  it('Given the compose file, When its infrastructure is read, Then kafka, registry and postgres run the expected images', () => {
    expect(services.kafka?.image).toMatch(/^apache\/kafka:3\.9\.\d+$/);
    expect(services.registry?.image).toMatch(/^(quay\.io\/)?apicurio\/apicurio-registry:3\.\d+\.\d+$/);
    expect(services.postgres?.image).toMatch(/^postgres:\d+/);
  });

  it('Given the kafka service, When its environment is read, Then it runs KRaft combined mode and never auto-creates topics', () => {
    const env = envOf(services.kafka!);
    expect(env.KAFKA_PROCESS_ROLES?.split(',').sort()).toEqual(['broker', 'controller']);
    // Topics come from `hub prepare` only; auto-creation would hide a missing or misspelt one.
    expect(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    // Hub services use the INTERNAL listener, SASL_SSL like every listener (docs/security/kafka.md).
    expect(env.KAFKA_ADVERTISED_LISTENERS).toContain('INTERNAL://kafka:9092');
    expect(env.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP).toContain('INTERNAL:SASL_SSL');
  });

  it('Given every depends_on with condition service_healthy, When the dependency is looked up, Then it declares a healthcheck', () => {
    // Compose refuses to start a dependant of a service that has no healthcheck to wait for.
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, condition] of Object.entries(dependenciesOf(service))) {
        expect({ name, dependency, declared: services[dependency] !== undefined }).toEqual({ name, dependency, declared: true });
        if (condition === 'service_healthy') {
          expect({ dependency, healthcheck: Boolean(services[dependency]!.healthcheck?.test) }).toEqual({ dependency, healthcheck: true });
        }
      }
    }
  });

  it.each(hubServices)('Given hub service %s, When compose is read, Then it is built from the Dockerfile and runs its compiled entry', (name, spec: HubServiceSpec) => {
    const service = services[name];
    expect(service).toBeDefined();
    expect(isBuiltFromDockerfile(service!)).toBe(true);
    expect(service!.command).toEqual(['node', compiledEntry(spec.entry)]);
    expect(existsSync(path.join(root, spec.entry))).toBe(true);
  });

  it.each(hubServices)('Given hub service %s, When its start-up order is read, Then it waits for healthy infrastructure and a completed hub-init', (name) => {
    const deps = dependenciesOf(services[name]!);
    for (const infra of INFRASTRUCTURE) expect({ [infra]: deps[infra] }).toEqual({ [infra]: 'service_healthy' });
    expect(deps[INIT]).toBe('service_completed_successfully');
  });

  it.each([INIT, ...HUB_SERVICES.map((s) => s.name)])('Given hub process %s, When its environment is read, Then every variable is one its config schema knows and the values parse', (name) => {
    const env = envOf(services[name]!);
    const schema = configSchemaOf(name);
    const known = Object.keys(schema.shape);
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    for (const required of ['KAFKA_BROKERS', 'SCHEMA_REGISTRY_URL', 'DATABASE_URL']) expect(env[required]).toBeTruthy();
    const parsed = schema.safeParse(env);
    expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []).toEqual([]);
  });

  it.each(hubServices)('Given hub service %s, When it publishes ports, Then the container side is its HUB_SERVICES port', (name, spec: HubServiceSpec) => {
    for (const port of containerPorts(services[name]!)) expect(port).toBe(spec.port);
  });

  it('Given the api service, When its network settings are read, Then it listens on all container interfaces and publishes its port', () => {
    const api = HUB_SERVICES.find((s) => s.name === 'api')!;
    const env = envOf(services.api!);
    expect(env.HTTP_HOST).toBe('0.0.0.0');
    expect(env.HTTP_PORT ?? String(api.port)).toBe(String(api.port));
    expect(containerPorts(services.api!)).toContain(api.port);
  });

  it('Given hub-init, When compose is read, Then it runs `hub prepare` once from the same image after the infrastructure is healthy', () => {
    const init = services[INIT];
    expect(init).toBeDefined();
    expect(isBuiltFromDockerfile(init!)).toBe(true);
    expect(init!.command).toEqual(['node', 'infra/cli/hub.js', 'prepare']);
    expect(existsSync(path.join(root, 'infra', 'cli', 'hub.js'))).toBe(true);
    expect(init!.restart ?? 'no').toBe('no');
    const deps = dependenciesOf(init!);
    for (const infra of INFRASTRUCTURE) expect({ [infra]: deps[infra] }).toEqual({ [infra]: 'service_healthy' });
  });

  it('Given the services built from the Dockerfile, When compared with HUB_SERVICES, Then none is stale', () => {
    // A service removed from infra/services.ts must leave compose too.
    const built = Object.entries(services).filter(([, s]) => isBuiltFromDockerfile(s)).map(([name]) => name).sort();
    expect(built).toEqual([INIT, ...HUB_SERVICES.map((s) => s.name)].sort());
  });
});

describe('Dockerfile', () => {
  it('Given the Dockerfile, When its stages are read, Then a build stage compiles with `npm run build`', () => {
    expect(existsSync(path.join(root, 'Dockerfile'))).toBe(true);
    const stages = dockerfileStages();
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages.find((s) => s.name === 'build');
    expect(build).toBeDefined();
    expect(build!.text).toMatch(/\bnpm ci\b/);
    expect(build!.text).toMatch(/\bnpm run build\b/);
  });

  it('Given the Dockerfile, When its final stage is read, Then it installs production dependencies only, runs as node with NODE_ENV=production and starts the api', () => {
    const stages = dockerfileStages();
    const runtime = stages[stages.length - 1]!;
    expect(runtime.name).not.toBe('build');
    expect(runtime.text).toMatch(/\bnpm ci\b[^\n]*--omit=dev/);
    expect(runtime.text).toMatch(/^ENV\s+(?:[\s\S]*?\s)?NODE_ENV=production\b/m);
    expect(runtime.text).toMatch(/^COPY\s+--from=build\s+\S*dist\b/m);
    expect(runtime.text).toMatch(/^USER\s+node\s*$/m);
    const api = HUB_SERVICES.find((s) => s.name === 'api')!;
    expect(runtime.text).toContain(`CMD ["node", "${compiledEntry(api.entry)}"]`);
  });

  it('Given .dockerignore, When read, Then local node_modules and dist never enter the build context', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    expect(ignored.some((l) => /^(\*\*\/)?node_modules\/?$/.test(l))).toBe(true);
    expect(ignored).toContain('dist');
  });
});
