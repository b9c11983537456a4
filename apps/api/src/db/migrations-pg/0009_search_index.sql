-- Search over subject and body by the domain's tokens (packages/domain search/tokens.ts: Han
-- bigrams, words, digit runs), the tokens SQLite's FTS5 table `inquiry_search` holds. Written as
-- tsvector literals by the code that inserts an inquiry, in its transaction (db/search-pg.ts):
-- SQL cannot compute the tokens, and to_tsvector's parser would split text its own way. A long
-- text takes several rows (`part`), each within PostgreSQL's position limits.
CREATE TABLE "inquiry_search" (
	"inquiry_id" integer NOT NULL REFERENCES "inquiries"("id") ON DELETE CASCADE,
	"part" smallint NOT NULL,
	"doc" tsvector NOT NULL,
	PRIMARY KEY ("inquiry_id", "part")
);
--> statement-breakpoint
CREATE INDEX "inquiry_search_doc_idx" ON "inquiry_search" USING gin ("doc");
--> statement-breakpoint
-- the tokens and phone HMACs of the inquiries that exist now are written by the code that opens
-- the database (db/search-backfill.ts)
INSERT INTO "pending_backfills" ("name") SELECT 'inquiry_search' WHERE EXISTS (SELECT 1 FROM "inquiries") ON CONFLICT DO NOTHING;
