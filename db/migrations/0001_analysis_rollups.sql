-- Keeps the analysis rollups in step with `records`. Statement-level
-- triggers with transition tables aggregate a whole INSERT, DELETE or UPDATE
-- once, so a bulk import of a million rows costs one GROUP BY per rollup
-- rather than a million row-level upserts. Removals add negative counts
-- through the same unique key, then drop the combinations left empty.
-- Rows are upserted in key order so that concurrent writers lock them in the
-- same order and cannot deadlock each other.
CREATE FUNCTION analysis_rollups_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analysis_cube AS c (
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector
  ORDER BY
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector
  ON CONFLICT ON CONSTRAINT analysis_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_route_cube AS c (
    observed_on, phenomenon, citizenship, origin,
    transit, destination,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, origin,
    transit, destination,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, citizenship, origin,
    transit, destination
  ORDER BY
    observed_on, phenomenon, citizenship, origin,
    transit, destination
  ON CONFLICT ON CONSTRAINT analysis_route_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_profile_cube AS c (
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector
  ORDER BY
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_profile_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION analysis_rollups_remove() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analysis_cube AS c (
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector
  ORDER BY
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector
  ON CONFLICT ON CONSTRAINT analysis_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_route_cube AS c (
    observed_on, phenomenon, citizenship, origin,
    transit, destination,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, origin,
    transit, destination,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, citizenship, origin,
    transit, destination
  ORDER BY
    observed_on, phenomenon, citizenship, origin,
    transit, destination
  ON CONFLICT ON CONSTRAINT analysis_route_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_profile_cube AS c (
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector
  ORDER BY
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_profile_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  DELETE FROM analysis_cube
  WHERE records <= 0
    AND observed_on IN (SELECT DISTINCT observed_on FROM old_records);
  DELETE FROM analysis_route_cube
  WHERE records <= 0
    AND observed_on IN (SELECT DISTINCT observed_on FROM old_records);
  DELETE FROM analysis_profile_cube
  WHERE records <= 0
    AND observed_on IN (SELECT DISTINCT observed_on FROM old_records);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An UPDATE sees both transition tables; it removes the old values and adds
-- the new ones in one function because transition tables are visible only
-- to the trigger function itself.
CREATE FUNCTION analysis_rollups_replace() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analysis_cube AS c (
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector
  ORDER BY
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector
  ON CONFLICT ON CONSTRAINT analysis_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_route_cube AS c (
    observed_on, phenomenon, citizenship, origin,
    transit, destination,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, origin,
    transit, destination,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, citizenship, origin,
    transit, destination
  ORDER BY
    observed_on, phenomenon, citizenship, origin,
    transit, destination
  ON CONFLICT ON CONSTRAINT analysis_route_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_profile_cube AS c (
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector
  ORDER BY
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_profile_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_cube AS c (
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector
  ORDER BY
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector
  ON CONFLICT ON CONSTRAINT analysis_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_route_cube AS c (
    observed_on, phenomenon, citizenship, origin,
    transit, destination,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, origin,
    transit, destination,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, citizenship, origin,
    transit, destination
  ORDER BY
    observed_on, phenomenon, citizenship, origin,
    transit, destination
  ON CONFLICT ON CONSTRAINT analysis_route_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_profile_cube AS c (
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector
  ORDER BY
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_profile_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  DELETE FROM analysis_cube
  WHERE records <= 0
    AND observed_on IN (SELECT DISTINCT observed_on FROM old_records);
  DELETE FROM analysis_route_cube
  WHERE records <= 0
    AND observed_on IN (SELECT DISTINCT observed_on FROM old_records);
  DELETE FROM analysis_profile_cube
  WHERE records <= 0
    AND observed_on IN (SELECT DISTINCT observed_on FROM old_records);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION analysis_rollups_clear() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE analysis_cube, analysis_route_cube, analysis_profile_cube;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER records_analysis_add
  AFTER INSERT ON records REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_rollups_add();
--> statement-breakpoint
CREATE TRIGGER records_analysis_remove
  AFTER DELETE ON records REFERENCING OLD TABLE AS old_records
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_rollups_remove();
--> statement-breakpoint
CREATE TRIGGER records_analysis_replace
  AFTER UPDATE ON records
  REFERENCING OLD TABLE AS old_records NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_rollups_replace();
--> statement-breakpoint
CREATE TRIGGER records_analysis_clear
  AFTER TRUNCATE ON records
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_rollups_clear();
--> statement-breakpoint
-- Records stored before the rollups existed.
DO $$
BEGIN
  INSERT INTO analysis_cube AS c (
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector,
    sum(persons), count(*)
  FROM records
  GROUP BY
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector
  ORDER BY
    observed_on, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin,
    transit, destination, area, exploitation,
    sector
  ON CONFLICT ON CONSTRAINT analysis_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_route_cube AS c (
    observed_on, phenomenon, citizenship, origin,
    transit, destination,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, origin,
    transit, destination,
    sum(persons), count(*)
  FROM records
  GROUP BY
    observed_on, phenomenon, citizenship, origin,
    transit, destination
  ORDER BY
    observed_on, phenomenon, citizenship, origin,
    transit, destination
  ON CONFLICT ON CONSTRAINT analysis_route_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_profile_cube AS c (
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector,
    sum(persons), count(*)
  FROM records
  GROUP BY
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector
  ORDER BY
    observed_on, phenomenon, gender, age_band,
    citizenship, area, exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_profile_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
END
$$;
