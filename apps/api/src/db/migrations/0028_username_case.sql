-- Usernames are compared without case from here on: the API stores them in lower case
-- (domain normalizeUsername), so 'Zhang' and 'zhang' can no longer be two accounts. Where they
-- already are, the oldest account of each such group keeps the name (in lower case) and each
-- other is renamed <name>-<id>: no account is lost, each can still sign in with its (new) name,
-- and every rename is written to the audit log (username_renamed, with the old and the new name)
-- for the security admin and the auditor to tell its owner. The rest are lowercased.
INSERT INTO `audit_log` (`at`, `actor_id`, `actor_name`, `action`, `target`, `detail`)
SELECT CAST(strftime('%s', 'now') AS INTEGER) * 1000, NULL, NULL, 'username_renamed', 'user:' || u.`id`,
  json_object('from', u.`username`, 'to', lower(u.`username`) || '-' || u.`id`, 'reason', 'case_clash')
FROM `users` u
WHERE EXISTS (SELECT 1 FROM `users` o WHERE lower(o.`username`) = lower(u.`username`) AND o.`id` < u.`id`)
ORDER BY u.`id`;
--> statement-breakpoint
UPDATE `users` SET `username` = lower(`username`) || '-' || `id`
WHERE EXISTS (SELECT 1 FROM `users` o WHERE lower(o.`username`) = lower(`users`.`username`) AND o.`id` < `users`.`id`);
--> statement-breakpoint
UPDATE `users` SET `username` = lower(`username`) WHERE `username` <> lower(`username`);
