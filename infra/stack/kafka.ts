import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { LOCAL_HOST } from '../services';
import { kafkaAddress, type ResolvedStackOptions, type StackPaths } from './options';
import { KAFKA_VERSION, KAFKA_JAVA_RANGE } from './versions';
import { ensureKafkaLib, KAFKA_MAIN_CLASS, STORAGE_TOOL_CLASS } from './kafka-install';
import { renderServerProperties, newClusterId, isClusterId, KAFKA_JVM_FLAGS } from './kafka-config';
import { repoFile } from './repo-files';
import { findJava } from './java';
import { run } from './exec';
import { processMarkers, portMarker } from './pidfile';
import { spawnDetached, lastLines } from './process';
import { isPortOpen, errorReason } from './net';
import { StackError } from './errors';
import { awaitReady, assertPortsFree } from './readiness';

/** A first start on two cores can take a while (JIT, metadata log); the bound is generous but finite. */
const KAFKA_READY_TIMEOUT_MS = 90_000;

/** Whether a broker answers a metadata request (what every producer/consumer does first). */
export async function probeKafka(port: number, timeoutMs = 3000): Promise<{ ok: boolean; detail?: string }> {
  if (!(await isPortOpen(LOCAL_HOST, port, Math.min(timeoutMs, 1000)))) return { ok: false, detail: 'ECONNREFUSED' };
  const admin = new Kafka({
    clientId: 'hub-stack-probe',
    brokers: [`${LOCAL_HOST}:${port}`],
    connectionTimeout: Math.min(timeoutMs, 1000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 ? { ok: true } : { ok: false, detail: 'no brokers in metadata' };
  } catch (err) {
    return { ok: false, detail: errorReason(err) };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Downloads if needed, writes the config, formats storage once, starts the broker detached and waits for it. */
export async function startKafka(opts: ResolvedStackOptions, paths: StackPaths): Promise<void> {
  const java = await findJava(KAFKA_JAVA_RANGE, opts.kafkaJava, process.env, 'kafka');
  const lib = await ensureKafkaLib(opts);
  for (const dir of [paths.kafkaDataDir, paths.logDir, paths.runDir]) fs.mkdirSync(dir, { recursive: true });

  fs.writeFileSync(paths.kafkaConfig, renderServerProperties(fs.readFileSync(repoFile('infra/kafka/server.properties'), 'utf8'), {
    host: LOCAL_HOST,
    kafkaPort: opts.kafkaPort,
    controllerPort: opts.controllerPort,
    dataDir: paths.kafkaDataDir,
  }));
  const classpath = ['-cp', path.join(lib, '*'), `-Dlog4j.configuration=file:${repoFile('infra/kafka/log4j.properties')}`];
  await formatOnce(opts, paths, java, classpath);
  await assertPortsFree('kafka', [opts.kafkaPort, opts.controllerPort]);

  const started = Date.now();
  const proc = await spawnDetached({
    command: java,
    args: [...KAFKA_JVM_FLAGS, ...processMarkers('kafka', opts.home), portMarker(opts.kafkaPort), `-Dkafka.logs.dir=${paths.logDir}`, ...classpath, KAFKA_MAIN_CLASS, paths.kafkaConfig],
    cwd: path.dirname(paths.kafkaConfig),
    logFile: paths.kafkaLog,
    pidFile: paths.kafkaPid,
  });
  opts.onProgress({ kind: 'starting', component: 'kafka', pid: proc.pid, log: paths.kafkaLog });
  await awaitReady('kafka', proc, paths.kafkaLog, paths.kafkaPid, KAFKA_READY_TIMEOUT_MS, async () => (await probeKafka(opts.kafkaPort)).ok);
  opts.onProgress({ kind: 'ready', component: 'kafka', address: kafkaAddress(opts), ms: Date.now() - started });
}

/**
 * KRaft needs its log dir formatted with a cluster id before the first start. The id is kept in
 * the state dir so a re-format (e.g. after deleting data/) reuses it; `--ignore-formatted`
 * makes a repeated format harmless, but we skip the JVM start altogether when meta.properties exists.
 */
async function formatOnce(opts: ResolvedStackOptions, paths: StackPaths, java: string, classpath: readonly string[]): Promise<void> {
  if (fs.existsSync(path.join(paths.kafkaDataDir, 'meta.properties'))) return;
  let clusterId = fs.existsSync(paths.kafkaClusterIdFile) ? fs.readFileSync(paths.kafkaClusterIdFile, 'utf8').trim() : '';
  if (!isClusterId(clusterId)) {
    clusterId = newClusterId();
    fs.writeFileSync(paths.kafkaClusterIdFile, `${clusterId}\n`);
  }
  opts.onProgress({ kind: 'formatting', component: 'kafka', dataDir: paths.kafkaDataDir });
  const result = await run(java, ['-Xmx256m', ...classpath, STORAGE_TOOL_CLASS, 'format', '-t', clusterId, '-c', paths.kafkaConfig, '--ignore-formatted']);
  if (result.code !== 0) {
    throw new StackError('format-failed', `kafka storage format failed (exit ${result.code})`, { version: KAFKA_VERSION, dataDir: paths.kafkaDataDir }, lastLines(result.output, 30));
  }
}
