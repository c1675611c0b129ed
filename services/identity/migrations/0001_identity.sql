-- Identity service (docs/adr/0011): children's identities built from source records.
--
--   identities              one row per child id ever issued; ids are never deleted nor reused:
--                           a merged identity keeps its row (status merged, merged_into → survivor);
--   identity_records        each source record (record_key = source|sourceRecordId) belongs to
--                           exactly ONE identity at a time (the primary key makes that structural);
--   identity_blocking_keys  the record's blocking keys, to find candidate identities;
--   identity_ledger         append-only history of every link decision (triggers refuse UPDATE,
--                           DELETE and TRUNCATE);
--   review_tasks            grey-zone decisions waiting for a person;
--   identity_vetoes         "not the same child" decisions: a hard veto for the engine;
--   identity_outbox         identity events waiting for the relay (services/platform/outbox).

CREATE TABLE identities (
  id          text        PRIMARY KEY,
  status      text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'retired')),
  merged_into text        NULL REFERENCES identities (id),
  golden      jsonb       NOT NULL DEFAULT '{}'::jsonb,
  -- Optimistic concurrency for writers outside the stream (review API): bumped on every change.
  version     integer     NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
  CHECK (merged_into IS NULL OR merged_into <> id)
);
CREATE INDEX identities_merged_into ON identities (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE identity_records (
  record_key       text        PRIMARY KEY,
  identity_id      text        NOT NULL REFERENCES identities (id),
  source           text        NOT NULL,
  source_record_id text        NOT NULL,
  -- The PersonRecord as last observed (hub.identity.PersonRecord JSON) and its normalised form.
  person           jsonb       NOT NULL,
  normalised       jsonb       NOT NULL,
  last_event_id    text        NOT NULL,
  -- Envelope occurredAt of the last observation: the recency input of survivorship.
  observed_at      timestamptz NOT NULL,
  linked_at        timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_records_identity ON identity_records (identity_id);

CREATE TABLE identity_blocking_keys (
  key        text NOT NULL,
  record_key text NOT NULL REFERENCES identity_records (record_key) ON DELETE CASCADE,
  PRIMARY KEY (key, record_key)
);
CREATE INDEX identity_blocking_keys_record ON identity_blocking_keys (record_key);

CREATE TABLE identity_ledger (
  seq               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  identity_id       text        NOT NULL,
  kind              text        NOT NULL CHECK (kind IN (
                      'created', 'linked', 'unlinked', 'merged', 'split', 'golden-changed',
                      'review-opened', 'review-resolved', 'review-closed', 'vetoed', 'retired')),
  record_key        text        NULL,
  other_identity_id text        NULL,
  -- 'engine' for the stream; 'user:<subject>' for people (review API).
  actor             text        NOT NULL,
  reason            text        NOT NULL,
  explanation       jsonb       NULL,
  model_version     text        NULL,
  -- The input event that caused the entry (stream), or the request id (API).
  cause_id          text        NULL,
  at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_ledger_identity ON identity_ledger (identity_id, seq);
CREATE INDEX identity_ledger_record ON identity_ledger (record_key, seq) WHERE record_key IS NOT NULL;

-- Immutability is enforced by the database, not by convention.
CREATE FUNCTION identity_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'identity_ledger is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER identity_ledger_no_update BEFORE UPDATE OR DELETE ON identity_ledger
  FOR EACH ROW EXECUTE FUNCTION identity_ledger_refuse_change();
CREATE TRIGGER identity_ledger_no_truncate BEFORE TRUNCATE ON identity_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION identity_ledger_refuse_change();

CREATE TABLE review_tasks (
  id                     text        PRIMARY KEY,
  status                 text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'closed')),
  reason                 text        NOT NULL,
  -- The record under review and the (provisional) identity it belongs to meanwhile.
  record_key             text        NOT NULL,
  identity_id            text        NOT NULL,
  candidate_identity_ids text[]      NOT NULL,
  explanation            jsonb       NOT NULL,
  model_version          text        NOT NULL,
  version                integer     NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  resolved_at            timestamptz NULL,
  resolved_by            text        NULL,
  -- 'link' | 'new-identity' | 'not-the-same' when resolved; the closing reason when closed.
  resolution             text        NULL,
  resolution_detail      jsonb       NULL
);
-- At most one open task per record: a re-evaluation replaces (closes) the previous one.
CREATE UNIQUE INDEX review_tasks_one_open_per_record ON review_tasks (record_key) WHERE status = 'open';
CREATE INDEX review_tasks_open ON review_tasks (created_at) WHERE status = 'open';
CREATE INDEX review_tasks_candidates ON review_tasks USING gin (candidate_identity_ids);

CREATE TABLE identity_vetoes (
  record_key  text        NOT NULL,
  identity_id text        NOT NULL REFERENCES identities (id),
  actor       text        NOT NULL,
  reason      text        NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_key, identity_id)
);

CREATE TABLE identity_outbox (
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
