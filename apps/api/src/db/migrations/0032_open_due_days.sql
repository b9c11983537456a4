CREATE TABLE `inquiry_open_due_days` (
	`day` integer NOT NULL,
	`due_day` integer NOT NULL,
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`day`, `due_day`, `dimension`, `value`)
);
--> statement-breakpoint
-- Open inquiries with a running clock (schema.ts inquiryOpenDueDays) per day of receipt, day of
-- their due instant and dimension, so the dashboard's overdue count reads a few rows per day
-- instead of every pending row of the range. Counted: status new or assigned (domain
-- PENDING_STATUSES) and not paused, the queue's `due` predicate but for the instant. Days are
-- Asia/Shanghai dates as days since 1970-01-01, as in the other summaries.
INSERT INTO inquiry_open_due_days (day, due_day, dimension, value, n)
  SELECT day, due_day, dimension, value, count(*) FROM (
    SELECT (received_at + 28800000) / 86400000 AS day, (due_at + 28800000) / 86400000 AS due_day,
      'channel' AS dimension, channel_code AS value
      FROM inquiries WHERE status IN ('new', 'assigned') AND paused_at IS NULL
    UNION ALL
    SELECT (received_at + 28800000) / 86400000, (due_at + 28800000) / 86400000, 'category', ifnull(category, '')
      FROM inquiries WHERE status IN ('new', 'assigned') AND paused_at IS NULL
    UNION ALL
    SELECT (received_at + 28800000) / 86400000, (due_at + 28800000) / 86400000, 'department', ifnull(CAST(department_id AS text), '')
      FROM inquiries WHERE status IN ('new', 'assigned') AND paused_at IS NULL
    UNION ALL
    SELECT (received_at + 28800000) / 86400000, (due_at + 28800000) / 86400000, 'assignee', ifnull(CAST(assignee_id AS text), '')
      FROM inquiries WHERE status IN ('new', 'assigned') AND paused_at IS NULL
  ) GROUP BY 1, 2, 3, 4;--> statement-breakpoint
CREATE TRIGGER inquiry_open_due_days_ai AFTER INSERT ON inquiries
  WHEN new.status IN ('new', 'assigned') AND new.paused_at IS NULL BEGIN
  INSERT INTO inquiry_open_due_days (day, due_day, dimension, value, n)
    SELECT (new.received_at + 28800000) / 86400000, (new.due_at + 28800000) / 86400000, d.dimension, d.value, 1
    FROM (SELECT 'channel' AS dimension, new.channel_code AS value
      UNION ALL SELECT 'category', ifnull(new.category, '')
      UNION ALL SELECT 'department', ifnull(CAST(new.department_id AS text), '')
      UNION ALL SELECT 'assignee', ifnull(CAST(new.assignee_id AS text), '')) d
    WHERE true
    ON CONFLICT (day, due_day, dimension, value) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER inquiry_open_due_days_ad AFTER DELETE ON inquiries
  WHEN old.status IN ('new', 'assigned') AND old.paused_at IS NULL BEGIN
  UPDATE inquiry_open_due_days SET n = n - 1
    WHERE day = (old.received_at + 28800000) / 86400000 AND due_day = (old.due_at + 28800000) / 86400000
      AND (dimension, value) IN (VALUES ('channel', old.channel_code), ('category', ifnull(old.category, '')),
        ('department', ifnull(CAST(old.department_id AS text), '')), ('assignee', ifnull(CAST(old.assignee_id AS text), '')));
END;
--> statement-breakpoint
CREATE TRIGGER inquiry_open_due_days_au AFTER UPDATE OF received_at, due_at, status, paused_at, channel_code, category, department_id, assignee_id ON inquiries
  WHEN (old.status IN ('new', 'assigned') AND old.paused_at IS NULL
      OR new.status IN ('new', 'assigned') AND new.paused_at IS NULL)
    AND (old.received_at IS NOT new.received_at
      OR old.due_at IS NOT new.due_at
      OR old.status IS NOT new.status
      OR old.paused_at IS NOT new.paused_at
      OR old.channel_code IS NOT new.channel_code
      OR old.category IS NOT new.category
      OR old.department_id IS NOT new.department_id
      OR old.assignee_id IS NOT new.assignee_id) BEGIN
  UPDATE inquiry_open_due_days SET n = n - 1
    WHERE old.status IN ('new', 'assigned') AND old.paused_at IS NULL
      AND day = (old.received_at + 28800000) / 86400000 AND due_day = (old.due_at + 28800000) / 86400000
      AND (dimension, value) IN (VALUES ('channel', old.channel_code), ('category', ifnull(old.category, '')),
        ('department', ifnull(CAST(old.department_id AS text), '')), ('assignee', ifnull(CAST(old.assignee_id AS text), '')));
  INSERT INTO inquiry_open_due_days (day, due_day, dimension, value, n)
    SELECT (new.received_at + 28800000) / 86400000, (new.due_at + 28800000) / 86400000, d.dimension, d.value, 1
    FROM (SELECT 'channel' AS dimension, new.channel_code AS value
      UNION ALL SELECT 'category', ifnull(new.category, '')
      UNION ALL SELECT 'department', ifnull(CAST(new.department_id AS text), '')
      UNION ALL SELECT 'assignee', ifnull(CAST(new.assignee_id AS text), '')) d
    WHERE new.status IN ('new', 'assigned') AND new.paused_at IS NULL
    ON CONFLICT (day, due_day, dimension, value) DO UPDATE SET n = n + 1;
END;
