import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedStackOptions } from './options';
import { KAFKA_VERSION, SCALA_BINARY_VERSION, DEPENDENCY_PLUGIN } from './versions';
import { repoFile } from './repo-files';
import { jarListsEntry } from './kafka-config';
import { run } from './exec';
import { lastLines } from './process';
import { StackError } from './errors';

/** The broker and storage tool classes: `kafka-server-start.sh` and `kafka-storage.sh` run these. */
export const KAFKA_MAIN_CLASS = 'kafka.Kafka';
export const STORAGE_TOOL_CLASS = 'kafka.tools.StorageTool';

/** Cache folder of this Kafka version; `lib/` holds the classpath, `.complete` marks a finished copy. */
export function kafkaCacheDir(cacheDir: string): string {
  return path.join(cacheDir, `kafka-${KAFKA_VERSION}`);
}

/**
 * Makes sure the broker's jars are in the cache and returns the `lib` folder. The jars come
 * from Maven Central through `copy-dependencies` on infra/kafka/pom.xml (broker only, none of the
 * Connect/Streams weight of the binary tarball). A copy without the marker file is a download
 * that was interrupted, so it is thrown away and done again.
 */
export async function ensureKafkaLib(opts: ResolvedStackOptions): Promise<string> {
  const base = kafkaCacheDir(opts.cacheDir);
  const lib = path.join(base, 'lib');
  const marker = path.join(base, '.complete');
  if (fs.existsSync(marker) && fs.existsSync(lib)) return lib;

  const started = Date.now();
  opts.onProgress({ kind: 'downloading', component: 'kafka', version: KAFKA_VERSION, cacheDir: base });
  fs.rmSync(lib, { recursive: true, force: true });
  const partial = `${lib}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });

  const result = await run('mvn', [
    '-q', '-B',
    '-f', repoFile('infra/kafka/pom.xml'),
    `-Dkafka.version=${KAFKA_VERSION}`,
    `-Dscala.binary.version=${SCALA_BINARY_VERSION}`,
    '-DincludeScope=runtime',
    `-DoutputDirectory=${partial}`,
    `${DEPENDENCY_PLUGIN}:copy-dependencies`,
  ]);
  if (result.spawnError) throw new StackError('maven-missing', 'mvn is not installed or not on PATH', { component: 'kafka' });
  if (result.code !== 0) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw new StackError('download-failed', `mvn copy-dependencies failed (exit ${result.code})`, { component: 'kafka', version: KAFKA_VERSION }, lastLines(result.output, 30));
  }
  verifyKafkaLib(partial);
  fs.renameSync(partial, lib);
  fs.writeFileSync(marker, `kafka ${KAFKA_VERSION} copied ${new Date().toISOString()}\n`);
  opts.onProgress({ kind: 'downloaded', component: 'kafka', ms: Date.now() - started });
  return lib;
}

/** The broker jar must be there and hold the storage tool (its package has moved in some plans). */
function verifyKafkaLib(lib: string): void {
  const jar = path.join(lib, `kafka_${SCALA_BINARY_VERSION}-${KAFKA_VERSION}.jar`);
  const entry = `${STORAGE_TOOL_CLASS.replace(/\./g, '/')}.class`;
  if (!fs.existsSync(jar) || !jarListsEntry(fs.readFileSync(jar), entry)) {
    throw new StackError('jar-incomplete', `${jar} is missing or lacks ${entry}`, { jar, entry });
  }
  if (!fs.readdirSync(lib).some((f) => f.startsWith('slf4j-reload4j-'))) {
    throw new StackError('jar-incomplete', `no slf4j-reload4j binding in ${lib}`, { jar: lib, entry: 'slf4j-reload4j' });
  }
}
