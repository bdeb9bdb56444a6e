CREATE TABLE "match_dismissals" (
	"id" serial PRIMARY KEY NOT NULL,
	"cn_code" text NOT NULL,
	"candidate_key" text NOT NULL,
	"name" text NOT NULL,
	"country_iso2" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_policies" (
	"scope_code" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"side" text NOT NULL,
	"owner_scope" text NOT NULL,
	"owner_province_code" text NOT NULL,
	"owner_prefecture_code" text,
	"cn_code" text,
	"foreign_place_id" integer,
	"profile" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"wished_countries" text[] DEFAULT '{}' NOT NULL,
	"wished_regions" text[] DEFAULT '{}' NOT NULL,
	"wished_provinces" text[] DEFAULT '{}' NOT NULL,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"size_wished" text,
	"contact_id" integer,
	"source" text,
	"source_url" text,
	"received_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"status_reason" text,
	"expires_on" date NOT NULL,
	"partnership_id" integer,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"search" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_requests_side_ck" CHECK (("match_requests"."side" = 'cn' and "match_requests"."cn_code" is not null and "match_requests"."foreign_place_id" is null) or ("match_requests"."side" = 'foreign' and "match_requests"."foreign_place_id" is not null and "match_requests"."cn_code" is null))
);
--> statement-breakpoint
CREATE TABLE "match_shortlist" (
	"id" serial PRIMARY KEY NOT NULL,
	"cn_code" text NOT NULL,
	"candidate_key" text NOT NULL,
	"name" text NOT NULL,
	"country_iso2" text NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_dismissals" ADD CONSTRAINT "match_dismissals_cn_code_cn_divisions_code_fk" FOREIGN KEY ("cn_code") REFERENCES "public"."cn_divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_owner_scope_cn_divisions_code_fk" FOREIGN KEY ("owner_scope") REFERENCES "public"."cn_divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_cn_code_cn_divisions_code_fk" FOREIGN KEY ("cn_code") REFERENCES "public"."cn_divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_foreign_place_id_foreign_places_id_fk" FOREIGN KEY ("foreign_place_id") REFERENCES "public"."foreign_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_shortlist" ADD CONSTRAINT "match_shortlist_cn_code_cn_divisions_code_fk" FOREIGN KEY ("cn_code") REFERENCES "public"."cn_divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "match_dismissals_key_idx" ON "match_dismissals" USING btree ("cn_code","candidate_key");--> statement-breakpoint
CREATE INDEX "match_requests_owner_idx" ON "match_requests" USING btree ("owner_scope");--> statement-breakpoint
CREATE INDEX "match_requests_province_idx" ON "match_requests" USING btree ("owner_province_code");--> statement-breakpoint
CREATE INDEX "match_requests_prefecture_idx" ON "match_requests" USING btree ("owner_prefecture_code");--> statement-breakpoint
CREATE INDEX "match_requests_status_idx" ON "match_requests" USING btree ("status","side");--> statement-breakpoint
CREATE INDEX "match_requests_cn_idx" ON "match_requests" USING btree ("cn_code");--> statement-breakpoint
CREATE INDEX "match_requests_place_idx" ON "match_requests" USING btree ("foreign_place_id");--> statement-breakpoint
CREATE UNIQUE INDEX "match_shortlist_key_idx" ON "match_shortlist" USING btree ("cn_code","candidate_key");