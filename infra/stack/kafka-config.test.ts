import { renderTemplate, renderServerProperties, newClusterId, isClusterId, jarListsEntry, KAFKA_JVM_FLAGS } from './kafka-config';

describe('server.properties rendering', () => {
  const template = [
    'controller.quorum.voters=1@{{host}}:{{controllerPort}}',
    'listeners=PLAINTEXT://{{host}}:{{kafkaPort}},CONTROLLER://{{host}}:{{ controllerPort }}',
    'log.dirs={{dataDir}}',
  ].join('\n');

  it('Given ports, host and data dir, When rendered, Then every placeholder is filled', () => {
    const text = renderServerProperties(template, { host: '127.0.0.1', kafkaPort: 19092, controllerPort: 19093, dataDir: '/tmp/h/kafka/data' });
    expect(text).toBe([
      'controller.quorum.voters=1@127.0.0.1:19093',
      'listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093',
      'log.dirs=/tmp/h/kafka/data',
    ].join('\n'));
  });

  it('Given a placeholder without a value, When rendered, Then it fails naming the placeholder', () => {
    expect(() => renderTemplate('a={{missing}}', {})).toThrow('{{missing}}');
  });
});

describe('cluster id', () => {
  it('Given random bytes, When a cluster id is made, Then it is 22 base64url characters', () => {
    const id = newClusterId(() => Buffer.alloc(16, 7));
    expect(id).toBe(Buffer.alloc(16, 7).toString('base64url'));
    expect(isClusterId(id)).toBe(true);
  });

  it('Given a first draw starting with "-", When a cluster id is made, Then it draws again like Kafka does', () => {
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 1)];
    expect(Buffer.alloc(16, 0xf8).toString('base64url').startsWith('-')).toBe(true);
    expect(newClusterId(() => draws.shift()!)).toBe(Buffer.alloc(16, 1).toString('base64url'));
  });

  it.each(['', 'short', 'AAAAAAAAAAAAAAAAAAAAAA', 'has spaces in it......', 'x'.repeat(23)])('Given %j, When validated, Then it is not a usable cluster id', (id) => {
    expect(isClusterId(id)).toBe(false);
  });
});

describe('jar verification and JVM flags', () => {
  it('Given zip bytes listing a class, When searched, Then the entry is found; another is not', () => {
    const fakeJar = Buffer.concat([Buffer.from([0x50, 0x4b, 1, 2]), Buffer.from('kafka/tools/StorageTool.class'), Buffer.from([0, 0])]);
    expect(jarListsEntry(fakeJar, 'kafka/tools/StorageTool.class')).toBe(true);
    expect(jarListsEntry(fakeJar, 'org/apache/kafka/tools/StorageTool.class')).toBe(false);
  });

  it('Given the broker JVM flags, When inspected, Then the heap is bounded and OOM ends the process', () => {
    expect(KAFKA_JVM_FLAGS).toEqual(expect.arrayContaining(['-Xms256m', '-Xmx512m', '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError']));
  });
});
