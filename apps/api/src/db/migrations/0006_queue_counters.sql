CREATE TABLE `inquiry_counts` (
	`channel_code` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`channel_code`, `status`)
);
--> statement-breakpoint
CREATE INDEX `inquiries_pending_due_idx` ON `inquiries` (`due_at`,`id`) WHERE status in ('new', 'assigned');--> statement-breakpoint
INSERT INTO `inquiry_counts` (`channel_code`, `status`, `n`) SELECT `channel_code`, `status`, count(*) FROM `inquiries` GROUP BY `channel_code`, `status`;
--> statement-breakpoint
CREATE TRIGGER `inquiry_counts_ai` AFTER INSERT ON `inquiries` BEGIN
  INSERT INTO inquiry_counts (channel_code, status, n) VALUES (new.channel_code, new.status, 1)
    ON CONFLICT (channel_code, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `inquiry_counts_ad` AFTER DELETE ON `inquiries` BEGIN
  UPDATE inquiry_counts SET n = n - 1 WHERE channel_code = old.channel_code AND status = old.status;
END;
--> statement-breakpoint
CREATE TRIGGER `inquiry_counts_au` AFTER UPDATE OF status, channel_code ON `inquiries`
  WHEN old.status IS NOT new.status OR old.channel_code IS NOT new.channel_code BEGIN
  UPDATE inquiry_counts SET n = n - 1 WHERE channel_code = old.channel_code AND status = old.status;
  INSERT INTO inquiry_counts (channel_code, status, n) VALUES (new.channel_code, new.status, 1)
    ON CONFLICT (channel_code, status) DO UPDATE SET n = n + 1;
END;
