-- Blocking keys are written only by the stream, for records it writes in the same transaction,
-- and they are the hottest table (about five rows per record). Measured on the replay benchmark
-- (bench/identity-stream.ts), the foreign-key check doubled the cost of inserting them. The record
-- now keeps its own key list, so the stream deletes a changed record's old keys through the
-- primary key (key, record_key) and the record_key index is not needed either.
ALTER TABLE identity_blocking_keys DROP CONSTRAINT identity_blocking_keys_record_key_fkey;
DROP INDEX identity_blocking_keys_record;
ALTER TABLE identity_records ADD COLUMN blocking_keys text[] NOT NULL DEFAULT '{}';
