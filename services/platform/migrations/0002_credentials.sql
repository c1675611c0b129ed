-- Credentials of institutions and their units (courts, programmes, offices, schools,
-- establishments) for the HTTP APIs. Only the SHA-256 of the token's 256-bit random secret is
-- kept; the token itself is shown once, when created. Revoking sets revoked_at and keeps the row,
-- so audit trails can still name the credential. Authentication reads this table (cached for a
-- few seconds) and never writes to it: no write per request.
CREATE TABLE credentials (
  id            text        PRIMARY KEY CHECK (id ~ '^[0-9a-f]{16}$'),
  institution   text        NOT NULL CHECK (institution IN ('TRIBUNAL', 'SENAME', 'MUNICIPALITY', 'SCHOOL', 'HEALTH')),
  scope         text        NOT NULL CHECK (scope <> ''),
  secret_sha256 bytea       NOT NULL CHECK (octet_length(secret_sha256) = 32),
  label         text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz
);
