DROP INDEX "partnerships_province_idx";--> statement-breakpoint
CREATE INDEX "partnerships_province_kind_idx" ON "partnerships" USING btree ("province_code","kind","established_on","ended_on");