import { PermanentError, TransientError, type HubError } from '../errors';

/**
 * Translates driver errors at the adapter boundary, so nothing above inspects SQLSTATE codes.
 * Transient: the world is briefly wrong (connection lost, serialization failure, deadlock,
 * server starting or shutting down). Permanent: this data violates a constraint.
 * Anything else (syntax error, missing table) is a bug and is returned unchanged.
 */
const TRANSIENT = new Set(['40001', '40P01', '55P03', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const PERMANENT_CLASSES = ['22', '23'];

export function classifyPgError(err: unknown): HubError | unknown {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string') {
    if (TRANSIENT.has(code)) return new TransientError('DB_TRANSIENT', `database transient failure (${code})`, { cause: err });
    if (PERMANENT_CLASSES.includes(code.slice(0, 2))) return new PermanentError('DB_CONSTRAINT', `database rejected data (${code})`, { cause: err });
  }
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT') {
    return new TransientError('DB_UNAVAILABLE', `database unreachable (${code})`, { cause: err });
  }
  if (err instanceof Error && /Connection terminated|timeout exceeded when trying to connect/i.test(err.message)) {
    return new TransientError('DB_UNAVAILABLE', 'database connection lost', { cause: err });
  }
  return err;
}
