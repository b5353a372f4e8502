-- Narrower rollups join those of `records`: two cuboids (persons;
-- workplaces) kept like the others, the linked records that distinct-person
-- counts need, and the data version at which each month last changed. The
-- four trigger functions of the first rollups migration give way to one
-- that keeps them all from one list of cuboids.

-- The cuboids of `records`, each grouping by the columns of its unique key
-- `<cuboid>_key`: the schema (`db/schema/analysis.ts`) names those columns
-- once, and these statements read them from the catalog.
CREATE FUNCTION analysis_cuboids() RETURNS TABLE (cuboid text, columns text)
LANGUAGE sql STABLE AS $$
  SELECT t.cuboid, string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
  FROM unnest(ARRAY[
    'analysis_cube', 'analysis_route_cube', 'analysis_profile_cube',
    'analysis_person_cube', 'analysis_sector_cube'
  ]) AS t(cuboid)
  JOIN pg_constraint AS c ON c.conname = t.cuboid || '_key'
  CROSS JOIN unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
  JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
  GROUP BY t.cuboid
  ORDER BY t.cuboid
$$;
--> statement-breakpoint
-- The statements that add the records of `source` (a transition table, or
-- `records`) to every cuboid, each count times `sign`: one aggregate per
-- statement and cuboid, upserted in key order so that concurrent writers
-- lock rows in the same order and cannot deadlock. They are run with
-- EXECUTE by the trigger functions themselves, the only place where the
-- transition tables can be read.
CREATE FUNCTION analysis_cuboid_upserts(source text, sign integer)
RETURNS TABLE (cuboid text, statement text)
LANGUAGE sql STABLE AS $$
  SELECT cuboid, format(
    'INSERT INTO %1$I AS c (%2$s, persons, records)
     SELECT %2$s, %4$s * sum(persons), %4$s * count(*) FROM %3$I
     GROUP BY %2$s ORDER BY %2$s
     ON CONFLICT ON CONSTRAINT %5$I DO UPDATE
       SET persons = c.persons + excluded.persons,
         records = c.records + excluded.records',
    cuboid, columns, source, sign, cuboid || '_key')
  FROM analysis_cuboids()
$$;
--> statement-breakpoint
-- The statements that drop the combinations a removal left empty, in the
-- months of `old_records`.
CREATE FUNCTION analysis_cuboid_prunes() RETURNS SETOF text
LANGUAGE sql STABLE AS $$
  SELECT format(
    'DELETE FROM %I WHERE records <= 0
       AND observed_on IN (SELECT DISTINCT observed_on FROM old_records)',
    cuboid)
  FROM analysis_cuboids()
$$;
--> statement-breakpoint
-- One column of every table in `sources`, as one query.
CREATE FUNCTION analysis_column_of(name text, sources text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(format('SELECT %I FROM %I', name, source), ' UNION ALL ')
  FROM unnest(sources) AS source
$$;
--> statement-breakpoint
-- Stamps the months of `sources` with a new data version, once each and in
-- month order.
CREATE FUNCTION analysis_month_stamp(sources text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format(
    'INSERT INTO analysis_month_versions (observed_on, version)
     SELECT observed_on, nextval(''analysis_data_version'')
     FROM (SELECT DISTINCT observed_on FROM (%s) AS written ORDER BY 1)
       AS months
     ON CONFLICT (observed_on) DO UPDATE SET version = excluded.version',
    analysis_column_of('observed_on', sources))
$$;
--> statement-breakpoint
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
-- Empties every rollup and gives every month a new data version, so that
-- kept counts are read again.
CREATE FUNCTION analysis_rollups_empty() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE 'TRUNCATE analysis_linked_cube, ' || (
    SELECT string_agg(quote_ident(cuboid), ', ') FROM analysis_cuboids()
  );
  UPDATE analysis_month_versions
  SET version = nextval('analysis_data_version');
END
$$;
--> statement-breakpoint
-- Keeps the rollups of every statement that writes `records`: the removed
-- records (`old_records`) are taken away and the added ones
-- (`new_records`) counted in, so an UPDATE is a removal and an addition.
-- The transition tables are visible only to this function, hence the
-- statements it runs itself.
CREATE FUNCTION analysis_rollups_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  transitions text[] := CASE TG_OP
    WHEN 'INSERT' THEN ARRAY['new_records']
    WHEN 'DELETE' THEN ARRAY['old_records']
    WHEN 'UPDATE' THEN ARRAY['old_records', 'new_records']
  END;
  transition text;
  upsert record;
  prune text;
  keys char(64)[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM analysis_rollups_empty();
    RETURN NULL;
  END IF;
  FOREACH transition IN ARRAY transitions LOOP
    FOR upsert IN
      SELECT * FROM analysis_cuboid_upserts(
        transition, CASE transition WHEN 'old_records' THEN -1 ELSE 1 END
      )
    LOOP
      EXECUTE upsert.statement;
    END LOOP;
  END LOOP;
  IF TG_OP <> 'INSERT' THEN
    FOR prune IN SELECT analysis_cuboid_prunes() LOOP
      EXECUTE prune;
    END LOOP;
  END IF;
  EXECUTE format(
    'SELECT ARRAY(SELECT DISTINCT linkage_key FROM (%s) AS touched
       WHERE linkage_key IS NOT NULL)',
    analysis_column_of('linkage_key', transitions)
  ) INTO keys;
  PERFORM analysis_relink(keys);
  EXECUTE analysis_month_stamp(transitions);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER records_analysis_add
  AFTER INSERT ON records REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_rollups_apply();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER records_analysis_remove
  AFTER DELETE ON records REFERENCING OLD TABLE AS old_records
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_rollups_apply();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER records_analysis_replace
  AFTER UPDATE ON records
  REFERENCING OLD TABLE AS old_records NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_rollups_apply();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER records_analysis_clear
  AFTER TRUNCATE ON records
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_rollups_apply();
--> statement-breakpoint
DROP FUNCTION analysis_rollups_add(), analysis_rollups_remove(),
  analysis_rollups_replace(), analysis_rollups_clear();
--> statement-breakpoint
-- Rebuilds every rollup from `records`: for the records stored before
-- these rollups existed, or to mend rollups that drifted.
CREATE FUNCTION analysis_rollups_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  upsert record;
BEGIN
  PERFORM analysis_rollups_empty();
  FOR upsert IN SELECT * FROM analysis_cuboid_upserts('records', 1) LOOP
    EXECUTE upsert.statement;
  END LOOP;
  EXECUTE analysis_month_stamp(ARRAY['records']);
  PERFORM analysis_relink(ARRAY(
    SELECT DISTINCT linkage_key FROM records WHERE linkage_key IS NOT NULL
  ));
END
$$;
--> statement-breakpoint
SELECT analysis_rollups_rebuild();
