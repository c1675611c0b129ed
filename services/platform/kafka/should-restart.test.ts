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

  it('Given an offset commit refused because the group moved on without the member, When the consumer crashes, Then it restarts and rejoins', () => {
    // kafkajs: KafkaJSNonRetriableError whose cause is the protocol error (retriable: false).
    const protocol = Object.assign(new Error('The coordinator is not aware of this member'), { name: 'KafkaJSProtocolError', type: 'UNKNOWN_MEMBER_ID', retriable: false });
    const nonRetriable = Object.assign(new Error(protocol.message), { name: 'KafkaJSNonRetriableError', retriable: false, cause: protocol });
    expect(shouldRestart(nonRetriable)).toBe(true);
    expect(shouldRestart(wrapped(Object.assign(new Error('generation'), { name: 'KafkaJSProtocolError', type: 'ILLEGAL_GENERATION', retriable: false })))).toBe(true);
  });

  it('Given a non-retriable kafkajs error that is not about membership, When the consumer crashes, Then it stays stopped', () => {
    expect(shouldRestart(Object.assign(new Error('not authorised'), { name: 'KafkaJSProtocolError', type: 'TOPIC_AUTHORIZATION_FAILED', retriable: false }))).toBe(false);
  });

  it('Given a retriable kafkajs error (broker gone), When the consumer crashes, Then it restarts', () => {
    const broker = Object.assign(new Error('connection refused'), { name: 'KafkaJSConnectionError', retriable: true });
    expect(shouldRestart(wrapped(broker))).toBe(true);
  });
});
