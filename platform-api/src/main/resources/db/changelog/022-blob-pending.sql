--liquibase formatted sql

--changeset fengxing:022-blob-pending
-- Files written for a transaction that has not committed yet (report photos are stored before their rows). A key is
-- recorded here, committed on its own, before its file is written, and removed by the transaction that commits the
-- file's row; a key left behind belongs to a transaction that died (rolled back, timed out, or its API instance was
-- killed), and PendingBlobs deletes its file once the key is older than any transaction can run. Platform data
-- without RLS: the sweep covers every township, keys start with the township's code.
CREATE TABLE blob_pending (
  blob_key   text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX blob_pending_created_idx ON blob_pending (created_at);
