CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "partnerships_search_trgm_idx" ON "partnerships" USING gin ("search" gin_trgm_ops);