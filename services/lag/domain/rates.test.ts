import { ratesOf } from './rates';
import { windowOf } from '../testing/sample-window';

describe('ratesOf', () => {
  it('Given a window of 4 samples 5 s apart, When rates are computed, Then they use first and last samples', () => {
    const w = windowOf([[0, 100], [10, 150], [30, 200], [60, 250]]);
    expect(ratesOf(w)).toEqual({ consumptionPerSecond: 4, productionPerSecond: 10 });
  });

  it('Given one sample, When rates are computed, Then both are unknown', () => {
    expect(ratesOf(windowOf([[1, 2]]))).toEqual({ consumptionPerSecond: null, productionPerSecond: null });
  });

  it('Given an offset that went back, When rates are computed, Then consumption is 0, not negative', () => {
    expect(ratesOf(windowOf([[50, 60], [0, 60]])).consumptionPerSecond).toBe(0);
  });

  it('Given a new group whose first samples have no commit, When rates are computed, Then consumption counts from its first commit', () => {
    expect(ratesOf(windowOf([[null, 10], [0, 20], [10, 30]])).consumptionPerSecond).toBe(2);
  });
});
