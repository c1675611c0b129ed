import type { GroupReport } from '../../services/lag';
import type { CliContext } from '../cli/command';

/** A fixed-width table for people: one line per group, then its partitions. */
export function renderTable(ctx: CliContext, groups: readonly GroupReport[]): void {
  const n = (x: number | null, digits = 0) => x === null ? '—' : x.toLocaleString(ctx.lang === 'en' ? 'en-US' : 'es-CL', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  // Topic names are long under test prefixes: the first column grows to fit them.
  const width = Math.max(46, ...groups.flatMap((g) => g.partitions.map((p) => p.topic.length + 4)));
  const header = ctx.t('lag.header');
  ctx.out(header.slice(0, 46).padEnd(width) + header.slice(46));
  for (const g of groups) {
    ctx.out(ctx.t('lag.group', {
      group: g.group,
      service: g.hubService ? ctx.t('lag.service', { name: g.hubService }) : ctx.t('lag.otherGroup'),
      status: ctx.t(`lag.status.${g.status}`),
      state: ctx.t(`lag.state.${g.state}`) === `lag.state.${g.state}` ? g.state : ctx.t(`lag.state.${g.state}`), members: g.members.length, lag: n(g.totalLag),
    }));
    for (const p of g.partitions) {
      ctx.out([
        `  ${p.topic}`.padEnd(width),
        String(p.partition).padStart(6),
        n(p.committedOffset).padStart(12),
        n(p.logEndOffset).padStart(12),
        n(p.lag).padStart(10),
        n(p.lagSeconds, 1).padStart(11),
        ` ${ctx.t(`lag.status.${p.status}`)}`,
      ].join(' '));
    }
  }
}
