import type { FlowRules } from '../domain/flow/types';
import { LIFECYCLE } from './lifecycle';

/**
 * Linking and re-entry parameters. Days are calendar days. Documented in services/case-status/README.md
 * and ADR 0010; change them here, never in code.
 */
export const FLOW_RULES: FlowRules = {
  lifecycle: LIFECYCLE,
  linking: {
    orderToAdmissionDays: 60,
    regularisationLinkDays: 30,
    clockSkewDays: 1,
    courtEventGraceDays: 30,
    courtEventLeadDays: 30,
    transferWindowDays: 30,
  },
  // "6 months" is the technical agreement (domain.md §3.5); transfers are continuations, not re-entries.
  reentry: { windowMonths: 6, countTransfers: false },
};
