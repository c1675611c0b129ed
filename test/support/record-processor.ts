import { processRecord, type Accepted, type ProcessContext, type Rejected } from '../../connectors/sdk/process-record';
import type { ConnectorSpec } from '../../connectors/sdk/record-kind';

/**
 * `accept`/`reject` for a connector's tests: processRecord with a fixed context, failing the
 * test with the issues (or the surprise acceptance) when the outcome is not the expected one.
 */
export function recordProcessor(spec: ConnectorSpec, ctx: ProcessContext) {
  return {
    accept(row: Record<string, unknown>, kind?: string): Accepted {
      const r = processRecord(spec, row, ctx, kind);
      if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.issues)}`);
      return r;
    },
    reject(row: Record<string, unknown>, kind?: string): Rejected {
      const r = processRecord(spec, row, ctx, kind);
      if (r.ok) throw new Error('accepted');
      return r;
    },
  };
}
