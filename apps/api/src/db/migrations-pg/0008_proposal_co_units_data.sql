-- The co-units of lead items imported before proposal_co_units existed were written into the
-- item's text as 协办单位：A、B (separated as proposal.ts splitCoUnits reads them): one row each,
-- in the order written, repeats once. The text itself stays as it was received.
INSERT INTO proposal_co_units (inquiry_id, position, unit)
SELECT inquiry_id, (row_number() OVER (PARTITION BY inquiry_id ORDER BY min(n)) - 1)::integer, unit
FROM (
  SELECT p.inquiry_id, t.n, t.unit
  FROM proposals p
  JOIN inquiries i ON i.id = p.inquiry_id
  CROSS JOIN LATERAL regexp_split_to_table(substr(i.body, 6), '[、，,；;[:space:]]+') WITH ORDINALITY AS t(unit, n)
  WHERE p.role = 'lead' AND substr(i.body, 1, 5) = '协办单位：'
    AND NOT EXISTS (SELECT 1 FROM proposal_co_units c WHERE c.inquiry_id = p.inquiry_id)
) parts
WHERE unit <> ''
GROUP BY inquiry_id, unit;
