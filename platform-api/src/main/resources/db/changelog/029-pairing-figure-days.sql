--liquibase formatted sql

--changeset fengxing:029-pairing-figure-days splitStatements:false
-- Regional comparison counts pairings active on each day from start_on to end_on (open: up to today), so a change of
-- a pairing changes every one of those days: a change marks its first day and the day after its last (today for an
-- open one), before and after, so that the recount spans them all (an ended pairing no longer counts from the day
-- after its end; one recorded today with an earlier start counts from that start).
DROP TRIGGER township_day ON pairing;

CREATE FUNCTION mark_pairing_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r pairing;
BEGIN
  FOREACH r IN ARRAY ARRAY[OLD, NEW] LOOP
    CONTINUE WHEN r IS NULL OR r.tenant_id IS NULL;
    INSERT INTO township_day_dirty (tenant_code, day)
    SELECT r.tenant_id, d FROM unnest(ARRAY[r.start_on, coalesce(r.end_on + 1,
           (SELECT (now() AT TIME ZONE t.time_zone)::date FROM tenant t WHERE t.code = r.tenant_id))]) d
     WHERE d IS NOT NULL;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER township_day AFTER INSERT OR UPDATE OR DELETE ON pairing
  FOR EACH ROW EXECUTE FUNCTION mark_pairing_days();
