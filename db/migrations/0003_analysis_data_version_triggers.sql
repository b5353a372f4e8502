-- Bumps the analysis data version once per statement that writes records,
-- whatever it writes, so that cached analyses (the signals) know their
-- rollups changed. nextval never waits for other writers and is never
-- rolled back: a rolled-back write only costs a needless recomputation.
CREATE FUNCTION analysis_data_version_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('analysis_data_version');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER records_analysis_data_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON records
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_data_version_bump();
