import { deadLetterTopicOf } from '../../../schemas/topics';
import { DLQ_HEADERS } from '../../../services/platform/kafka/dead-letter';
import { createTranslator } from '../../../services/platform/i18n/i18n';
import { ISSUE_MESSAGES_EN, ISSUE_MESSAGES_ES } from '../messages';
import type { FieldIssue } from '../record-kind';
import type { EncodedMessage } from '../../../services/platform/kafka/encoded-message';

/** Dead-letter headers a connector adds to the platform's (services/platform/kafka/dead-letter.ts). */
export const CONNECTOR_DLQ_HEADERS = {
  issues: 'hub.errors.issues',
  connector: 'hub.errors.connector',
  file: 'hub.errors.source.file',
  location: 'hub.errors.source.location',
  record: 'hub.errors.source.record',
  stream: 'hub.ingest.stream',
} as const;

const es = createTranslator('es', ISSUE_MESSAGES_ES, ISSUE_MESSAGES_EN);

export interface RejectedRecord {
  readonly topicPrefix: string;
  /** Topic the record would have gone to (its kind's, or the institution's main topic when the kind is unknown). */
  readonly intendedTopic: string;
  readonly connector: string;
  readonly stream: string;
  readonly file: string;
  readonly location: string;
  readonly recordNo: number;
  readonly stage: 'read' | 'validate';
  readonly issues: readonly FieldIssue[];
  /** The record's original bytes, untouched, so it can be fixed and replayed. */
  readonly raw: Buffer;
  readonly at: number;
}

/**
 * A rejected record as a dead letter: the original bytes, and why in headers (every issue's field
 * and code; the message names fields, never values, so headers carry no personal data).
 */
export function deadLetterOf(r: RejectedRecord): EncodedMessage {
  const first = r.issues[0] ?? { field: '(registro)', code: 'UNEXPECTED' };
  return {
    topic: r.topicPrefix + deadLetterTopicOf(r.intendedTopic),
    key: `${r.connector}:${r.file}:${r.recordNo}`,
    value: r.raw,
    headers: {
      [DLQ_HEADERS.topic]: r.topicPrefix + r.intendedTopic,
      [DLQ_HEADERS.stage]: r.stage,
      [DLQ_HEADERS.consumer]: r.connector,
      [DLQ_HEADERS.code]: first.code,
      [DLQ_HEADERS.field]: first.field,
      [DLQ_HEADERS.message]: es.t(first.code, { field: first.field }),
      [DLQ_HEADERS.failedAt]: new Date(r.at).toISOString(),
      [CONNECTOR_DLQ_HEADERS.issues]: JSON.stringify(r.issues),
      [CONNECTOR_DLQ_HEADERS.connector]: r.connector,
      [CONNECTOR_DLQ_HEADERS.file]: r.file,
      [CONNECTOR_DLQ_HEADERS.location]: r.location,
      [CONNECTOR_DLQ_HEADERS.record]: String(r.recordNo),
      [CONNECTOR_DLQ_HEADERS.stream]: r.stream,
    },
  };
}
