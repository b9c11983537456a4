CREATE TABLE `pending_backfills` (
	`name` text PRIMARY KEY NOT NULL,
	`after_id` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `inquiries` ADD `citizen_phone_hmac` text;--> statement-breakpoint
CREATE INDEX `inquiries_phone_hmac_idx` ON `inquiries` (`citizen_phone_hmac`,`received_at`) WHERE citizen_phone_hmac is not null;--> statement-breakpoint
CREATE INDEX `inquiries_search_cover_idx` ON `inquiries` (`id`,`channel_code`,`status`,`received_at`);--> statement-breakpoint
-- Search over subject and body by the domain's tokens (packages/domain search/tokens.ts: Han
-- bigrams, words, digit runs), written already split by the code that inserts an inquiry, in its
-- transaction (db/search-index.ts): SQL cannot compute them. Contentless (the text stays in
-- inquiries only); `ascii` splits on the single spaces between tokens and keeps every other
-- character, so the index holds exactly the domain's tokens. It replaces the trigram table, which
-- could not look up 1- and 2-character terms (those scanned every row with instr()).
DROP TRIGGER `inquiries_fts_ai`;--> statement-breakpoint
DROP TRIGGER `inquiries_fts_ad`;--> statement-breakpoint
DROP TRIGGER `inquiries_fts_au`;--> statement-breakpoint
DROP TABLE `inquiries_fts`;--> statement-breakpoint
CREATE VIRTUAL TABLE `inquiry_search` USING fts5(subject, body, content='', contentless_delete=1, tokenize='ascii');
--> statement-breakpoint
-- a deleted inquiry (an import undone) leaves the index in the same statement
CREATE TRIGGER `inquiry_search_ad` AFTER DELETE ON `inquiries` BEGIN
  DELETE FROM inquiry_search WHERE rowid = old.id;
END;
--> statement-breakpoint
-- the tokens and phone HMACs of the inquiries that exist now are written by the code that opens
-- the database (db/search-backfill.ts)
INSERT INTO `pending_backfills` (`name`) SELECT 'inquiry_search' WHERE EXISTS (SELECT 1 FROM inquiries);
