-- Deduplication service (docs/adr/0013). Every row of a consumed batch is written in ONE
-- transaction with the batch's outbox rows, then the Kafka offset is committed.

-- Event ids already handled, with the content they had and where they were first seen, so a
-- re-sent id is a duplicate and a redelivery of the very same message is a replay.
CREATE TABLE dedup_event_claims (
  event_id        text        PRIMARY KEY,
  content_hash    text        NOT NULL,
  first_topic     text        NOT NULL,
  first_partition integer     NOT NULL,
  first_offset    bigint      NOT NULL,
  claimed_at      timestamptz NOT NULL DEFAULT now()
);

-- Last forwarded content per source record (institution, unit, record kind, the fact's record
-- id; hashed): the same content under a new event id is a duplicate.
CREATE TABLE dedup_source_records (
  source_key    text        PRIMARY KEY,
  content_hash  text        NOT NULL,
  last_event_id text        NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Last person block published per source person record: PersonObserved only on a change.
CREATE TABLE dedup_person_hashes (
  institution      text        NOT NULL,
  person_record_id text        NOT NULL,
  person_hash      text        NOT NULL,
  last_event_id    text        NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (institution, person_record_id)
);

-- Next offset to handle per consumed partition, advanced in the batch's transaction and locked
-- while a batch is handled: a redelivered batch (crash before the offset commit) is recognised
-- and replayed without effects, and a zombie consumer after a rebalance waits, then skips.
CREATE TABLE dedup_partition_offsets (
  topic       text    NOT NULL,
  partition   integer NOT NULL,
  next_offset bigint  NOT NULL,
  PRIMARY KEY (topic, partition)
);

-- Reconciliation counters per logical topic (without the test prefix), partition and institution.
-- Always: received = forwarded + duplicate_event_id + duplicate_content + dead_lettered.
CREATE TABLE dedup_counters (
  topic              text    NOT NULL,
  partition          integer NOT NULL,
  institution        text    NOT NULL,
  received           bigint  NOT NULL DEFAULT 0,
  forwarded          bigint  NOT NULL DEFAULT 0,
  duplicate_event_id bigint  NOT NULL DEFAULT 0,
  duplicate_content  bigint  NOT NULL DEFAULT 0,
  dead_lettered      bigint  NOT NULL DEFAULT 0,
  persons_emitted    bigint  NOT NULL DEFAULT 0,
  PRIMARY KEY (topic, partition, institution),
  CHECK (received = forwarded + duplicate_event_id + duplicate_content + dead_lettered)
);

-- Messages sent to a dead-letter topic, by position: counted once even when a redelivery
-- would dead-letter them again (and then they are not sent again).
CREATE TABLE dedup_dead_letters (
  topic          text        NOT NULL,
  partition      integer     NOT NULL,
  "offset"       bigint      NOT NULL,
  code           text        NOT NULL,
  dead_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (topic, partition, "offset")
);

-- Outgoing PersonObserved events until OutboxRelay has committed them to Kafka
-- (services/platform/outbox/README.md).
CREATE TABLE dedup_outbox (
  seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id   text        NOT NULL,
  part       smallint    NOT NULL CHECK (part >= 0 AND part < parts),
  parts      smallint    NOT NULL,
  topic      text        NOT NULL,
  key        text        NOT NULL,
  value      bytea       NOT NULL,
  headers    jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
