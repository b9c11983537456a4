-- Full-text search over subject and body. The trigram tokenizer matches Chinese text without a
-- word segmenter for queries of 3+ characters; shorter terms fall back to instr() on the base
-- table (see inquiries.repo.ts). External-content table: the text is stored once, in inquiries.
CREATE VIRTUAL TABLE `inquiries_fts` USING fts5(subject, body, content='inquiries', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `inquiries_fts_ai` AFTER INSERT ON `inquiries` BEGIN
  INSERT INTO inquiries_fts(rowid, subject, body) VALUES (new.id, new.subject, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `inquiries_fts_ad` AFTER DELETE ON `inquiries` BEGIN
  INSERT INTO inquiries_fts(inquiries_fts, rowid, subject, body) VALUES ('delete', old.id, old.subject, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `inquiries_fts_au` AFTER UPDATE OF subject, body ON `inquiries` BEGIN
  INSERT INTO inquiries_fts(inquiries_fts, rowid, subject, body) VALUES ('delete', old.id, old.subject, old.body);
  INSERT INTO inquiries_fts(rowid, subject, body) VALUES (new.id, new.subject, new.body);
END;
