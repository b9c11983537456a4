-- A suggestion's or proposal's identity is its source body, session and number (domain
-- proposalIdentity), kept as its inquiry's external id on the proposals channel:
-- `<source>·<session>第<number>号` with spaces (ASCII, tab, line breaks, no-break, ideographic)
-- removed from source and session and the number without leading zeros. Before, it was
-- `<session>第<number>号` as written, so 区人大's 第101号 clashed with 市人大's, and `0123` / `123`
-- or `十六届 五次` / `十六届五次` were two items. Stored numbers are ASCII already (the number format).
-- Where an earlier version let one item in twice, the oldest takes the identity and each other
-- becomes <identity>-<inquiry id>: no item is lost, and every rename is written to the audit log
-- (external_id_renamed, reason proposal_identity) for staff to merge the duplicate.
WITH k AS (SELECT p.`inquiry_id` AS id, replace(replace(replace(replace(replace(replace(p.`source`, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), char(12288), '') || '·' || replace(replace(replace(replace(replace(replace(p.`session`, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), char(12288), '') || '第' || coalesce(nullif(ltrim(p.`number`, '0'), ''), '0') || '号' AS ref FROM `proposals` p)
INSERT INTO `audit_log` (`at`, `actor_id`, `actor_name`, `action`, `target`, `detail`)
SELECT CAST(strftime('%s', 'now') AS INTEGER) * 1000, NULL, NULL, 'external_id_renamed', 'inquiry:' || i.`id`,
  json_object('channel', i.`channel_code`, 'from', i.`external_id`, 'to', k.ref || '-' || k.id, 'reason', 'proposal_identity')
FROM k JOIN `inquiries` i ON i.`id` = k.id
WHERE EXISTS (SELECT 1 FROM k o WHERE lower(o.ref) = lower(k.ref) AND o.id < k.id)
ORDER BY k.id;
--> statement-breakpoint
WITH k AS (SELECT p.`inquiry_id` AS id, replace(replace(replace(replace(replace(replace(p.`source`, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), char(12288), '') || '·' || replace(replace(replace(replace(replace(replace(p.`session`, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), char(12288), '') || '第' || coalesce(nullif(ltrim(p.`number`, '0'), ''), '0') || '号' AS ref FROM `proposals` p),
r AS (SELECT k.id, CASE WHEN EXISTS (SELECT 1 FROM k o WHERE lower(o.ref) = lower(k.ref) AND o.id < k.id)
  THEN k.ref || '-' || k.id ELSE k.ref END AS ref FROM k)
UPDATE `inquiries` SET `external_id` = r.ref FROM r WHERE `inquiries`.`id` = r.id;
