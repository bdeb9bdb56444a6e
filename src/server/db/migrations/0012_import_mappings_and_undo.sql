CREATE TABLE "import_mappings" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope_code" text NOT NULL,
	"name" text NOT NULL,
	"mapping" json NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "actor_name" text;--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "scope_code" text;--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "undone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "undone_by" text;--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_scope_name_idx" ON "import_mappings" USING btree ("scope_code","name");