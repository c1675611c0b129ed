import type { Admin } from 'kafkajs';
import type { Pool } from 'pg';
import type { HealthCheck } from './health';

export function postgresCheck(pool: Pool): HealthCheck {
  return { name: 'postgres', check: async () => { await pool.query('SELECT 1'); } };
}

/** Admin metadata round-trip: proves a broker answers (not that consumers are healthy: see the lag monitor). */
export function kafkaCheck(admin: Admin): HealthCheck {
  return { name: 'kafka', check: async () => { await admin.describeCluster(); } };
}

export function registryCheck(baseUrl: string): HealthCheck {
  return {
    name: 'registry',
    check: async () => {
      const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/subjects`, { signal: AbortSignal.timeout(2000) });
      if (!res.ok) throw new Error(`registry answered ${res.status}`);
    },
  };
}
