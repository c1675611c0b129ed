import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Registry } from 'prom-client';
import { parse } from 'yaml';
import { registerLagMetrics, type LagReport } from '../../services/lag';

const here = __dirname;

/** PromQL words that are not metric names: functions, aggregations, keywords. */
const PROMQL_WORDS = new Set([
  'sum', 'max', 'min', 'avg', 'count', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless',
  'rate', 'irate', 'increase', 'delta', 'absent', 'histogram_quantile', 'topk', 'bottomk', 'clamp_min', 'clamp_max', 'label_values', 'offset', 'bool',
]);

/** Metric names a PromQL expression reads: identifiers outside label matchers, grouping clauses and strings. */
function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ');
  return [...stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)].map((m) => m[0]).filter((w) => !PROMQL_WORDS.has(w) && !/^\d/.test(w));
}

/** The names the service really exports: register its metrics over a small report and scrape. */
async function exportedNames(): Promise<Set<string>> {
  const registry = new Registry();
  const report: LagReport = {
    at: 1_000, rules: { windowSize: 10, minSamples: 3, allowedLag: 0, sampleIntervalMs: 5000 },
    groups: [{
      group: 'hub.dedup', hubService: 'dedup', state: 'Stable', members: [], status: 'OK', totalLag: 0, maxLag: 0, maxLagSeconds: 0,
      consumptionPerSecond: 1, productionPerSecond: 1,
      partitions: [{ topic: 't', partition: 0, committedOffset: 5, logEndOffset: 5, lowOffset: 0, lag: 0, lagSeconds: 0, status: 'OK', reason: 'within-allowed-lag', complete: 1, consumptionPerSecond: 1, productionPerSecond: 1, owner: 'member', ownerClientId: 'c', onlyMarkers: false }],
    }],
  };
  const m = registerLagMetrics(registry, async () => report, () => 1_000);
  m.sampleDuration.observe(0.1);
  const text = await registry.metrics();
  return new Set(text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(/[{\s]/)[0]!));
}

describe('monitoring assets reference only metrics the lag service exports', () => {
  it('Given the Prometheus alert rules, When parsed, Then every expression reads only exported metric names', async () => {
    const names = await exportedNames();
    const doc = parse(readFileSync(path.join(here, 'prometheus', 'alerts.yml'), 'utf8')) as { groups: { name: string; rules: { alert: string; expr: string; labels: { severity: string }; annotations: Record<string, string> }[] }[] };
    const rules = doc.groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.alert)).toEqual(expect.arrayContaining(['HubConsumerStopped', 'HubConsumerStalled', 'HubConsumerRewound', 'HubConsumerFallingBehind', 'HubLagMonitorAbsent']));
    for (const r of rules) {
      const used = metricNamesIn(r.expr);
      expect({ alert: r.alert, used: used.length > 0 }).toEqual({ alert: r.alert, used: true });
      expect({ alert: r.alert, unknown: used.filter((n) => !names.has(n)) }).toEqual({ alert: r.alert, unknown: [] });
      expect(['warning', 'critical']).toContain(r.labels.severity);
      expect(r.annotations.resumen).toBeTruthy();
      expect(r.annotations.summary_en).toBeTruthy();
    }
  });

  it('Given the Grafana dashboard, When parsed, Then every panel query and variable reads only exported metric names', async () => {
    const names = await exportedNames();
    const dash = JSON.parse(readFileSync(path.join(here, 'grafana', 'lag-dashboard.json'), 'utf8')) as {
      uid: string; panels: { title: string; targets: { expr: string }[] }[]; templating: { list: { type: string; query: string }[] };
    };
    expect(dash.uid).toBe('hub-consumer-lag');
    const exprs = [
      ...dash.panels.flatMap((p) => p.targets.map((t) => ({ where: p.title, expr: t.expr }))),
      ...dash.templating.list.filter((v) => v.type === 'query').map((v) => ({ where: 'variable', expr: v.query.replace(/^label_values\(([^,]+),.*\)$/, '$1') })),
    ];
    expect(exprs.length).toBeGreaterThan(8);
    for (const { where, expr } of exprs) {
      const used = metricNamesIn(expr);
      expect({ where, used: used.length > 0 }).toEqual({ where, used: true });
      expect({ where, unknown: used.filter((n) => !names.has(n)) }).toEqual({ where, unknown: [] });
    }
  });

  it('Given a made-up metric in an expression, When checked, Then the extractor finds it (the check is not vacuous)', () => {
    expect(metricNamesIn('sum by (group) (rate(hub_made_up_total{group=~"a.b"}[5m])) > 3')).toEqual(['hub_made_up_total']);
  });
});
