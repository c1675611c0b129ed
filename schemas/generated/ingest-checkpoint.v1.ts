// Generated from schemas/avro/connector/ingest-checkpoint.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';

/**
 * How far one ingest stream (a file import or the HTTP intake relay) has published, written in the
 * same Kafka transaction as the messages it covers. After a crash the stream resumes from its last
 * committed checkpoint, so nothing is lost and nothing is published twice. Not an event about the
 * world: it has no envelope and no personal data.
 *
 * Avro record `hub.connector.IngestCheckpoint`.
 */
export interface IngestCheckpoint {
  /**
   * Id of the ingest stream; also the message key. For an import: institution and the file's
   * SHA-256.
   */
  stream: string;
  /**
   * Where the stream stands, in the stream's own terms: the last record number for an import, the
   * outbox sequence numbers of the last batch for the HTTP relay.
   */
  position: string;
  /** True once a finite stream (a file) has been read to its end. */
  complete: boolean;
  /** Records read so far. */
  received: number;
  /** Records published so far (each as its event and, for child events, a PersonObserved). */
  published: number;
  /** Records sent to the dead-letter topic so far. */
  deadLettered: number;
  /** Records skipped because the same event id was already published by this stream. */
  duplicates: number;
  /** Published records that carried warnings (e.g. a RUN whose check digit fails). */
  withWarnings: number;
  /** When the checkpoint was written (epoch milliseconds, UTC). */
  updatedAt: number;
}

/**
 * Self-contained Avro schema of `hub.connector.IngestCheckpoint` (referenced types inlined), as the
 * registry receives it.
 */
export const IngestCheckpointSchema: RecordSchema = {
  type: 'record',
  name: 'IngestCheckpoint',
  namespace: 'hub.connector',
  doc: 'How far one ingest stream (a file import or the HTTP intake relay) has published, written in the same Kafka transaction as the messages it covers. After a crash the stream resumes from its last committed checkpoint, so nothing is lost and nothing is published twice. Not an event about the world: it has no envelope and no personal data.',
  fields: [
    {
      name: 'stream',
      type: 'string',
      doc: "Id of the ingest stream; also the message key. For an import: institution and the file's SHA-256.",
    },
    {
      name: 'position',
      type: 'string',
      doc: "Where the stream stands, in the stream's own terms: the last record number for an import, the outbox sequence numbers of the last batch for the HTTP relay.",
    },
    {
      name: 'complete',
      type: 'boolean',
      default: false,
      doc: 'True once a finite stream (a file) has been read to its end.',
    },
    { name: 'received', type: 'long', doc: 'Records read so far.' },
    {
      name: 'published',
      type: 'long',
      doc: 'Records published so far (each as its event and, for child events, a PersonObserved).',
    },
    { name: 'deadLettered', type: 'long', doc: 'Records sent to the dead-letter topic so far.' },
    {
      name: 'duplicates',
      type: 'long',
      doc: 'Records skipped because the same event id was already published by this stream.',
    },
    {
      name: 'withWarnings',
      type: 'long',
      default: 0,
      doc: 'Published records that carried warnings (e.g. a RUN whose check digit fails).',
    },
    {
      name: 'updatedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the checkpoint was written (epoch milliseconds, UTC).',
    },
  ],
};
