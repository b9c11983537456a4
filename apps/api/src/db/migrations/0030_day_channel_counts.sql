-- The dashboard's per-channel day summary with its counts as columns (schema.ts
-- inquiryDayChannelCounts): one row per day of receipt, channel and day of first reply instead of
-- one per status, on-time flag and satisfaction as well, which at 10,000,000 inquiries made a
-- year's dashboard read and group several hundred thousand rows. Pending is status new or
-- assigned, rated a satisfaction other than none, satisfied 满意 or 基本满意 (domain
-- PENDING_STATUSES, POSITIVE_SATISFACTIONS); on time as before: the first reply by the first
-- round's due instant.
CREATE TABLE `inquiry_day_channel_counts` (
	`day` integer NOT NULL,
	`channel_code` text NOT NULL,
	`reply_day` integer NOT NULL,
	`n` integer NOT NULL,
	`pending` integer NOT NULL,
	`on_time` integer NOT NULL,
	`rated` integer NOT NULL,
	`satisfied` integer NOT NULL,
	PRIMARY KEY(`day`, `channel_code`, `reply_day`)
);
--> statement-breakpoint
DROP TRIGGER inquiry_day_channel_stats_ai;--> statement-breakpoint
DROP TRIGGER inquiry_day_channel_stats_ad;--> statement-breakpoint
DROP TRIGGER inquiry_day_channel_stats_au;--> statement-breakpoint
-- the new rows from the old summary, which its triggers kept exact: no pass over the inquiries
INSERT INTO inquiry_day_channel_counts (day, channel_code, reply_day, n, pending, on_time, rated, satisfied)
  SELECT day, channel_code, reply_day, sum(n),
    sum(CASE WHEN status IN ('new', 'assigned') THEN n ELSE 0 END),
    sum(CASE WHEN on_time = 1 THEN n ELSE 0 END),
    sum(CASE WHEN satisfaction <> '' THEN n ELSE 0 END),
    sum(CASE WHEN satisfaction IN ('satisfied', 'basically_satisfied') THEN n ELSE 0 END)
  FROM inquiry_day_channel_stats GROUP BY day, channel_code, reply_day;--> statement-breakpoint
DROP TABLE `inquiry_day_channel_stats`;--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_counts_ai AFTER INSERT ON inquiries BEGIN
  INSERT INTO inquiry_day_channel_counts (day, channel_code, reply_day, n, pending, on_time, rated, satisfied)
    VALUES ((new.received_at + 28800000) / 86400000, new.channel_code, ifnull((new.replied_at + 28800000) / 86400000, -1), 1, new.status IN ('new', 'assigned'), ifnull(new.replied_at <= coalesce(new.first_due_at, new.due_at), 0), ifnull(new.satisfaction, '') <> '', ifnull(new.satisfaction, '') IN ('satisfied', 'basically_satisfied'))
    ON CONFLICT (day, channel_code, reply_day) DO UPDATE SET n = n + 1, pending = pending + excluded.pending,
      on_time = on_time + excluded.on_time, rated = rated + excluded.rated, satisfied = satisfied + excluded.satisfied;
END;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_counts_ad AFTER DELETE ON inquiries BEGIN
  UPDATE inquiry_day_channel_counts SET n = n - 1,
      pending = pending - (old.status IN ('new', 'assigned')),
      on_time = on_time - ifnull(old.replied_at <= coalesce(old.first_due_at, old.due_at), 0),
      rated = rated - (ifnull(old.satisfaction, '') <> ''),
      satisfied = satisfied - (ifnull(old.satisfaction, '') IN ('satisfied', 'basically_satisfied'))
    WHERE day = (old.received_at + 28800000) / 86400000
      AND channel_code = old.channel_code
      AND reply_day = ifnull((old.replied_at + 28800000) / 86400000, -1);
END;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_counts_au AFTER UPDATE OF received_at, channel_code, status, replied_at, due_at, first_due_at, satisfaction ON inquiries
  WHEN old.received_at IS NOT new.received_at
    OR old.channel_code IS NOT new.channel_code
    OR old.status IS NOT new.status
    OR old.replied_at IS NOT new.replied_at
    OR old.due_at IS NOT new.due_at
    OR old.first_due_at IS NOT new.first_due_at
    OR old.satisfaction IS NOT new.satisfaction BEGIN
  UPDATE inquiry_day_channel_counts SET n = n - 1,
      pending = pending - (old.status IN ('new', 'assigned')),
      on_time = on_time - ifnull(old.replied_at <= coalesce(old.first_due_at, old.due_at), 0),
      rated = rated - (ifnull(old.satisfaction, '') <> ''),
      satisfied = satisfied - (ifnull(old.satisfaction, '') IN ('satisfied', 'basically_satisfied'))
    WHERE day = (old.received_at + 28800000) / 86400000
      AND channel_code = old.channel_code
      AND reply_day = ifnull((old.replied_at + 28800000) / 86400000, -1);
  INSERT INTO inquiry_day_channel_counts (day, channel_code, reply_day, n, pending, on_time, rated, satisfied)
    VALUES ((new.received_at + 28800000) / 86400000, new.channel_code, ifnull((new.replied_at + 28800000) / 86400000, -1), 1, new.status IN ('new', 'assigned'), ifnull(new.replied_at <= coalesce(new.first_due_at, new.due_at), 0), ifnull(new.satisfaction, '') <> '', ifnull(new.satisfaction, '') IN ('satisfied', 'basically_satisfied'))
    ON CONFLICT (day, channel_code, reply_day) DO UPDATE SET n = n + 1, pending = pending + excluded.pending,
      on_time = on_time + excluded.on_time, rated = rated + excluded.rated, satisfied = satisfied + excluded.satisfied;
END;
