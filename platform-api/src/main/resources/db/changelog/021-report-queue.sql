--liquibase formatted sql

--changeset fengxing:021-report-queue
-- The queue lists a township's reports newest first (created_at, id), filtered or not, and counts up to 10,000 of
-- them: each filter gets an index that ends in that order (or holds just its rows), so a page and its count read
-- only index entries near the top, not the township's million rows.
CREATE INDEX report_created_idx ON report (tenant_id, created_at, id);
CREATE INDEX report_community_created_idx ON report (tenant_id, community_id, created_at, id);
CREATE INDEX report_category_created_idx ON report (tenant_id, category_id, created_at, id);
CREATE INDEX report_assignee_created_idx ON report (tenant_id, assignee_subject, created_at, id)
  WHERE assignee_subject IS NOT NULL;
CREATE INDEX report_urgent_idx ON report (tenant_id, created_at, id) WHERE urgent;
CREATE INDEX report_escalated_idx ON report (tenant_id, created_at, id)
  WHERE escalated_dispatch_at IS NOT NULL OR escalated_resolve_at IS NOT NULL;
-- a rider's reports include those they joined ("me too")
CREATE INDEX report_supporter_subject_idx ON report_supporter (tenant_id, subject, report_id);
