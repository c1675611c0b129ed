import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { isBalanced, type Reconciliation } from '../../../connectors/sdk/reconciliation';
import { prepareHub } from '../../../infra/bootstrap/prepare-hub';
import { connectorFor } from '../../../infra/import/connectors';
import { importFile } from '../../../infra/import/import-file';
import { HUB_SERVICES, type HubServiceSpec } from '../../../infra/services';
import { Supervisor } from '../../../infra/supervisor/supervisor';
import { waitHealthy } from '../../../infra/supervisor/wait-healthy';
import { CredentialRepository } from '../../../services/platform/auth/credential-repository';
import { hubConfigSchema, type HubConfig } from '../../../services/platform/config/hub-config';
import { loadConfig } from '../../../services/platform/config/load-config';
import { createKafka } from '../../../services/platform/kafka/create-kafka';
import { createLogger, type Logger } from '../../../services/platform/logging/create-logger';
import { createPool } from '../../../services/platform/postgres/create-pool';
import { startReceiver, type Receiver } from '../../../services/subscriptions/testing/receiver';
import { freePort, pollUntil } from './net';

const root = path.resolve(__dirname, '..', '..', '..');

/** The services a fault run spawns: the whole event path from institution topics to webhooks. */
export const PIPELINE = ['dedup', 'identity', 'case-status', 'subscriptions'] as const;
export type PipelineService = (typeof PIPELINE)[number];

export interface Infra {
  readonly kafkaBrokers: string;
  readonly schemaRegistryUrl: string;
  readonly databaseUrl: string;
}

export interface HubRunOptions {
  readonly label: string;
  readonly infra: Infra;
  readonly logDir: string;
  /** Comunas that get a municipal webhook subscription. */
  readonly comunas: readonly string[];
  readonly onEvent?: (line: string) => void;
}

function silentLogger(): Logger {
  return createLogger({ service: 'faults', level: 'fatal', destination: new Writable({ write(_c, _e, cb) { cb(); } }) as never });
}

const SECRET = 'faults-webhook-secret-0123456789';

/**
 * One hub, as production runs it: its own namespace (topic prefix + PostgreSQL schema) on the
 * given infrastructure, the pipeline services as real child processes under the real Supervisor
 * (which restarts a process that dies, with backoff), and a municipal webhook receiver per comuna
 * subscribed through the subscriptions API.
 */
export class HubRun {
  readonly prefix: string;
  readonly schema: string;
  readonly env: NodeJS.ProcessEnv;
  readonly config: HubConfig;
  readonly log = silentLogger();
  readonly kafka: Kafka;
  readonly receivers = new Map<string, Receiver>();
  /** comuna → subscription id. */
  readonly subscriptions = new Map<string, string>();
  readonly ports = new Map<PipelineService, number>();
  readonly restarts: { service: string; code: number | null }[] = [];
  pool!: Pool;
  private supervisor!: Supervisor;

  constructor(private readonly opts: HubRunOptions) {
    const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    this.prefix = `faults-${opts.label}-${id}.`;
    this.schema = `faults_${opts.label}_${id}`.toLowerCase();
    this.env = {
      ...process.env,
      KAFKA_BROKERS: opts.infra.kafkaBrokers,
      SCHEMA_REGISTRY_URL: opts.infra.schemaRegistryUrl,
      DATABASE_URL: opts.infra.databaseUrl,
      HUB_TOPIC_PREFIX: this.prefix,
      HUB_DB_SCHEMA: this.schema,
      LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn',
      HUB_LANG: 'es',
      // Faster webhook retries and deadline clock: a test waits for them.
      SUBSCRIPTIONS_POLL_MS: '200',
      SUBSCRIPTIONS_RETRY_BASE_MS: '200',
      SUBSCRIPTIONS_RETRY_MAX_MS: '2000',
      SUBSCRIPTIONS_MAX_ATTEMPTS: '100',
      CASE_STATUS_CLOCK_MS: '2000',
    };
    this.config = loadConfig(hubConfigSchema, this.env);
    this.kafka = createKafka({ brokers: this.config.KAFKA_BROKERS, clientId: `faults-${opts.label}`, log: this.log });
  }

