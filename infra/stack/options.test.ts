import * as path from 'node:path';
import { resolveStackOptions, stackPaths, schemaRegistryUrl, kafkaAddress, DEFAULT_DATABASE_URL } from './options';
import { StackError } from './errors';

describe('resolveStackOptions', () => {
  const env = { HOME: '/home/ana' };

  it('Given no overrides and a bare environment, When resolved, Then defaults point at ~/.hub, ~/.cache and the standard ports', () => {
    const o = resolveStackOptions(env);
    expect(o.home).toBe('/home/ana/.hub');
    expect(o.cacheDir).toBe('/home/ana/.cache/red-ninez-hub');
    expect([o.kafkaPort, o.controllerPort, o.registryPort]).toEqual([9092, 9093, 8081]);
    expect(o.databaseUrl).toBe(DEFAULT_DATABASE_URL);
    expect(o.registryDbSchema).toBe('apicurio');
    expect(o.kafkaJava).toBe('');
  });

  it('Given HUB_* variables, XDG_CACHE_HOME and DATABASE_URL, When resolved, Then they win over the defaults', () => {
    const o = resolveStackOptions({
      ...env, HUB_HOME: '/srv/hub', XDG_CACHE_HOME: '/var/cache', HUB_KAFKA_PORT: '19092', HUB_KAFKA_CONTROLLER_PORT: '19093',
      HUB_REGISTRY_PORT: '18081', DATABASE_URL: 'postgres://u:p@db:5433/hub', HUB_REGISTRY_DB_SCHEMA: 'reg_x', HUB_REGISTRY_JAVA: '/jdk21/bin/java',
    });
    expect(o.home).toBe('/srv/hub');
    expect(o.cacheDir).toBe('/var/cache/red-ninez-hub');
    expect([o.kafkaPort, o.controllerPort, o.registryPort]).toEqual([19092, 19093, 18081]);
    expect(o.databaseUrl).toBe('postgres://u:p@db:5433/hub');
    expect(o.registryDbSchema).toBe('reg_x');
    expect(o.registryJava).toBe('/jdk21/bin/java');
  });

  it('Given explicit overrides and conflicting env vars, When resolved, Then the overrides win and relative homes become absolute', () => {
    const o = resolveStackOptions({ ...env, HUB_KAFKA_PORT: '1111' }, { kafkaPort: 2222, home: 'rel/home', databaseUrl: undefined });
    expect(o.kafkaPort).toBe(2222);
    expect(o.home).toBe(path.resolve('rel/home'));
    expect(o.databaseUrl).toBe(DEFAULT_DATABASE_URL);
  });

  it.each([
    [{ HUB_KAFKA_PORT: 'abc' }],
    [{ HUB_REGISTRY_PORT: '70000' }],
    [{ HUB_KAFKA_PORT: '9093' }],
    [{ HUB_REGISTRY_DB_SCHEMA: 'Robert"; drop' }],
  ])('Given the invalid setting %j, When resolved, Then a bad-option StackError explains it', (bad) => {
    expect(() => resolveStackOptions({ ...env, ...bad })).toThrow(StackError);
    try { resolveStackOptions({ ...env, ...bad }); } catch (e) { expect((e as StackError).code).toBe('bad-option'); }
  });
});

describe('stackPaths and addresses', () => {
  it('Given a home, When paths are derived, Then data, logs and pid files live under it', () => {
    const p = stackPaths({ home: '/h' });
    expect(p).toMatchObject({
      kafkaDataDir: '/h/kafka/data', kafkaLog: '/h/logs/kafka.log', registryLog: '/h/logs/registry.log',
      kafkaPid: '/h/run/kafka.pid', registryPid: '/h/run/registry.pid',
    });
  });

  it('Given ports, When addresses are built, Then they are loopback and the registry URL is the ccompat v7 API', () => {
    expect(kafkaAddress({ kafkaPort: 19092 })).toBe('127.0.0.1:19092');
    expect(schemaRegistryUrl({ registryPort: 8081 })).toBe('http://127.0.0.1:8081/apis/ccompat/v7');
  });
});
