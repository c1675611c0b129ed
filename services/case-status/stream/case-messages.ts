/**
 * Encoding of the service's outputs: CaseStatus on the compacted hub.case.status.v1 (key caseId,
 * null value = tombstone) and CaseUpdated on hub.case.updates.v1 (key childId). Event ids are
 * deterministic, derived from what they announce, so a replay produces the same ids.
 */
import { createHash } from 'node:crypto';
import type { CaseStatus, CaseUpdated } from '../../../schemas';
import { TOPICS } from '../../../schemas/topics';
import type { AvroCodec } from '../../platform/avro/avro-codec';
import { EVENT_ID_HEADER, type EncodedMessage } from '../../platform/kafka/encoded-message';

export const CASE_STATUS_RECORD = 'hub.case.CaseStatus';
export const CASE_UPDATED_RECORD = 'hub.case.CaseUpdated';

export function caseEventId(...parts: readonly (string | number)[]): string {
  return `HUB:case:${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}`;
}

export function envelopeFor(eventId: string, caseId: string, at: number): CaseStatus['envelope'] {
  return { eventId, sourceInstitution: 'HUB', sourceUnit: null, sourceRecordId: caseId, occurredAt: at, recordedAt: at, schemaVersion: 1, traceId: null };
}

/** One output fact: an update, and the new status (or a tombstone) when the case's status changed. */
export interface CaseOutput {
  readonly update: CaseUpdated;
  /** undefined: the status topic is not touched (deadline notices); null: tombstone. */
  readonly status?: CaseStatus | null;
}

export async function encodeOutputs(codec: AvroCodec, topicPrefix: string, outputs: readonly CaseOutput[]): Promise<{ eventId: string; messages: EncodedMessage[] }[]> {
  const statusTopic = topicPrefix + TOPICS.caseStatus.name;
  const updatesTopic = topicPrefix + TOPICS.caseUpdates.name;
  return Promise.all(outputs.map(async (o) => {
    const eventId = o.update.envelope.eventId;
    const messages: EncodedMessage[] = [];
    if (o.status !== undefined) {
      messages.push({
        topic: statusTopic, key: o.update.caseId,
        // A Kafka tombstone is a null value; the outbox column and the relay carry it through (typed as Buffer there).
        value: (o.status === null ? null : await codec.encode(statusTopic, CASE_STATUS_RECORD, o.status)) as Buffer,
        headers: { [EVENT_ID_HEADER]: eventId },
      });
    }
    messages.push({ topic: updatesTopic, key: o.update.childId, value: await codec.encode(updatesTopic, CASE_UPDATED_RECORD, o.update), headers: { [EVENT_ID_HEADER]: eventId } });
    return { eventId, messages };
  }));
}
