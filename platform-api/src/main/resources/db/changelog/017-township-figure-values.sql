--liquibase formatted sql

--changeset fengxing:017-township-figure-values
-- Each period's figure values, computed from its counters when it is rolled up, so a province's comparison reads a
-- few numbers per township instead of every counter. figure_set names the figures and their order (a release that
-- registers new figures revalues the rows of the old set); counters stay the source the values are made from.
ALTER TABLE township_period ADD COLUMN figures float8[];
ALTER TABLE township_period ADD COLUMN figure_set text;
