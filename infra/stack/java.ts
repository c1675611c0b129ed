import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './exec';
import { StackError } from './errors';

/**
 * Kafka 3.9 runs on the machine's default Java 17, but Apicurio Registry 3.3 is compiled for
 * Java 21, so each server gets the first installed JDK whose major version it accepts. Our
 * machines carry a second JDK (Temurin) under /usr/lib/jvm for exactly this kind of need.
 */
export interface JavaRange {
  readonly min: number;
  readonly max: number;
}

/** Major version from `java -version` output: `openjdk version "17.0.15"` → 17, `"1.8.0_392"` → 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

/** Where to look, best first: JAVA_HOME, PATH, then the usual JDK install folders. */
export function javaCandidates(env: NodeJS.ProcessEnv): string[] {
  const list: string[] = [];
  if (env.JAVA_HOME) list.push(path.join(env.JAVA_HOME, 'bin', 'java'));
  list.push('java');
  for (const [dir, suffix] of [['/usr/lib/jvm', 'bin/java'], ['/opt/java', 'bin/java'], ['/Library/Java/JavaVirtualMachines', 'Contents/Home/bin/java']] as const) {
    for (const jdk of safeReaddir(dir).sort().reverse()) list.push(path.join(dir, jdk, suffix));
  }
  return list;
}

const majorCache = new Map<string, number | undefined>();

async function majorOf(java: string): Promise<number | undefined> {
  if (majorCache.has(java)) return majorCache.get(java);
  const result = await run(java, ['-version']);
  const major = result.code === 0 ? parseJavaMajor(result.output) : undefined;
  majorCache.set(java, major);
  return major;
}

/**
 * The java binary to run a server with. An explicit `override` (HUB_KAFKA_JAVA / HUB_REGISTRY_JAVA)
 * must fit the range; otherwise the candidates are tried in order.
 */
export async function findJava(range: JavaRange, override: string, env: NodeJS.ProcessEnv, forWhat: string): Promise<string> {
  const candidates = override ? [override] : javaCandidates(env);
  const seen = new Set<string>();
  for (const java of candidates) {
    const key = realpathOr(java);
    if (seen.has(key)) continue;
    seen.add(key);
    const major = await majorOf(java);
    if (major !== undefined && major >= range.min && major <= range.max) return java;
  }
  throw new StackError('java-missing', `no Java ${range.min}..${range.max} found for ${forWhat}`, {
    component: forWhat,
    range: range.max >= 99 ? `${range.min}+` : `${range.min}–${range.max}`,
    min: range.min,
    envVar: forWhat === 'kafka' ? 'HUB_KAFKA_JAVA' : 'HUB_REGISTRY_JAVA',
  });
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function realpathOr(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