  /** Migrations, topics, schemas; then the services (healthy); then the subscriptions. */
  async start(): Promise<void> {
    mkdirSync(this.opts.logDir, { recursive: true });
    // A broker that has just started (or restarted) may answer the first metadata requests for
    // new topics with "does not host this topic-partition": prepare is idempotent, so run it again.
    for (let attempt = 1; ; attempt++) {
      try {
        await prepareHub(this.config, this.log);
        break;
      } catch (err) {
        if (attempt >= 5) throw err;
        this.opts.onEvent?.(`prepare failed (${err instanceof Error ? err.message : String(err)}); again`);
      }
    }
    this.pool = await createPool({ databaseUrl: this.config.DATABASE_URL, schema: this.schema, applicationName: 'faults-test', max: 4 });
    // A pool whose server went away (the PostgreSQL restart fault) must not crash the test process.
    this.pool.on('error', () => undefined);
    this.supervisor = new Supervisor({
      root, logDir: this.opts.logDir, env: this.env, production: false,
      onRestart: (service, code) => { this.restarts.push({ service, code }); this.opts.onEvent?.(`supervisor restarts ${service} (exit ${code})`); },
    });
    for (const name of PIPELINE) {
      const port = await freePort();
      this.ports.set(name, port);
      this.supervisor.start(this.spec(name), { HTTP_PORT: String(port) });
    }
    // Generous: on a loaded 2-core machine four swc-compiled processes can take minutes to start.
    await Promise.all(PIPELINE.map((name) => this.waitHealthy(name, 900_000)));
    await this.subscribe();
  }

  spec(name: PipelineService): HubServiceSpec {
    return HUB_SERVICES.find((s) => s.name === name)!;
  }

  url(name: PipelineService): string {
    return `http://127.0.0.1:${this.ports.get(name)}`;
  }

  async waitHealthy(name: PipelineService, timeoutMs: number): Promise<void> {
    if (!(await waitHealthy(this.url(name), timeoutMs))) throw new Error(`${name} not healthy after ${timeoutMs} ms (log: ${this.opts.logDir}/${name}.log)`);
  }

  pid(name: PipelineService): number | undefined {
    return this.supervisor.pids()[name];
  }

  /** kill -9: the Supervisor sees a crash and restarts the service after its backoff. */
  kill9(name: PipelineService): number | undefined {
    const pid = this.pid(name);
    if (pid !== undefined) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    return pid;
  }

  private async subscribe(): Promise<void> {
    const creds = new CredentialRepository(this.pool);
    for (const comuna of this.opts.comunas) {
      const { token } = await creds.create({ institution: 'MUNICIPALITY', scope: comuna, label: `faults ${comuna}` });
      const receiver = await startReceiver(SECRET);
      const res = await fetch(`${this.url('subscriptions')}/v1/subscriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ comunaCode: comuna, url: receiver.url, secret: SECRET }),
      });
      if (res.status !== 201) throw new Error(`subscription for ${comuna}: HTTP ${res.status} ${await res.text()}`);
      this.subscriptions.set(comuna, String(((await res.json()) as { id: string }).id));
      this.receivers.set(comuna, receiver);
    }
  }

  /**
   * What `hub import <institution> <file>` does (infra/import: connector, registry codec, resumable
   * checkpoints), in this process: on a loaded machine a `hub import` process per file costs a
   * minute of start-up each. The import's own kill -9 survival is infra/import/import-crash.int.test.ts.
   */
  async importInProcess(institution: string, file: string): Promise<Reconciliation & { balanced: boolean }> {
    const spec = connectorFor(institution);
    if (!spec) throw new Error(`no connector for ${institution}`);
    const r = await importFile({ config: this.config, spec, file, log: this.log, inProcess: true, batchSize: 500 });
    return { ...r.reconciliation, balanced: isBalanced(r.reconciliation) };
  }

  /** A `hub` CLI command in this run's namespace. */
  hub(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['infra/cli/hub.js', ...args], { cwd: root, env: { ...this.env, LOG_LEVEL: 'fatal' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => { stdout += String(d); });
      child.stderr.on('data', (d) => { stderr += String(d); });
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  async stop(): Promise<void> {
    await this.supervisor?.stopAll(10_000);
    for (const r of this.receivers.values()) await r.close();
    await this.pool?.end().catch(() => undefined);
  }

  /** Polls until `probe` holds, tolerating the errors a restarting broker or database causes meanwhile. */
  until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
    return pollUntil(probe, timeoutMs, what, 500);
  }
}
