/**
 * The case-status batch handler (docs/adr/0014). Per consumed batch ONE PostgreSQL transaction:
 *  1. claim the batch's event ids (processed_events, consumer `hub.case-status`): redeliveries skipped;
 *  2. institution events → CaseInputEvent JSON in case_events with the child their source record is
 *     linked to (NULL = parked until identity links it); capacity → case_capacity;
 *     identity events → link table, redirects, golden comuna; moved events re-pointed;
 *  3. re-derive every affected child (rederive.ts) and append the outputs to the outbox;
 *  4. COMMIT; then the consumer commits the offsets; the relay publishes.
 */
import type { Pool, PoolClient } from 'pg';
import type { CapacityDeclared, ChildIdentityChanged, PersonRecord } from '../../../schemas';
import type { AvroCodec } from '../../platform/avro/avro-codec';
import { isRetriable, PermanentError } from '../../platform/errors';
import type { ConsumedMessage } from '../../platform/kafka/batch-consumer';
import type { Logger } from '../../platform/logging/create-logger';
import { appendToOutbox } from '../../platform/outbox/append-to-outbox';
import { classifyPgError } from '../../platform/postgres/classify-pg-error';
import { claimNewEvents } from '../../platform/postgres/processed-events';
import { capacityFromAvro, fromAvro, isCaseRecordName, type CaseAvroRecords } from '../domain';
import { childrenDueAt, storeCapacity, storeEvents, type StoredEvent } from '../store/case-store';
import { applyIdentityEvent, lockRecordKeys } from '../store/identity-links';
import { encodeOutputs } from './case-messages';
import { rederiveChildren } from './rederive';

export const CASE_STATUS_CONSUMER = 'hub.case-status';
export const CASE_STATUS_OUTBOX = 'case_status_outbox';
const IDENTITY_RECORD = 'hub.identity.ChildIdentityChanged';
const CAPACITY_RECORD = 'hub.sename.CapacityDeclared';

export interface CaseStreamObserver {
  /** Outputs appended per committed batch, and events re-derived. */
  committed?(outputs: number, derivedEvents: number): void;
  redelivered?(n: number): void;
}

export interface CaseStreamOptions {
  readonly pool: Pool;
  readonly codec: AvroCodec;
  readonly topicPrefix: string;
  readonly outboxChannel: string;
  readonly log: Logger;
  readonly now?: () => number;
  readonly observer?: CaseStreamObserver;
  readonly attempts?: number;
}

/** The identity service's record key of a person record: `<source>|<sourceRecordId>`. */
export function recordKeyOf(person: Pick<PersonRecord, 'source' | 'sourceRecordId'>): string {
  return `${person.source}|${person.sourceRecordId}`;
}

type Input =
  | { readonly kind: 'event'; readonly eventId: string; readonly stored: StoredEvent }
  | { readonly kind: 'identity'; readonly eventId: string; readonly value: ChildIdentityChanged }
  | { readonly kind: 'capacity'; readonly eventId: string; readonly value: CapacityDeclared }
  | { readonly kind: 'ignored'; readonly eventId: string };

function toInput(m: ConsumedMessage): Input {
  const v = m.value as { envelope?: { eventId?: string }; person?: PersonRecord };
  const eventId = v?.envelope?.eventId;
  if (!eventId) throw new PermanentError('CASE_STATUS_NO_EVENT_ID', `record ${m.recordName} has no envelope.eventId`);
  if (m.recordName === IDENTITY_RECORD) return { kind: 'identity', eventId, value: m.value as ChildIdentityChanged };
  if (m.recordName === CAPACITY_RECORD) return { kind: 'capacity', eventId, value: m.value as CapacityDeclared };
  if (!isCaseRecordName(m.recordName)) return { kind: 'ignored', eventId };
  if (!v.person) throw new PermanentError('CASE_STATUS_NO_PERSON', `record ${m.recordName} has no person`);
  // The child id is resolved in the store from the link table; '' until then (never published).
  const event = fromAvro(m.recordName, m.value as CaseAvroRecords[typeof m.recordName], '');
  return { kind: 'event', eventId, stored: { recordKey: recordKeyOf(v.person), event } };
}

export function createCaseStreamHandler(opts: CaseStreamOptions): (messages: readonly ConsumedMessage[]) => Promise<void> {
  const now = opts.now ?? Date.now;
  const attempts = opts.attempts ?? 5;
  const log = opts.log.child({ component: 'case-stream' });

  async function inTransaction(inputs: readonly Input[]): Promise<{ outputs: number; derived: number; redelivered: number }> {
    const client = await opts.pool.connect();
    try {
      await client.query('BEGIN');
      const r = await apply(client, inputs);
      await client.query('COMMIT');
      return r;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw classifyPgError(err);
    } finally {
      client.release();
    }
  }

  async function apply(client: PoolClient, inputs: readonly Input[]) {
    const claimed = await claimNewEvents(client, CASE_STATUS_CONSUMER, inputs.map((i) => i.eventId));
    const fresh = inputs.filter((i) => claimed.delete(i.eventId));
    const redelivered = inputs.length - fresh.length;
    const affected = new Set<string>();
    const events = fresh.flatMap((i) => (i.kind === 'event' ? [i.stored] : []));
    await lockRecordKeys(client, events.map((e) => e.recordKey), fresh.flatMap((i) => (i.kind === 'identity' ? [i.value] : [])));
    for (const c of await storeEvents(client, events)) affected.add(c);
    await storeCapacity(client, fresh.flatMap((i) => (i.kind === 'capacity' ? [{ eventId: i.eventId, declaration: capacityFromAvro(i.value) }] : [])));
    for (const i of fresh) if (i.kind === 'identity') for (const c of await applyIdentityEvent(client, i.value)) affected.add(c);
    const { outputs, derivedEvents } = await rederiveChildren(client, [...affected], now());
    const entries = await encodeOutputs(opts.codec, opts.topicPrefix, outputs);
    await appendToOutbox(client, CASE_STATUS_OUTBOX, opts.outboxChannel, entries);
    return { outputs: outputs.length, derived: derivedEvents, redelivered };
  }

  return async (messages) => {
    if (messages.length === 0) return;
    const inputs = messages.map(toInput);
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await inTransaction(inputs);
        opts.observer?.committed?.(r.outputs, r.derived);
        if (r.redelivered > 0) opts.observer?.redelivered?.(r.redelivered);
        return;
      } catch (err) {
        if (!isRetriable(err) || attempt >= attempts) throw err;
        log.warn({ attempt }, 'case-status batch retried');
      }
    }
  };
}

/** Re-evaluates children whose clock-driven change (deadline warn/due, lifecycle timer) has passed: one transaction per call. */
export async function runClockTick(opts: Pick<CaseStreamOptions, 'pool' | 'codec' | 'topicPrefix' | 'outboxChannel'>, now: number, limit = 500): Promise<number> {
  const client = await opts.pool.connect();
  try {
    await client.query('BEGIN');
    const due = await childrenDueAt(client, now, limit);
    const { outputs } = await rederiveChildren(client, due, now);
    await appendToOutbox(client, CASE_STATUS_OUTBOX, opts.outboxChannel, await encodeOutputs(opts.codec, opts.topicPrefix, outputs));
    await client.query('COMMIT');
    return outputs.length;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw classifyPgError(err);
  } finally {
    client.release();
  }
}
