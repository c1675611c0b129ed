import { parseArgs } from '../cli/command';
import { backlogOf, caughtUp } from './catch-up';
import { DEFAULT_DEMO, parseDemoOptions } from './options';
import { curlLine, timelineInstitutions } from './showcase';
import { duration } from './plan';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseDemoOptions(parseArgs(argv), env);

describe('demo options (pure)', () => {
  it('Given no flags, When parsed, Then the demo plays the default scenario', () => {
    expect(parse([])).toEqual({ enabled: true, options: DEFAULT_DEMO });
    expect(DEFAULT_DEMO.children).toBe(2000);
  });

  it('Given --no-demo or HUB_DEMO=0/false/off, When parsed, Then there is no demo', () => {
    expect(parse(['--no-demo'])).toEqual({ enabled: false });
    expect(parse(['--no-demo', '--demo-children', '40'])).toEqual({ enabled: false });
    for (const v of ['0', 'false', 'OFF', 'no']) expect(parse([], { HUB_DEMO: v })).toEqual({ enabled: false });
    expect(parse([], { HUB_DEMO: '1' })).toMatchObject({ enabled: true });
  });

  it('Given the size flags, When parsed, Then they shape the scenario; HUB_DEMO_CHILDREN when no flag', () => {
    expect(parse(['--demo-children', '60', '--demo-seed', '7', '--demo-months=6'])).toEqual({ enabled: true, options: { ...DEFAULT_DEMO, children: 60, seed: 7, months: 6 } });
    expect(parse([], { HUB_DEMO_CHILDREN: '300' })).toMatchObject({ options: { children: 300 } });
  });

  it('Given a bad number, When parsed, Then a translatable error names the flag', () => {
    expect(parse(['--demo-children', 'muchos'])).toEqual({ error: 'demo.error.number', params: { flag: '--demo-children', value: 'muchos', min: 1, max: 50000 } });
    expect(parse(['--demo-months', '0'])).toMatchObject({ error: 'demo.error.number', params: { flag: '--demo-months' } });
  });
});

describe('demo catch-up and hints (pure)', () => {
  const group = (hubService: string | null, lags: [number, boolean][]) => ({ hubService, partitions: lags.map(([lag, onlyMarkers]) => ({ lag, onlyMarkers })) as never });

  it('Given the lag report, When the backlog is computed, Then only the pipeline\'s groups count, and marker-only lag is nothing left', () => {
    const b = backlogOf([group('dedup', [[3, false], [1, true]]), group('identity', [[0, false]]), group('case-status', [[5, false]]), group('subscriptions', [[99, false]]), group(null, [[7, false]])]);
    expect(b).toEqual({ total: 8, byService: { dedup: 3, identity: 0, 'case-status': 5 }, missing: [] });
    expect(caughtUp(b)).toBe(false);
    expect(caughtUp(backlogOf([group('dedup', [[1, true]]), group('identity', [[0, false]]), group('case-status', [])]))).toBe(true);
  });

  it('Given a pipeline service with no consumer group yet, When checked, Then it is not caught up', () => {
    const b = backlogOf([group('dedup', [[0, false]]), group('identity', [[0, false]])]);
    expect(b.missing).toEqual(['case-status']);
    expect(caughtUp(b)).toBe(false);
  });

  it('Given a timeline answer, When its institutions are listed, Then each appears once, sorted', () => {
    expect(timelineInstitutions({ timeline: [{ institution: 'SCHOOL' }, { institution: 'HEALTH' }, { institution: 'SCHOOL' }, {}] })).toEqual(['HEALTH', 'SCHOOL']);
    expect(timelineInstitutions(null)).toEqual([]);
  });

  it('Given a URL, token and purpose, When the curl line is built, Then it carries both headers', () => {
    expect(curlLine('http://127.0.0.1:8086/v1/x', 'rnh_a_b', 'seguimiento de caso (demo)'))
      .toBe("curl -s -H 'Authorization: Bearer rnh_a_b' -H 'X-Purpose: seguimiento de caso (demo)' 'http://127.0.0.1:8086/v1/x'");
    expect([duration(48_000), duration(185_000)]).toEqual(['48 s', '3 min 05 s']);
  });
});
