import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Kafka } from 'kafkajs';
import { adminSource, type AdminSource } from './admin-source';
import { createKafka } from '../platform/kafka/create-kafka';
import { kafkaSecurityOf } from '../platform/kafka/client-security';
import { createMetrics } from '../platform/http/metrics';
import { createHubApp } from '../platform/nest/create-hub-app';
import type { Logger } from '../platform/logging/create-logger';
import { loadConsoleAssets } from './console-assets';
import { namingFromConfig, rulesFromConfig, type LagConfig } from './config';
import { LagModule } from './lag.module';
import { registerLagMetrics } from './lag-metrics';
import { LagMonitor } from './lag-monitor';
import { RecordTimestamps } from './record-timestamps';
import { MarkerProbe } from './marker-probe';

export interface RunningLag {
  readonly app: NestFastifyApplication;
  readonly monitor: LagMonitor;
  readonly port: number;
  close(): Promise<void>;
}

/** Builds the monitor over a kafkajs admin client and serves it over HTTP. */
export function createLagMonitor(kafka: Kafka, admin: AdminSource, config: LagConfig, log: Logger, hooks: { onSampled?: (ms: number) => void; onError?: (err: unknown) => void } = {}): LagMonitor {
  const exclude = config.LAG_GROUPS_EXCLUDE ? new RegExp(config.LAG_GROUPS_EXCLUDE) : undefined;
  let failing = false;
  return new LagMonitor({
    admin,
    rules: rulesFromConfig(config),
    naming: namingFromConfig(config),
    timestamps: new RecordTimestamps(admin, { resolutionMs: config.LAG_TIMESTAMP_RESOLUTION_MS, maxProbes: config.LAG_TIMESTAMP_MAX_PROBES, slackMs: 1000 }),
    now: () => Date.now(),
    sampleIntervalMs: config.LAG_SAMPLE_INTERVAL_MS,
    freshMs: config.LAG_FRESH_MS,
    historyPoints: config.LAG_HISTORY_POINTS,
    include: (group) => !exclude?.test(group),
    markers: config.LAG_MARKER_CHECK_MAX_LAG > 0 ? new MarkerProbe(kafka, admin) : undefined,
    markerMaxLag: config.LAG_MARKER_CHECK_MAX_LAG,
    onSampled: (ms) => {
      if (failing) log.info('cluster sampling recovered');
      failing = false;
      hooks.onSampled?.(ms);
    },
    onError: (err) => {
      // Log the first failure of a run of them, not one line per poll.
      if (!failing) log.warn({ err }, 'cluster sampling failed; retrying every interval');
      failing = true;
      hooks.onError?.(err);
    },
  });
}

export async function startLag(config: LagConfig, log: Logger): Promise<RunningLag> {
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'hub-lag', log, security: kafkaSecurityOf(config) });
  const admin = adminSource(kafka);
  await admin.current();
  const metrics = createMetrics('lag');
  // Scrapes call back into the monitor (declared next); they only run once the app listens.
  const lagMetrics = registerLagMetrics(metrics.registry, () => monitor.current(), () => Date.now());
  const monitor = createLagMonitor(kafka, admin, config, log, {
    onSampled: (ms) => lagMetrics.sampleDuration.observe(ms / 1000),
    onError: () => lagMetrics.sampleErrors.inc(),
  });
  monitor.start();
  const app = await createHubApp({ module: LagModule.register({ checks: [{ name: 'kafka', check: async () => { await (await admin.current()).describeCluster(); } }], metrics, monitor, assets: loadConsoleAssets() }), log });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
  return {
    app, monitor, port,
    async close() {
      await app.close();
      await monitor.stop();
      await admin.close();
    },
  };
}
