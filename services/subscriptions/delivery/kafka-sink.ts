/**
 * The KAFKA channel of a subscription (docs/adr/0015, docs/security/kafka.md): a batch of one
 * municipality's deliveries, in log order, to its own topic `hub.municipal.<CUT>.updates.v1`
 * (HUB_TOPIC_PREFIX in front), Avro `hub.municipal.MunicipalUpdate`, keyed by child id so each child's
 * deliveries stay in order for its consumers. Only principal `User:muni-<CUT>` may read that topic
 * (ACLs applied by the operator). The topic is created here when missing and allowed (dev, tests);
 * where the hub's principal may not create topics the operator's topics.sh has made it.
 */
import type { Admin, Producer } from 'kafkajs';
import type { AvroCodec } from '../../platform/avro/avro-codec';
import { ensureTopics } from '../../platform/kafka/ensure-topics';
import type { Logger } from '../../platform/logging/create-logger';
import { municipalRecord, type DeliveryPayload } from '../domain/payload';
import { MUNICIPAL_TOPIC, municipalTopic } from '../../../schemas/topics';
import type { KafkaSink, LoggedRow } from './webhook-dispatcher';

export const MUNICIPAL_UPDATE_RECORD = 'hub.municipal.MunicipalUpdate';

export function createKafkaSink(deps: { producer: Producer; admin: Admin; codec: AvroCodec; topicPrefix: string; log: Logger }): KafkaSink {
  const ready = new Map<string, Promise<void>>();
  const prepare = (topic: string): Promise<void> => {
    let p = ready.get(topic);
    if (!p) {
      p = (async () => {
        await ensureTopics(deps.admin, [{
          name: topic, partitions: MUNICIPAL_TOPIC.partitions, cleanupPolicy: 'delete', retentionMs: MUNICIPAL_TOPIC.retentionMs,
          key: '<childId>', records: [MUNICIPAL_UPDATE_RECORD], deadLetter: false, description: 'A municipality\'s filtered subscription topic.',
        }]).catch((e: unknown) => deps.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'municipal topic not ensured (expected to exist)'));
        await deps.codec.registerAll(topic, [MUNICIPAL_UPDATE_RECORD]);
      })();
      p.catch(() => ready.delete(topic));
      ready.set(topic, p);
    }
    return p;
  };
  return {
    async send(sub, rows: readonly LoggedRow[]) {
      const topic = municipalTopic(sub.comunaCode, deps.topicPrefix);
      await prepare(topic);
      const messages = await Promise.all(rows.map(async (r) => ({
        key: r.childId,
        value: await deps.codec.encode(topic, MUNICIPAL_UPDATE_RECORD, municipalRecord(r.seq, sub.id, r.payload as DeliveryPayload)),
        headers: { 'hub.delivery.id': String(r.seq), 'hub.event.type': r.eventType },
      })));
      await deps.producer.send({ topic, acks: -1, messages });
    },
  };
}
