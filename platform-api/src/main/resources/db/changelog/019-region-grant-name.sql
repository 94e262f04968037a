--liquibase formatted sql

--changeset fengxing:019-region-grant-name
-- The grantee's name as people read it (family name first), so the operator's list of regional grants names people
-- rather than OIDC subjects: given when granting, or taken from the grantee's profile at their first sign-in.
ALTER TABLE region_grant ADD COLUMN name text CHECK (length(name) <= 100);
