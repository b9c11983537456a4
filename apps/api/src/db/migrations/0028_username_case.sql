-- Usernames are compared without case from here on: the API stores them in lower case
-- (domain normalizeUsername), so 'Zhang' and 'zhang' can no longer be two accounts. Where they
-- already are, the oldest account of each such group keeps the name (in lower case) and each
-- other is renamed <name>-<id>: no account is lost, each can still sign in with its (new) name,
-- and every rename is written to the audit log (username_renamed, with the old and the new name)
-- for the security admin and the auditor to tell its owner. The rest are lowercased.
-- The new name is the first of <name>-<id>, <name>-<id>-1, <name>-<id>-2 … that no account has
-- in any case (an account may already be called zhang-7); a taken name would stop the migration
-- and with it the desk.
CREATE TEMP TABLE `username_renames` AS
WITH RECURSIVE `tries`(`id`, `from_name`, `base`, `k`) AS (
  SELECT u.`id`, u.`username`, lower(u.`username`) || '-' || u.`id`, 0
  FROM `users` u
  WHERE EXISTS (SELECT 1 FROM `users` o WHERE lower(o.`username`) = lower(u.`username`) AND o.`id` < u.`id`)
  UNION ALL
  SELECT `id`, `from_name`, `base`, `k` + 1 FROM `tries` WHERE `k` < 100
)
SELECT t.`id`, t.`from_name`, t.`base` || CASE WHEN min(t.`k`) = 0 THEN '' ELSE '-' || min(t.`k`) END AS `to_name`
FROM `tries` t
WHERE NOT EXISTS (
  SELECT 1 FROM `users` o
  WHERE lower(o.`username`) = t.`base` || CASE WHEN t.`k` = 0 THEN '' ELSE '-' || t.`k` END
)
GROUP BY t.`id`, t.`from_name`, t.`base`;
--> statement-breakpoint
INSERT INTO `audit_log` (`at`, `actor_id`, `actor_name`, `action`, `target`, `detail`)
SELECT CAST(strftime('%s', 'now') AS INTEGER) * 1000, NULL, NULL, 'username_renamed', 'user:' || r.`id`,
  json_object('from', r.`from_name`, 'to', r.`to_name`, 'reason', 'case_clash')
FROM `username_renames` r
ORDER BY r.`id`;
--> statement-breakpoint
UPDATE `users` SET `username` = (SELECT r.`to_name` FROM `username_renames` r WHERE r.`id` = `users`.`id`)
WHERE `id` IN (SELECT `id` FROM `username_renames`);
--> statement-breakpoint
DROP TABLE `username_renames`;
--> statement-breakpoint
UPDATE `users` SET `username` = lower(`username`) WHERE `username` <> lower(`username`);
