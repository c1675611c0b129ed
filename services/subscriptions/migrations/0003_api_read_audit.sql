-- Subscriptions service: every read of children's data through the subscriptions API (issue 8:
-- "an append-only audit log of every read of a child's data (who, what, when, why)").
--   sub_api_audit   one row per answered read: credential (who), action and subscription (what),
--                   the child ids returned, time (when) and the caller's X-Purpose (why). Append-only.
CREATE TABLE sub_api_audit (
  seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at              timestamptz NOT NULL DEFAULT now(),
  credential_id   text        NOT NULL,
  -- 'deliveries.read'
  action          text        NOT NULL,
  subscription_id text        NOT NULL,
  child_ids       text[]      NOT NULL,
  purpose         text        NOT NULL CHECK (purpose <> ''),
  status          smallint    NOT NULL
);
CREATE INDEX sub_api_audit_credential ON sub_api_audit (credential_id, at);

CREATE FUNCTION sub_api_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'sub_api_audit is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER sub_api_audit_no_update BEFORE UPDATE OR DELETE ON sub_api_audit
  FOR EACH ROW EXECUTE FUNCTION sub_api_audit_refuse_change();
CREATE TRIGGER sub_api_audit_no_truncate BEFORE TRUNCATE ON sub_api_audit
  FOR EACH STATEMENT EXECUTE FUNCTION sub_api_audit_refuse_change();

-- An SSE stream is opened by a credential: its id is who received the events (webhooks and the
-- Kafka channel go to the subscription's registered receiver and leave it NULL).
ALTER TABLE sub_delivery_audit ADD COLUMN credential_id text NULL;
