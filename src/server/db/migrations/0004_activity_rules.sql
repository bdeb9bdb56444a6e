CREATE TABLE "activity_partnerships" (
	"activity_id" integer NOT NULL,
	"partnership_id" integer NOT NULL,
	CONSTRAINT "activity_partnerships_activity_id_partnership_id_pk" PRIMARY KEY("activity_id","partnership_id")
);
--> statement-breakpoint
CREATE TABLE "office_rules" (
	"scope_code" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "leader" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "participants" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "days" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "approval_ref" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "cost_sharing" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "fields" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "sources" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "anniversary" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_partnerships" ADD CONSTRAINT "activity_partnerships_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_partnerships" ADD CONSTRAINT "activity_partnerships_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_partnerships_partnership_idx" ON "activity_partnerships" USING btree ("partnership_id","activity_id");--> statement-breakpoint
-- Existing activities belong to their primary partnership.
INSERT INTO "activity_partnerships" ("activity_id", "partnership_id") SELECT "id", "partnership_id" FROM "activities";
