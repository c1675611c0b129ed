import { parseArgs } from '../cli/command';
import { groupMatcher, parseLagOptions } from './options';

describe('hub lag options', () => {
  it('Given no flags, When parsed, Then 4 samples 1 s apart, table output, ask the service', () => {
    expect(parseLagOptions(parseArgs([]))).toEqual({ ok: true, options: { json: false, watch: false, direct: false, samples: 4, intervalMs: 1000 } });
  });

  it('Given every flag, When parsed, Then each is typed', () => {
    const parsed = parseLagOptions(parseArgs(['--group', 'hub.dedup', '--json', '--watch', '--samples', '6', '--interval-ms', '500', '--direct']));
    expect(parsed).toEqual({ ok: true, options: { group: 'hub.dedup', json: true, watch: true, direct: true, samples: 6, intervalMs: 500 } });
  });

  it('Given a bad number or a --group without value, When parsed, Then a problem naming the flag', () => {
    expect(parseLagOptions(parseArgs(['--samples', 'many']))).toMatchObject({ ok: false, problem: expect.stringContaining('--samples') });
    expect(parseLagOptions(parseArgs(['--group']))).toMatchObject({ ok: false, problem: expect.stringContaining('--group') });
  });

  it('Given a glob, When matching groups, Then * spans any characters and dots are literal', () => {
    const m = groupMatcher('hub.deliveries.*');
    expect(m('hub.deliveries.13101')).toBe(true);
    expect(m('hubXdeliveries.13101')).toBe(false);
    expect(groupMatcher('hub.dedup')('hub.dedup.x')).toBe(false);
    expect(groupMatcher(undefined)('anything')).toBe(true);
  });
});
