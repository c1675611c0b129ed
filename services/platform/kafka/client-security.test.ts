import { inspect } from 'node:util';
import { loadConfig } from '../config/load-config';
import { hubConfigSchema } from '../config/hub-config';
import { ConfigError } from '../errors';
import { kafkajsSecurityOptions, kafkaSecurityOf } from './client-security';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const FILES: Record<string, string> = { '/run/secrets/kafka/password': 's3cret-from-file\n', '/run/secrets/kafka/ca.pem': CA, '/empty': '' };

function readFile(path: string): string {
  const text = FILES[path];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return text;
}

function configOf(env: Record<string, string>) {
  return loadConfig(hubConfigSchema, env);
}

const SASL_SSL = {
  KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_SASL_USERNAME: 'hub-dedup',
  KAFKA_SASL_PASSWORD_FILE: '/run/secrets/kafka/password',
  KAFKA_SSL_CA_FILE: '/run/secrets/kafka/ca.pem',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    kafkaSecurityOf(configOf(env), readFile);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('kafkaSecurityOf', () => {
  it('Given no Kafka security variables, When resolved, Then the client stays PLAINTEXT with no ssl or sasl option', () => {
    const security = kafkaSecurityOf(configOf({}), readFile);
    expect(security).toEqual({ protocol: 'PLAINTEXT' });
    expect(kafkajsSecurityOptions(security)).toEqual({});
  });

  it('Given SASL_SSL with a password file and the hub CA, When resolved, Then kafkajs gets SCRAM credentials and trusts only that CA', () => {
    const options = kafkajsSecurityOptions(kafkaSecurityOf(configOf(SASL_SSL), readFile));
    expect(options).toEqual({ ssl: { ca: [CA] }, sasl: { mechanism: 'scram-sha-512', username: 'hub-dedup', password: 's3cret-from-file' } });
  });

  it('Given SSL without a CA file, When resolved, Then TLS uses the system CAs and no SASL', () => {
    expect(kafkajsSecurityOptions(kafkaSecurityOf(configOf({ KAFKA_SECURITY_PROTOCOL: 'SSL' }), readFile))).toEqual({ ssl: true });
  });

  it('Given the password inline, When the config or the resolved security is printed or JSON-encoded, Then the password never appears', () => {
    const config = configOf({ KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'muni-13101', KAFKA_SASL_PASSWORD: 'inline-pa55word' });
    const security = kafkaSecurityOf(config, readFile);
    for (const text of [JSON.stringify(config), inspect(config, { depth: 5 }), JSON.stringify(security), inspect(security, { depth: 5 }), `${String(security.sasl?.password)}`]) {
      expect(text).not.toContain('inline-pa55word');
    }
    expect(kafkajsSecurityOptions(security).sasl).toEqual({ mechanism: 'scram-sha-512', username: 'muni-13101', password: 'inline-pa55word' });
  });

  it('Given SASL_SSL missing its mechanism, user and password, When resolved, Then every problem is reported at once, naming variables only', () => {
    expect(problemsOf({ KAFKA_SECURITY_PROTOCOL: 'SASL_SSL' })).toEqual([
      'KAFKA_SASL_MECHANISM: required with SASL_SSL',
      'KAFKA_SASL_USERNAME: required with SASL_SSL',
      'KAFKA_SASL_PASSWORD / KAFKA_SASL_PASSWORD_FILE: exactly one is required with SASL_SSL',
    ]);
  });

  it('Given both a password and a password file, When resolved, Then it is refused (which one wins would be a guess)', () => {
    expect(problemsOf({ ...SASL_SSL, KAFKA_SASL_PASSWORD: 'x' })).toEqual(['KAFKA_SASL_PASSWORD / KAFKA_SASL_PASSWORD_FILE: exactly one is required with SASL_SSL']);
  });

  it('Given SASL or CA variables with PLAINTEXT, When resolved, Then it is refused rather than silently connecting in clear', () => {
    expect(problemsOf({ KAFKA_SASL_USERNAME: 'hub-api', KAFKA_SSL_CA_FILE: '/run/secrets/kafka/ca.pem' })).toEqual([
      'KAFKA_SASL_USERNAME: set, but KAFKA_SECURITY_PROTOCOL=PLAINTEXT does not use SASL',
      'KAFKA_SSL_CA_FILE: set, but KAFKA_SECURITY_PROTOCOL=PLAINTEXT does not use TLS',
    ]);
  });

  it('Given unreadable, empty or non-PEM files, When resolved, Then the problems name the files, not their content', () => {
    expect(problemsOf({ ...SASL_SSL, KAFKA_SASL_PASSWORD_FILE: '/missing', KAFKA_SSL_CA_FILE: '/run/secrets/kafka/password' })).toEqual([
      'KAFKA_SASL_PASSWORD_FILE: cannot read /missing (ENOENT)',
      'KAFKA_SSL_CA_FILE: /run/secrets/kafka/password holds no PEM certificate',
    ]);
    expect(problemsOf({ ...SASL_SSL, KAFKA_SASL_PASSWORD_FILE: '/empty' })).toEqual(['KAFKA_SASL_PASSWORD_FILE: /empty is empty']);
  });

  it('Given an unknown mechanism or protocol, When the environment is parsed, Then loadConfig rejects it', () => {
    expect(() => configOf({ KAFKA_SECURITY_PROTOCOL: 'TLS' })).toThrow(ConfigError);
    expect(() => configOf({ ...SASL_SSL, KAFKA_SASL_MECHANISM: 'plain' })).toThrow(ConfigError);
  });
});
