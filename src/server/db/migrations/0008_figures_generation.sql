-- The figures' generation: a number in meta that every committed change able to alter a figure
-- raises, in the change's own transaction, so that a figure computed at generation G is known to
-- be current while meta still says G (see figures/figure-cache.ts). A change that cannot alter a
-- figure (a partnership's notes, source or version) leaves it alone, so editing notes keeps the
-- figures cached.
INSERT INTO meta (key, value) VALUES ('figures_generation', '1') ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION figures_generation_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'figures_generation';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- An update of partnerships raises it only when a row changed in a column other than these.
CREATE FUNCTION figures_generation_raise_on_pair_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ignored text[] := ARRAY['notes', 'source_url', 'ended_reason', 'search', 'sort_key', 'version', 'updated_at'];
BEGIN
  IF EXISTS (
    SELECT 1 FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
    WHERE o.id IS NULL OR (to_jsonb(o) - ignored) IS DISTINCT FROM (to_jsonb(n) - ignored)
  ) THEN
    UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'figures_generation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER partnerships_figures_insert AFTER INSERT ON partnerships
  FOR EACH STATEMENT EXECUTE FUNCTION figures_generation_raise();
--> statement-breakpoint
CREATE TRIGGER partnerships_figures_delete AFTER DELETE ON partnerships
  FOR EACH STATEMENT EXECUTE FUNCTION figures_generation_raise();
--> statement-breakpoint
CREATE TRIGGER partnerships_figures_truncate AFTER TRUNCATE ON partnerships
  FOR EACH STATEMENT EXECUTE FUNCTION figures_generation_raise();
--> statement-breakpoint
CREATE TRIGGER partnerships_figures_update AFTER UPDATE ON partnerships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION figures_generation_raise_on_pair_update();
--> statement-breakpoint
CREATE TRIGGER foreign_places_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON foreign_places
  FOR EACH STATEMENT EXECUTE FUNCTION figures_generation_raise();
--> statement-breakpoint
CREATE TRIGGER countries_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON countries
  FOR EACH STATEMENT EXECUTE FUNCTION figures_generation_raise();
--> statement-breakpoint
CREATE TRIGGER cn_divisions_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cn_divisions
  FOR EACH STATEMENT EXECUTE FUNCTION figures_generation_raise();
--> statement-breakpoint
CREATE TRIGGER country_groups_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON country_groups
  FOR EACH STATEMENT EXECUTE FUNCTION figures_generation_raise();
--> statement-breakpoint
CREATE TRIGGER country_group_members_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON country_group_members
  FOR EACH STATEMENT EXECUTE FUNCTION figures_generation_raise();
--> statement-breakpoint
CREATE TRIGGER benchmarks_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benchmarks
  FOR EACH STATEMENT EXECUTE FUNCTION figures_generation_raise();
