--liquibase formatted sql

--changeset fengxing:020-grid-version splitStatements:false
-- A township's grid version, renewed by the database whenever any of its grids or micro-grids is written, whatever
-- the path or the API instance: an instance tells with one key lookup whether the boundaries it parsed and indexed
-- in memory (GridIndex) are current. Numbers come from a sequence, which a rolled-back write consumes too, so an
-- index built inside a transaction that rolls back never matches a committed version. Platform data without RLS:
-- a number per township.
CREATE SEQUENCE grid_version_seq;
CREATE TABLE grid_version (
  tenant_code text PRIMARY KEY REFERENCES tenant (code) ON DELETE CASCADE,
  version     bigint NOT NULL
);

CREATE FUNCTION renew_grid_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO grid_version (tenant_code, version)
  SELECT t.tenant_id, nextval('grid_version_seq') FROM (SELECT DISTINCT tenant_id FROM changed) t
  ON CONFLICT (tenant_code) DO UPDATE SET version = excluded.version;
  RETURN NULL;
END $$;

-- Once per statement: an import's single insert of thousands of rows renews the version once.
CREATE TRIGGER grid_version_insert AFTER INSERT ON grid REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION renew_grid_version();
CREATE TRIGGER grid_version_update AFTER UPDATE ON grid REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION renew_grid_version();
CREATE TRIGGER grid_version_delete AFTER DELETE ON grid REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION renew_grid_version();
