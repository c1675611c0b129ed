import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IntakeMetrics } from '../intake-metrics';
import { API_PREFIX } from '../routes';

const RECORD_TEMPLATE = `${API_PREFIX}/:institution/:kind`;

/**
 * Fastify-level settings Nest has no words for. Call after `app.init()` (routes and Nest's body
 * parsers exist) and before `listen`:
 * - JSON bodies only: Nest adds a urlencoded parser and Fastify a text one; both go, so any other
 *   content type is 415 (answered in Spanish by IntakeErrorsFilter);
 * - request metrics by route template: the record template is labelled with its concrete route
 *   when the route table knows it (bounded: one label per route), `unmatched` otherwise.
 */
export function setUpIntakeFastify(app: NestFastifyApplication, opts: { routes: ReadonlySet<string>; metrics: IntakeMetrics }): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser(['text/plain', 'application/x-www-form-urlencoded']);
  fastify.addHook('onResponse', (request, reply, done) => {
    const template = request.routeOptions.url;
    let route = template ?? 'unmatched';
    if (template === RECORD_TEMPLATE) {
      const path = request.url.split('?')[0]!;
      route = opts.routes.has(path) ? path : 'unmatched';
    }
    opts.metrics.requests.inc({ route, status: String(reply.statusCode) });
    opts.metrics.requestSeconds.observe({ route }, reply.elapsedTime / 1000);
    done();
  });
}
