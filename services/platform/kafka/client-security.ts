import { readFileSync } from 'node:fs';
import type { KafkaConfig } from 'kafkajs';
import { ConfigError } from '../errors';
import { SecretString } from '../config/secret-string';
import type { HubConfig } from '../config/hub-config';

/** The Kafka security fields of hubConfigSchema (every service's config has them). */
export type KafkaSecurityConfig = Pick<HubConfig,
  'KAFKA_SECURITY_PROTOCOL' | 'KAFKA_SASL_MECHANISM' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD' | 'KAFKA_SASL_PASSWORD_FILE' | 'KAFKA_SSL_CA_FILE'>;

/**
 * How a client authenticates and encrypts, resolved once: files read, combinations checked. The
 * password stays a SecretString (logging this object shows `[redacted]`) until createKafka hands
 * it to kafkajs.
 */
export interface KafkaSecurity {
  readonly protocol: HubConfig['KAFKA_SECURITY_PROTOCOL'];
  /** PEM certificates to trust instead of the system CAs (the hub's own CA). */
  readonly tls?: { readonly ca?: string };
  readonly sasl?: { readonly mechanism: 'scram-sha-512' | 'scram-sha-256'; readonly username: string; readonly password: SecretString };
}

export const PLAINTEXT: KafkaSecurity = Object.freeze({ protocol: 'PLAINTEXT' });

/**
 * Checks the combination of KAFKA_SECURITY_PROTOCOL and the SASL/TLS variables and reads the
 * password and CA files. Every problem is reported together, as loadConfig does; messages name
 * variables and files, never values. Called at the composition root next to loadConfig.
 */
export function kafkaSecurityOf(c: KafkaSecurityConfig, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): KafkaSecurity {
  const problems: string[] = [];
  const usesSasl = c.KAFKA_SECURITY_PROTOCOL.startsWith('SASL_');
  const usesTls = c.KAFKA_SECURITY_PROTOCOL.endsWith('SSL');
  const saslSet = (['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_PASSWORD_FILE'] as const).filter((k) => c[k] !== undefined);
  if (!usesSasl && saslSet.length > 0) problems.push(`${saslSet.join(', ')}: set, but KAFKA_SECURITY_PROTOCOL=${c.KAFKA_SECURITY_PROTOCOL} does not use SASL`);
  if (!usesTls && c.KAFKA_SSL_CA_FILE !== undefined) problems.push(`KAFKA_SSL_CA_FILE: set, but KAFKA_SECURITY_PROTOCOL=${c.KAFKA_SECURITY_PROTOCOL} does not use TLS`);
  if (usesSasl) {
    if (c.KAFKA_SASL_MECHANISM === undefined) problems.push(`KAFKA_SASL_MECHANISM: required with ${c.KAFKA_SECURITY_PROTOCOL}`);
    if (c.KAFKA_SASL_USERNAME === undefined) problems.push(`KAFKA_SASL_USERNAME: required with ${c.KAFKA_SECURITY_PROTOCOL}`);
    if ((c.KAFKA_SASL_PASSWORD === undefined) === (c.KAFKA_SASL_PASSWORD_FILE === undefined)) {
      problems.push(`KAFKA_SASL_PASSWORD / KAFKA_SASL_PASSWORD_FILE: exactly one is required with ${c.KAFKA_SECURITY_PROTOCOL}`);
    }
  }
  const password = usesSasl && c.KAFKA_SASL_PASSWORD_FILE !== undefined && c.KAFKA_SASL_PASSWORD === undefined
    ? readSecretFile(c.KAFKA_SASL_PASSWORD_FILE, readFile, problems)
    : c.KAFKA_SASL_PASSWORD;
  const ca = usesTls && c.KAFKA_SSL_CA_FILE !== undefined ? readCaFile(c.KAFKA_SSL_CA_FILE, readFile, problems) : undefined;
  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    protocol: c.KAFKA_SECURITY_PROTOCOL,
    ...(usesTls ? { tls: Object.freeze(ca === undefined ? {} : { ca }) } : {}),
    ...(usesSasl ? { sasl: Object.freeze({ mechanism: c.KAFKA_SASL_MECHANISM!, username: c.KAFKA_SASL_USERNAME!, password: password! }) } : {}),
  });
}

function readSecretFile(path: string, readFile: (path: string) => string, problems: string[]): SecretString | undefined {
  try {
    // Secret files are usually written with a trailing newline (echo, editors); the password never ends in one.
    const text = readFile(path).replace(/\r?\n$/, '');
    if (text.length === 0) problems.push(`KAFKA_SASL_PASSWORD_FILE: ${path} is empty`);
    return new SecretString(text);
  } catch (err) {
    problems.push(`KAFKA_SASL_PASSWORD_FILE: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  }
}

function readCaFile(path: string, readFile: (path: string) => string, problems: string[]): string | undefined {
  try {
    const pem = readFile(path);
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) problems.push(`KAFKA_SSL_CA_FILE: ${path} holds no PEM certificate`);
    return pem;
  } catch (err) {
    problems.push(`KAFKA_SSL_CA_FILE: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  }
}

/** The kafkajs `ssl` and `sasl` options of a resolved KafkaSecurity (the one place the password is revealed). */
export function kafkajsSecurityOptions(security: KafkaSecurity): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const out: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  // Node verifies the broker's certificate chain and host name (rejectUnauthorized defaults to true).
  if (security.tls) out.ssl = security.tls.ca === undefined ? true : { ca: [security.tls.ca] };
  if (security.sasl) {
    const { mechanism, username, password } = security.sasl;
    out.sasl = mechanism === 'scram-sha-512'
      ? { mechanism, username, password: password.reveal() }
      : { mechanism, username, password: password.reveal() };
  }
  return out;
}
