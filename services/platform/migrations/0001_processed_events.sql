-- Idempotency ledger for consumers: an event id is recorded in the same transaction as its
-- effects, so a redelivered message (after a crash before the offset commit) is recognised
-- and skipped. This is how "exactly once in effect" is achieved on top of at-least-once delivery.
CREATE TABLE processed_events (
  consumer     text        NOT NULL,
  event_id     text        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
