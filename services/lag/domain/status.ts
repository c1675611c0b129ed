/**
 * Burrow's status vocabulary (linkedin/Burrow core/protocol/evaluator.go), kept verbatim so
 * operators who know Burrow read the console without a glossary.
 */
export type PartitionStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'REWIND';
export type GroupStatus = 'OK' | 'WARN' | 'ERR' | 'NOTFOUND';

export const PARTITION_STATUSES: readonly PartitionStatus[] = ['OK', 'WARN', 'STALL', 'STOP', 'REWIND'];
export const GROUP_STATUSES: readonly GroupStatus[] = ['OK', 'WARN', 'ERR', 'NOTFOUND'];

/** Numeric codes exported as metrics (alert rules compare numbers, not strings). */
export const PARTITION_STATUS_CODE: Readonly<Record<PartitionStatus, number>> = { OK: 0, WARN: 1, STALL: 2, STOP: 3, REWIND: 4 };
export const GROUP_STATUS_CODE: Readonly<Record<GroupStatus, number>> = { OK: 0, WARN: 1, ERR: 2, NOTFOUND: 3 };

/** Why a partition has its status: a code the console and CLI translate for people. */
export type StatusReason =
  | 'within-allowed-lag'
  | 'only-transaction-markers'
  | 'no-consumer'
  | 'no-commit-for-window'
  | 'offset-went-back'
  | 'offset-unchanged'
  | 'lag-not-decreasing'
  | 'window-incomplete'
  | 'progressing';

/**
 * Group status is the worst partition status, with STOP, STALL and REWIND folded into ERR
 * (Burrow's evaluateConsumerStatus). A group with no partitions is OK: nothing to lag on.
 */
export function groupStatusOf(partitions: readonly PartitionStatus[]): GroupStatus {
  if (partitions.some((s) => s === 'STOP' || s === 'STALL' || s === 'REWIND')) return 'ERR';
  if (partitions.includes('WARN')) return 'WARN';
  return 'OK';
}
