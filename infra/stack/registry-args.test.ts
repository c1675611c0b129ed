import { registryJvmArgs } from './registry';
import { lastLines } from './process';

describe('registry JVM arguments', () => {
  const args = registryJvmArgs(
    { registryPort: 18081, home: '/tmp/h', registryDbSchema: 'apicurio_t1' },
    { url: 'jdbc:postgresql://127.0.0.1:5432/test?currentSchema=apicurio_t1', username: 'postgres', password: 's3cret' },
    '/c/app/quarkus-run.jar',
  );

  it('Given a stack, When the registry command line is built, Then every system property comes before -jar and the jar is last', () => {
    const jar = args.indexOf('-jar');
    expect(args.slice(jar)).toEqual(['-jar', '/c/app/quarkus-run.jar']);
    expect(args.slice(0, jar).every((a) => a.startsWith('-'))).toBe(true);
  });

  it('Given a stack, When the registry command line is built, Then storage is PostgreSQL in the stack\'s own schema, on loopback', () => {
    expect(args).toEqual(expect.arrayContaining([
      '-Dquarkus.http.host=127.0.0.1', '-Dquarkus.http.port=18081', '-Dquarkus.management.host=127.0.0.1',
      '-Dapicurio.storage.kind=sql', '-Dapicurio.storage.sql.kind=postgresql',
      '-Dapicurio.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=apicurio_t1', '-Dapicurio.sql.db-schema=apicurio_t1',
      '-Dhub.stack.component=registry', '-Dhub.stack.home=/tmp/h',
    ]));
  });

  it('Given a database password, When the command line is built, Then the password is not on it (ps would show it)', () => {
    expect(args.join(' ')).not.toContain('s3cret');
  });
});

describe('lastLines', () => {
  it('Given a log with trailing blank lines, When its tail is taken, Then the last lines with content are kept', () => {
    expect(lastLines('a\nb\nc\nd\n\n', 2)).toBe('c\nd');
    expect(lastLines('only', 5)).toBe('only');
  });
});
