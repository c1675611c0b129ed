import { Controller, Get, Headers, HttpException, Inject, Param, Query } from '@nestjs/common';
import { createTranslator, pickLang } from '../../platform/i18n/i18n';
import { lagRows, type GroupReport, type LagRow } from '../domain/group-report';
import type { HistoryPoint, LagMonitor, LagReport } from '../lag-monitor';
import { LAG_MESSAGES } from '../messages';

export const LAG_MONITOR = Symbol('LAG_MONITOR');

/** The JSON API behind the console and `hub lag` (documented in services/lag/README.md). */
@Controller('v1/lag')
export class LagController {
  constructor(@Inject(LAG_MONITOR) private readonly monitor: LagMonitor) {}

  /** Every group with its partitions; `?history=N` adds the last N history points per group (charts). */
  @Get()
  async all(@Headers('accept-language') lang?: string, @Query('history') history?: string): Promise<LagReport & { groups: readonly (GroupReport & { history?: readonly HistoryPoint[] })[] }> {
    const report = await this.current(lang);
    const n = Math.max(0, Math.min(10_000, Number(history) || 0));
    if (n === 0) return report;
    return { ...report, groups: report.groups.map((g) => ({ ...g, history: this.monitor.historyOf(g.group).slice(-n) })) };
  }

  /** The `hub lag --json` shape: one row per group, topic and partition. */
  @Get('rows')
  async rows(@Headers('accept-language') lang?: string): Promise<LagRow[]> {
    return lagRows((await this.current(lang)).groups);
  }

  @Get('groups/:group')
  async group(@Param('group') group: string, @Headers('accept-language') lang?: string): Promise<GroupReport & { at: number; history: readonly HistoryPoint[] }> {
    const report = await this.current(lang);
    const found = report.groups.find((g) => g.group === group);
    if (!found) throw new HttpException({ error: createTranslator(pickLang(lang), LAG_MESSAGES.es, LAG_MESSAGES.en).t('lag.groupNotFound', { group }) }, 404);
    return { ...found, at: report.at, history: this.monitor.historyOf(group) };
  }

  private async current(lang: string | undefined): Promise<LagReport> {
    try {
      return await this.monitor.current();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new HttpException({ error: createTranslator(pickLang(lang), LAG_MESSAGES.es, LAG_MESSAGES.en).t('lag.unavailable', { reason }) }, 503);
    }
  }
}
