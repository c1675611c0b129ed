import type { Pool } from 'pg';
import { childEventKey, TOPICS } from '../../../schemas/topics';
import type { AvroCodec } from '../../platform/avro/avro-codec';
import { PermanentError } from '../../platform/errors';
import type { ConsumedMessage } from '../../platform/kafka/batch-consumer';
import { EVENT_ID_HEADER, type EncodedMessage } from '../../platform/kafka/encoded-message';
import type { Logger } from '../../platform/logging/create-logger';
import { appendToOutbox, type OutboxEntry } from '../../platform/outbox/append-to-outbox';
import { classifyPgError } from '../../platform/postgres/classify-pg-error';
import { inTransaction } from '../../platform/postgres/create-pool';
import { countersOf, planBatch, type BatchPlan, type Candidate } from '../domain/dedup-decision';
import { inspectEvent } from '../domain/institution-event';
import { derivePersonObserved } from '../domain/person-observed';
import { DEDUP_INPUTS, OUTBOX_TABLE, PERSON_OBSERVED_RECORD, SOURCE_EVENT_ID_HEADER } from '../inputs';
import type { DedupMetrics } from './dedup-metrics';
import { DedupStore } from './dedup-store';
import { sha256Hex } from './sha256';

export interface DedupHandlerOptions {
  readonly pool: Pool;
  readonly codec: AvroCodec;
  readonly topicPrefix: string;
  /** NOTIFY channel of the outbox relay. */
  readonly channel: string;
  readonly metrics: DedupMetrics;
  readonly log: Logger;
}

/**
 * Handles one consumed batch (one partition, offset order): inspect → decide (pure) → ONE
 * PostgreSQL transaction with the claims, content and person hashes, counters, the partition's
 * next offset and the PersonObserved outbox rows. The batch consumer commits the Kafka offset
 * only after this resolves. A poison message throws PermanentError: the batch consumer isolates
 * it and dead-letters it (counted by DeadLetterLedger).
 */
export class DedupHandler {
  private readonly store = new DedupStore();
  private readonly expected: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly personTopic: string;

  constructor(private readonly opts: DedupHandlerOptions) {
    this.expected = new Map(DEDUP_INPUTS.map((i) => [opts.topicPrefix + i.topic.name, new Set(i.topic.records)]));
    this.personTopic = opts.topicPrefix + TOPICS.personObserved.name;
  }

  logicalTopic = (full: string): string => (full.startsWith(this.opts.topicPrefix) ? full.slice(this.opts.topicPrefix.length) : full);

  async handle(messages: readonly ConsumedMessage[]): Promise<BatchPlan | null> {
    const first = messages[0];
    if (!first) return null;
    const candidates: Candidate[] = [];
    for (const m of messages) {
      const r = inspectEvent(m.recordName, m.value, this.expected.get(m.topic) ?? new Set(), sha256Hex);
      if (!r.ok) throw new PermanentError(r.poison.code, r.poison.message, { field: r.poison.field });
      candidates.push({ position: { topic: m.topic, partition: m.partition, offset: m.offset }, event: r.event });
    }
    let plan: BatchPlan;
    try {
      plan = await inTransaction(this.opts.pool, async (client) => {
        const prior = await this.store.loadPrior(client, first.topic, first.partition, candidates.map((c) => c.event));
        const p = planBatch(candidates, prior);
        await this.store.apply(client, first.topic, first.partition, p, countersOf(p, this.logicalTopic));
        await appendToOutbox(client, OUTBOX_TABLE, this.opts.channel, await this.outboxEntries(p));
        return p;
      });
    } catch (err) {
      throw classifyPgError(err);
    }
    this.observe(plan);
    return plan;
  }

  private async outboxEntries(plan: BatchPlan): Promise<OutboxEntry[]> {
    const entries: OutboxEntry[] = [];
    for (const d of plan.decisions) {
      if (!d.emitPerson) continue;
      const source = d.candidate.event;
      const observed = derivePersonObserved(source, sha256Hex);
      const message: EncodedMessage = {
        topic: this.personTopic,
        key: childEventKey(source.personKey.institution, source.personKey.personRecordId),
        value: await this.opts.codec.encode(this.personTopic, PERSON_OBSERVED_RECORD, observed),
        headers: { [EVENT_ID_HEADER]: observed.envelope.eventId, [SOURCE_EVENT_ID_HEADER]: source.envelope.eventId },
      };
      entries.push({ eventId: observed.envelope.eventId, messages: [message] });
    }
    return entries;
  }

  private observe(plan: BatchPlan): void {
    const m = this.opts.metrics;
    for (const d of plan.decisions) {
      const topic = this.logicalTopic(d.candidate.position.topic);
      const institution = d.candidate.event.envelope.sourceInstitution;
      if (d.outcome === 'replayed') { m.replayed.inc({ topic }); continue; }
      m.events.inc({ topic, institution, outcome: d.outcome });
      if (d.emitPerson) m.personsEmitted.inc({ institution });
      if (d.idConflict) {
        m.idConflicts.inc({ topic });
        // Ids and positions only: never the event's content.
        this.opts.log.warn({ topic, eventId: d.candidate.event.envelope.eventId, original: d.original, offset: d.candidate.position.offset }, 'event id re-sent with different content; dropped as a duplicate');
      }
    }
  }
}
