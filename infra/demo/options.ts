import type { ParsedArgs } from '../cli/command';

/** What `hub start` plays after the services are up (`--no-demo` / `HUB_DEMO=0`: nothing). */
export interface DemoOptions {
  readonly children: number;
  readonly seed: number;
  readonly months: number;
  /** Most time to wait for the pipeline to catch up before printing where to look anyway. */
  readonly catchUpTimeoutMs: number;
}

export const DEFAULT_DEMO: DemoOptions = { children: 2000, seed: 1, months: 36, catchUpTimeoutMs: 15 * 60_000 };

/** Largest demo: the playback holds a month of records in memory and imports them through one process. */
export const MAX_DEMO_CHILDREN = 50_000;

export type DemoChoice = { readonly enabled: false } | { readonly enabled: true; readonly options: DemoOptions } | { readonly error: string; readonly params: Readonly<Record<string, string | number>> };

const OFF = new Set(['0', 'false', 'no', 'off']);

/**
 * `--no-demo`, `HUB_DEMO=0` (or false/no/off) turn the demo off; `--demo-children N` (or
 * `HUB_DEMO_CHILDREN`), `--demo-seed S`, `--demo-months M` shape it. Pure: flags and env in.
 */
export function parseDemoOptions(args: ParsedArgs, env: NodeJS.ProcessEnv): DemoChoice {
  const off = args.flags['no-demo'] !== undefined && !OFF.has(String(args.flags['no-demo']).toLowerCase());
  if (off || OFF.has((env.HUB_DEMO ?? '').trim().toLowerCase())) return { enabled: false };
  return parseDemoShape(args, env);
}

/** The scenario's size flags alone (`hub demo` always plays). */
export function parseDemoShape(args: ParsedArgs, env: NodeJS.ProcessEnv): Exclude<DemoChoice, { enabled: false }> {
  const flag = (name: string): string | undefined => {
    const v = args.flags[name];
    return v === undefined || v === true ? undefined : String(v);
  };
  const int = (name: string, text: string | undefined, fallback: number, min: number, max: number): number | { error: string; params: Record<string, string | number> } => {
    if (text === undefined) return fallback;
    const n = Number(text.trim());
    return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : { error: 'demo.error.number', params: { flag: name, value: text, min, max } };
  };
  const children = int('--demo-children', flag('demo-children') ?? env.HUB_DEMO_CHILDREN, DEFAULT_DEMO.children, 1, MAX_DEMO_CHILDREN);
  const seed = int('--demo-seed', flag('demo-seed'), DEFAULT_DEMO.seed, -2_147_483_648, 2_147_483_647);
  const months = int('--demo-months', flag('demo-months'), DEFAULT_DEMO.months, 1, 120);
  for (const v of [children, seed, months]) if (typeof v !== 'number') return v;
  return { enabled: true, options: { ...DEFAULT_DEMO, children: children as number, seed: seed as number, months: months as number } };
}
