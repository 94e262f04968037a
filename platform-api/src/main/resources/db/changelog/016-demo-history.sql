--liquibase formatted sql

--changeset fengxing:016-history-import-code
-- A township's earlier e-passes, station visits and discount uses, imported from its manifest (epassHistory,
-- stationVisitHistory, discountUseHistory) once each by code, like report.import_code; null for live rows.
ALTER TABLE epass ADD COLUMN import_code text;
ALTER TABLE epass ADD CONSTRAINT epass_import_code_key UNIQUE (tenant_id, import_code);
ALTER TABLE station_visit ADD COLUMN import_code text;
ALTER TABLE station_visit ADD CONSTRAINT station_visit_import_code_key UNIQUE (tenant_id, import_code);
ALTER TABLE merchant_discount_use ADD COLUMN import_code text;
ALTER TABLE merchant_discount_use ADD CONSTRAINT merchant_discount_use_import_code_key UNIQUE (tenant_id, import_code);
