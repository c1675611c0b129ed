import { shouldRestart } from './batch-consumer';
import { PermanentError, TransientError } from '../errors';

/** How a kafkajs crash is wrapped: KafkaJSNumberOfRetriesExceeded with the handler's error as cause. */
function wrapped(cause: unknown): Error {
  return Object.assign(new Error('retries exceeded'), { name: 'KafkaJSNumberOfRetriesExceeded', retriable: false, cause });
}

describe('shouldRestart (consumer crash policy)', () => {
  it('Given a transient error from the handler, When the consumer crashes, Then it restarts from the last commit', () => {
    expect(shouldRestart(wrapped(new TransientError('DB_TRANSIENT', 'deadlock')))).toBe(true);
  });

  it('Given an unknown error (a bug), When the consumer crashes, Then it stays stopped', () => {
    expect(shouldRestart(wrapped(new TypeError('x is undefined')))).toBe(false);
    expect(shouldRestart(wrapped(new PermanentError('BAD', 'bad')))).toBe(false);
  });

  it('Given a retriable kafkajs error (broker gone), When the consumer crashes, Then it restarts', () => {
    const broker = Object.assign(new Error('connection refused'), { name: 'KafkaJSConnectionError', retriable: true });
    expect(shouldRestart(wrapped(broker))).toBe(true);
  });
});
