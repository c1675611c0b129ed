-- Hub staff (identity reviewers) hold credentials too: institution 'HUB', scope naming what they
-- may do (e.g. 'identity-review'). Institutions' credentials never carry these scopes, so the
-- identity review API can refuse them (docs/adr/0012).
ALTER TABLE credentials DROP CONSTRAINT credentials_institution_check;
ALTER TABLE credentials ADD CONSTRAINT credentials_institution_check
  CHECK (institution IN ('TRIBUNAL', 'SENAME', 'MUNICIPALITY', 'SCHOOL', 'HEALTH', 'HUB'));
