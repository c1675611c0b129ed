import { HUB_SERVICES, LOCAL_HOST, servicePort, type HubServiceSpec } from '../services';
import type { ComponentStatus } from './stack';
import { errorReason } from './net';

/** Public base URL people use for a service: the API is versioned under /v1, the others are just host:port. */
export function serviceUrl(spec: HubServiceSpec, port: number): string {
  const base = `http://${LOCAL_HOST}:${port}`;
  return spec.name === 'api' ? `${base}/v1` : base;
}

/** Each hub service's `/health` (2xx = ok), probed in parallel with a short timeout. */
export function hubServicesStatus(env: NodeJS.ProcessEnv, timeoutMs = 2000): Promise<ComponentStatus[]> {
  return Promise.all(HUB_SERVICES.map(async (spec) => {
    const port = servicePort(spec, env);
    const url = serviceUrl(spec, port);
    try {
      const res = await fetch(`http://${LOCAL_HOST}:${port}/health`, { signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer();
      return res.ok ? { name: spec.name, ok: true, url } : { name: spec.name, ok: false, url, detail: `HTTP ${res.status}` };
    } catch (err) {
      return { name: spec.name, ok: false, url, detail: errorReason(err) };
    }
  }));
}
