import { z } from 'zod';
import type { ParsedArgs } from '../cli/command';

/** `hub lag` flags, validated once. */
export const lagOptionsSchema = z.object({
  group: z.string().min(1).optional(),
  json: z.boolean().default(false),
  watch: z.boolean().default(false),
  direct: z.boolean().default(false),
  samples: z.coerce.number().int().min(1).max(100).default(4),
  intervalMs: z.coerce.number().int().min(100).max(60000).default(1000),
});

export type LagOptions = z.output<typeof lagOptionsSchema>;

export function parseLagOptions(args: ParsedArgs): { ok: true; options: LagOptions } | { ok: false; problem: string } {
  const f = args.flags;
  const result = lagOptionsSchema.safeParse({
    group: typeof f.group === 'string' ? f.group : undefined,
    json: f.json === true,
    watch: f.watch === true,
    direct: f.direct === true || f.direct === 'true',
    samples: f.samples,
    intervalMs: f['interval-ms'],
  });
  if (!result.success) return { ok: false, problem: result.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ') };
  if (f.group === true) return { ok: false, problem: '--group needs a group id' };
  return { ok: true, options: result.data };
}

/** `--group` matches a group id exactly, or as a glob with `*` (e.g. `hub.deliveries.*`). */
export function groupMatcher(pattern: string | undefined): (group: string) => boolean {
  if (!pattern) return () => true;
  if (!pattern.includes('*')) return (g) => g === pattern;
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (g) => re.test(g);
}
