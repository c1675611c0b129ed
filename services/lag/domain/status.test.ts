import { groupStatusOf } from './status';

describe('groupStatusOf', () => {
  it.each([
    [['OK', 'OK'], 'OK'],
    [['OK', 'WARN'], 'WARN'],
    [['WARN', 'STALL'], 'ERR'],
    [['OK', 'STOP'], 'ERR'],
    [['REWIND'], 'ERR'],
    [[], 'OK'],
  ] as const)('Given partitions %j, When folded, Then the group is %s (STOP/STALL/REWIND are ERR)', (partitions, expected) => {
    expect(groupStatusOf(partitions)).toBe(expected);
  });
});
