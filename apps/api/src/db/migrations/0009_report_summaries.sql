-- Report summaries kept by triggers (see db/schema.ts) replace the wide report index; the status/channel
-- index goes (counts read inquiry_counts) and the assignee/department indexes become partial: fewer
-- index writes per new inquiry (bulk imports of a year's channel export) and a year's dashboard reads summary rows.
CREATE TABLE `inquiry_day_channel_stats` (
	`day` integer NOT NULL,
	`channel_code` text NOT NULL,
	`status` text NOT NULL,
	`reply_day` integer NOT NULL,
	`on_time` integer NOT NULL,
	`satisfaction` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`day`, `channel_code`, `status`, `reply_day`, `on_time`, `satisfaction`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `inquiry_day_workload_stats` (
	`day` integer NOT NULL,
	`category` text NOT NULL,
	`department_id` integer NOT NULL,
	`assignee_id` integer NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`day`, `category`, `department_id`, `assignee_id`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP INDEX `inquiries_report_idx`;--> statement-breakpoint
DROP INDEX `inquiries_status_channel_idx`;--> statement-breakpoint
DROP INDEX `inquiries_assignee_status_idx`;--> statement-breakpoint
DROP INDEX `inquiries_department_status_idx`;--> statement-breakpoint
CREATE INDEX `inquiries_assignee_status_idx` ON `inquiries` (`assignee_id`,`status`) WHERE assignee_id is not null;--> statement-breakpoint
CREATE INDEX `inquiries_department_status_idx` ON `inquiries` (`department_id`,`status`) WHERE department_id is not null;
--> statement-breakpoint
-- Backfill from the rows present now; from here on the triggers keep each summary exact.
INSERT INTO inquiry_day_channel_stats (day, channel_code, status, reply_day, on_time, satisfaction, n)
  SELECT (inquiries.received_at + 28800000) / 86400000, inquiries.channel_code, inquiries.status, ifnull((inquiries.replied_at + 28800000) / 86400000, -1), ifnull(inquiries.replied_at <= inquiries.due_at, 0), ifnull(inquiries.satisfaction, ''), count(*)
  FROM inquiries GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_stats_ai AFTER INSERT ON inquiries BEGIN
  INSERT INTO inquiry_day_channel_stats (day, channel_code, status, reply_day, on_time, satisfaction, n)
    VALUES ((new.received_at + 28800000) / 86400000, new.channel_code, new.status, ifnull((new.replied_at + 28800000) / 86400000, -1), ifnull(new.replied_at <= new.due_at, 0), ifnull(new.satisfaction, ''), 1)
    ON CONFLICT (day, channel_code, status, reply_day, on_time, satisfaction) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_stats_ad AFTER DELETE ON inquiries BEGIN
  UPDATE inquiry_day_channel_stats SET n = n - 1
    WHERE day = (old.received_at + 28800000) / 86400000
      AND channel_code = old.channel_code
      AND status = old.status
      AND reply_day = ifnull((old.replied_at + 28800000) / 86400000, -1)
      AND on_time = ifnull(old.replied_at <= old.due_at, 0)
      AND satisfaction = ifnull(old.satisfaction, '');
END;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_channel_stats_au AFTER UPDATE OF received_at, channel_code, status, replied_at, due_at, satisfaction ON inquiries
  WHEN old.received_at IS NOT new.received_at
    OR old.channel_code IS NOT new.channel_code
    OR old.status IS NOT new.status
    OR old.replied_at IS NOT new.replied_at
    OR old.due_at IS NOT new.due_at
    OR old.satisfaction IS NOT new.satisfaction BEGIN
  UPDATE inquiry_day_channel_stats SET n = n - 1
    WHERE day = (old.received_at + 28800000) / 86400000
      AND channel_code = old.channel_code
      AND status = old.status
      AND reply_day = ifnull((old.replied_at + 28800000) / 86400000, -1)
      AND on_time = ifnull(old.replied_at <= old.due_at, 0)
      AND satisfaction = ifnull(old.satisfaction, '');
  INSERT INTO inquiry_day_channel_stats (day, channel_code, status, reply_day, on_time, satisfaction, n)
    VALUES ((new.received_at + 28800000) / 86400000, new.channel_code, new.status, ifnull((new.replied_at + 28800000) / 86400000, -1), ifnull(new.replied_at <= new.due_at, 0), ifnull(new.satisfaction, ''), 1)
    ON CONFLICT (day, channel_code, status, reply_day, on_time, satisfaction) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
INSERT INTO inquiry_day_workload_stats (day, category, department_id, assignee_id, status, n)
  SELECT (inquiries.received_at + 28800000) / 86400000, ifnull(inquiries.category, ''), ifnull(inquiries.department_id, 0), ifnull(inquiries.assignee_id, 0), inquiries.status, count(*)
  FROM inquiries GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_workload_stats_ai AFTER INSERT ON inquiries BEGIN
  INSERT INTO inquiry_day_workload_stats (day, category, department_id, assignee_id, status, n)
    VALUES ((new.received_at + 28800000) / 86400000, ifnull(new.category, ''), ifnull(new.department_id, 0), ifnull(new.assignee_id, 0), new.status, 1)
    ON CONFLICT (day, category, department_id, assignee_id, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_workload_stats_ad AFTER DELETE ON inquiries BEGIN
  UPDATE inquiry_day_workload_stats SET n = n - 1
    WHERE day = (old.received_at + 28800000) / 86400000
      AND category = ifnull(old.category, '')
      AND department_id = ifnull(old.department_id, 0)
      AND assignee_id = ifnull(old.assignee_id, 0)
      AND status = old.status;
END;
--> statement-breakpoint
CREATE TRIGGER inquiry_day_workload_stats_au AFTER UPDATE OF received_at, category, department_id, assignee_id, status ON inquiries
  WHEN old.received_at IS NOT new.received_at
    OR old.category IS NOT new.category
    OR old.department_id IS NOT new.department_id
    OR old.assignee_id IS NOT new.assignee_id
    OR old.status IS NOT new.status BEGIN
  UPDATE inquiry_day_workload_stats SET n = n - 1
    WHERE day = (old.received_at + 28800000) / 86400000
      AND category = ifnull(old.category, '')
      AND department_id = ifnull(old.department_id, 0)
      AND assignee_id = ifnull(old.assignee_id, 0)
      AND status = old.status;
  INSERT INTO inquiry_day_workload_stats (day, category, department_id, assignee_id, status, n)
    VALUES ((new.received_at + 28800000) / 86400000, ifnull(new.category, ''), ifnull(new.department_id, 0), ifnull(new.assignee_id, 0), new.status, 1)
    ON CONFLICT (day, category, department_id, assignee_id, status) DO UPDATE SET n = n + 1;
END;
