import { spawn, execFile, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { resolveStackOptions } from '../../stack/options';
import { ensureKafkaLib, KAFKA_MAIN_CLASS, STORAGE_TOOL_CLASS } from '../../stack/kafka-install';
import { findJava } from '../../stack/java';
import { KAFKA_JAVA_RANGE } from '../../stack/versions';
import { newClusterId } from '../../stack/kafka-config';
import { repoFile } from '../../stack/repo-files';
import { LOCAL_HOST } from '../../services';
import { brokerEnvironment, type BrokerValues } from '../broker-properties';

const run = promisify(execFile);

/** Short-lived tools (storage format, keytool, kafka-acls): no JIT beyond C1, a small heap; starts faster on a busy machine. */
const QUICK_JVM = '-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC';
/** The test broker lives for seconds: C1 only and the serial collector spend far less CPU while starting than G1 and C2. */
const BROKER_JVM = '-Xms128m -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true';

/**
 * A private single-node broker secured exactly like the Docker stack's: certificates from
 * infra/compose/kafka/pki.sh, started by infra/compose/kafka/start-broker.sh with the variables of
 * brokerEnvironment(), from the jars the embedded stack already cached. Its own ports and temporary
 * directory: the shared broker on 9092 is never touched. For tests only.
 */
export interface PrivateBroker {
  readonly internal: string;
  readonly external: string;
  readonly dir: string;
  /** pki.sh's output: `users/<name>/password`, `users/<name>/ca.pem`, ... */
  readonly secretsDir: string;
  readonly pid: number;
  /** False once the broker process has exited (a bad setting, a port taken). */
  alive(): boolean;
  password(user: string): string;
  caFile(): string;
  /** The broker's console output so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: n }, () => new Promise<net.Server>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, LOCAL_HOST, () => resolve(s));
  })));
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** Shims standing in for the image's /opt/kafka/bin scripts, running the cached jars. */
function writeShims(binDir: string, java: string, lib: string): void {
  fs.mkdirSync(binDir, { recursive: true });
  // HUB_KAFKA_SASL_LOG4J: a more talkative log4j file when debugging the broker's start.
  const log4j = `-Dlog4j.configuration=file:${process.env.HUB_KAFKA_SASL_LOG4J ?? repoFile('infra/kafka/log4j.properties')}`;
  const shim = (name: string, jvm: string, mainClass: string) => {
    const file = path.join(binDir, name);
    fs.writeFileSync(file, `#!/usr/bin/env bash\nexec '${java}' ${jvm} -cp '${lib}/*' ${log4j} ${mainClass} "$@"\n`, { mode: 0o755 });
  };
  shim('kafka-storage.sh', QUICK_JVM, STORAGE_TOOL_CLASS);
  shim('kafka-server-start.sh', BROKER_JVM, KAFKA_MAIN_CLASS);
  shim('kafka-acls.sh', QUICK_JVM, 'kafka.admin.AclCommand');
}

export async function startPrivateBroker(scramUsers: readonly string[]): Promise<PrivateBroker> {
  const options = resolveStackOptions(process.env);
  const java = await findJava(KAFKA_JAVA_RANGE, options.kafkaJava, process.env, 'kafka');
  const lib = await ensureKafkaLib(options);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-kafka-sasl-'));
  const secretsDir = path.join(dir, 'secrets');
  const usersFile = path.join(dir, 'scram-users.txt');
  fs.writeFileSync(usersFile, `${scramUsers.join('\n')}\n`);
  const binDir = path.join(dir, 'bin');
  writeShims(binDir, java, lib);
  const baseEnv = { PATH: `${path.dirname(java)}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: dir };

  await run('bash', [repoFile('infra/compose/kafka/pki.sh')], {
    env: { ...baseEnv, JAVA_TOOL_OPTIONS: QUICK_JVM, SECRETS_DIR: secretsDir, SCRAM_USERS_FILE: usersFile, BROKER_SAN: `dns:localhost,ip:${LOCAL_HOST}`, BROKER_CN: 'localhost' },
  });

  const [internalPort, externalPort, controllerPort] = await freePorts(3);
  const values: BrokerValues = {
    internal: { bind: `${LOCAL_HOST}:${internalPort}`, advertised: `${LOCAL_HOST}:${internalPort}` },
    external: { bind: `${LOCAL_HOST}:${externalPort}`, advertised: `${LOCAL_HOST}:${externalPort}` },
    controller: { bind: `${LOCAL_HOST}:${controllerPort}` },
    controllerAddress: `${LOCAL_HOST}:${controllerPort}`,
    dataDir: path.join(dir, 'data'),
    brokerSecretsDir: path.join(secretsDir, 'broker'),
    smallInternalTopics: true,
  };
  const logFile = path.join(dir, 'broker.log');
  const out = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn('bash', [repoFile('infra/compose/kafka/start-broker.sh')], {
    env: {
      ...baseEnv,
      ...brokerEnvironment(values),
      CLUSTER_ID: newClusterId(),
      HUB_KAFKA_BIN: binDir,
      BROKER_SECRETS: path.join(secretsDir, 'broker'),
      USER_SECRETS: path.join(secretsDir, 'users'),
      SCRAM_USERS_FILE: usersFile,
      BROKER_CONFIG: path.join(dir, 'config', 'server.properties'),
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    internal: `${LOCAL_HOST}:${internalPort}`,
    external: `${LOCAL_HOST}:${externalPort}`,
    dir,
    secretsDir,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    password: (user) => fs.readFileSync(path.join(secretsDir, 'users', user, 'password'), 'utf8').trim(),
    caFile: () => path.join(secretsDir, 'ca', 'ca.pem'),
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
    stop: async () => {
      // start-broker.sh execs the JVM, so this pid is the broker itself.
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a script of infra/compose/kafka with the private broker's shims (e.g. acls.sh). */
export async function runComposeScript(broker: PrivateBroker, script: string, env: Record<string, string>): Promise<string> {
  const { stdout, stderr } = await run('bash', [repoFile(`infra/compose/kafka/${script}`)], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: broker.dir, HUB_KAFKA_BIN: path.join(broker.dir, 'bin'), ...env },
    maxBuffer: 4 * 1024 * 1024,
  });
  return stdout + stderr;
}
