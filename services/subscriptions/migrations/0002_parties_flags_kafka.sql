-- Subscriptions service, issue 6 gaps (docs/adr/0015):
--
--   sub_record_links   source record key (`<source>|<sourceRecordId>`) → hub child id, from hub.identity.children.v1;
--                      joins municipal facts (keyed by the office's record) to children.
--   sub_identities     per child id: status, merge redirect and a lookup key of the golden RUN (a SHA-256 of
--                      the normalised RUN; the RUN itself is not stored) for the schools/health flag.
--   sub_parties        municipal local cases (hub.municipality.events.v1): the office's comuna is a party to the
--                      child's cases while its local case is open (CaseOpened / ReferralMade → open, CaseClosed → closed).
--   sub_children.parties  the party comunas the child was last routed to (with comuna_code: its audience).
--   sub_subscriptions.channel / contact  KAFKA subscriptions (per-municipality topic, no URL) and the team contact
--                      given to schools and health.
--   sub_flag_lookups   every flag look-up by a school or health establishment (append-only; no RUN).

CREATE TABLE sub_record_links (
  record_key  text PRIMARY KEY,
  child_id    text NOT NULL
);
CREATE INDEX sub_record_links_child ON sub_record_links (child_id);

CREATE TABLE sub_identities (
  child_id     text PRIMARY KEY,
  status       text NOT NULL,
  merged_into  text NULL,
  run_key      text NULL
);
CREATE INDEX sub_identities_run ON sub_identities (run_key) WHERE run_key IS NOT NULL;

CREATE TABLE sub_parties (
  record_key     text    NOT NULL,
  comuna_code    text    NOT NULL,
  local_case_id  text    NOT NULL,
  open           boolean NOT NULL,
  PRIMARY KEY (record_key, comuna_code, local_case_id)
);

ALTER TABLE sub_children ADD COLUMN parties text[] NOT NULL DEFAULT '{}';

ALTER TABLE sub_subscriptions ADD COLUMN channel text NOT NULL DEFAULT 'WEBHOOK' CHECK (channel IN ('WEBHOOK', 'KAFKA'));
ALTER TABLE sub_subscriptions ADD COLUMN contact jsonb NULL;
ALTER TABLE sub_subscriptions ALTER COLUMN url DROP NOT NULL;
ALTER TABLE sub_subscriptions ALTER COLUMN secret DROP NOT NULL;

CREATE TABLE sub_flag_lookups (
  id                bigserial   PRIMARY KEY,
  credential_id     text        NOT NULL,
  institution       text        NOT NULL,
  unit              text        NOT NULL,
  child_id          text        NULL,
  under_protection  boolean     NOT NULL,
  notified          int         NOT NULL,
  at                timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION sub_flag_lookups_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'sub_flag_lookups is append-only'; END $$;
CREATE TRIGGER sub_flag_lookups_no_change BEFORE UPDATE OR DELETE ON sub_flag_lookups
  FOR EACH ROW EXECUTE FUNCTION sub_flag_lookups_append_only();

-- The dispatcher loads one subscription's pending deliveries in seq order.
CREATE INDEX sub_deliveries_pending_seq ON sub_deliveries (seq) WHERE status = 'PENDING';
