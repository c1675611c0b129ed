import type { ParsedArgs } from '../cli/command';
import type { StackOptions } from './options';
import { StackError } from './errors';

/** `--home`, `--kafka-port`, `--controller-port`, `--registry-port`: override the HUB_* variables for one call. */
export function stackOptionsFromFlags(flags: ParsedArgs['flags']): StackOptions {
  const opts: StackOptions = {};
  if (typeof flags.home === 'string') opts.home = flags.home;
  const kafkaPort = portFlag(flags, 'kafka-port');
  const controllerPort = portFlag(flags, 'controller-port');
  const registryPort = portFlag(flags, 'registry-port');
  if (kafkaPort !== undefined) opts.kafkaPort = kafkaPort;
  if (controllerPort !== undefined) opts.controllerPort = controllerPort;
  if (registryPort !== undefined) opts.registryPort = registryPort;
  return opts;
}

function portFlag(flags: ParsedArgs['flags'], name: string): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new StackError('bad-option', `--${name} must be a port number`, { name: `--${name}`, value: String(raw) });
  return n;
}
