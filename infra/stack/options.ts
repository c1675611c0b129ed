import * as path from 'node:path';
import * as os from 'node:os';
import { LOCAL_HOST } from '../services';
import type { StackProgress } from './progress';
import { StackError } from './errors';
import { LOCAL_DEFAULTS } from '../../services/platform/config/hub-config';

/** What a caller (CLI, test harness, supervisor) may choose about the embedded stack. */
export interface StackOptions {
  /** State dir: data, logs, pid files. Default `$HUB_HOME`, else `~/.hub`. */
  home?: string;
  /** Downloaded jars. Default `${XDG_CACHE_HOME:-~/.cache}/red-ninez-hub`, shared by every home. */
  cacheDir?: string;
  kafkaPort?: number;
  controllerPort?: number;
  registryPort?: number;
  /** PostgreSQL the hub and the registry use. Default `$DATABASE_URL`, else the local `test` database. */
  databaseUrl?: string;
  /** Schema inside that database holding the registry's tables (one per stack, so test stacks never share). */
  registryDbSchema?: string;
  /** Path of the `java` binary for Kafka / the registry; empty means "find one" (java.ts). */
  kafkaJava?: string;
  registryJava?: string;
  onProgress?: (event: StackProgress) => void;
}

export type ResolvedStackOptions = Required<StackOptions>;

export const DEFAULT_DATABASE_URL: string = LOCAL_DEFAULTS.databaseUrl;
const DEFAULTS = { kafkaPort: 9092, controllerPort: 9093, registryPort: 8081, registryDbSchema: 'apicurio' } as const;

/**
 * Merges explicit overrides, then environment variables, then defaults. Pure (reads only `env`),
 * so the CLI, the tests and the supervisor agree on where things live.
 */
export function resolveStackOptions(env: NodeJS.ProcessEnv, overrides: StackOptions = {}): ResolvedStackOptions {
  const userHome = env.HOME || os.homedir();
  const cacheBase = env.XDG_CACHE_HOME || path.join(userHome, '.cache');
  const resolved: ResolvedStackOptions = {
    home: path.resolve(overrides.home ?? (env.HUB_HOME || path.join(userHome, '.hub'))),
    cacheDir: path.resolve(overrides.cacheDir ?? path.join(cacheBase, 'red-ninez-hub')),
    kafkaPort: overrides.kafkaPort ?? portFromEnv(env, 'HUB_KAFKA_PORT', DEFAULTS.kafkaPort),
    controllerPort: overrides.controllerPort ?? portFromEnv(env, 'HUB_KAFKA_CONTROLLER_PORT', DEFAULTS.controllerPort),
    registryPort: overrides.registryPort ?? portFromEnv(env, 'HUB_REGISTRY_PORT', DEFAULTS.registryPort),
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || DEFAULT_DATABASE_URL),
    registryDbSchema: overrides.registryDbSchema ?? (env.HUB_REGISTRY_DB_SCHEMA || DEFAULTS.registryDbSchema),
    kafkaJava: overrides.kafkaJava ?? (env.HUB_KAFKA_JAVA || ''),
    registryJava: overrides.registryJava ?? (env.HUB_REGISTRY_JAVA || ''),
    onProgress: overrides.onProgress ?? (() => undefined),
  };
  for (const p of ['kafkaPort', 'controllerPort', 'registryPort'] as const) checkPort(p, resolved[p]);
  if (new Set([resolved.kafkaPort, resolved.controllerPort, resolved.registryPort]).size !== 3) {
    throw new StackError('bad-option', 'kafka, controller and registry ports must differ', { name: 'ports', value: `${resolved.kafkaPort}/${resolved.controllerPort}/${resolved.registryPort}` });
  }
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(resolved.registryDbSchema)) {
    throw new StackError('bad-option', 'registry schema must be a lower-case SQL identifier', { name: 'HUB_REGISTRY_DB_SCHEMA', value: resolved.registryDbSchema });
  }
  return resolved;
}

function portFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.trim());
  if (!Number.isInteger(n)) throw new StackError('bad-option', `${name} is not a port number`, { name, value: raw });
  return n;
}

function checkPort(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new StackError('bad-option', `${name} is not a port number`, { name, value: String(value) });
  }
}

/** Where the embedded stack keeps its files, derived from the resolved options. */
export interface StackPaths {
  readonly kafkaDataDir: string;
  readonly kafkaConfig: string;
  readonly kafkaClusterIdFile: string;
  readonly registryWorkDir: string;
  readonly logDir: string;
  readonly kafkaLog: string;
  readonly registryLog: string;
  readonly runDir: string;
  readonly kafkaPid: string;
  readonly registryPid: string;
  readonly lockFile: string;
}

export function stackPaths(opts: Pick<ResolvedStackOptions, 'home'>): StackPaths {
  const h = opts.home;
  return {
    kafkaDataDir: path.join(h, 'kafka', 'data'),
    kafkaConfig: path.join(h, 'kafka', 'server.properties'),
    kafkaClusterIdFile: path.join(h, 'kafka', 'cluster-id'),
    registryWorkDir: path.join(h, 'registry'),
    logDir: path.join(h, 'logs'),
    kafkaLog: path.join(h, 'logs', 'kafka.log'),
    registryLog: path.join(h, 'logs', 'registry.log'),
    runDir: path.join(h, 'run'),
    kafkaPid: path.join(h, 'run', 'kafka.pid'),
    registryPid: path.join(h, 'run', 'registry.pid'),
    lockFile: path.join(h, 'run', 'stack.lock'),
  };
}

/** Addresses callers connect to. */
export function kafkaAddress(opts: Pick<ResolvedStackOptions, 'kafkaPort'>): string {
  return `${LOCAL_HOST}:${opts.kafkaPort}`;
}

export function registryBaseUrl(opts: Pick<ResolvedStackOptions, 'registryPort'>): string {
  return `http://${LOCAL_HOST}:${opts.registryPort}`;
}

/** The Confluent-compatible API the hub's serializers talk to. */
export function schemaRegistryUrl(opts: Pick<ResolvedStackOptions, 'registryPort'>): string {
  return `${registryBaseUrl(opts)}/apis/ccompat/v7`;
}
