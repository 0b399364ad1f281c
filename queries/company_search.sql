-- Companies reporting in a year, for a picker: those in the selection $sel (its status and
-- prize: 0 all, 1 nominees, 2 finalists, 3 winners) whose name contains $search or whose
-- organisation number starts with it; nominees first, then by name, at most $limit.
select c.org_nr, c.name,
       case when $sel['prize'] = 'special' then f.special_level else f.main_level end as level
from selected_facts($sel) f
join companies c using (org_nr)
where f.year = $year
  and ($search = '' or contains(lower(c.name), lower($search)) or starts_with(c.org_nr, $search))
order by level desc, c.name
limit $limit
