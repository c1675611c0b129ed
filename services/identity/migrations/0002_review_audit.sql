-- Review API audit (docs/adr/0012): every read of a child's data and every correction through the
-- identity review API appends one row. Who (credential id), what (action and resource ids), when,
-- why (the caller's stated purpose or the correction's reason) and the answer's status. No personal
-- data: ids only. Append-only, enforced by triggers as for identity_ledger.
CREATE TABLE identity_api_audit (
  seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  credential_id text        NOT NULL,
  -- e.g. 'identity.read', 'identity.explain', 'review.list', 'review.resolve', 'identity.merge', 'identity.split'.
  action        text        NOT NULL,
  -- The ids the request touched: identity ids, task ids, record keys (source|sourceRecordId).
  resource_ids  text[]      NOT NULL,
  purpose       text        NOT NULL CHECK (purpose <> ''),
  request_id    text        NOT NULL,
  status        smallint    NOT NULL
);
CREATE INDEX identity_api_audit_credential ON identity_api_audit (credential_id, at);
CREATE INDEX identity_api_audit_resources ON identity_api_audit USING gin (resource_ids);

CREATE FUNCTION identity_api_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'identity_api_audit is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER identity_api_audit_no_update BEFORE UPDATE OR DELETE ON identity_api_audit
  FOR EACH ROW EXECUTE FUNCTION identity_api_audit_refuse_change();
CREATE TRIGGER identity_api_audit_no_truncate BEFORE TRUNCATE ON identity_api_audit
  FOR EACH STATEMENT EXECUTE FUNCTION identity_api_audit_refuse_change();
