-- Narrower rollups join those of `records`: two cuboids (persons;
-- workplaces) kept like the others, the linked records that distinct-person
-- counts need, and the data version at which each month last changed. The
-- trigger functions of the first rollups migration are replaced by ones
-- that keep them all, in the same way: one aggregate per statement and
-- rollup, upserted in key order so that concurrent writers cannot deadlock.

-- Rebuilds the linked records of the given keys from `records` as the
-- statement left them. A transaction-level lock serialises the rebuilds:
-- a writer that waits sees the other's committed records once it holds the
-- lock, so two imports carrying the same key at once cannot both miss
-- that it is shared.
CREATE FUNCTION analysis_relink(keys char(64)[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  shared char(64)[];
BEGIN
  IF cardinality(keys) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('analysis_linked_cube'));
  -- The keys now shared, then their records, each through the index on
  -- the key.
  shared := ARRAY(
    SELECT linkage_key FROM records
    WHERE linkage_key = ANY (keys)
    GROUP BY linkage_key
    HAVING count(*) > 1 OR sum(persons) > 1
  );
  DELETE FROM analysis_linked_cube WHERE linkage_key = ANY (keys);
  INSERT INTO analysis_linked_cube (
    observed_on, linkage_key, phenomenon, partner_id, source_grade,
    gender, age_band, citizenship, origin, transit, destination, area,
    exploitation, sector,
    persons, records
  )
  SELECT
    r.observed_on, r.linkage_key, r.phenomenon, r.partner_id,
    r.source_grade, r.gender, r.age_band, r.citizenship, r.origin,
    r.transit, r.destination, r.area, r.exploitation, r.sector,
    sum(r.persons), count(*)
  -- Joined to the keys rather than filtered by `= ANY (shared)`: after a
  -- few calls PL/pgSQL keeps a generic plan, which cannot see how short
  -- the array is and scans every record.
  FROM unnest(shared) AS s(linkage_key)
  JOIN records AS r ON r.linkage_key = s.linkage_key
  GROUP BY
    r.observed_on, r.linkage_key, r.phenomenon, r.partner_id,
    r.source_grade, r.gender, r.age_band, r.citizenship, r.origin,
    r.transit, r.destination, r.area, r.exploitation, r.sector;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analysis_rollups_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analysis_cube AS c (
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector
  ORDER BY
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_route_cube AS c (
    observed_on, phenomenon, citizenship, origin, transit, destination,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, origin, transit, destination,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, citizenship, origin, transit, destination
  ORDER BY
    observed_on, phenomenon, citizenship, origin, transit, destination
  ON CONFLICT ON CONSTRAINT analysis_route_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_profile_cube AS c (
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector
  ORDER BY
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_profile_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_person_cube AS c (
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation
  ORDER BY
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation
  ON CONFLICT ON CONSTRAINT analysis_person_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_sector_cube AS c (
    observed_on, phenomenon, citizenship, area, exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, area, exploitation, sector,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, citizenship, area, exploitation, sector
  ORDER BY
    observed_on, phenomenon, citizenship, area, exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_sector_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  PERFORM analysis_relink(ARRAY(
    SELECT DISTINCT linkage_key FROM (
      SELECT linkage_key FROM new_records WHERE linkage_key IS NOT NULL
    ) AS touched
  ));
  INSERT INTO analysis_month_versions (observed_on, version)
  SELECT observed_on, nextval('analysis_data_version')
  FROM (
    SELECT DISTINCT observed_on FROM (
      SELECT observed_on FROM new_records
    ) AS written
    ORDER BY observed_on
  ) AS months
  ON CONFLICT (observed_on) DO UPDATE SET version = excluded.version;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analysis_rollups_remove() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analysis_cube AS c (
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector
  ORDER BY
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_route_cube AS c (
    observed_on, phenomenon, citizenship, origin, transit, destination,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, origin, transit, destination,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, citizenship, origin, transit, destination
  ORDER BY
    observed_on, phenomenon, citizenship, origin, transit, destination
  ON CONFLICT ON CONSTRAINT analysis_route_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_profile_cube AS c (
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector
  ORDER BY
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_profile_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_person_cube AS c (
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation
  ORDER BY
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation
  ON CONFLICT ON CONSTRAINT analysis_person_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_sector_cube AS c (
    observed_on, phenomenon, citizenship, area, exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, area, exploitation, sector,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, citizenship, area, exploitation, sector
  ORDER BY
    observed_on, phenomenon, citizenship, area, exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_sector_cube_key DO UPDATE
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
  DELETE FROM analysis_person_cube
  WHERE records <= 0
    AND observed_on IN (SELECT DISTINCT observed_on FROM old_records);
  DELETE FROM analysis_sector_cube
  WHERE records <= 0
    AND observed_on IN (SELECT DISTINCT observed_on FROM old_records);
  PERFORM analysis_relink(ARRAY(
    SELECT DISTINCT linkage_key FROM (
      SELECT linkage_key FROM old_records WHERE linkage_key IS NOT NULL
    ) AS touched
  ));
  INSERT INTO analysis_month_versions (observed_on, version)
  SELECT observed_on, nextval('analysis_data_version')
  FROM (
    SELECT DISTINCT observed_on FROM (
      SELECT observed_on FROM old_records
    ) AS written
    ORDER BY observed_on
  ) AS months
  ON CONFLICT (observed_on) DO UPDATE SET version = excluded.version;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An UPDATE removes the old values and adds the new ones in one function:
-- transition tables are visible only to the trigger function itself.
CREATE OR REPLACE FUNCTION analysis_rollups_replace() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analysis_cube AS c (
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector
  ORDER BY
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_route_cube AS c (
    observed_on, phenomenon, citizenship, origin, transit, destination,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, origin, transit, destination,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, citizenship, origin, transit, destination
  ORDER BY
    observed_on, phenomenon, citizenship, origin, transit, destination
  ON CONFLICT ON CONSTRAINT analysis_route_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_profile_cube AS c (
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector
  ORDER BY
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_profile_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_person_cube AS c (
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation
  ORDER BY
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation
  ON CONFLICT ON CONSTRAINT analysis_person_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_sector_cube AS c (
    observed_on, phenomenon, citizenship, area, exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, area, exploitation, sector,
    -sum(persons), -count(*)
  FROM old_records
  GROUP BY
    observed_on, phenomenon, citizenship, area, exploitation, sector
  ORDER BY
    observed_on, phenomenon, citizenship, area, exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_sector_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_cube AS c (
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector
  ORDER BY
    observed_on, phenomenon, partner_id, source_grade, gender,
    age_band, citizenship, origin, transit, destination, area,
    exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_route_cube AS c (
    observed_on, phenomenon, citizenship, origin, transit, destination,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, origin, transit, destination,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, citizenship, origin, transit, destination
  ORDER BY
    observed_on, phenomenon, citizenship, origin, transit, destination
  ON CONFLICT ON CONSTRAINT analysis_route_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_profile_cube AS c (
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector
  ORDER BY
    observed_on, phenomenon, gender, age_band, citizenship, area,
    exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_profile_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_person_cube AS c (
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation
  ORDER BY
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation
  ON CONFLICT ON CONSTRAINT analysis_person_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_sector_cube AS c (
    observed_on, phenomenon, citizenship, area, exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, area, exploitation, sector,
    sum(persons), count(*)
  FROM new_records
  GROUP BY
    observed_on, phenomenon, citizenship, area, exploitation, sector
  ORDER BY
    observed_on, phenomenon, citizenship, area, exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_sector_cube_key DO UPDATE
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
  DELETE FROM analysis_person_cube
  WHERE records <= 0
    AND observed_on IN (SELECT DISTINCT observed_on FROM old_records);
  DELETE FROM analysis_sector_cube
  WHERE records <= 0
    AND observed_on IN (SELECT DISTINCT observed_on FROM old_records);
  PERFORM analysis_relink(ARRAY(
    SELECT DISTINCT linkage_key FROM (
      SELECT linkage_key FROM old_records WHERE linkage_key IS NOT NULL
      UNION SELECT linkage_key FROM new_records WHERE linkage_key IS NOT NULL
    ) AS touched
  ));
  INSERT INTO analysis_month_versions (observed_on, version)
  SELECT observed_on, nextval('analysis_data_version')
  FROM (
    SELECT DISTINCT observed_on FROM (
      SELECT observed_on FROM old_records
      UNION SELECT observed_on FROM new_records
    ) AS written
    ORDER BY observed_on
  ) AS months
  ON CONFLICT (observed_on) DO UPDATE SET version = excluded.version;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analysis_rollups_clear() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE analysis_cube, analysis_route_cube, analysis_profile_cube,
    analysis_person_cube, analysis_sector_cube, analysis_linked_cube;
  UPDATE analysis_month_versions
  SET version = nextval('analysis_data_version');
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Records stored before these rollups existed.
DO $$
BEGIN
  INSERT INTO analysis_person_cube AS c (
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation,
    persons, records
  )
  SELECT
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation,
    sum(persons), count(*)
  FROM records
  GROUP BY
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation
  ORDER BY
    observed_on, phenomenon, gender, age_band, citizenship,
    exploitation
  ON CONFLICT ON CONSTRAINT analysis_person_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_sector_cube AS c (
    observed_on, phenomenon, citizenship, area, exploitation, sector,
    persons, records
  )
  SELECT
    observed_on, phenomenon, citizenship, area, exploitation, sector,
    sum(persons), count(*)
  FROM records
  GROUP BY
    observed_on, phenomenon, citizenship, area, exploitation, sector
  ORDER BY
    observed_on, phenomenon, citizenship, area, exploitation, sector
  ON CONFLICT ON CONSTRAINT analysis_sector_cube_key DO UPDATE
    SET persons = c.persons + excluded.persons,
      records = c.records + excluded.records;
  INSERT INTO analysis_month_versions (observed_on, version)
  SELECT observed_on, nextval('analysis_data_version')
  FROM (SELECT DISTINCT observed_on FROM records ORDER BY 1) AS months;
  PERFORM analysis_relink(ARRAY(
    SELECT DISTINCT linkage_key FROM records WHERE linkage_key IS NOT NULL
  ));
END
$$;
