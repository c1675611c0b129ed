/**
 * The identity stream's batch handler: PersonObserved in, identities, ledger, review tasks and
 * ChildIdentityChanged events out — per consumed batch (split into chunks of at most
 * `recordsPerTransaction` records, in offset order) ONE PostgreSQL transaction each (docs/adr/0011):
 *
 *  1. claim the batch's event ids (processed_events): redeliveries after a crash are skipped;
 *  2. normalise the new records and compute their blocking keys (pure);
 *  3. advisory-lock the stripe of every blocking key of the batch, in stripe order, before reading
 *     anything: two consumers handling records of the same new child (different partitions)
 *     serialise on their shared keys' stripes, so the second one sees the identity the first one
 *     created;
 *  4. load the world under those keys: candidate records, their identities (row-locked), all
 *     their records, vetoes, open tasks, person-decided links;
 *  5. decide each record in offset order in memory (domain/stream-resolution.ts);
 *  6. write identities, records, keys, ledger (reserved seqs), tasks and the events' outbox rows;
 *  7. COMMIT; then the batch consumer commits the offsets; the outbox relay publishes.
 */
import type { Pool, PoolClient } from 'pg';
import type { PersonObserved } from '../../../schemas';
import { isRetriable, PermanentError, TransientError } from '../../platform/errors';
import type { AvroCodec } from '../../platform/avro/avro-codec';
import type { BatchHandler, ConsumedMessage } from '../../platform/kafka/batch-consumer';
import { EVENT_ID_HEADER } from '../../platform/kafka/encoded-message';
import type { Logger } from '../../platform/logging/create-logger';
import { classifyPgError } from '../../platform/postgres/classify-pg-error';
import type { GoldenRecord } from '../domain/golden-record';
import { NameMemo, normalisePerson, type MatchingModel } from '../domain/matching';
import { keysOf, ResolutionWorld, type DecisionKind, type ObservedRecord } from '../domain/stream-resolution';
import { ENGINE_ACTOR } from '../domain/ledger';
import { streamChildId, streamTaskId } from '../store/child-ids';
import { appendLedgerAndOutbox, claimAndLockKeys, loadCandidateBlocks, loadWorldDetails, writeBatch } from '../store/identity-store';
import { RecordContentCache } from '../store/record-cache';
import { buildIdentityEvent, encodeIdentityEvents } from './identity-events';

export const IDENTITY_CONSUMER = 'hub.identity';
export const PERSON_OBSERVED_RECORD = 'hub.identity.PersonObserved';
export const IDENTITY_OUTBOX = 'identity_outbox';

export interface IdentityStreamObserver {
  /** One call per decided record: kind, and ms from the input's recordedAt to the commit. */
  decided?(kind: DecisionKind, latencyMs: number): void;
  /** Redeliveries recognised by their claimed event id. */
  redelivered?(n: number): void;
  /** Time one stage of a batch transaction took (where the time goes; no ids, no data). */
  stage?(stage: BatchStage, seconds: number): void;
}

/** Stages of one batch transaction, in order (`connect` includes waiting for a pooled connection). */
export type BatchStage = 'connect' | 'claim-lock' | 'candidates' | 'details' | 'decide' | 'write' | 'encode' | 'ledger-outbox' | 'commit';

export interface IdentityStreamOptions {
  readonly pool: Pool;
  readonly codec: AvroCodec;
  readonly model: MatchingModel;
  readonly topicPrefix: string;
  /** NOTIFY channel of the outbox relay. */
  readonly outboxChannel: string;
  readonly log: Logger;
  readonly now?: () => number;
  readonly observer?: IdentityStreamObserver;
  /** Attempts of a batch transaction on a deadlock or serialization failure before giving up to the consumer. */
  readonly attempts?: number;
  /**
   * Records per transaction. A consumed batch larger than this is decided in several
   * transactions, in offset order, before its offset is committed: each claims its own event ids,
   * so a crash in between is still exactly once. Bounds the advisory locks one transaction holds
   * (at most KEY_LOCK_STRIPES = 1,024 stripe locks per transaction, whatever its size; PostgreSQL's
   * lock table is shared and finite), and the work lost to a retried deadlock.
   */
  readonly recordsPerTransaction?: number;
  /**
   * Record contents remembered between batches (store/record-cache.ts), so the world load ships
   * ids instead of JSON for records this process wrote or read before; 0 turns it off.
   */
  readonly recordCacheSize?: number;
}

/** ≈2–3 kB of heap per entry: 50,000 records ≈ 150 MB. */
export const DEFAULT_RECORD_CACHE_SIZE = 50_000;

