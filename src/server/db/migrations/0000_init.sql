CREATE TABLE "activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"partnership_id" integer NOT NULL,
	"type" text NOT NULL,
	"occurred_on" date NOT NULL,
	"title_zh" text,
	"title_en" text,
	"description" text,
	"source_url" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benchmarks" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope_code" text NOT NULL,
	"kind" text NOT NULL,
	"total" integer NOT NULL,
	"provincial" integer,
	"city" integer,
	"county" integer,
	"countries" integer,
	"as_of" date NOT NULL,
	"as_of_precision" text NOT NULL,
	"source" text NOT NULL,
	"source_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cn_divisions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"search" text NOT NULL,
	"sort_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"iso2" text PRIMARY KEY NOT NULL,
	"iso3" text NOT NULL,
	"numeric" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"continent" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "country_group_members" (
	"group_code" text NOT NULL,
	"country_iso2" text NOT NULL,
	"joined_on" date,
	"source" text,
	CONSTRAINT "country_group_members_group_code_country_iso2_pk" PRIMARY KEY("group_code","country_iso2")
);
--> statement-breakpoint
CREATE TABLE "country_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "foreign_places" (
	"id" serial PRIMARY KEY NOT NULL,
	"country_iso2" text NOT NULL,
	"name_zh" text,
	"name_en" text,
	"name_local" text,
	"admin_level" text,
	"name_key" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"population" integer,
	"geonames_id" integer,
	"wikidata_id" text,
	"search" text NOT NULL,
	"sort_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gazetteer" (
	"geonames_id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"country_iso2" text NOT NULL,
	"feature_code" text,
	"population" integer,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"target" text NOT NULL,
	"summary" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" serial PRIMARY KEY NOT NULL,
	"cn_code" text NOT NULL,
	"province_code" text NOT NULL,
	"prefecture_code" text,
	"level" text NOT NULL,
	"foreign_place_id" integer NOT NULL,
	"country_iso2" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"established_on" date,
	"established_precision" text,
	"ended_on" date,
	"ended_reason" text,
	"source_url" text,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"search" text NOT NULL,
	"sort_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country_group_members" ADD CONSTRAINT "country_group_members_group_code_country_groups_code_fk" FOREIGN KEY ("group_code") REFERENCES "public"."country_groups"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country_group_members" ADD CONSTRAINT "country_group_members_country_iso2_countries_iso2_fk" FOREIGN KEY ("country_iso2") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foreign_places" ADD CONSTRAINT "foreign_places_country_iso2_countries_iso2_fk" FOREIGN KEY ("country_iso2") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_cn_code_cn_divisions_code_fk" FOREIGN KEY ("cn_code") REFERENCES "public"."cn_divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_foreign_place_id_foreign_places_id_fk" FOREIGN KEY ("foreign_place_id") REFERENCES "public"."foreign_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_partnership_idx" ON "activities" USING btree ("partnership_id","occurred_on");--> statement-breakpoint
CREATE INDEX "activities_occurred_idx" ON "activities" USING btree ("occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmarks_natural_key_idx" ON "benchmarks" USING btree ("scope_code","kind","as_of","total");--> statement-breakpoint
CREATE INDEX "cn_divisions_parent_idx" ON "cn_divisions" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "foreign_places_country_key_idx" ON "foreign_places" USING btree ("country_iso2","name_key");--> statement-breakpoint
CREATE INDEX "gazetteer_country_name_idx" ON "gazetteer" USING btree ("country_iso2","name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "partnerships_natural_key_idx" ON "partnerships" USING btree ("cn_code","foreign_place_id","kind");--> statement-breakpoint
CREATE INDEX "partnerships_cn_code_idx" ON "partnerships" USING btree ("cn_code");--> statement-breakpoint
CREATE INDEX "partnerships_province_idx" ON "partnerships" USING btree ("province_code","established_on");--> statement-breakpoint
CREATE INDEX "partnerships_prefecture_idx" ON "partnerships" USING btree ("prefecture_code");--> statement-breakpoint
CREATE INDEX "partnerships_sort_idx" ON "partnerships" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "partnerships_country_idx" ON "partnerships" USING btree ("country_iso2");--> statement-breakpoint
CREATE INDEX "partnerships_established_idx" ON "partnerships" USING btree ("established_on");