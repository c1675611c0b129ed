import * as fs from 'node:fs';
import { LOCAL_HOST } from '../services';
import { schemaRegistryUrl, type ResolvedStackOptions, type StackPaths } from './options';
import { REGISTRY_JAVA_RANGE } from './versions';
import { ensureRegistryApp } from './registry-install';
import { ensureSchema, toJdbc, type JdbcSettings } from './postgres';
import { findJava } from './java';
import { processMarkers, portMarker } from './pidfile';
import { spawnDetached } from './process';
import { errorReason } from './net';
import { awaitReady, assertPortsFree } from './readiness';

const REGISTRY_READY_TIMEOUT_MS = 120_000;

/** Whether the Confluent-compatible API answers (the one the hub's serializers call). */
export async function probeRegistry(port: number, timeoutMs = 3000): Promise<{ ok: boolean; detail?: string }> {
  try {
    const res = await fetch(`${schemaRegistryUrl({ registryPort: port })}/subjects`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status === 200 ? { ok: true } : { ok: false, detail: `HTTP ${res.status}` };
  } catch (err) {
    return { ok: false, detail: errorReason(err) };
  }
}

/**
 * JVM arguments of the registry. Storage is PostgreSQL, in its own schema of the hub's database:
 * the default H2 in-memory store forgets every schema on restart, and then messages already in
 * Kafka (which carry only the schema id) can no longer be decoded. We chose SQL over `kafkasql`
 * because it does not make the registry wait for Kafka (both start in parallel) and a database
 * backup already covers it. The password goes through the environment, not the command line
 * (visible in `ps`). System properties must come before `-jar`.
 */
export function registryJvmArgs(opts: Pick<ResolvedStackOptions, 'registryPort' | 'home' | 'registryDbSchema'>, jdbc: JdbcSettings, jar: string): string[] {
  return [
    '-Xmx512m',
    '-XX:+ExitOnOutOfMemoryError',
    ...processMarkers('registry', opts.home),
    portMarker(opts.registryPort),
    `-Dquarkus.http.host=${LOCAL_HOST}`,
    `-Dquarkus.http.port=${opts.registryPort}`,
    // The management interface (health, metrics) is compiled in; bind it to loopback on a free port
    // so two stacks (the shared one and a test's) never collide on its default 9000.
    `-Dquarkus.management.host=${LOCAL_HOST}`,
    '-Dquarkus.management.port=0',
    // One access-log line per request would grow registry.log with every readiness poll.
    '-Dquarkus.http.access-log.enabled=false',
    '-Dapicurio.storage.kind=sql',
    '-Dapicurio.storage.sql.kind=postgresql',
    `-Dapicurio.datasource.url=${jdbc.url}`,
    `-Dapicurio.datasource.username=${jdbc.username}`,
    // "Is the database initialised?" looks for Apicurio's tables in every schema unless told which
    // one; another stack's schema in the same database would then fool it.
    `-Dapicurio.sql.db-schema=${opts.registryDbSchema}`,
    // Apicurio's default pool keeps 20 connections open; a shared local PostgreSQL (100 max) needs far fewer.
    '-Dapicurio.datasource.jdbc.initial-size=2',
    '-Dapicurio.datasource.jdbc.min-size=2',
    '-Dapicurio.datasource.jdbc.max-size=10',
    '-jar',
    jar,
  ];
}

export async function startRegistry(opts: ResolvedStackOptions, paths: StackPaths): Promise<void> {
  const java = await findJava(REGISTRY_JAVA_RANGE, opts.registryJava, process.env, 'registry');
  const jar = await ensureRegistryApp(opts);
  for (const dir of [paths.registryWorkDir, paths.logDir, paths.runDir]) fs.mkdirSync(dir, { recursive: true });
  await ensureSchema(opts.databaseUrl, opts.registryDbSchema);
  await assertPortsFree('registry', [opts.registryPort]);

  const jdbc = toJdbc(opts.databaseUrl, opts.registryDbSchema);
  const started = Date.now();
  const proc = await spawnDetached({
    command: java,
    args: registryJvmArgs(opts, jdbc, jar),
    cwd: paths.registryWorkDir,
    logFile: paths.registryLog,
    pidFile: paths.registryPid,
    env: { ...process.env, APICURIO_DATASOURCE_PASSWORD: jdbc.password },
  });
  opts.onProgress({ kind: 'starting', component: 'registry', pid: proc.pid, log: paths.registryLog });
  await awaitReady('registry', proc, paths.registryLog, paths.registryPid, REGISTRY_READY_TIMEOUT_MS, async () => (await probeRegistry(opts.registryPort)).ok);
  opts.onProgress({ kind: 'ready', component: 'registry', address: schemaRegistryUrl(opts), ms: Date.now() - started });
}
