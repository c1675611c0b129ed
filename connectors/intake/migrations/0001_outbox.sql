-- HTTP intake: a record is accepted (202) only once these rows are committed, in ONE transaction:
--   intake_accepted_events   the record's event id; a re-sent record is recognised, never published twice;
--   intake_outbox            its encoded messages (Avro, Confluent wire format), until the relay
--                            has committed them to Kafka in a transaction with its checkpoint;
--   intake_idempotency_keys  the response given under a client's Idempotency-Key, to replay it.

CREATE TABLE intake_accepted_events (
  event_id      text        PRIMARY KEY,
  credential_id text        NOT NULL,
  accepted_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per message; a record's messages (one today, the institution event: ADR 0007) share
-- event_id and are published in the same Kafka transaction (part/parts keep them together).
CREATE TABLE intake_outbox (
  seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id   text        NOT NULL,
  part       smallint    NOT NULL,
  parts      smallint    NOT NULL CHECK (part >= 0 AND part < parts),
  topic      text        NOT NULL,
  key        text        NOT NULL,
  value      bytea       NOT NULL,
  headers    jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Per credential: a client's key names one request. request_sha256 is the hash of the route and
-- the canonical body, so the same key with another body is told apart (422) from a retry (replay).
CREATE TABLE intake_idempotency_keys (
  credential_id  text        NOT NULL,
  idem_key       text        NOT NULL,
  request_sha256 text        NOT NULL,
  status         smallint    NOT NULL,
  response       json        NOT NULL, -- json, not jsonb: replayed byte for byte (key order kept)
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (credential_id, idem_key)
);
