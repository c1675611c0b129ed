/**
 * Public entry of the lag monitor for composition roots in infra/ (the `hub lag` command):
 * the sampler-backed monitor, its configuration and the report shapes. Nothing else of
 * services/lag is meant to be imported from outside.
 */
export { LagMonitor, type LagReport, type HistoryPoint } from './lag-monitor';
export { RecordTimestamps } from './record-timestamps';
export { MarkerProbe } from './marker-probe';
export { adminSource, type AdminSource } from './admin-source';
export { lagRulesSchema, rulesFromConfig, type LagRulesConfig } from './config';
export { lagRows, type LagRow, type GroupReport, type PartitionReport } from './domain/group-report';
export { hubServiceOf, type HubGroupNaming } from './domain/hub-groups';
export { DEFAULT_RULES, type LagRules } from './domain/rules';
export type { GroupStatus, PartitionStatus, StatusReason } from './domain/status';
export { LAG_METRICS, registerLagMetrics } from './lag-metrics';
