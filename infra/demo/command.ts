import type { Command } from '../cli/command';
import { HUB_SERVICES, LOCAL_HOST, servicePort } from '../services';
import { loadConfig } from '../../services/platform/config/load-config';
import { hubConfigSchema } from '../../services/platform/config/hub-config';
import { resolveStackOptions } from '../stack/options';
import { parseDemoShape } from './options';
import { demoLogger, runDemo } from './run-demo';

/**
 * `hub demo`: the playback `npm start` does, against a hub that is already running (started with
 * `--no-demo`, or to look again once the pipeline has caught up). Ctrl-C stops the playback only.
 */
export const demoCommand: Command = {
  path: ['demo'],
  usage: '[--demo-children N] [--demo-seed S] [--demo-months M]',
  summary: {
    es: 'Reproduce el escenario de demostración mes a mes contra el hub en marcha e indica dónde mirar',
    en: 'Play the demo scenario month by month against the running hub and show where to look',
  },
  async run(args, ctx) {
    const choice = parseDemoShape(args, ctx.env);
    if ('error' in choice) { ctx.err(ctx.t(choice.error, choice.params)); return 2; }
    const abort = new AbortController();
    const onSignal = (): void => abort.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const outcome = await runDemo({
        ctx, config: loadConfig(hubConfigSchema, ctx.env), options: choice.options, home: resolveStackOptions(ctx.env).home,
        log: demoLogger(ctx), signal: abort.signal,
        serviceUrl: (name) => `http://${LOCAL_HOST}:${servicePort(HUB_SERVICES.find((s) => s.name === name)!, ctx.env)}`,
      });
      return outcome === 'failed' ? 1 : 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};
