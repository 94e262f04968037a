--liquibase formatted sql

--changeset fengxing:013-report-outside
-- A report whose point lies outside every grid of its township, filed after the rider confirmed the place
-- (or imported as it was): the dispatcher sees it marked 辖区外.
ALTER TABLE report ADD COLUMN outside_township boolean NOT NULL DEFAULT false;
