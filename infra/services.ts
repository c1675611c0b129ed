/**
 * The hub's own processes, as the supervisor (`npm start` / `hub start`), `hub status` and
 * docker-compose.yml know them. Adding a service means adding it here; a test checks that
 * docker-compose.yml declares every entry.
 */
export interface HubServiceSpec {
  /** Stable name, used in `hub status`, compose, metrics labels and consumer group ids. */
  readonly name: string;
  /** Composition root, relative to the repository root (TypeScript source; `dist/` mirrors it). */
  readonly entry: string;
  /** Port of its HTTP endpoints (`/health`, `/metrics`; the public API for `api`). */
  readonly port: number;
  readonly description: string;
}

export const HUB_SERVICES: readonly HubServiceSpec[] = [
  {
    name: 'api',
    entry: 'services/api/main.ts',
    port: 8080,
    description: 'Public HTTP API (/v1): queries and subscriptions; health and metrics.',
  },
  {
    name: 'intake',
    entry: 'connectors/intake/main.ts',
    port: 8082,
    description: "HTTP intake (/v1/<institution>/<kind>): institutions' records with their credentials, made durable in a PostgreSQL outbox and relayed to Kafka exactly once.",
  },
  {
    name: 'dedup',
    entry: 'services/dedup/main.ts',
    port: 8084,
    description: 'Deduplication of institution events (same event id, or same content of one source record); derives PersonObserved for matching; /v1/dedup/stats.',
  },
  {
    name: 'case-status',
    entry: 'services/case-status/main.ts',
    port: 8086,
    description: 'One case-status flow per child across institutions: case.status and case.updates topics, deadlines, timeline/case/indicator API (/v1).',
  },
  {
    name: 'lag',
    entry: 'services/lag/main.ts',
    port: 8085,
    description: "Consumer lag monitor: Burrow status per group and partition, /metrics, /v1/lag, operators' console at /console.",
  },
  {
    name: 'identity',
    entry: 'services/identity/main.ts',
    port: 8083,
    description: 'Child identity: streaming record linkage of PersonObserved into one identity per child (golden record, immutable ledger), identity events, review and correction API (/v1/review, /v1/identities).',
  },
  {
    name: 'subscriptions',
    entry: 'services/subscriptions/main.ts',
    port: 8087,
    description: "Municipal subscriptions: case updates of each comuna's children as signed webhooks and resumable SSE (/v1/subscriptions).",
  },
];

/** Host the embedded stack and the services bind to. Loopback only: nothing is exposed by default. */
export const LOCAL_HOST = '127.0.0.1';

/** A service's port: `HUB_<NAME>_PORT` when set (tests, several hubs on one machine), else its default. */
export function servicePort(spec: HubServiceSpec, env: NodeJS.ProcessEnv): number {
  const override = Number(env[`HUB_${spec.name.toUpperCase().replace(/-/g, '_')}_PORT`]);
  return Number.isInteger(override) && override > 0 ? override : spec.port;
}
