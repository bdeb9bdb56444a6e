CREATE TABLE "open_scopes" (
	"cn_code" text PRIMARY KEY NOT NULL,
	"is_public" boolean NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cn_divisions" ADD COLUMN "wikidata_id" text;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "is_public" boolean;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "notes_internal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Publishing a pair or marking its notes internal changes no figure: the figures stay cached.
CREATE OR REPLACE FUNCTION figures_generation_raise_on_pair_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ignored text[] := ARRAY['notes', 'source_url', 'ended_reason', 'search', 'sort_key', 'version', 'updated_at',
    'is_public', 'notes_internal'];
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
