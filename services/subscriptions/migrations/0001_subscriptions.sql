-- Subscriptions service (docs/adr/0015): municipal subscriptions to children's case updates.
--
--   sub_subscriptions  one per (municipality credential, URL): comuna CUT, filter, secret (kept to sign
--                      webhooks: HMAC needs the secret itself, so it is stored, never logged nor returned).
--   sub_children       per child: the comuna it was last routed to and its current cases (minimised
--                      snapshots), to detect moves/merges and to send the full status on entry.
--   sub_deliveries     the delivery log: one row per (subscription, routed update), append-only content
--                      (payload never changes; only status/attempt columns move). seq orders it; it is the
--                      SSE source (Last-Event-ID = seq) and the webhook queue.
--   sub_delivery_audit every delivery attempt and its outcome (append-only).

CREATE TABLE sub_subscriptions (
  id             text        PRIMARY KEY,
  credential_id  text        NOT NULL,
  comuna_code    text        NOT NULL,
  url            text        NOT NULL,
  secret         text        NOT NULL,
  event_types    text[]      NULL,
  status         text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'DELETED')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sub_subscriptions_comuna ON sub_subscriptions (comuna_code) WHERE status <> 'DELETED';

CREATE TABLE sub_children (
  child_id     text  PRIMARY KEY,
  comuna_code  text  NULL,
  cases        jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE sub_deliveries (
  seq              bigserial   PRIMARY KEY,
  subscription_id  text        NOT NULL REFERENCES sub_subscriptions (id),
  child_id         text        NOT NULL,
  event_type       text        NOT NULL,
  event_id         text        NOT NULL,
  payload          jsonb       NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  status           text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
  attempts         int         NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text        NULL,
  delivered_at     timestamptz NULL,
  UNIQUE (subscription_id, event_id, child_id, event_type)
);
CREATE INDEX sub_deliveries_pending ON sub_deliveries (subscription_id, seq) WHERE status = 'PENDING';
CREATE INDEX sub_deliveries_sub_seq ON sub_deliveries (subscription_id, seq);

CREATE TABLE sub_delivery_audit (
  id               bigserial   PRIMARY KEY,
  delivery_seq     bigint      NOT NULL,
  subscription_id  text        NOT NULL,
  channel          text        NOT NULL,
  attempt          int         NOT NULL,
  outcome          text        NOT NULL,
  http_status      int         NULL,
  at               timestamptz NOT NULL DEFAULT now()
);
-- Append-only: the audit is evidence of what was sent to whom.
CREATE FUNCTION sub_delivery_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'sub_delivery_audit is append-only'; END $$;
CREATE TRIGGER sub_delivery_audit_no_change BEFORE UPDATE OR DELETE ON sub_delivery_audit
  FOR EACH ROW EXECUTE FUNCTION sub_delivery_audit_append_only();
