-- The co-units of lead items imported before proposal_co_units existed were written into the
-- item's text as 协办单位：A、B (separated as proposal.ts splitCoUnits reads them): one row each,
-- in the order written, repeats once. The text itself stays as it was received.
WITH RECURSIVE parts(inquiry_id, position, unit, rest) AS (
  SELECT p.inquiry_id, 0, '',
    replace(replace(replace(replace(replace(substr(i.body, 6), '，', '、'), ',', '、'), '；', '、'), ';', '、'), ' ', '、') || '、'
  FROM proposals p JOIN inquiries i ON i.id = p.inquiry_id
  WHERE p.role = 'lead' AND substr(i.body, 1, 5) = '协办单位：'
    AND NOT EXISTS (SELECT 1 FROM proposal_co_units c WHERE c.inquiry_id = p.inquiry_id)
  UNION ALL
  SELECT inquiry_id, position + 1, trim(substr(rest, 1, instr(rest, '、') - 1)), substr(rest, instr(rest, '、') + 1)
  FROM parts WHERE rest <> ''
)
INSERT INTO proposal_co_units (inquiry_id, position, unit)
SELECT inquiry_id, row_number() OVER (PARTITION BY inquiry_id ORDER BY min(position)) - 1, unit
FROM parts WHERE unit <> '' GROUP BY inquiry_id, unit;
