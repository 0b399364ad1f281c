-- How many companies are in the peer group in one year (never counting the subject $exclude).
select count(*) as companies
from selected_facts($sel)
where year = $year
  and org_nr <> $exclude
