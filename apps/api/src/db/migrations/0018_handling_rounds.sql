ALTER TABLE `channel_settings` ADD `reopen_on_message` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `inquiries` ADD `round` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `inquiries` ADD `round_started_at` integer;--> statement-breakpoint
ALTER TABLE `inquiries` ADD `first_due_at` integer;--> statement-breakpoint
ALTER TABLE `inquiries` ADD `urged_at` integer;--> statement-breakpoint
CREATE INDEX `inquiries_urged_idx` ON `inquiries` (`urged_at`) WHERE urged_at is not null;--> statement-breakpoint
CREATE INDEX `inquiries_reopened_idx` ON `inquiries` (`round`) WHERE round > 1;;--> statement-breakpoint
-- The first reply is on time against the first round's due instant: a later round (a citizen's
-- message on an answered inquiry) moves due_at and keeps the first in first_due_at.
DROP TRIGGER inquiry_day_channel_stats_ai;--> statement-breakpoint
DROP TRIGGER inquiry_day_channel_stats_ad;--> statement-breakpoint
DROP TRIGGER inquiry_day_channel_stats_au;--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_stats_ai AFTER INSERT ON inquiries BEGIN
  INSERT INTO inquiry_day_channel_stats (day, channel_code, status, reply_day, on_time, satisfaction, n)
    VALUES ((new.received_at + 28800000) / 86400000, new.channel_code, new.status, ifnull((new.replied_at + 28800000) / 86400000, -1), ifnull(new.replied_at <= coalesce(new.first_due_at, new.due_at), 0), ifnull(new.satisfaction, ''), 1)
    ON CONFLICT (day, channel_code, status, reply_day, on_time, satisfaction) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_stats_ad AFTER DELETE ON inquiries BEGIN
  UPDATE inquiry_day_channel_stats SET n = n - 1
    WHERE day = (old.received_at + 28800000) / 86400000
      AND channel_code = old.channel_code
      AND status = old.status
      AND reply_day = ifnull((old.replied_at + 28800000) / 86400000, -1)
      AND on_time = ifnull(old.replied_at <= coalesce(old.first_due_at, old.due_at), 0)
      AND satisfaction = ifnull(old.satisfaction, '');
END;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_stats_au AFTER UPDATE OF received_at, channel_code, status, replied_at, due_at, first_due_at, satisfaction ON inquiries
  WHEN old.received_at IS NOT new.received_at
    OR old.channel_code IS NOT new.channel_code
    OR old.status IS NOT new.status
    OR old.replied_at IS NOT new.replied_at
    OR old.due_at IS NOT new.due_at
    OR old.first_due_at IS NOT new.first_due_at
    OR old.satisfaction IS NOT new.satisfaction BEGIN
  UPDATE inquiry_day_channel_stats SET n = n - 1
    WHERE day = (old.received_at + 28800000) / 86400000
      AND channel_code = old.channel_code
      AND status = old.status
      AND reply_day = ifnull((old.replied_at + 28800000) / 86400000, -1)
      AND on_time = ifnull(old.replied_at <= coalesce(old.first_due_at, old.due_at), 0)
      AND satisfaction = ifnull(old.satisfaction, '');
  INSERT INTO inquiry_day_channel_stats (day, channel_code, status, reply_day, on_time, satisfaction, n)
    VALUES ((new.received_at + 28800000) / 86400000, new.channel_code, new.status, ifnull((new.replied_at + 28800000) / 86400000, -1), ifnull(new.replied_at <= coalesce(new.first_due_at, new.due_at), 0), ifnull(new.satisfaction, ''), 1)
    ON CONFLICT (day, channel_code, status, reply_day, on_time, satisfaction) DO UPDATE SET n = n + 1;
END;
