--liquibase formatted sql

--changeset fengxing:015-comparison-group
-- Townships name their own report categories; regional comparison 区域对比 counts them in the platform's
-- category groups. Null: a sub-category follows its parent, a group whose code is a platform group is that group,
-- anything else is "other" (resolved by the report figures' SQL, so existing categories need no rewrite).
ALTER TABLE report_category ADD COLUMN comparison_group text CHECK (comparison_group IN (
  'public-safety', 'social-order', 'food-safety', 'livelihood', 'fire-hazard', 'municipal', 'environment',
  'stray-animal', 'uncivil-behaviour', 'vulnerable-people', 'emergency', 'other'));

--changeset fengxing:015-township-figures splitStatements:false
-- The read model of regional comparison: counters per township and day (in the township's time zone) and per
-- month, quarter and year, never personal rows. Platform data without RLS: the region API guards it by grant.
-- Feature triggers mark the days whose counters changed; TownshipFigureRefresher recomputes them within seconds.
CREATE TABLE township_day (
  tenant_code text NOT NULL REFERENCES tenant (code) ON DELETE CASCADE,
  day         date NOT NULL,
  counters    jsonb NOT NULL,                   -- {"reports": 3, "reports.closed": 2, ...}
  PRIMARY KEY (tenant_code, day)
);

CREATE TABLE township_period (
  tenant_code text NOT NULL REFERENCES tenant (code) ON DELETE CASCADE,
  period      text NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4]|-[0-9]{2})?$'),  -- 2026, 2026-Q4, 2026-11
  counters    jsonb NOT NULL,                   -- flows summed over the period, stocks and levels at its end
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_code, period)
);
CREATE INDEX township_period_period_idx ON township_period (period, tenant_code);

CREATE TABLE township_day_dirty (
  tenant_code text NOT NULL REFERENCES tenant (code) ON DELETE CASCADE,
  day         date NOT NULL,
  marked_at   timestamptz NOT NULL DEFAULT now(),  -- the oldest pending change: figures are "as of" before it
  PRIMARY KEY (tenant_code, day)
);

-- Marks the township day of the row's timestamp column (TG_ARGV[0]), before and after the change.
CREATE FUNCTION mark_township_day_of(tenant text, at timestamptz) RETURNS void LANGUAGE sql AS $$
  INSERT INTO township_day_dirty (tenant_code, day)
  SELECT t.code, (at AT TIME ZONE t.time_zone)::date FROM tenant t WHERE t.code = tenant AND at IS NOT NULL
  ON CONFLICT DO NOTHING
$$;

CREATE FUNCTION mark_township_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM mark_township_day_of(OLD.tenant_id, (to_jsonb(OLD) ->> TG_ARGV[0])::timestamptz);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM mark_township_day_of(NEW.tenant_id, (to_jsonb(NEW) ->> TG_ARGV[0])::timestamptz);
  END IF;
  RETURN NULL;
END $$;

-- The rows the figures count, each by the day it belongs to (a report by the day it was filed).
CREATE TRIGGER township_day AFTER INSERT OR UPDATE OR DELETE ON rider
  FOR EACH ROW EXECUTE FUNCTION mark_township_day('created_at');
CREATE TRIGGER township_day AFTER INSERT OR UPDATE OR DELETE ON report
  FOR EACH ROW EXECUTE FUNCTION mark_township_day('created_at');
CREATE TRIGGER township_day AFTER INSERT OR UPDATE OR DELETE ON station
  FOR EACH ROW EXECUTE FUNCTION mark_township_day('created_at');
CREATE TRIGGER township_day AFTER INSERT OR UPDATE OR DELETE ON station_visit
  FOR EACH ROW EXECUTE FUNCTION mark_township_day('at');
CREATE TRIGGER township_day AFTER INSERT OR UPDATE OR DELETE ON friendly_community
  FOR EACH ROW EXECUTE FUNCTION mark_township_day('created_at');
CREATE TRIGGER township_day AFTER INSERT OR UPDATE OR DELETE ON epass
  FOR EACH ROW EXECUTE FUNCTION mark_township_day('issued_at');
CREATE TRIGGER township_day AFTER INSERT OR UPDATE OR DELETE ON merchant
  FOR EACH ROW EXECUTE FUNCTION mark_township_day('created_at');
CREATE TRIGGER township_day AFTER INSERT OR UPDATE OR DELETE ON merchant_discount_use
  FOR EACH ROW EXECUTE FUNCTION mark_township_day('at');
