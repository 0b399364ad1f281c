-- Companies reporting in a year, for a picker: those that reached $status (0 all, 1 nominees,
-- 2 finalists, 3 winners) for $prize, whose name contains $search or whose organisation number
-- starts with it; nominees first, then by name, at most $limit.
select c.org_nr, c.name,
       case when $prize = 'special' then f.special_level else f.main_level end as level
from facts f
join companies c using (org_nr)
where f.year = $year
  and in_selection(f.county, f.sector, f.size_class, f.main_level, f.special_level,
                   f.main_published, f.special_published, [], [], [], $status, $prize, $as_of)
  and ($search = '' or contains(lower(c.name), lower($search)) or starts_with(c.org_nr, $search))
order by level desc, c.name
limit $limit