interface Input { readonly obs: ObservedRecord; readonly recordedAt: number; readonly traceId: string | null }

/** Decodes, validates and normalises one message; a bad one is a PermanentError (dead-lettered alone). */
function toInput(m: ConsumedMessage, model: MatchingModel, memo: NameMemo): Input {
  if (m.recordName !== PERSON_OBSERVED_RECORD) {
    throw new PermanentError('IDENTITY_UNEXPECTED_RECORD', `unexpected record ${m.recordName} on the person-observed topic`);
  }
  const v = m.value as PersonObserved;
  let normalised;
  let keys;
  try {
    normalised = normalisePerson(v.person, memo);
    keys = keysOf(normalised, model);
  } catch (err) {
    // The message names the failure, never the data (no personal data in errors).
    throw new PermanentError('IDENTITY_UNUSABLE_RECORD', `person record could not be normalised (${(err as Error).name})`);
  }
  return {
    obs: { eventId: v.envelope.eventId, institution: v.envelope.sourceInstitution, occurredAt: v.envelope.occurredAt, person: v.person, normalised, keys },
    recordedAt: v.envelope.recordedAt,
    traceId: v.envelope.traceId,
  };
}

export function createIdentityStreamHandler(opts: IdentityStreamOptions): BatchHandler {
  const now = opts.now ?? Date.now;
  const attempts = opts.attempts ?? 5;
  const perTransaction = opts.recordsPerTransaction ?? 100;
  const cacheSize = opts.recordCacheSize ?? DEFAULT_RECORD_CACHE_SIZE;
  const cache = cacheSize > 0 ? new RecordContentCache(cacheSize) : undefined;
  // The engine's name-parsing memo (same results, parsed once per distinct raw name; bounded by the engine).
  const names = new NameMemo();
  const log = opts.log.child({ component: 'identity-stream' });
  /** Stage timer: `lap(stage)` reports the time since the previous lap. */
  function stopwatch() {
    let last = performance.now();
    return (stage: BatchStage) => {
      const t = performance.now();
      opts.observer?.stage?.(stage, (t - last) / 1000);
      last = t;
    };
  }

  async function once(inputs: readonly Input[]): Promise<{ decided: { kind: DecisionKind; recordedAt: number }[]; redelivered: number }> {
    const lap = stopwatch();
    const client = await opts.pool.connect();
    try {
      await client.query('BEGIN');
      lap('connect');
      const result = await resolveInTransaction(client, inputs, lap);
      await client.query('COMMIT');
      lap('commit');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw classifyPgError(err);
    } finally {
      client.release();
    }
  }

  async function resolveInTransaction(client: PoolClient, inputs: readonly Input[], lap: (stage: BatchStage) => void) {
    // Round trip 1: claim the event ids and lock the blocking keys of the records claimed now.
    const keysByEvent = new Map(inputs.map((i) => [i.obs.eventId, i.obs.keys]));
    const claimed = await claimAndLockKeys(client, IDENTITY_CONSUMER, inputs.map((i) => i.obs.eventId), keysByEvent);
    lap('claim-lock');
    const fresh: Input[] = [];
    for (const i of inputs) if (claimed.delete(i.obs.eventId)) fresh.push(i);
    const redelivered = inputs.length - fresh.length;
    if (fresh.length === 0) return { decided: [], redelivered };

    const allKeys = [...new Set(fresh.flatMap((i) => i.obs.keys))];
    const world = new ResolutionWorld(opts.model, { childId: streamChildId, taskId: streamTaskId });
    const batchRecordKeys = [...new Set(fresh.map((i) => i.obs.normalised.key))];
    // Round trip 2: candidate blocks, their owners, the owning identities row-locked.
    const { byKey, owners, identities } = await loadCandidateBlocks(client, allKeys, batchRecordKeys, opts.model.blocking.maxBlockSize);
    lap('candidates');
    const lockedIds = [...identities.keys()];
    for (const i of identities.values()) {
      const golden = i.golden && typeof i.golden === 'object' && 'policyVersion' in (i.golden as object) ? i.golden as GoldenRecord : null;
      world.identities.set(i.id, { id: i.id, status: i.status, golden, records: new Set(), isNew: false });
    }
    // Round trip 3 (a fresh snapshot, after the row locks, so membership is stable): records of the
    // locked identities plus the batch's known records, vetoes, person-decided links, open tasks.
    const known = batchRecordKeys.filter((k) => owners.has(k));
    const details = await loadWorldDetails(client, lockedIds, batchRecordKeys, known, cache);
    lap('details');
    for (const r of details.records) world.addRecord({ ...r });
    for (const [k, list] of byKey) for (const rk of list) world.indexKey(k, rk);
    for (const [rk, set] of details.vetoes) world.vetoes.set(rk, set);
    for (const [rk, actor] of details.linkActors) if (actor !== ENGINE_ACTOR) world.linkActors.set(rk, actor);
    for (const t of details.openTasks) world.openTasks.set(t.id, t);

    const decided: { kind: DecisionKind; recordedAt: number }[] = [];
    for (const i of fresh) decided.push({ kind: world.resolveRecord(i.obs), recordedAt: i.recordedAt });
    lap('decide');
    // What this batch writes is what the next batches will read: remember it (keyed by event id, so
    // an entry is right whether or not this transaction commits).
    if (cache) {
      for (const rk of world.effects.dirtyRecords) {
        const r = world.records.get(rk)!;
        cache.put(rk, { lastEventId: r.lastEventId, person: r.person, normalised: r.normalised });
      }
    }

    await write(client, world, fresh, lap);
    return { decided, redelivered };
  }

  async function write(client: PoolClient, world: ResolutionWorld, fresh: readonly Input[], lap: (stage: BatchStage) => void): Promise<void> {
    const fx = world.effects;
    const at = now();
    // Round trip 4 (5 when tasks are closed): identities, records, keys, tasks; reserves ledger seqs.
    const seqs = await writeBatch(client, {
      newIdentities: [...fx.newIdentities].map((id) => ({ id, golden: world.identities.get(id)!.golden ?? {} })),
      changedIdentities: [...fx.dirtyIdentities].filter((id) => !fx.newIdentities.has(id)).map((id) => {
        const i = world.identities.get(id)!;
        return { id, status: i.status, golden: i.golden ?? {} };
      }),
      records: [...fx.dirtyRecords].map((rk) => world.records.get(rk)!),
      keyChanges: fx.keyChanges,
      tasksToClose: [...fx.tasksToClose.keys()],
      tasksToOpen: [...fx.tasksToOpen.values()].map((t) => ({
        id: t.id, reason: t.reason, recordKey: t.recordKey, identityId: t.identityId,
        candidateIdentityIds: t.candidates.map((c) => c.identityId),
        explanation: { reason: t.reason, candidates: t.candidates }, modelVersion: opts.model.version,
      })),
      ledgerEntries: fx.ledger.length,
    }, 'record-re-evaluated', ENGINE_ACTOR);
    lap('write');

    const traceOf = new Map(fresh.map((i) => [i.obs.eventId, i.traceId]));
    const events = fx.changes.map((c) => buildIdentityEvent({
      childId: c.identityId, kind: c.kind, status: c.status, affectedRecordKeys: c.affectedRecordKeys, recordKeys: c.recordKeys,
      underReview: c.underReview, golden: c.golden, ledgerSeq: seqs[c.ledgerIndex]!, actor: ENGINE_ACTOR, reason: c.reason,
      modelVersion: opts.model.version, causeId: c.causeEventId, occurredAt: c.occurredAt, recordedAt: at, traceId: traceOf.get(c.causeEventId) ?? null,
    }));
    const messages = await encodeIdentityEvents(opts.codec, opts.topicPrefix, events);
    lap('encode');
    // Round trip 5: ledger, outbox, NOTIFY.
    await appendLedgerAndOutbox(client, fx.ledger, seqs, IDENTITY_OUTBOX, opts.outboxChannel, messages.map((m) => ({
      eventId: m.headers![EVENT_ID_HEADER]!, topic: m.topic, key: m.key, value: m.value, headers: m.headers ?? {},
    })));
    lap('ledger-outbox');
  }

  return async (messages, ctx) => {
    if (messages.length === 0) return;
    const inputs = messages.map((m) => toInput(m, opts.model, names));
    for (let start = 0; start < inputs.length; start += perTransaction) {
      const chunk = inputs.slice(start, start + perTransaction);
      for (let attempt = 1; ; attempt++) {
        try {
          const { decided, redelivered } = await once(chunk);
          const committedAt = now();
          for (const d of decided) opts.observer?.decided?.(d.kind, committedAt - d.recordedAt);
          if (redelivered > 0) opts.observer?.redelivered?.(redelivered);
          // A big batch takes several transactions: stay in the group meanwhile.
          await ctx?.heartbeat();
          break;
        } catch (err) {
          // Deadlocks between concurrent batches are resolved by PostgreSQL aborting one: retry it here
          // (cheaper than restarting the consumer); other transient failures go to the consumer.
          if (!isRetriable(err) || attempt >= attempts) throw err;
          log.warn({ attempt, errCode: (err as TransientError).code }, 'identity batch retried');
        }
      }
    }
  };
}
