-- Case-status service (docs/adr/0014): children's case flows derived from institution events.
--
--   case_events          every institution event the service read, as its CaseInputEvent JSON, keyed by
--                        event id (idempotent). child_id is the golden child the event's source record is
--                        linked to now; NULL = parked until the identity link arrives.
--   case_record_links    source record (`<source>|<sourceRecordId>`, the identity service's form) → child id,
--                        maintained from hub.identity.children.v1.
--   case_child_redirects merged child ids → survivor (reads of a merged id answer 308).
--   case_children        per child: golden comuna (territory scoping) and the next instant something
--                        changes by the clock alone (deadline warn/due, lifecycle timer).
--   case_snapshots       the last published status of each case (diffed to publish only changes).
--   case_deadline_events deadline notices already emitted: (deadlineId, status) once each.
--   case_capacity        declared places (hub.sename.capacity.v1) for occupancy indicators.
--   case_status_outbox   outgoing messages (services/platform/outbox); value NULL = tombstone.
--   case_api_audit       every read of a child's data through the query API (append-only).

CREATE TABLE case_events (
  event_id    text        PRIMARY KEY,
  record_key  text        NOT NULL,
  child_id    text        NULL,
  event_time  timestamptz NOT NULL,
  event       jsonb       NOT NULL,
  stored_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_events_child ON case_events (child_id) WHERE child_id IS NOT NULL;
CREATE INDEX case_events_record ON case_events (record_key);

CREATE TABLE case_record_links (
  record_key  text        PRIMARY KEY,
  child_id    text        NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_record_links_child ON case_record_links (child_id);

CREATE TABLE case_child_redirects (
  child_id    text        PRIMARY KEY,
  merged_into text        NOT NULL
);

CREATE TABLE case_children (
  child_id        text        PRIMARY KEY,
  comuna_code     text        NULL,
  next_change_at  timestamptz NULL,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_children_next_change ON case_children (next_change_at) WHERE next_change_at IS NOT NULL;

CREATE TABLE case_snapshots (
  case_id     text        PRIMARY KEY,
  child_id    text        NOT NULL,
  version     bigint      NOT NULL,
  -- Comparable part of the status (without envelope/version): published again only when it changes.
  status      jsonb       NOT NULL,
  -- Kept after removal (removed = true) so a case that comes back continues its version sequence.
  removed     boolean     NOT NULL DEFAULT false,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_snapshots_child ON case_snapshots (child_id);

CREATE TABLE case_deadline_events (
  deadline_id text        NOT NULL,
  status      text        NOT NULL,
  emitted_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (deadline_id, status)
);

CREATE TABLE case_capacity (
  event_id    text        PRIMARY KEY,
  declaration jsonb       NOT NULL
);

CREATE TABLE case_status_outbox (
  seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id   text        NOT NULL,
  part       smallint    NOT NULL CHECK (part >= 0 AND part < parts),
  parts      smallint    NOT NULL,
  topic      text        NOT NULL,
  key        text        NOT NULL,
  -- NULL only for tombstones on the compacted hub.case.status.v1.
  value      bytea       NULL,
  headers    jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE case_api_audit (
  seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  credential_id text        NOT NULL,
  -- 'timeline.read', 'case.read', 'indicators.read', 'indicators.csv'.
  action        text        NOT NULL,
  resource_ids  text[]      NOT NULL,
  purpose       text        NOT NULL CHECK (purpose <> ''),
  status        smallint    NOT NULL
);
CREATE INDEX case_api_audit_credential ON case_api_audit (credential_id, at);

CREATE FUNCTION case_api_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_api_audit is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER case_api_audit_no_update BEFORE UPDATE OR DELETE ON case_api_audit
  FOR EACH ROW EXECUTE FUNCTION case_api_audit_refuse_change();
CREATE TRIGGER case_api_audit_no_truncate BEFORE TRUNCATE ON case_api_audit
  FOR EACH STATEMENT EXECUTE FUNCTION case_api_audit_refuse_change();
